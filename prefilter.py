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
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from importlib import import_module
from typing import Any

# The regex parser's own modules (internal, but the same in 3.11-3.14); typed loosely on purpose.
sre: Any = import_module("re._constants")
sre_parse: Any = import_module("re._parser")

# Needles shorter than this filter nothing worth a look-up ("i", "a").
MIN_NEEDLE = 3
# At most this many alternative texts are multiplied out for one run of literals.
MAX_RUNS = 64
SELECTIVE = 5


def lowered(text: str) -> str | None:
    """The text lower-cased for the needles, or None when they cannot be trusted on it."""
    return text.lower() if text.isascii() else None


def may_open(text: str, letters: str) -> bool:
    """False only when a case-blind pattern whose every match opens the text with one of `letters`
    (both cases of the ASCII letters its words start with) cannot match: the text opens with another
    ASCII character. (A non-ASCII one may still match case-blind, as "ſ" matches "s": the regex decides.)"""
    first = text[:1]
    return not first.isascii() or first in letters


def pattern_width(pattern: re.Pattern[str]) -> tuple[int, int]:
    """The fewest and most characters a match of `pattern` takes (the parser's own reading);
    (0, 0) when it cannot be read, which claims nothing."""
    try:
        low, high = sre_parse.parse(pattern.pattern, pattern.flags).getwidth()
    except Exception:  # an internal API: never let it break the caller
        return 0, 0
    return int(low), int(high)


def needles(pattern: re.Pattern[str], shortest: int = MIN_NEEDLE) -> tuple[str, ...] | None:
    """Lower-case strings one of which every match of `pattern` contains; None when the
    pattern has no such set worth testing (then the regex always runs). `shortest` is the
    shortest needle worth a look-up: 2 lets "if" or "so" filter a short clause."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # an internal API: never let it break the caller
        return None
    found = _sequence(list(parsed))
    if not found or min(len(n) for n in found) < shortest:
        return None
    return tuple(sorted(found))


def needle_sets(pattern: re.Pattern[str], shortest: int = MIN_NEEDLE) -> list[tuple[str, ...]]:
    """Every set of needles the pattern requires as a whole (each alone is enough to skip a
    text that holds none of it), most selective first; `needles` is the first of them. A
    caller that knows more (rules_extractor: the words that let a row run) picks the first
    that tells it something new."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:
        return []
    options = _options(list(parsed))
    usable = {option for option in options if min(len(n) for n in option) >= shortest}
    return [tuple(sorted(option)) for option in sorted(usable, key=_selectivity, reverse=True)]


def _selectivity(option: frozenset[str]) -> tuple[int, int, tuple[str, ...]]:
    # Needles of SELECTIVE characters or more are all rare enough: then the fewest win
    # (the sorted needles only make the order total).
    return (min(SELECTIVE, *(len(n) for n in option)), -len(option), tuple(sorted(option)))


def _sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """Required strings of a sequence: every run of literal text (alternatives of literal text
    multiply out: "do(?:n't| not)" runs "don't" or "do not"), and what each other item requires;
    the most selective of them (longest shortest needle, then fewest needles)."""
    options = _options(items)
    if not options:
        return None
    # Needles of SELECTIVE characters or more are all rare enough: then the fewest win.
    return max(options, key=lambda s: (min(SELECTIVE, *(len(n) for n in s)), -len(s)))


def _options(items: list[tuple[Any, Any]]) -> list[frozenset[str]]:
    """Every required set of a sequence (see _sequence), in the order met."""
    options: list[frozenset[str]] = []
    run: set[str] = {""}
    for op, av in items:
        literals = _literals(op, av)
        if literals is not None and len(run) * len(literals) <= MAX_RUNS:
            if len(literals) > 1:
                # Also the shorter sets: "next " alone, before "next (?:week|month)" multiplies it
                # out, and the alternatives' own best needles.
                if run != {""}:
                    options.append(frozenset(run))
                required = _item(op, av)
                if required:
                    options.append(required)
            run = {head + tail for head in run for tail in literals}
            continue
        if run != {""}:
            options.append(frozenset(run))
        run = {""}
        required = _item(op, av)
        if required:
            options.append(required)
    if run != {""}:
        options.append(frozenset(run))
    return [option for option in options if "" not in option]


