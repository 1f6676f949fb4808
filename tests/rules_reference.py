"""The rule extractor read the slow, obvious way: the reference tests/test_rules_equivalence.py
holds the fast engine (rules_extractor.py) to.

It uses the same table, regexes and value builders, and none of the engine's shortcuts:
- every row of the table is considered on every clause, in precedence order, and its own
  trigger words (word classes resolved here, not through ROWS_BY_WORD) and speaker anchor are
  checked row by row;
- no clause is dropped early for holding no trigger word;
- at-start rows scan the whole clause like the others;
- no literal prefilter (prefilter.Prefiltered) and no lower-case twin (prefilter.CaseBlind):
  every regex runs case-blind on the text itself;
- every event is built through pydantic's validation.

When the engine's meaning changes (not only its speed), change this file the same way.
"""

from __future__ import annotations

import re

import rules_values as v
from domain import EXTRA_LIST_FIELDS, LIST_FIELDS, EventKind, FieldEvent, FieldValue
from guards import prose_outside_code, sensitive_category
from rules_extractor import (
    ADDRESSES_YOU,
    AND_LEARNING,
    AND_VERB,
    ANY_VALUE,
    APPOSITION,
    ASKED,
    ASPIRATION_LEAD,
    CALL_ME,
    CHANGE,
    CLAUSE_BREAK,
    CONCESSIVE_START,
    CONTRACTION,
    COURTESY,
    DATED_FUTURE,
    DIGIT,
    DO_YOU_LIKE,
    DOING_HINT,
    ELIDED_AT_A_START,
    ELIDED_DOING,
    ELIDED_I,
    ELIDED_SUBJECT_WORDS,
    FIRST_PERSON,
    FORGET_HINT,
    FORGET_LIKE,
    FORGET_SAID,
    FUTURE_INTENT,
    HERE_IN,
    HOUSEHOLD,
    HOUSEHOLD_ANYWHERE,
    I_AM_AND_LEARNING,
    I_AM_AT,
    I_DO,
    I_SUBJECT,
    I_VE_HAVE,
    LANGUAGE_PREFERENCE,
    NAME_APPOSITION,
    NAME_IS,
    NEAR_FUTURE,
    ON_A_TRIP,
    OTHER_OWNER,
    OTHER_SUBJECTS,
    PAST,
    PLEASE,
    PRONOUN_VALUE,
    QUESTION_BREAK,
    REJECT_ANYWHERE,
    REJECT_START,
    RELATIVE_AND_I,
    REMEMBER_LEAD,
    REMOVE_SCALAR,
    RETURN_QUESTION,
    SCALAR_ALIASES,
    SENSITIVE_HINT,
    SENTENCE,
    SOMEONE_ELSE,
    SPEAKER_WORDS,
    SUBORDINATE_TAIL,
    SWITCH_FIELD,
    TEMPORAL_START,
    TITLE_DOT,
    TO_FOR_TOO,
    TOKEN,
    TURNED_DISLIKE_FIELD,
    URL,
    WORD_CLASSES,
    WORKPLACE_FIELD,
    _last_items,
    _may_open_with_filler,
    _named_after,
    _speaker_is_user,
    animals_instead,
    elide_doing,
    elided_subject,
    favourite_before_pronoun,
)
from rules_table import ONGOING_ROWS, ROWS, Row, precedence

ROWS_IN_ORDER = tuple(sorted(ROWS, key=precedence))


def _listed(items: list[str]) -> list[FieldValue]:
    return [*items]


def _contraction(match: re.Match[str]) -> str:
    if match.group(1):
        return match.group(1) + "'t"
    if match.group(2):
        return match.group(2)[:-1] + "'t"
    if match.group(3):
        return "i've"
    return "i'm"


