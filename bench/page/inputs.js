// Deterministic benchmark inputs: news text and Markdown of any size, built from varied paragraphs.
//
// Everything here is original text with invented names. A seeded generator varies names, numbers,
// organizations and sentence shapes, so a 10 MB input is not one paragraph repeated (which would
// flatter caches and make every abbreviation and speaker look the same), and every run builds the
// same bytes. Pure ES module: the bench page imports it, and so can Node.

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = ['Ana', 'Boris', 'Celine', 'Dario', 'Esme', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas',
  'Keiko', 'Lars', 'Mirela', 'Nadim', 'Odile', 'Pavel', 'Quinn', 'Rosa', 'Sven', 'Tamsin', 'Umar',
  'Vera', 'Wen', 'Yara'];
const FAMILY = ['Albrecht', 'Brannock', 'Castellane', 'Dovrin', 'Eskildsen', 'Fairweather', 'Galloway',
  'Halvorsen', 'Ishikawa', 'Jarosz', 'Kovalenko', 'Lindqvist', 'Morandi', 'Novak', 'Okonkwo', 'Petrakis',
  'Quennell', 'Rasmussen', 'Szabo', 'Thorne', 'Ulverston', 'Valdivia', 'Whitcombe', 'Zeller'];
const ROLES = ['a senior analyst', 'the deputy director', 'a professor of economics', 'the chief engineer',
  'a former minister of transport', 'a spokeswoman', 'a spokesman', 'the head of research',
  'a researcher', 'the chairwoman'];
const ORGS = [
  ['Regional Water Authority', 'RWA'], ['Northern Shipping Council', 'NSC'],
  ['Institute for Grid Studies', 'IGS'], ['Coastal Fisheries Board', 'CFB'],
  ['National Rail Safety Office', 'NRSO'], ['Federation of Small Farms', 'FSF'],
  ['Council on Urban Housing', 'CUH'], ['Agency for Port Logistics', 'APL'],
  ['Office of Budget Review', 'OBR'], ['League of Rural Clinics', 'LRC'],
];
const PLACES = ['HARBORVALE', 'NORTH ASHFORD', 'LINDENMOOR', 'PORT CALLOWAY', 'ESTERHILL', 'MARROWDALE'];
const THINGS = ['the new canal locks', 'freight volumes', 'the rail tender', 'winter grain prices',
  'the clinic budget', 'the housing plan', 'turbine output', 'the ferry timetable', 'reservoir levels',
  'the bond sale'];
const PARTICIPLES = ['risen', 'fallen', 'stalled', 'doubled', 'recovered', 'slipped'];
const VERBS = ['rose', 'fell', 'stalled', 'doubled', 'recovered', 'slipped', 'jumped', 'held steady'];
const SAYS = ['said', 'told reporters', 'added', 'argued', 'warned', 'noted', 'wrote in a statement'];
const UNNAMED = ['Some observers', 'Two officials familiar with the talks', 'Analysts',
  'People close to the board', 'Several residents'];
const CLAIMS = [
  'We did not expect the numbers to move this quickly',
  'Nobody in the room wanted to be the first to blink',
  'The plan works on paper, but paper does not carry freight',
  'It will take another season before anyone can judge it fairly',
  'We have asked for the full figures and have not received them',
  'There is more money in the budget than the ministry admits',
  'The engineers told us the schedule was never realistic',
  'If the rain holds off, the harvest will cover the shortfall',
];

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

function person(r) {
  const given = pick(r, GIVEN);
  const family = pick(r, FAMILY);
  const honorific = r() < 0.5 ? 'Mr.' : r() < 0.6 ? 'Ms.' : 'Dr.';
  return { full: `${given} ${family}`, family, honorific };
}