def _literals(op: Any, av: Any) -> set[str] | None:
    """The texts an item matches when it is made of literals alone (lower-cased), else None."""
    if op is sre.LITERAL:
        return {chr(av).lower()} if av < 128 else None
    if op is sre.IN:  # a set of plain characters, "[;:]": one of them
        if all(item_op is sre.LITERAL and item_av < 128 for item_op, item_av in av):
            return {chr(item_av).lower() for _, item_av in av}
        return None  # a range, a class or a negated set: too many texts
    if op is sre.SUBPATTERN:
        return _literal_sequence(list(av[-1]))
    if op is sre.BRANCH:
        texts: set[str] = set()
        for alternative in av[1]:
            found = _literal_sequence(list(alternative))
            if found is None:
                return None
            texts |= found
        return texts if len(texts) <= MAX_RUNS else None
    return None


def _literal_sequence(items: list[tuple[Any, Any]]) -> set[str] | None:
    texts = {""}
    for op, av in items:
        literals = _literals(op, av)
        if literals is None or len(texts) * len(literals) > MAX_RUNS:
            return None
        texts = {head + tail for head in texts for tail in literals}
    return texts


def _item(op: Any, av: Any) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is sre.ASSERT:  # a positive look-ahead or look-behind: what it sees is in the text too
        return _sequence(list(av[1]))
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
    return None  # classes, anchors, negative look-arounds, back-references: no literal required


def never_matches(pattern: re.Pattern[str], chars: str) -> bool:
    """True when no match of `pattern` can hold any of `chars`, nor look at text beyond them
    (checked on the parsed pattern: only literals, word-character and digit classes and sets
    of neither consume text; the only assertions are word boundaries). Then the matches in a
    text are the matches in its stretches between those characters, each read alone, as long
    as the characters are no word characters."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:
        return False
    return _avoids(list(parsed), chars)


def _avoids(items: list[tuple[Any, Any]], chars: str) -> bool:
    folded = {c.lower() for c in chars} | {c.upper() for c in chars}
    for op, av in items:
        if op is sre.LITERAL:
            if chr(av) in folded:
                return False
        elif op is sre.IN:
            for item_op, item_av in av:
                if item_op is sre.LITERAL and chr(item_av) in folded:
                    return False
                if item_op is sre.RANGE and any(item_av[0] <= ord(c) <= item_av[1] for c in folded):
                    return False
                if item_op is sre.CATEGORY and item_av not in (sre.CATEGORY_WORD, sre.CATEGORY_DIGIT):
                    return False
                if item_op not in (sre.LITERAL, sre.RANGE, sre.CATEGORY):
                    return False  # a negated set matches nearly everything
        elif op is sre.SUBPATTERN:
            if not _avoids(list(av[-1]), chars):
                return False
        elif op is sre.BRANCH:
            if not all(_avoids(list(alternative), chars) for alternative in av[1]):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if not _avoids(list(av[2]), chars):
                return False
        elif op is sre.ATOMIC_GROUP:
            if not _avoids(list(av), chars):
                return False
        elif op is sre.AT:
            if av not in (sre.AT_BOUNDARY, sre.AT_NON_BOUNDARY):
                return False  # "^" or "$" would match at a stretch's edge
        else:
            return False  # any character, look-arounds, back-references and the rest
    return True


class Prefiltered:
    """A compiled regex with its needles: `may_match(lowered_text)` says whether to run it;
    `found` answers yes or no, on ASCII text with the regex's lower-case twin (lower_twin)."""

    __slots__ = ("needles", "regex", "twin")

    def __init__(self, regex: re.Pattern[str], shortest: int = MIN_NEEDLE) -> None:
        self.regex = regex
        self.needles = needles(regex, shortest)
        self.twin = lower_twin(regex)

    def may_match(self, low: str | None) -> bool:
        if low is None or self.needles is None:
            return True
        for needle in self.needles:  # noqa: SIM110 (a loop is twice as fast as any() over a generator)
            if needle in low:
                return True
        return False

    def search(self, text: str, low: str | None) -> re.Match[str] | None:
        return self.regex.search(text) if self.may_match(low) else None

    def found(self, text: str, low: str | None) -> bool:
        """bool(regex.search(text)): the needles first, then the twin on `low` (the same
        matches at the same places, 2-4x faster than a case-blind scan) or the regex itself."""
        if low is None:
            return self.regex.search(text) is not None
        needles = self.needles
        if needles is not None:
            for needle in needles:
                if needle in low:
                    break
            else:
                return False
        twin = self.twin
        return (self.regex.search(text) if twin is None else twin.search(low)) is not None

    def finditer(self, text: str, low: str | None) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text) if self.may_match(low) else iter(())


