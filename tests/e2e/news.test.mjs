// A plain-text news article in the demo: a quote's popup names its speaker and their role, an
// abbreviation's popup gives the long form. Expectations come from the fixture's gold annotations.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openDemo, openPopup, ROOT, shot, squash, start } from './support.mjs';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'news', 'chip-plant');

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

async function openArticle() {
  const text = await readFile(`${FIXTURE}.txt`, 'utf8');
  const gold = JSON.parse(await readFile(`${FIXTURE}.gold.json`, 'utf8'));
  const demo = await openDemo(env);
  await demo.page.locator('#article').fill(text);
  await demo.page.waitForFunction(
    (title) => document.querySelector('[data-cite-reader] h1')?.textContent.includes(title),
    gold.title,
  );
  return { ...demo, gold };
}

test('a quote popup names the speaker and their role', async () => {
  const { page, context, errors, gold } = await openArticle();
  const quote = gold.quotes.find((q) => {
    const source = gold.sources.find((s) => s.name === q.speaker);
    return q.kind === 'speech' && source?.role_contains;
  });
  assert.ok(quote, 'the fixture has a quote by a person with a role');
  const source = gold.sources.find((s) => s.name === quote.speaker);
  const marker = page
    .locator('[data-cite-reader] [data-kind="quote"]')
    .filter({ hasText: quote.text.slice(0, 20) })
    .first();
  await marker.focus();
  const popup = await openPopup(page, marker);
  const text = squash(await popup.innerText());
  assert.ok(text.includes(source.name), `the popup names ${source.name}: ${text}`);
  assert.ok(text.includes(source.role_contains), `the popup gives the role: ${text}`);
  await shot(page, '10-news-quote');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an abbreviation popup gives the long form', async () => {
  const { page, context, errors, gold } = await openArticle();
  const abbreviation = gold.abbreviations[0];
  const marker = page
    .locator('[data-cite-reader] [data-kind="abbreviation"]')
    .filter({ hasText: abbreviation.short.replace(/s$/, '') })
    .first();
  await marker.hover();
  const popup = await openPopup(page, marker);
  const text = squash(await popup.innerText());
  assert.ok(text.includes(abbreviation.long), `the popup gives "${abbreviation.long}": ${text}`);
  await shot(page, '11-news-abbreviation');
  assert.deepEqual(errors, []);
  await context.close();
});