def normalise_text(message: str) -> str:
    text = message.replace("’", "'").replace("‘", "'").replace("`", "'").replace("—", " - ").replace("–", " - ")
    text = TITLE_DOT.sub(r"\1", text)
    text = TO_FOR_TOO.sub(r"\1 too \2", text)
    text = CONTRACTION.sub(_contraction, text)
    text = I_VE_HAVE.sub("i have ", text)
    return text if "\n" in text else " ".join(text.split())


def clause_pieces(text: str) -> list[tuple[str, bool]]:
    pieces: list[tuple[str, bool]] = []
    for match in SENTENCE.finditer(text):
        sentence = match.group(0).strip()
        if not sentence:
            continue
        question = sentence.endswith("?")
        body = sentence.rstrip(".!?…").strip()
        tag = RETURN_QUESTION.search(body) if question else None
        if tag:
            body, question = body[: tag.start()].strip(), False
        parts = CLAUSE_BREAK.split(body)
        for i, part in enumerate(parts):
            named = NAME_APPOSITION.match(part.strip())
            if named and v.name_after_i_am(named.group("name")):
                pieces.extend([(named.group("head"), question), (f"I'm {named.group('rest')}", question)])
                continue
            if i + 1 < len(parts) and APPOSITION.match(part.strip()):
                parts[i + 1] = f"{part.strip()}, {parts[i + 1]}"
                continue
            if i + 1 < len(parts) and RELATIVE_AND_I.match(part.strip()) and I_SUBJECT.match(parts[i + 1]):
                parts[i + 1] = f"{part.strip()} and {parts[i + 1]}"
                continue
            joined = favourite_before_pronoun(part.strip(), parts[i + 1]) if i + 1 < len(parts) else None
            if joined:
                parts[i + 1] = joined
                continue
            instead = animals_instead(part.strip(), parts[i + 1]) if i + 1 < len(parts) else None
            if instead:
                pieces.append((part.strip(), question))
                parts[i + 1] = instead
                continue
            if I_SUBJECT.match(part.strip()) and AND_VERB.search(part):
                first, *rest = AND_VERB.split(part)
                pieces.append((first.strip(), question))
                pieces.extend((f"i {second.strip()}", question) for second in rest)
                continue
            if I_SUBJECT.match(part.strip()) and I_AM_AND_LEARNING.match(part.strip()):
                first, second = AND_LEARNING.split(part, maxsplit=1)
                pieces.extend([(first.strip(), question), (f"i'm {second.strip()}", question)])
                continue
            for piece in QUESTION_BREAK.split(part) if question else (part,):
                piece = piece.strip()
                if piece:
                    pieces.append((piece, question))
    return pieces


def main_clause(piece: str, question: bool) -> tuple[str, bool] | None:
    clause = ASPIRATION_LEAD.sub("", piece.strip(" ,"))
    temporal = TEMPORAL_START.match(clause)
    if temporal:
        clause = clause[temporal.end() :]
    clause = REMEMBER_LEAD.sub("", clause)
    if LANGUAGE_PREFERENCE.match(clause) or CALL_ME.match(clause):
        return PLEASE.sub("", clause), False
    if not clause or REJECT_START.match(clause) or REJECT_ANYWHERE.search(clause):
        return None
    if question and clause[:4].lower() == "did ":
        return None
    clause = CONCESSIVE_START.sub("", clause)
    clause = SUBORDINATE_TAIL.sub("", clause)
    clause = ELIDED_I.sub(elided_subject, clause).strip()
    if not clause or (question and ADDRESSES_YOU.search(clause)):
        return None
    return clause, bool(PAST.search(clause))


def clause_words(lowered: str, sensitive: tuple[str, ...]) -> set[str]:
    """The clause's words, with every pseudo-word of a class a word belongs to."""
    words = set(TOKEN.findall(lowered))
    words |= {w[:-1] for w in words if w.endswith("s") and w != "is"}
    if DIGIT.search(lowered):
        words.add("#num")
    for name, members in WORD_CLASSES.items():
        if not words.isdisjoint(members):
            words.add(name)
    if any(hit in lowered for hit in sensitive):
        words.add("#sensitive")
    return words


