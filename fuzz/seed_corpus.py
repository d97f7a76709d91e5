#!/usr/bin/env python3
"""Writes the seed corpus of the parse_render fuzz target into fuzz/corpus/parse_render/.

Seeds: every article of tests/fixtures, every CommonMark spec and footnote example and every XSS
vector of ../shared/suites (skipped with a notice when absent), and the BibTeX fixtures as the
bibliography of a short article citing them. Each seed is the target's option bytes followed by the
text (see fuzz_targets/parse_render.rs: the options come first, the article is the rest).
"""

import hashlib
import json
import re
import struct
import sys
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
ROOT = FUZZ.parent
SHARED = ROOT.parent / "shared"
OUT = FUZZ / "corpus" / "parse_render"

AUTO, TEXT, MARKDOWN = 0, 1, 2
ESCAPE, SANITIZE, TRUSTED = 0, 1, 2


def options(fmt, raw_html, style=0, prefix=0, bibliography_split=None):
    """The fixed option bytes, in the order of the target's `Input` fields."""
    head = bytes([fmt, 1, 1, raw_html, 1, 0, 1, style, prefix])
    head += b"\x00"  # max_input_bytes: None
    if bibliography_split is None:
        head += b"\x00"
    else:
        head += b"\x01" + struct.pack("<H", min(bibliography_split, 0xFFFF))
    return head


count = 0


def seed(data):
    global count
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / hashlib.sha1(data).hexdigest()).write_bytes(data)
    count += 1


def examples(spec_text):
    """The Markdown of every example block of a cmark-style spec file."""
    fence = "`" * 32 + " example\n"
    for block in spec_text.split(fence)[1:]:
        markdown = block.split("\n.\n", 1)[0].replace("→", "\t")
        yield markdown + "\n"


for path in sorted((ROOT / "tests" / "fixtures").rglob("*")):
    if path.suffix in (".txt", ".md"):
        text = path.read_bytes()
        seed(options(AUTO, SANITIZE) + text)
        seed(options(TEXT if path.suffix == ".txt" else MARKDOWN, ESCAPE) + text)
    elif path.suffix == ".bib":
        bib = path.read_bytes()
        keys = re.findall(rb"@\w+\{([^,\s]+),", bib)[:4]
        article = b"# Notes\n\nAs shown [@" + b"; @".join(keys) + b", p. 3].\n"
        seed(options(MARKDOWN, SANITIZE, style=1, bibliography_split=len(bib)) + bib + article)

if SHARED.is_dir():
    suites = SHARED / "suites"
    for i, md in enumerate(examples((suites / "commonmark" / "spec.txt").read_text())):
        seed(options(MARKDOWN, [ESCAPE, SANITIZE, TRUSTED][i % 3]) + md.encode())
    for md in examples((suites / "footnotes" / "footnotes.txt").read_text()):
        seed(options(MARKDOWN, SANITIZE) + md.encode())
    for name in ("h5sc-vectors.json", "dompurify-payloads.json"):
        for vector in json.loads((suites / "xss" / name).read_text()):
            payload = re.sub(r"%\w*uri\w*%", "javascript:alert(1)", vector["payload"])
            payload = re.sub(r"%\w+%", "alert(1)", payload)
            seed(options(MARKDOWN, SANITIZE) + payload.encode())
            seed(options(MARKDOWN, SANITIZE) + f"[x]({payload}) *{payload}*\n".encode())
else:
    print(f"notice: {SHARED} is absent: seeds from tests/fixtures only", file=sys.stderr)

print(f"{count} seeds in {OUT}")
