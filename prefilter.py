"""Literal prefilters for regexes: skip a regex scan when the text cannot hold a match.

Python's re module scans a pattern that opens with a word boundary or a case-blind letter
at every position of the text (~70-400 µs over 4 KB for one alternation of words). Most such
patterns cannot match without one of a few literal strings in the text ("used to", "you").
`needles(pattern)` reads those strings off the parsed pattern, so nobody writes them by hand
and they follow the pattern when it changes; `Prefiltered` tests them with `in` (a fast C
substring search) on the lower-cased text and runs the regex only when one is there.

Sound only on ASCII text: under IGNORECASE a few non-ASCII letters match ASCII ones ("ſ"
matches "s", the Kelvin sign "k"), and `str.lower()` does not map them. `lowered()` returns
None for other text, and a None always runs the regex.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# Needles shorter than this filter nothing worth a look-up ("i", "a").
MIN_NEEDLE = 3


def lowered(text: str) -> str | None:
    """The text lower-cased for the needles, or None when they cannot be trusted on it."""
    return text.lower() if text.isascii() else None


def needles(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case strings one of which every match of `pattern` contains; None when the
    pattern has no such set worth testing (then the regex always runs)."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # an internal API: never let it break the caller
        return None
    found = _sequence(list(parsed))
    if not found or min(len(n) for n in found) < MIN_NEEDLE:
        return None
    return tuple(sorted(found))


def _sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """Required strings of a sequence: every run of literals, and what each item requires;
    the most selective of them (longest shortest needle, then fewest needles)."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if run:
            options.append(frozenset({"".join(run)}))
            run = []
        required = _item(op, av)
        if required:
            options.append(required)
    if run:
        options.append(frozenset({"".join(run)}))
    if not options:
        return None
    return max(options, key=lambda s: (min(len(n) for n in s), -len(s)))


def _item(op: Any, av: Any) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, body = av
        return _sequence(list(body)) if low >= 1 else None
    if op is sre.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            required = _sequence(list(alternative))
            if not required:
                return None  # an alternative that requires nothing: nothing is required
            union |= required
        return frozenset(union)
    return None  # classes, anchors, look-arounds, back-references: no literal required


class Prefiltered:
    """A compiled regex with its needles: `may_match(lowered_text)` says whether to run it."""

    __slots__ = ("needles", "regex")

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self.needles = needles(regex)

    def may_match(self, low: str | None) -> bool:
        if low is None or self.needles is None:
            return True
        for needle in self.needles:
            if needle in low:
                return True
        return False

    def search(self, text: str, low: str | None) -> re.Match[str] | None:
        return self.regex.search(text) if self.may_match(low) else None

    def finditer(self, text: str, low: str | None) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text) if self.may_match(low) else iter(())