def may_run(r: Row, words: set[str]) -> bool:
    """A row runs on a clause holding one of its words and its speaker anchor."""
    return (not r.words or not words.isdisjoint(r.words)) and (not r.anchor or not words.isdisjoint(r.anchor))


def trace(message: str) -> list[tuple[str, FieldEvent]]:
    prose = URL.sub(" ", prose_outside_code(message))
    if (
        not FIRST_PERSON.search(prose)
        and not HOUSEHOLD_ANYWHERE.search(prose)
        and not DOING_HINT.search(prose)
        and not ELIDED_AT_A_START.search(prose)
    ):
        return []
    text = normalise_text(prose)
    found = _forget_requests(text) if FORGET_HINT.search(text) else []
    speaker_is_user = False
    others_named = False
    sensitive = tuple({m.group(0) for m in SENSITIVE_HINT.finditer(text.lower())})
    asked: set[str] = set()
    referent: list[str] = []
    previous = 0
    for piece, question in clause_pieces(text):
        words = clause_words(piece.lower(), sensitive)
        last_clause, previous = found[previous:], len(found)
        polite = COURTESY.search(piece) if "you" in words else None
        if polite:
            piece = piece[: polite.start()].strip()
            if not piece:
                continue
            words = clause_words(piece.lower(), sensitive)
        named = _named_after(piece, last_clause)
        if named is not None:
            at, event = named
            found[found.index(at)] = event
            continue
        if question:
            asked = {name for name, pattern in ASKED if pattern.search(piece)} or asked
        liked = DO_YOU_LIKE.match(v.LEADING_FILLER.sub("", piece)) if "you" in words else None
        referent = v.things(liked.group("v")) if liked else referent
        if asked and "mine" in words:
            words |= asked
        answer = I_DO.match(piece) if referent and "do" in words else None
        if answer:
            field = "dislikes" if answer.group("no") else "likes"
            found.append((f"{field}_answer_i_do", FieldEvent(field=field, value=_listed(referent), event="ADD")))
            referent = []
            continue
        lead = v.LEADING_FILLER.sub("", piece) if _may_open_with_filler(piece.lower()) else piece
        elided_i = bool(ELIDED_I.match(lead))
        doing = not (elided_i or question or others_named or "i" in words) and ELIDED_DOING.match(lead)
        if doing:
            lead, elided_i = ELIDED_DOING.sub(elide_doing, lead, count=1), True
            words |= {"i", "m"}
        if not question and (
            not words.isdisjoint(OTHER_SUBJECTS) or OTHER_OWNER.match(piece) or SOMEONE_ELSE.match(lead)
        ):
            others_named = True
        household = bool(HOUSEHOLD.match(lead)) or (bool(HERE_IN.search(lead)) and not ON_A_TRIP.search(text))
        if not words.isdisjoint(SPEAKER_WORDS) or elided_i or household or NAME_IS.match(lead):
            speaker_is_user = True
        elif not speaker_is_user or not words.isdisjoint(OTHER_SUBJECTS) or OTHER_OWNER.match(piece):
            speaker_is_user = False
            continue
        if elided_i or household:
            words |= ELIDED_SUBJECT_WORDS  # the subject put back may be "i", "i'm" or "i've"
        read = main_clause(lead, question)
        if read is None:
            continue
        clause, past = read
        rows = [r for r in ROWS_IN_ORDER if may_run(r, words)]
        found.extend(_read_clause(clause, rows, found, past=past, referent=referent))
    if ON_A_TRIP.search(text):
        found = [(name, event) for name, event in found if name != "location_here_in"]
    return found