/** One news paragraph, in one of several shapes: quotes, attributions, acronyms, plain narrative. */
function newsParagraph(r) {
  const p = person(r);
  const [org, acronym] = pick(r, ORGS);
  const n = 2 + Math.floor(r() * 97);
  const year = 2009 + Math.floor(r() * 16);
  const thing = pick(r, THINGS);
  switch (Math.floor(r() * 6)) {
    case 0:
      return `“${pick(r, CLAIMS)},” ${p.honorific} ${p.family} ${pick(r, SAYS)}. “${pick(r, CLAIMS)}.”`;
    case 1:
      return `${p.full}, ${pick(r, ROLES)} at the ${org} (${acronym}), said ${thing} had ${pick(r, PARTICIPLES)} by ${n} percent since ${year}, the largest change in a decade.`;
    case 2:
      return `According to ${pick(r, ['a report by the', 'figures from the', 'an internal memo of the'])} ${acronym}, ${thing} ${pick(r, VERBS)} in ${n} of the ${n + 11 + Math.floor(r() * 40)} districts surveyed last year, though the agency cautioned that the sample was small.`;
    case 3:
      return `${pick(r, UNNAMED)} said ${thing} would be delayed again. ${p.honorific} ${p.family} disagreed: “${pick(r, CLAIMS)}.” The ${acronym} declined to comment on the dispute.`;
    case 4:
      return `The dispute over ${thing} began in ${year}, when the council approved ${n} million in spending without a public hearing. Residents of the eastern districts, who pay most of the levy, have since filed ${Math.floor(n / 3) + 1} complaints.`;
    default:
      return `“${pick(r, CLAIMS)},” said ${p.full}, ${pick(r, ROLES)} of the ${org}, who has studied ${thing} for ${Math.floor(n / 7) + 2} years.`;
  }
}

/**
 * A plain-text news article of at least `bytes` UTF-8 bytes (a few hundred more at most): title,
 * byline, dateline, then varied paragraphs separated by blank lines.
 */
export function newsText(bytes, seed = 7) {
  const r = rng(seed);
  const place = pick(r, PLACES);
  const head = `Council Delays Vote on ${pick(r, THINGS).replace(/^the /, '')} Again\n\n` +
    `By ${person(r).full} and ${person(r).full}\n\n` +
    `${place} — ${newsParagraph(r)}\n\n`;
  const parts = [head];
  let size = utf8Length(head);
  while (size < bytes) {
    const paragraph = newsParagraph(r) + '\n\n';
    parts.push(paragraph);
    size += utf8Length(paragraph);
  }
  return parts.join('');
}

/** One Markdown section: heading, paragraphs with inline markup and footnote references, a list, and
 * now and then a table, a block quotation or a code block. `k` makes footnote labels unique. */
function markdownSection(r, k) {
  const p = person(r);
  const [org, acronym] = pick(r, ORGS);
  const thing = pick(r, THINGS);
  const n = 2 + Math.floor(r() * 97);
  const lines = [];
  lines.push(`## ${k}. On ${thing.replace(/^the /, '')}`, '');
  lines.push(`The ${org} (${acronym}) has *twice* revised its estimate of ${thing}[^n${k}a], and the ` +
    `**second** revision — published in [its annual review](https://example.org/review/${k} "Review ${k}") — ` +
    `cut the figure by ${n} percent. ${p.full} called it \`provisional\`.[^n${k}b]`, '');
  lines.push(`“${pick(r, CLAIMS)},” ${p.honorific} ${p.family} ${pick(r, SAYS)}. Readers who want the ` +
    `background can start with the ${acronym}'s ~~draft~~ final notes, or with section ${k - 1 > 0 ? k - 1 : 1}.`, '');
  lines.push(`- ${pick(r, CLAIMS)}`, `- ${thing} ${pick(r, VERBS)} in ${2000 + n}`, `- see <https://example.net/${k}>`, '');
  switch (k % 4) {
    case 0:
      lines.push('| District | Change | Note |', '|:--|--:|---|',
        `| East | ${n}% | ${pick(r, VERBS)} |`, `| West | ${n % 13}% | *revised* |`, '');
      break;
    case 1:
      lines.push(`> ${pick(r, CLAIMS)}. ${pick(r, CLAIMS)}.`, '>', `> — ${p.full}`, '');
      break;
    case 2:
      lines.push('```text', `estimate ${k}: ${n}`, `revised: ${Math.floor(n / 2)}`, '```', '');
      break;
    default:
      lines.push(`1. First, ${thing} ${pick(r, VERBS)}.`, `2. Then the ${acronym} ${pick(r, SAYS)} so.`, '');
  }
  lines.push(`[^n${k}a]: ${p.full}, ${pick(r, ROLES)}, interview, ${2010 + (n % 15)}.`,
    `[^n${k}b]: The ${acronym} figures for ${2000 + n}, table ${n % 9 + 1}.`, '');
  return lines.join('\n') + '\n';
}

/** A Markdown document of at least `bytes` UTF-8 bytes. */
export function markdownText(bytes, seed = 11) {
  const r = rng(seed);
  const parts = ['# Notes on the regional budget\n\n'];
  let size = utf8Length(parts[0]);
  for (let k = 1; size < bytes; k++) {
    const section = markdownSection(r, k);
    parts.push(section);
    size += utf8Length(section);
  }
  return parts.join('');
}

export function utf8Length(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes;
}
