#!/usr/bin/env python3
"""Score pysbd on plainly's hand-labelled sentence-splitting test set.

The test set is crates/plainly-core/tests/data/sentences.txt (its header
explains the format and the conventions). This script gives each case's input
to pysbd, the Python sentence splitter that Python readability tools use, and
counts a case as right only if every sentence matches the expected list
exactly. It is a yardstick for plainly's own splitter, not part of the build.

How to run it, from the repository root:

    python3 -m venv .venv && .venv/bin/pip install pysbd==0.3.4 && .venv/bin/python tools/pysbd_score.py

Options:

    tools/pysbd_score.py [DATA_FILE] [--verbose] [--check]

    DATA_FILE   the test set (default: crates/plainly-core/tests/data/sentences.txt,
                found from this script's own location)
    --verbose   also print each failing case with the expected and the got lists
    --check     only parse and check the data file (needs no pysbd)

Two passes are scored:

- raw: pysbd gets the input exactly as written, Markdown and all. This is what
  a Python readability tool that knows nothing of Markdown would see.
- stripped: pysbd gets the input after a simple regex pass that removes
  Markdown markup (see strip_markdown below). This is fairer to pysbd, which
  was never meant for Markdown, so the reader sees both.

Each returned segment has its whitespace collapsed to single spaces and is
stripped; empty segments are dropped.

Exit status: 0 when the file parsed and was scored, 2 on a format error in the
data file or when pysbd is not installed.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA = (
    Path(__file__).resolve().parent.parent
    / "crates"
    / "plainly-core"
    / "tests"
    / "data"
    / "sentences.txt"
)

CATEGORIES = [
    "titles",
    "eg-ie-etc",
    "time",
    "numbers",
    "initials",
    "dates",
    "ellipsis",
    "quotes",
    "question-exclamation",
    "urls-emails",
    "acronyms",
    "inline-lists",
    "abbrev-end",
    "lowercase-start",
    "wrapped",
    "structure",
    "markup",
    "plain",
]


@dataclass
class Case:
    line: int  # 1-based line number of the case's "===" line
    category: str
    markdown: bool
    input: str
    expected: list[str]


class FormatError(Exception):
    pass


def _trim_trailing_blank(lines: list[str]) -> list[str]:
    end = len(lines)
    while end > 0 and lines[end - 1].strip() == "":
        end -= 1
    return lines[:end]


def parse(text: str) -> list[Case]:
    """Parse the test set. Raises FormatError naming the line on bad input."""
    lines = text.splitlines()
    i = 0
    # Before the first case: "//" comments and blank lines only.
    while i < len(lines) and not lines[i].startswith("==="):
        if lines[i].strip() and not lines[i].startswith("//"):
            raise FormatError(
                f"line {i + 1}: text before the first case must be a // comment"
            )
        i += 1

    cases: list[Case] = []
    while i < len(lines):
        head_no = i + 1
        words = lines[i][3:].split()
        if not words or len(words) > 2 or (len(words) == 2 and words[1] != "markdown"):
            raise FormatError(
                f"line {head_no}: expected '=== <category> [markdown]', got {lines[i]!r}"
            )
        category, markdown = words[0], len(words) == 2
        if category not in CATEGORIES:
            raise FormatError(f"line {head_no}: unknown category {category!r}")
        i += 1
        body: list[str] = []
        while i < len(lines) and not lines[i].startswith("==="):
            body.append(lines[i])
            i += 1
        try:
            sep = body.index("---")
        except ValueError:
            raise FormatError(f"line {head_no}: case has no '---' line") from None
        input_lines = _trim_trailing_blank(body[:sep])
        expected_lines = _trim_trailing_blank(body[sep + 1 :])
        if not "".join(input_lines).strip():
            raise FormatError(f"line {head_no}: case has an empty input")
        if not expected_lines:
            raise FormatError(f"line {head_no}: case has no expected sentence")
        expected = [ln.strip() for ln in expected_lines]
        if any(not s for s in expected):
            raise FormatError(
                f"line {head_no}: blank line among the expected sentences"
            )
        cases.append(
            Case(head_no, category, markdown, "\n".join(input_lines), expected)
        )
    return cases


# --- the simple Markdown strip for the fairness pass -----------------------

_BLOCK_PREFIX = re.compile(
    r"""^\s*(?:>\s?)*            # block-quote markers, nested
        \s*(?:\#{1,6}\s+         # ATX heading marker
           |[-*+]\s+             # bullet
           |\d+[.)]\s+           # ordered-list marker: 1. or 1)
        )?""",
    re.VERBOSE,
)
_HEADING_CLOSE = re.compile(r"\s+#+\s*$")
_TABLE_DELIM = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def strip_markdown(text: str) -> str:
    """A deliberately simple regex pass, per line: remove leading block-quote
    markers, heading '#'s (and closing ones), bullets '-', '*', '+' and
    ordered-list markers '1.' / '1)'; drop table delimiter rows and turn table
    pipes into spaces; remove backticks; turn [text](url) into text. Emphasis,
    entities, escapes, autolinks, reference links and footnotes are left as
    they are."""
    out = []
    for line in text.split("\n"):
        if "|" in line and _TABLE_DELIM.match(line) and "-" in line:
            continue
        m = _BLOCK_PREFIX.match(line)
        if "#" in m.group(0):
            line = _HEADING_CLOSE.sub("", line)
        line = line[m.end():]
        if "|" in line:
            line = line.replace("|", " ")
        line = line.replace("`", "")
        line = _LINK.sub(r"\1", line)
        out.append(line)
    return "\n".join(out)


# --- scoring ---------------------------------------------------------------


def normalise(segments: list[str]) -> list[str]:
    out = []
    for seg in segments:
        seg = " ".join(seg.split())
        if seg:
            out.append(seg)
    return out


def pct(num: int, den: int) -> str:
    return f"{100.0 * num / den:5.1f}%" if den else "    -"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Score pysbd on plainly's sentence-splitting test set."
    )
    ap.add_argument(
        "data",
        nargs="?",
        type=Path,
        default=DEFAULT_DATA,
        help="the test set (default: %(default)s)",
    )
    ap.add_argument(
        "--verbose", "-v", action="store_true", help="print each failing case"
    )
    ap.add_argument(
        "--check",
        action="store_true",
        help="only parse and check the data file; needs no pysbd",
    )
    args = ap.parse_args(argv)

    try:
        text = args.data.read_text(encoding="utf-8")
    except OSError as e:
        print(f"error: cannot read {args.data}: {e}", file=sys.stderr)
        return 2
    try:
        cases = parse(text)
    except FormatError as e:
        print(f"error: {args.data}: {e}", file=sys.stderr)
        return 2

    n_md = sum(c.markdown for c in cases)
    if args.check:
        print(
            f"{args.data}: {len(cases)} cases ({len(cases) - n_md} prose, "
            f"{n_md} markdown), "
            f"{sum(len(c.expected) for c in cases)} expected sentences"
        )
        for cat in CATEGORIES:
            n = sum(c.category == cat for c in cases)
            print(f"  {cat:<22}{n:4d}")
        return 0

    try:
        import pysbd
    except ImportError:
        print(
            "error: pysbd is not installed. Run:\n"
            "  python3 -m venv .venv && .venv/bin/pip install pysbd==0.3.4 "
            "&& .venv/bin/python tools/pysbd_score.py",
            file=sys.stderr,
        )
        return 2

    version = getattr(pysbd, "__version__", "?")
    seg = pysbd.Segmenter(language="en", clean=False)

    results = []  # (case, raw_got, raw_ok, stripped_input, stripped_got, stripped_ok)
    for c in cases:
        raw_got = normalise(seg.segment(c.input))
        s_in = strip_markdown(c.input)
        s_got = raw_got if s_in == c.input else normalise(seg.segment(s_in))
        results.append(
            (c, raw_got, raw_got == c.expected, s_in, s_got, s_got == c.expected)
        )

    def tally(rows):
        return (
            len(rows),
            sum(r[2] for r in rows),
            sum(r[5] for r in rows),
        )

    print(
        f"pysbd {version} (language='en', clean=False) on {args.data.name}: "
        f"{len(cases)} cases ({len(cases) - n_md} prose, {n_md} markdown)"
    )
    print("A case counts only if every sentence matches exactly.")
    print()
    print(f"{'':<24}{'cases':>5}   {'raw input':>15}   {'markdown stripped':>17}")

    def line(label, rows):
        n, ok_raw, ok_s = tally(rows)
        print(
            f"{label:<24}{n:5d}   {ok_raw:4d} {pct(ok_raw, n):>8}     "
            f"{ok_s:4d} {pct(ok_s, n):>8}"
        )

    line("all cases", results)
    line("prose only", [r for r in results if not r[0].markdown])
    line("markdown only", [r for r in results if r[0].markdown])
    print()
    print("per category:")
    for cat in CATEGORIES:
        rows = [r for r in results if r[0].category == cat]
        if rows:
            line("  " + cat, rows)

    if args.verbose:
        for c, raw_got, raw_ok, s_in, s_got, s_ok in results:
            if raw_ok and s_ok:
                continue
            tag = " markdown" if c.markdown else ""
            print()
            print(f"--- line {c.line}: {c.category}{tag}")
            print("input:")
            for ln in c.input.split("\n"):
                print(f"    {ln}")
            print("expected:")
            for s in c.expected:
                print(f"    | {s}")
            if not raw_ok:
                print("got (raw):")
                for s in raw_got:
                    print(f"    | {s}")
            if s_in != c.input:
                if s_ok:
                    print("got (stripped): right")
                else:
                    print("got (stripped):")
                    for s in s_got:
                        print(f"    | {s}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. piped into `head`: not an error
        sys.stderr.close()
        sys.exit(0)