def _read_clause(
    clause: str, rows: list[Row], earlier: list[tuple[str, FieldEvent]], *, past: bool, referent: list[str]
) -> list[tuple[str, FieldEvent]]:
    found: list[tuple[str, FieldEvent]] = []
    claimed: set[int] = set()
    spans: list[tuple[int, int]] = []
    for r in rows:
        if past and not r.ending:
            continue
        for match in r.regex.finditer(clause):
            start = match.start()
            if r.exclusive and start in claimed:
                continue
            # A non-exclusive ending reads alongside the other endings; every other row skips what they read.
            if (r.exclusive or not r.ending) and any(a <= start < b for a, b in spans):
                continue
            if r.check_speaker and not _speaker_is_user(clause, start):
                continue
            raw = match.group("v")
            if PRONOUN_VALUE.match(raw) and r.field in {"skills", "likes", "interests", "dislikes"}:
                values = _last_items([e for _, e in earlier + found]) or list(referent)
            else:
                values = r.value(raw)
            if r.field in {"goals", "interests", "likes"} and not r.ending:
                dated = DATED_FUTURE if r.name in ONGOING_ROWS else NEAR_FUTURE
                if dated.search(clause):
                    values = []
            if r.field in {"role", "employer", "location"} and FUTURE_INTENT.search(clause, 0, start):
                values = []
            if not values and not (r.ending and match.group("v") == ""):
                continue
            if r.exclusive:
                claimed.add(start)
            if r.ending:
                end = match.start("v") + (raw.find(values[-1]) + len(values[-1]) if values else 0)
                spans.append((start, max(end, match.start("v"))))
            found.append((r.name, _event(r.field, values, _event_for(r, clause))))
    lowered = clause.lower()
    if not past and ("'m" in lowered or "am " in lowered or "im " in lowered):
        found.extend(_name_from_i_am(clause, claimed, spans))
    return found


def _name_from_i_am(clause: str, claimed: set[int], spans: list[tuple[int, int]]) -> list[tuple[str, FieldEvent]]:
    for match in I_AM_AT.finditer(clause):
        if match.start() in claimed or any(a <= match.start() < b for a, b in spans):
            continue
        names = v.name_after_i_am(clause[match.end() : match.end() + 80])
        if names:
            return [("name_i_am_x", FieldEvent(field="name", value=names[0], event="ADD"))]
    return []


def _forget_requests(text: str) -> list[tuple[str, FieldEvent]]:
    events: list[tuple[str, FieldEvent]] = []
    for match in REMOVE_SCALAR.finditer(text):
        name = match.group("f").lower()
        field = SCALAR_ALIASES.get(name, name)
        events.append(("forget_field", FieldEvent(field=field, value=None, event="REMOVE")))
    for match in FORGET_LIKE.finditer(text):
        field = "dislikes" if match.group("verb").lower() in {"hate", "dislike"} else "likes"
        items = v.things(match.group("v"))
        if items:
            events.append(("forget_that_i_like", FieldEvent(field=field, value=_listed(items), event="REMOVE")))
    for match in FORGET_SAID.finditer(text):
        for _, said in trace(match.group("said")):
            if said.event != "REMOVE" and not said.field.startswith("#"):
                events.append(("forget_that_i_said", FieldEvent(field=said.field, value=said.value, event="REMOVE")))
    return events


def _event_for(r: Row, clause: str) -> EventKind:
    if r.event != "ADD":
        return r.event
    if r.field not in LIST_FIELDS and CHANGE.search(clause):
        return "UPDATE"
    return "ADD"