# -- case-blind regexes read on lower-cased text -------------------------------------------


def lower_twin(pattern: re.Pattern[str], *, foreign: bool = False) -> re.Pattern[str] | None:
    """The pattern without IGNORECASE, to run on `lowered()` text (2-4x faster than a
    case-blind scan), when that is sure to find the same matches at the same places: every
    literal is ASCII and not upper-case, every range is ASCII and misses A-Z. None otherwise
    (the caller keeps the case-blind pattern). With `foreign`, a literal may also be a
    non-ASCII letter no ASCII character matches case-blind ("é" of "fiancé"): the caller runs
    the twin on ASCII text only, where such a letter matches nowhere, in the pattern or the twin."""
    if not pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:
        return None
    if not _case_free(list(parsed), _foreign_or_lower if foreign else _lower_ascii):
        return None
    flags = pattern.flags & ~re.IGNORECASE
    return re.compile(literal_first(pattern.pattern, flags), flags)


def literal_first(pattern: str, flags: int = 0) -> str:
    """The same pattern opening with a literal where it opens with a word boundary and a
    lower-case letter or digit: "\\bi\\s+…" becomes "i(?<=\\bi)\\s+…". Both match a "c" with a
    boundary before it, at the same places; but re scans for a pattern's leading literal in C
    and tries the rest only where it stands (a case-sensitive pattern only), instead of trying
    the whole pattern at every position: a scan of 4 KB for "I've two…" is 6x faster."""
    if not pattern.startswith("\\b") or len(pattern) < 3:
        return pattern
    first, rest = pattern[2], pattern[3:]
    if not (first.isascii() and (first.islower() or first.isdigit())):
        return pattern
    after = rest.lstrip(" \t\n\r\f\v") if flags & re.VERBOSE else rest
    if after[:1] in ("*", "+", "?", "{") or (flags & re.VERBOSE and after[:1] == "#"):
        return pattern  # the letter is repeated (or a comment follows): not one literal
    return f"{first}(?<=\\b{first}){rest}"


def _lower_ascii(code: int) -> bool:
    return code < 128 and not 65 <= code <= 90


@cache
def _foreign_or_lower(code: int) -> bool:
    """A lower-case ASCII character, or a non-ASCII one that no ASCII character matches
    case-blind (not the Kelvin sign: "k" matches it case-blind)."""
    if code < 128:
        return _lower_ascii(code)
    char = re.escape(chr(code))
    return not any(re.fullmatch(char, chr(other), re.IGNORECASE) for other in range(128))


def _case_free(items: list[tuple[Any, Any]], literal_ok: Callable[[int], bool] = _lower_ascii) -> bool:
    for op, av in items:
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            if not literal_ok(av):
                return False
        elif op is sre.IN:
            for item_op, item_av in av:
                if item_op is sre.LITERAL and not literal_ok(item_av):
                    return False
                if item_op is sre.RANGE and (item_av[1] >= 128 or not (item_av[1] < 65 or item_av[0] > 90)):
                    return False
                if item_op not in (sre.LITERAL, sre.RANGE, sre.CATEGORY, sre.NEGATE):
                    return False
        elif op is sre.SUBPATTERN:
            if (av[1] | av[2]) & re.IGNORECASE or not _case_free(list(av[-1]), literal_ok):
                return False  # a local (?i:...) or (?-i:...) changes what lower-casing means
        elif op is sre.BRANCH:
            if not all(_case_free(list(alternative), literal_ok) for alternative in av[1]):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if not _case_free(list(av[2]), literal_ok):
                return False
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if not _case_free(list(av[1]), literal_ok):
                return False
        elif op is sre.ATOMIC_GROUP:
            if not _case_free(list(av), literal_ok):
                return False
        elif op not in (sre.AT, sre.ANY, sre.CATEGORY):
            return False  # back-references and the rest: keep the case-blind pattern
    return True


# A CaseBlind tests the literals its regex needs before a scan only when they are this few
# (a value's "," "and" "or" "&" "/"): a longer list costs about what the scan of a short text does.
MAX_GATE_NEEDLES = 8


class CaseBlind:
    """A case-blind regex that runs its lower-case twin on ASCII text (`lowered()` of it).
    A search, split or sub on text that holds none of the regex's few needles finds nothing
    without a scan (a scan from every position: `\\s*(?:,|\\s+and\\s+|…)` costs ~2 µs on a
    short value)."""

    __slots__ = ("gate", "regex", "twin")

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self.twin = lower_twin(regex)
        found = needles(regex, shortest=1) if self.twin is not None else None
        self.gate = found if found is not None and len(found) <= MAX_GATE_NEEDLES else None

    def _absent(self, low: str) -> bool:
        """None of the gate's needles is in `low` (so the twin cannot match it)."""
        gate = self.gate
        if gate is None:
            return False
        for needle in gate:  # noqa: SIM110 (a loop is twice as fast as all() over a generator)
            if needle in low:
                return False
        return True

    def search(self, text: str, low: str | None) -> re.Match[str] | None:
        if low is not None and self.twin is not None:
            return None if self._absent(low) else self.twin.search(low)
        return self.regex.search(text)

    def match(self, text: str, low: str | None) -> re.Match[str] | None:
        if low is not None and self.twin is not None:
            return self.twin.match(low)
        return self.regex.match(text)

    def _twin_matches(self, low: str | None, first: re.Match[str] | None = None) -> list[re.Match[str]] | None:
        """The twin's matches on `low`; None when the case-blind regex must run instead
        (no twin, non-ASCII text, or an empty match, where split and sub have rules of their own).
        `first` is the twin's search of `low` when the caller made it: the scan goes on after it
        instead of reading the text up to it again. (A scan from `first.end()` sees what precedes
        it, as finditer's own next step does, so it finds the same matches; when `first` is empty
        the answer is None either way.)"""
        if low is None or self.twin is None:
            return None
        if first is None:
            matches = list(self.twin.finditer(low))
        elif first.start() == first.end():
            return None
        else:
            matches = [first, *self.twin.finditer(low, first.end())]
        return None if any(m.start() == m.end() for m in matches) else matches

    def split(self, text: str, low: str | None) -> list[str]:
        """`regex.split(text)` (for a pattern without capturing groups)."""
        first = None  # the twin's first match, which the matches below go on from
        if low is not None and self.twin is not None:
            if self._absent(low):
                return [text]
            if low == text:
                return self.twin.split(text)  # already lower case: the twin's own split
            first = self.twin.search(low)
            if first is None:
                return [text]
        matches = self._twin_matches(low, first) if not self.regex.groups else None
        if matches is None:
            return self.regex.split(text)
        parts, last = [], 0
        for m in matches:
            parts.append(text[last : m.start()])
            last = m.end()
        parts.append(text[last:])
        return parts

    def sub(
        self,
        text: str,
        low: str | None,
        repl: Callable[[Callable[[int], str | None]], str],
        starts: Callable[[str], list[int] | None] | None = None,
    ) -> str:
        """`regex.sub` with a replacement made from the match's groups, read from `text` itself
        (so "Don t" keeps its capital): `repl` gets `group(i)` (None for a group that did not take part).
        `starts(low)`, when given, says where in `low` every match of the twin can start (None: it
        cannot tell), so the twin is tried there only (matches_at) instead of at every position."""
        matches: list[re.Match[str]] | None = None
        first = None  # the twin's first match, which _twin_matches goes on from
        if low is not None and self.twin is not None:
            if self._absent(low):
                return text
            where = starts(low) if starts is not None else None
            if where is not None:
                matches = list(matches_at(self.twin, low, where))
            elif low == text:
                return self.twin.sub(lambda m: repl(m.group), text)  # already lower case
            else:
                first = self.twin.search(low)
                if first is None:
                    return text
        if matches is None:
            matches = self._twin_matches(low, first)
        if matches is None:
            return self.regex.sub(lambda m: repl(m.group), text)
        out, last = [], 0
        for m in matches:
            out.append(text[last : m.start()])
            out.append(repl(lambda i, m=m: text[m.start(i) : m.end(i)] if m.start(i) >= 0 else None))  # type: ignore[misc]
            last = m.end()
        out.append(text[last:])
        return "".join(out)