def _event(field: str, values: list[str], event: EventKind) -> FieldEvent:
    if field in (SWITCH_FIELD, TURNED_DISLIKE_FIELD):
        return FieldEvent(field=field, value=_listed(values), event=event)
    if field == WORKPLACE_FIELD:
        return FieldEvent(field=field, value=values[0], event=event)
    if field == "#sensitive":
        return FieldEvent(field=sensitive_category(values[0]) or "health", value=_listed(values), event=event)
    if event == "REMOVE" and (not values or values == [ANY_VALUE]):
        return FieldEvent(field=field, value=None, event=event)
    if field in LIST_FIELDS or field in EXTRA_LIST_FIELDS:
        return FieldEvent(field=field, value=_listed(values), event=event)
    value: str | int = values[0]
    if field == "age" and event != "REMOVE":
        value = int(values[0])
    return FieldEvent(field=field, value=value, event=event)


def cut_trailing_clause(text: str) -> str:
    """rules_values.cut_trailing_clause read the obvious way: every word, lowered one by one."""
    words = text.split()
    keys = [w.lower().strip(v._EDGE_PUNCTUATION) for w in words]
    for i, key in enumerate(keys):
        for phrase in v.CUTS_BY_FIRST_WORD.get(key, ()):
            if tuple(keys[i : i + len(phrase)]) == phrase:
                return " ".join(words[:i])
        if key == "for" and i + 2 < len(keys) and keys[i + 1].isdigit() and keys[i + 2].startswith("year"):
            return " ".join(words[:i])
    return text


def clean_value(raw: str, *, max_words: int = 6) -> str | None:
    """rules_values.clean_value read the obvious way: every cut tried, the text lowered for each test."""
    text = cut_trailing_clause(raw.strip().strip("\"'“”‘’`*_"))
    text = v.TRAILING_PUNCTUATION.sub("", text)
    text = v.TRAILING_ADVERB.sub("", text)
    text = v.TRAILING_PREPOSITION.sub("", text)
    determiner = v.DETERMINERS.match(text)
    text = v.DETERMINERS.sub("", text).strip(" .,!?\"'()")
    if not text or text.lower() in v._PRONOUNS or len(text) > 80 or v.is_husk(text):
        return None
    if v.SUBJECT_VERB.search(text):
        return None
    words = text.split()
    if len(words) > max_words or (words[0].lower() in v._LEADING_NON_VALUES and not determiner):
        return None
    return text


def split_items(raw: str, *, max_words: int = 5) -> list[str]:
    """rules_values.split_items read the obvious way: case-blind regexes, every part cleaned from scratch."""
    head = cut_trailing_clause(raw.strip())
    if "," in head:
        head = v.SIMILE.split(head, maxsplit=1)[0]
    if v.WH_START.match(head):
        return []
    if "," in head:
        parts = [p for p in head.split(",") if p.strip()]
        if any(v.CLAUSE_VERB.search(p) or p.split()[0].lower() in v.CLAUSE_OPENERS for p in parts[1:]):
            head = parts[0] if parts else head
    joined = " and " in head.lower() and v.COMPOUND.search(head)
    if joined:
        head = v.COMPOUND.sub(lambda m: re.sub(r"\s+", v.JOINER, m.group(0)), head)
    items: list[str] = []
    for part in v.SPLIT_ITEMS.split(head):
        if joined:
            part = part.replace(v.JOINER, " ")
        first = part.split()[:1]
        if v.WH_ANYWHERE.search(part) or (first and first[0].lower() in v._CLAUSE_VERBS):
            continue
        value = clean_value(part, max_words=max_words)
        if value and value.lower() not in {i.lower() for i in items}:
            items.append(value)
    return items


def sensitive_stretches(low_text: str, needles: tuple[str, ...]) -> set[tuple[int, int]]:
    """The stretches between sentence ends that hold a needle: every needle found with str.find."""
    ends = ".!?\n…"
    stretches: set[tuple[int, int]] = set()
    for needle in needles:
        at = low_text.find(needle)
        while at >= 0:
            start = max(low_text.rfind(end, 0, at) for end in ends) + 1
            after = [found for end in ends if (found := low_text.find(end, at)) >= 0]
            stretches.add((start, min(after, default=len(low_text))))
            at = low_text.find(needle, at + 1)
    return stretches