# -- a regex tried only where a match can start ----------------------------------------------


def openings(pattern: re.Pattern[str], shortest: int = 2) -> tuple[str, ...] | None:
    """Lower-case strings one of which every match of `pattern` opens with (at the match's own
    start: "my", "our" for "(?<!up\\swith\\s)\\b(?:my|our)\\s+…"), none opening with another; None
    when the pattern has no such set, or one holding a string shorter than `shortest`.
    Look-arounds and anchors take no text, so they are stepped over. On a case-sensitive pattern
    every such literal is lower case as written (else None): the strings are found in the very
    text the pattern reads. Under IGNORECASE they are found in the lowered ASCII text."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # an internal API: never let it break the caller
        return None
    if not pattern.flags & re.IGNORECASE and not _case_free(list(parsed)):
        return None  # an upper-case literal would be lowered below: the strings would not be the text's
    found, _ = _openings(list(parsed))
    if not found or "" in found:
        return None
    least = {text for text in found if not any(other != text and text.startswith(other) for other in found)}
    if min(len(text) for text in least) < shortest:
        return None
    return tuple(sorted(least))


def _openings(items: list[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """(texts, whole): every match of the sequence opens with one of `texts`; `whole` when it is
    exactly one of them (then what follows the sequence extends them)."""
    texts = {""}
    for op, av in items:
        if op is sre.AT or op is sre.ASSERT or op is sre.ASSERT_NOT:
            continue  # takes no text
        literals = _literals(op, av)
        if literals is not None and len(texts) * len(literals) <= MAX_RUNS:
            texts = {head + tail for head in texts for tail in literals}
            continue
        inner: set[str] | None = None
        whole = False
        if op is sre.SUBPATTERN and not (av[1] | av[2]):  # a group without flags of its own
            inner, whole = _openings(list(av[-1]))
        elif op is sre.BRANCH:
            inner, whole = set(), True
            for alternative in av[1]:
                found, complete = _openings(list(alternative))
                inner |= found
                whole = whole and complete
        if inner is None or len(texts) * len(inner) > MAX_RUNS:
            return texts, False
        texts = {head + tail for head in texts for tail in inner}
        if not whole:
            return texts, False
    return texts, True


def opening_starts(text: str, strings: tuple[str, ...]) -> list[int]:
    """Every place in `text` where one of `strings` stands (found by str.find), ascending."""
    starts: list[int] = []
    for string in strings:
        at = text.find(string)
        while at >= 0:
            starts.append(at)
            at = text.find(string, at + 1)
    if len(strings) > 1:
        starts.sort()
    return starts


# Past this many starts, one scan of the text costs less than a match tried at each.
MAX_STARTS = 64


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, for a pattern whose every match starts at one of `starts`
    (ascending) and is never empty: a match tried at each start instead of at every position of
    the text. (`match(text, pos)` reads what precedes `pos`, as a scan does: look-behinds and
    \\b see it, and ^ under MULTILINE sees the newline before it.)"""
    end = 0
    for start in starts:
        if start >= end:
            match = pattern.match(text, start)
            if match is not None:
                yield match
                end = match.end()
