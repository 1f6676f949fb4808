"""The rule-based extractor's table: one named row per phrasing, and which row wins.

A row says which field it feeds, its regex (anchored on the speaker: "I", "I'm", "my"), the
builder that turns the matched span into values (rules_values.py), and the words a clause must
hold for the row to be worth running. Ending rows (event REMOVE) say a fact stopped being true.

Which row wins a trigger is decided by `precedence()` alone (FIELD_PRECEDENCE, then
ROW_PRECEDENCE), never by the order of ROWS: tests/test_rules_table.py shuffles the table and
checks that nothing changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import rules_values as v
from domain import EventKind
from vocabulary import (
    ACTIVITY_GERUNDS,
    ADVERB_PHRASES,
    BARE_NAMED_KIN,
    BUSINESSES,
    DIETS,
    DONE_SPORTS,
    HAIR_NOUNS,
    HOBBY_VERB_PHRASES,
    HOME_ADJECTIVES,
    HOME_DWELLINGS,
    INSTRUMENTS,
    KEPT_ANIMALS,
    LANGUAGES,
    LESSON_SUBJECTS,
    LOOKS_ADJECTIVES,
    MUSIC_GENRES,
    NAMED_DIETS,
    NAMED_ELDERS_AND_KIN,
    NOT_GOAL_STATES,
    NOT_KNOWN_THINGS,
    NOT_SKILL_VERBS,
    NUMBER_WORDS,
    OCCUPATIONS,
    PARTED_VERBS,
    PARTNERS_AND_CHILDREN,
    PASTIME_GERUNDS,
    PLAYED_SPORTS,
    RELATIVE_ADJECTIVES,
    TITLE_POSTS,
    TRADE_MODIFIERS,
    VEHICLES,
    alternation,
)

I_AM = r"\bi(?:'m|\s+am|m|\s+m)\b"
ADVERBS = rf"(?:(?:{alternation(ADVERB_PHRASES)})\s+)*"
VALUE = r"(?P<v>[^.!?;\n]+)"
HERE_ENDS = r"(?=\s*$|\s*[,!:-]|\s+(?:btw|by\s+the\s+way|again|from|and|speaking|writing|checking\s+in)\b)"
# Pieces a row may name in braces; expanded once when the table is built.
PIECES = {
    # Losing one's job, said of the user as the one it happened to: "was fired", "got laid off",
    # "have been let go", "was made redundant" (first: it holds {ADV}, expanded below).
    "{FIRED}": r"(?:was|got|been)\s+{ADV}(?:fired|laid\s+off|let\s+go|sacked|dismissed|made\s+redundant)",
    # The job left, before its employer: "my job at", "my old position as a clerk with".
    "{MY_JOB_AT}": r"my\s+(?:[\w-]+\s+)?(?:job|position|role|post)\s+(?:as\s+(?:a|an)\s+[\w\s-]{2,30}?\s+)?(?:working\s+)?(?:at|for|with|in)",
    # When, after an ending told without its object: "I got laid off last week".
    "{TITLE_POST}": TITLE_POSTS,
    # A post named after "as" without an article: "joined a startup as lead designer".
    "{JOB_TITLE_HEAD}": rf"(?:lead|senior|junior|staff|chief|principal|head|{TITLE_POSTS})\b",
    "{OCCUPATION}": alternation(OCCUPATIONS),
    "{TRADE_MOD}": alternation(TRADE_MODIFIERS),
    "{MUSIC_GENRE}": alternation(MUSIC_GENRES),
    "{HOME_ADJ}": HOME_ADJECTIVES,
    "{HOME}": HOME_DWELLINGS,
    # What may follow a dwelling word and make it another thing: "a home gym", "a house plant", "a flat iron".
    "{NOT_AFTER_HOME}": r"(?:gym|office|cinema|theat(?:er|re)|studio|plants?|iron|screen|tyre|tire|white|mate|party|warming|insurance|loan|kit|brew)",
    "{NAMED_KIN}": alternation(NAMED_ELDERS_AND_KIN),
    "{WHEN_TAIL}": r"(?:\s+(?:today|yesterday|recently|again|last\s+\w+|this\s+(?:week|month|year|morning)"
    r"|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:a|one|two|three|four|five|six|a\s+few|a\s+couple\s+of|\d+)\s+(?:days?|weeks?|months?|years?)\s+ago))?",
    "{I_AM}": I_AM,
    # What may follow "Sam here" when it introduces the speaker.
    "{HERE_ENDS}": HERE_ENDS,
    "{ADV}": ADVERBS,
    "{V}": VALUE,
    "{REL}": v.RELATIVES_RE,
    "{PARTNER}": alternation(PARTNERS_AND_CHILDREN),
    "{BARE_KIN}": alternation(BARE_NAMED_KIN),
    "{RELADJ}": alternation(RELATIVE_ADJECTIVES),
    "{PARTED}": alternation(PARTED_VERBS),
    # Hair or eyes told by lasting looks: "long red hair", "rainbow-coloured hair and hazel eyes".
    "{LOOKS}": r"(?:(?:really\s+|very\s+)?(?:{LOOKS_ADJ})(?:[\s-]+(?:colou?red|dyed))?(?:\s*,\s*|\s+(?:and\s+)?))+(?:hair|eyes)"
    r"(?:\s+and\s+(?:(?:really\s+|very\s+)?(?:{LOOKS_ADJ})(?:[\s-]+(?:colou?red|dyed))?\s+(?:and\s+)?)+(?:hair|eyes))?",
    "{LOOKS_ADJ}": alternation(LOOKS_ADJECTIVES),
    "{HAIR_NOUN}": alternation(HAIR_NOUNS),
    "{PETS}": v.PETS_RE,
    "{NUM}": alternation(NUMBER_WORDS) + r"|\d{1,2}",
    "{HOBBY}": alternation(HOBBY_VERB_PHRASES),
    "{DIET}": alternation(DIETS),
    "{NAMED_DIET}": alternation(NAMED_DIETS),
    "{DONE_SPORT}": alternation(DONE_SPORTS),
    "{KEPT_ANIMAL}": alternation(KEPT_ANIMALS),
    "{VEHICLE}": alternation(VEHICLES),
    "{OWNED}": alternation(VEHICLES + INSTRUMENTS),
    "{BUSINESS}": alternation(BUSINESSES),
    # Programming languages, by their names (no one-letter ones: "C", "R").
    "{PROG}": r"python|java|javascript|typescript|go|golang|rust|kotlin|swift|scala|haskell|elixir|sql|perl|lua|dart|clojure|fortran|cobol",
    "{LANG}": alternation(LANGUAGES),
    # Lasting aims a person works on: "lose weight", "quit smoking", "get fit".
    "{SELF_GOAL}": r"lose\s+(?:some\s+)?weight|quit\s+(?:smoking|drinking|vaping|sugar|caffeine|social\s+media)|get\s+(?:fit|in\s+shape|healthier|stronger)"
    r"|eat\s+(?:healthier|healthy|better|less\s+\w+|more\s+\w+)|sleep\s+(?:more|better)|read\s+more|exercise\s+more|drink\s+less"
    r"|stop\s+(?:smoking|drinking|vaping|procrastinating)|cut\s+(?:down\s+on|back\s+on|out)\s+\w+|save\s+(?:more\s+)?money|pay\s+off\s+(?:my\s+)?\w+",
    "{DEGREE}": r"bachelor'?s?|master'?s?|phd|ph\.d\.|doctorate|degree|mba|diploma|msc|bsc|ba|ma|btech|mtech|beng|meng|llb",
    "{INSTR}": alternation(INSTRUMENTS),
    "{LESSON}": alternation(LANGUAGES + INSTRUMENTS + LESSON_SUBJECTS),
    "{PASTIME_ING}": alternation(PASTIME_GERUNDS),
    # Time of one's own, when a pastime is done: "on weekends", "in my spare time", "after work".
    "{LEISURE}": r"(?:(?:on|at|most|every)\s+(?:the\s+)?weekends?|in\s+my\s+(?:free|spare|down|leisure)\s*time|on\s+my\s+days?\s+off|after\s+work"
    r"|in\s+the\s+evenings|outside\s+(?:of\s+)?work|on\s+(?:holiday|vacation))",
    # How one works, between "work" and "as": "I work nights as a guard".
    "{WORK_MANNER}": r"(?:remotely|nights|days|weekends|full[- ]time|part[- ]time|freelance|from\s+home|for\s+myself|mostly|mainly|currently|now"
    r"|(?:(?:night|day|early|late|double|long|twelve[- ]hour|\d+[- ]hour)\s+)?shifts|long\s+hours)",
    # What one "takes up" that is no pastime ("took up space", "took up the offer").
    "{NOT_TAKEN_UP}": r"space|room|time|residence|arms|position|post|offer|challenge|cause|issue|matter|case|lots|most|much|more|half|none|some|that|this|them|with",
    # How often a habit comes back: "every week", "twice a year", "a few times a month".
    "{EVERY}": r"(?:at\s+least\s+)?(?:every|each|once\s+a|twice\s+a|(?:a\s+)?(?:few|couple\s+of|several|\w+)\s+times\s+a)\s+"
    r"(?:week|weekend|month|year|summer|winter|spring|autumn|fall|sunday|saturday|morning|evening|day)\b",
    # A stay that is passing, told after the place: "in Berlin for a conference", "in Rome this week".
    "{PASSING_STAY}": r"[^.!?;\n]*\b(?:for\s+(?:a|an|the|my|our|work|business)\b|this\s+(?:week|weekend|month)|today|tonight|until|till|"
    r"on\s+(?:holiday|vacation|business|a\s+trip)|visiting|right\s+now|at\s+the\s+moment|for\s+now)",
    # Since a time long gone: "since childhood", "since 2009" ("since I was six" is a clause of its own).
    "{SINCE_LONG}": r"since\s+(?:childhood|high\s+school|college|uni|university|forever|\d{4})",
    # A team's or a band's follower: "fan", "supporter".
    "{FAN}": r"(?:fan|supporter|lover|enthusiast|buff)",
    # Words of degree, never what a fan is a fan of ("a total nerd", "a real snob").
    "{DEGREE_WORD}": r"big|huge|great|massive|total|real|complete|absolute|proper|bit|such|little|giant|serious|major",
    # What one "plays" in an idiom, never a game or an instrument.
    "{NOT_PLAYED}": r"(?:dumb|stupid|dead|nice|fair|safe|favou?rites?|along|around|hooky|hookey|truant|pretend|hard\s+to\s+get|devil'?s\s+advocate"
    r"|victim|fool|field|long\s+game|odds|system|martyr|hero|god|catch[- ]up|tricks?|down|up|it\s+(?:safe|cool|by\s+ear)|with\s+fire)",
    # Who is at a place without working there: "a regular at the pub", "a newbie at coding", "a guest at the Ritz"
    # (the word right before "at": "a guest lecturer at Leeds" works there).
    "{NOT_STAFF}": r"(?:regular|newbie|noob|beginner|pro|natural|genius|guest|visitor|patient|customer|member|stranger|fan)",
    # Before "addict", "fan": no taste but a past or a dependence ("a recovering addict", "a former Spurs fan").
    "{NOT_FAN_OF}": r"(?:recovering|former|ex|drug|heroin|opioid|meth|crack|sex|porn|gambling|alcohol|alcoholic)",
    "{NOT_SKILL}": alternation(NOT_SKILL_VERBS),
    "{NOT_KNOWN}": alternation(NOT_KNOWN_THINGS),
    "{NOT_STATE}": alternation(NOT_GOAL_STATES),
    "{LIKE}": r"(?:love|like|enjoy|adore)",
    # (a fan's slang: "i stan Stray Kids")
    "{STAN}": r"stan",
    # After "the things I …", "what I …" the verb's object came first: only "the things I love are X" names it
    # ("those are the things I hate explaining" names nothing).
    # (Tested after the "i", so only where an "i" stands.)
    "{NOT_RELATIVE}": r"(?<!\bthings\si)(?<!\bthing\si)(?<!\bstuff\si)(?<!\bwhat\si)|(?=\s+(?:[\w']+\s+){1,3}?(?:is|are|include)\b)",
    # What a taste is about, after "the": "jazz is the music I love", "the kinds of films I enjoy".
    "{TASTE_NOUN}": r"(?:things?|stuff|music|foods?|sports?|games?|genres?|dish(?:es)?|drinks?|cuisines?|bands?|shows?|books?|movies?|films?"
    r"|activit(?:y|ies)|snacks?|desserts?|meals?|artists?|authors?|series|art|animals?|flowers?|colou?rs?|songs?|podcasts?|teams?|dances?"
    r"|languages?|instruments?|subjects?)",
    # No list before a copula starts with these: "those are the things I …", "that is my thing".
    "{NOT_LIST}": r"it|that|this|these|those|they|them|which|what|who|there|here|he|she|we|you|mine|all|everything|nothing|something|anything|one",
    "{FAVOURITE}": r"(?:favou?rites?|faves?|favs?|top\s+picks?|go[- ]to)",
    "{VERY}": r"(?:(?:really|so|very|pretty|quite|super|incredibly|extremely|rather|kind\s+of)\s+)?",
    "{PASTIME}": alternation(tuple(v.PASTIME_OF)),
    "{SKILLED_DOER}": alternation(tuple(v.SKILL_OF)),
    "{DONE_PASTIME}": alternation(tuple(v.DONE_PASTIMES)),
    # Gerunds that are no pastime ("I've been working at X for years", "been dating Sam").
    "{NOT_PASTIME}": r"working|living|going|trying|thinking|feeling|waiting|looking|having|getting|being|dating|seeing|"
    r"sleeping|staying|struggling|dealing|fighting|suffering|taking|married",
    "{WORKS_AT}": r"(?:work|worked|am\s+working|'m\s+working)",
    "{ACTIVITY_ING}": alternation(ACTIVITY_GERUNDS),
    "{PLAYED_SPORT}": alternation(PLAYED_SPORTS),
    # After "I watch", "I read": one thing, someone, or how, not a kind of thing ("I read an article", "I watch my weight").
    "{NOT_WATCHED}": r"a|an|the|my|your|his|her|their|our|its|it|this|that|these|those|them|him|you|out|over|through|about|up"
    r"|somewhere|online|more|less|much|too|all|every|everything|something|anything",
    # Back from a pastime just done: "got back from", "just finished", "got done with".
    "{BACK_FROM}": r"(?:got\s+(?:back|home|in)\s+from|came\s+(?:back|home)\s+from|(?:am|'m)\s+(?:back|home)\s+from|finished|got\s+done(?:\s+with)?)",
}


@dataclass(frozen=True)
class Row:
    name: str
    field: str
    regex: re.Pattern[str]
    value: Callable[[str], list[str]]
    event: EventKind = "ADD"
    pattern: str = ""  # the row as written, before its {PIECES} are expanded
    words: frozenset[str] = frozenset()  # the clause must hold one of these words for the regex to run
    anchor: frozenset[str] = frozenset()  # ...and one of these (the speaker: "i", "i'm", "my")
    check_speaker: bool = False  # the nearest subject before the match must be "I"
    exclusive: bool = True  # claims its trigger, so rows of lower precedence cannot read it another way
    at_start: bool = False  # the regex can only match at the clause's start: one match() instead of a scan

    @property
    def ending(self) -> bool:
        return self.event == "REMOVE"


def row(
    name: str,
    field: str,
    pattern: str,
    value: Callable[[str], list[str]],
    *,
    event: EventKind = "ADD",
    words: str = "",
    check_speaker: bool = False,
    exclusive: bool = True,
) -> Row:
    expanded = pattern
    for piece, text in PIECES.items():
        expanded = expanded.replace(piece, text)
    anchor: frozenset[str] = frozenset()
    if pattern.startswith("{I_AM}"):
        anchor = frozenset({"m", "am", "im"})
    elif pattern.startswith((r"\bi\s+", r"\bi(")):
        anchor = frozenset({"i"})
    elif pattern.startswith(r"\bmy\s+"):
        anchor = frozenset({"my"})
    regex = re.compile(expanded, re.IGNORECASE | re.VERBOSE if "\n" in pattern else re.IGNORECASE)
    at_start = pattern.startswith("^") and not _top_level_alternative(pattern)
    return Row(
        name, field, regex, value, event, pattern, frozenset(words.split()), anchor, check_speaker, exclusive, at_start
    )


def _top_level_alternative(pattern: str) -> bool:
    depth, escaped = 0, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


# fmt: off
ROWS: tuple[Row, ...] = (
    # -- name ------------------------------------------------------------------------------
    row("name_my_name_is", "name", r"(?:\bmy\s+(?:given\s+|first\s+|full\s+|real\s+|new\s+)?name|^name)(?:'s|\s+is)\s+{V}", v.name, words="name"),
    row("name_call_me", "name", r"(?<!nobody\s)(?<!no one\s)(?<!never\s)(?<!not\s)(?<!n't\s)\b(?:calls?|address)\s+me\s+{V}", v.name, event="UPDATE", words="call address"),
    row("name_go_by", "name", r"\bi(?:'m|\s+am)?\s+{ADV}(?:go|going)\s+by\s+(?:the\s+name\s+)?{V}", v.name, words="go going"),
    # "I changed my name to Orla", "after the wedding I took the name Orla Byrne": a new name replaces the old
    # (not "changed my last name to Byrne": a surname alone is not the whole name).
    row("name_changed_to", "name", r"""\bi(?:'ve|\s+have)?\s+{ADV}(?:(?:legally|officially)\s+)?(?:changed\s+my\s+name\s+to|took\s+(?:on\s+)?the\s+name)\s+
        (?!(?:tag|badge|card|plate|of|off)\b){V}""", v.name, event="UPDATE", words="changed took"),
    # "I'm known as Jon", "I'm called Jon", "I'd prefer to be called Jon": the name one goes by (not "called in to work",
    # "known as the quiet one").
    row("name_known_as", "name", r"""(?:{I_AM}\s+{ADV}(?:known\s+as|called)|\bi(?:'d|\s+would)?\s+{ADV}(?:prefer|like|want)\s+to\s+be\s+(?:called|known\s+as|addressed\s+as))\s+
        (?!(?:to|in|on|up|out|back|away|for|into|a|an|the|my|your|his|her|their|our|it|that|this|him|them|me|by|after|upon|off)\b){V}""", v.name,
        event="UPDATE", words="known called"),
    row("name_named_me", "name", r"\bnamed\s+me\s+{V}", v.name, words="named"),
    row("name_x_is_my_name", "name", r"^(?P<v>[A-Za-z][a-z'\-]{1,19})\s+is\s+my\s+(?:first\s+)?name\b", v.name, words="name"),
    # ("here" ends the greeting: "the weather here is awful" names no one.)
    row("name_its_x_here", "name", r"^(?:this is|it's|its)\s+(?P<v>[A-Z][a-z]+)\s+here{HERE_ENDS}", v.name_here, words="here"),
    # "Thandi btw, UX designer": a capitalised name told by the way at a message's start.
    row("name_x_btw", "name", r"^(?P<v>[a-z]{3,})\s+(?:btw|by\s+the\s+way)\b", v.capitalised_name, words="btw way"),
    row("name_x_here", "name", r"^(?P<v>[A-Za-z][a-z]+)\s+here{HERE_ENDS}", v.name_here, words="here"),
    # -- languages -------------------------------------------------------------------------
    row("languages_speak", "languages", r"\bi\s+{ADV}(?:can\s+)?{ADV}speak\s+(?:\w+\s+languages?\s*(?:fluently\s*)?,?\s*)?{V}", v.languages, words="speak"),
    row("languages_native_tongue", "languages", r"\bmy\s+(?:native|first|mother)\s+(?:language|tongue)\s+is\s+{V}", v.languages, words="language tongue"),
    row("languages_fluent_in", "languages", r"{I_AM}\s+{ADV}(?:(?:pretty|quite|fairly|very|almost|nearly|fully|completely)\s+)?(?:fluent|native|bilingual)\s+in\s+{V}", v.languages, words="fluent native bilingual"),
    row("languages_x_are_my_native", "languages", r"^(?P<v>[\w\s,'-]{2,40}?)\s+(?:is|are)\s+my\s+(?:native|first|mother)\s+(?:languages?|tongues?)\b", v.languages,
        words="native first mother"),
    row("languages_native_speaker", "languages", r"{I_AM}\s+(?:a\s+)?native\s+(?P<v>\w+)\s+speaker", v.languages, words="native"),
    row("languages_answer_me_in", "languages", r"\b(?:answer|reply|respond|talk|speak|write)\s+(?:to\s+)?me\s+in\s+{V}", v.languages, words="answer reply respond talk speak write"),
    # -- diet ------------------------------------------------------------------------------
    row("diet_i_am", "diet", r"""(?:{I_AM}|\bi\s+(?:became|went|turned|have\s+been)|\bi've\s+been|\bwe(?:'re|\s+are|'ve\s+been|\s+have\s+been))
        \s+{ADV}(?:a\s+|an\s+)?(?:strict\s+|full\s+)?(?P<v>{DIET})\b""", v.diet, words="vegetarian vegan pescatarian pescetarian keto paleo carnivore omnivore"),
    # "I'm on a keto diet", "I follow a plant-based diet".
    row("diet_on_a", "diet", r"""(?:{I_AM}\s+{ADV}on\s+a|\bi\s+{ADV}(?:eat|follow|keep\s+to|stick\s+to)\s+a)\s+(?:strict\s+|mostly\s+|fully\s+)?
        (?P<v>{NAMED_DIET})\s+diet\b""", v.diet, words="diet"),
    # "vegan here, any recipes?", "lifelong vegetarian here": the speaker introduced by their diet.
    row("diet_x_here", "diet", r"^(?:(?:hi|hey|hello)\s*,?\s+)?(?:a\s+)?(?:(?:strict|lifelong|longtime|long-time|proud)\s+)?(?P<v>{DIET})\s+here{HERE_ENDS}", v.diet,
        words="vegetarian vegan pescatarian pescetarian keto paleo carnivore omnivore"),
    row("diet_as_a", "diet", r"^as\s+(?:a|an)\s+(?P<v>{DIET})\b", v.diet, words="vegetarian vegan pescatarian pescetarian keto paleo carnivore omnivore"),
    # -- likes: fans, lovers, favourites ---------------------------------------------------
    # "I've been a Celtic fan since I was six", "been a Tigres supporter all my life": a lasting fandom.
    row("likes_been_a_x_fan", "likes", r"""\bi(?:'ve|\s+have)?\s+{ADV}been\s+(?:a|an)\s+(?:(?:big|huge|lifelong|massive|die-?hard|proud|loyal)\s+)?
        (?P<v>(?!(?:big|huge|fan)\b)[\w\s'-]{2,30}?)\s+(?:fan|supporter)\b""", v.items, words="fan supporter"),
    # "I've followed cricket since I was a kid", "I've supported Hibs for thirty years": an interest held long.
    row("interests_followed_since", "interests", r"""\bi(?:'ve|\s+have)\s+{ADV}(?:followed|supported|watched)\s+(?!(?:you|him|her|them|it|this|that|the\s+news)\b)
        (?P<v>[\w\s'-]{2,30}?)\s+(?:since|for\s+(?:(?:[\w-]+\s+){0,2}?(?:years|decades)|ages|my\s+whole\s+life)|all\s+my\s+life|my\s+whole\s+life)\b""", v.items,
        words="followed supported watched"),
    row("likes_i_stan", "likes", r"\bi\s+{ADV}(?:stan|stanned)\s+(?!(?:you|him|her|them|it|this|that)\b){V}", v.items, words="stan"),
    # "I keep bonsai for 40 years", "I collect stamps": a lasting pastime (not "I keep forgetting", "keep it").
    row("interests_i_keep", "interests", r"""\bi\s+{ADV}(?:keep|collect)\s+(?!(?:\w+ing|a|an|the|it|my|this|that|them|him|her|you|in|on|up|quiet|calm|busy|going|track|fit|warm)\b)
        (?P<v>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)(?=\s+(?:for|since)\s|\s*$|\s*,)""", v.things, words="keep collect"),
    # "I coach the under-12 hurling team": the sport one coaches.
    row("interests_coach_team", "interests", r"""\bi\s+{ADV}coach\s+(?:the|a|my\s+\w+'s|our)\s+(?:[\w-]+\s+){0,2}?(?P<v>(?!(?:under|u\d+|local|school|junior|kids|youth|girls|boys|team)\b)[a-z]+)
        \s+team\b""", v.coached, words="coach"),
    row("family_parent_of_n_here", "family", r"^(?:a\s+|proud\s+)*(?P<v>(?:mum|mom|mother|dad|father|parent)\s+of\s+(?:{NUM}))\s+here\b", v.parent_of, words="here"),
    row("likes_fan_of", "likes", r"{I_AM}\s+{ADV}(?:a\s+)?(?:big\s+|huge\s+|great\s+|massive\s+)?fan\s+of\s+{V}", v.items, words="fan"),
    row("likes_x_fan", "likes", r"""{I_AM}\s+{ADV}(?:a|an)\s+(?:(?:{DEGREE_WORD}|lifelong|die-hard|diehard)\s+)?
        (?P<v>(?!(?:{DEGREE_WORD})\s|{NOT_FAN_OF}\b)[\w\s'-]{2,30}?)\s+(?:fan|supporter|lover|enthusiast|addict|fanatic|nut|junkie|buff|snob|nerd|geek)\b""", v.items, words="fan supporter lover enthusiast addict fanatic nut junkie buff snob nerd geek"),
    row("likes_as_a_x_fan", "likes", r"""\b(?:as|being)\s+(?:a|an)\s+(?:(?:big|huge|great|massive|lifelong|die-hard|diehard|total)\s+)?
        (?P<v>[\w\s'-]{2,30}?)\s+{FAN}\b""", v.items, words="fan supporter lover enthusiast buff"),
    row("likes_x_fan_like_me", "likes", r"\b(?:a|an)\s+(?P<v>[\w\s'-]{2,30}?)\s+(?:fan|lover)\s+like\s+me\b", v.items, words="fan lover"),
    # "I'm obsessed with sea shanties", "I'm hooked on crosswords": a strong taste ("mad about" may be anger).
    row("likes_obsessed_with", "likes", r"""{I_AM}\s+{ADV}(?:(?:a\s+bit|a\s+little|kind\s+of|kinda|totally|completely|absolutely|slightly)\s+)?
        (?:obsessed\s+with|crazy\s+about|nuts\s+about|wild\s+about|hooked\s+on)\s+{V}""", v.things, words="obsessed crazy nuts wild hooked"),
    # "I'm fond of sitcoms these days", "really big on padel": a taste (not for one evening: "fond of pizza tonight";
    # "keen on" is left out: "keen on bungy jumping" on a trip is a wish, not a standing taste).
    row("likes_fond_of", "likes", r"""{I_AM}\s+{ADV}(?:(?:very|quite|really|so|pretty|rather)\s+)?(?:fond\s+of|big\s+on)\s+
        (?![^.!?;\n]*\b(?:tonight|today|right\s+now|at\s+the\s+moment)\b)(?!(?:the\s+idea|you|him|her|them|it|that|this)\b){V}""", v.things,
        words="fond big"),
    row("likes_sucker_for", "likes", r"{I_AM}\s+{ADV}(?:a\s+)?(?:(?:big|huge|total|real)\s+)?(?:sucker|softie|glutton)\s+for\s+{V}", v.items, words="sucker softie glutton"),
    row("likes_my_favourite_is", "likes", r"""\bmy\s+(?:absolute\s+|all[- ]time\s+|(?:next|second|other|current|new|latest)\s+)?(?:favou?rite|fave?|fav|go-to)\s+
        (?!(?:part|bit|moment|scene|line|quote|memory|memories|answer|option|version|excuse|excuses|mistake|mistakes|lie|lies|
        complaint|complaints|problem|insult|trick)\b|things?\s+about\b)(?:\w+\s+){0,3}?(?:is|are|was|were
        |(?:has|have)\s+(?:always\s+)?been|(?:has|have)\s+(?:got\s+)?to\s+be|(?:would|must)\s+(?:have\s+to\s+)?be)\s+
        (?:now\s+|currently\s+)?{V}""", v.items, words="favorite favourite fave fav go"),
    # ("Sushi's my favourite food", "jazz has always been my favourite", "board games, those are my favourites".)
    row("likes_x_is_my_favourite", "likes", r"""^(?P<v>[\w\s'-]{2,40}?)(?:\s+(?:is|are|(?:has|have)\s+{ADV}(?:become|been))|'s(?:\s+{ADV}become)?|,\s*(?:those|these)\s+are)\s+{ADV}
        (?:one\s+of\s+|among\s+)?my\s+(?:absolute\s+|all[- ]time\s+|very\s+|new\s+)?{FAVOURITE}\b""", v.items, words="favorite favourite favorites favourites fave faves fav favs top go"),
    # "Sailing and chess are things I enjoy", "jazz and soul are the kinds of music I love": the list, object first.
    row("likes_x_things_i_enjoy", "likes", r"""^(?P<v>(?!(?:{NOT_LIST})\b)[\w\s,'-]{2,60}?)\s+(?:is|are)\s+(?:one\s+of\s+)?
        (?:something|some\s+things|things|what|stuff|the\s+(?:(?:kinds?|sorts?|types?)\s+of\s+)?{TASTE_NOUN})\s+(?:that\s+)?i\s+{ADV}(?:{LIKE}|listen\s+to)\b
        (?!\s+(?:about|in|at|on|when|that|how|to\s+(?:avoid|skip))\b)""", v.items, words="love like enjoy adore listen"),
    # "Board games are my thing", "karaoke is kind of my jam": a taste told as belonging to the speaker.
    row("likes_x_is_my_thing", "likes", r"""^(?P<v>(?!(?:{NOT_LIST})\b)[\w\s,'-]{2,60}?)\s+(?:is|are)\s+{ADV}(?:(?:very\s+much|definitely|totally)\s+)?
        my\s+(?:kind\s+of\s+|sort\s+of\s+|biggest\s+|big\s+)?(?:thing|jam|cup\s+of\s+tea|happy\s+place|guilty\s+pleasures?)
        (?:\s+(?:these\s+days|lately|now|really|too|honestly))?\s*$""", v.items,
        words="thing jam tea happy guilty"),
    # "Crowds aren't my thing", "golf has never been my cup of tea".
    row("dislikes_x_not_my_thing", "dislikes", r"""^(?P<v>(?!(?:{NOT_LIST})\b)[\w\s,'-]{2,60}?)\s+(?:(?:is|are)(?:n't|\s+not)|(?:has|have)\s+never\s+been|was\s+never|were\s+never)\s+
        (?:really\s+|exactly\s+|quite\s+)?my\s+(?:kind\s+of\s+|sort\s+of\s+)?(?:thing|jam|cup\s+of\s+tea)
        (?:\s+(?:anymore|any\s+more|these\s+days|nowadays|now))?\s*$""", v.items, words="thing jam tea"),
    row("likes_heart_before", "likes", r"(?:❤️|♥️|❤)\s*(?P<v>[\w\s'-]{2,40})", v.items, words="❤ ♥"),
    row("likes_heart_after", "likes", r"(?P<v>[\w'-]{2,30})\s*(?:❤️|♥️|❤)", v.items, words="❤ ♥"),
    row("likes_soft_spot_for", "likes", r"\bi\s+{ADV}have\s+a\s+(?:\w+\s+)?(?:love|passion|soft spot|thing|weakness)\s+for\s+{V}", v.items, words="love passion spot thing weakness"),
    # A taste told as an idiom: "I can't get enough of true crime podcasts", "I never say no to a good curry",
    # "I could eat dumplings every day", "I'd pick the mountains over the beach any day" (not "enough sleep",
    # "say no to my boss", "eat a horse right now", "pick you up").
    row("likes_cant_get_enough", "likes", r"""\bi\s+{ADV}(?:can't|cannot|can\s+not)\s+get\s+enough\s+of\s+(?!(?:it|this|that|them|you|him|her)\b){V}""", v.items,
        words="enough"),
    row("likes_never_say_no_to", "likes", r"""\bi\s+{ADV}(?:never|can't|cannot|can\s+never)\s+say\s+no\s+to\s+
        (?!(?:my|your|his|her|their|our|the\s+boss|him|her|them|you|anyone|anybody|people|someone|somebody|it|this|that)\b){V}""", v.items, words="say"),
    row("likes_could_x_every_day", "likes", r"""\bi\s+{ADV}could\s+(?:happily\s+)?(?:eat|drink|listen\s+to|watch|read|play)\s+
        (?P<v>(?!(?:a\s+horse|it|this|that|them|you|anything|everything)\b)[\w\s'-]{2,40}?)\s+
        (?:every\s+(?:single\s+)?day|all\s+day(?:\s+long)?|forever|for\s+ever|on\s+repeat)\b""", v.items, words="could"),
    row("likes_pick_x_over_y", "likes", r"""\bi(?:'d|\s+would)\s+{ADV}(?:pick|choose|take)\s+(?P<v>(?!(?:you|him|her|them|it|this|that|one)\b)[\w\s'-]{2,30}?)
        \s+over\s+[\w\s'-]{2,30}?\s+any\s+day\b""", v.items, words="pick choose take"),
    row("likes_verb", "likes", r"""\bi(?:{NOT_RELATIVE})\s+{ADV}(?:(?:quite|rather)\s+)?(?:love|like|enjoy|adore|prefer|dig)\s+
        (?!(?:your|yours)\b|to\s+(?:avoid|skip|stay\s+away|keep\s+away)\b){V}""", v.things, words="love like enjoy adore prefer dig"),
    # "just listening to some bluegrass": what one is listening to is what one likes to hear.
    row("likes_listening_to", "likes", r"""(?:^|\bjust\s+|\busually\s+|\balways\s+|{I_AM}\s+{ADV})listening\s+to\s+
        (?:some\s+|a\s+lot\s+of\s+|lots\s+of\s+|more\s+)?(?!(?:my|your|his|her|their|our|its)\b){V}""", v.things, check_speaker=True, words="listening"),
    # "I'd rather be outdoors", "I would rather read than watch TV": what one prefers, told as a choice.
    row("likes_would_rather", "likes", r"\bi(?:'d|\s+would)\s+{ADV}rather\s+(?!(?:not|you|we|they|he|she|it)\b)(?P<v>[^.!?;\n]+)", v.rather,
        words="rather"),
    row("likes_listen_to", "likes", r"""\bi\s+{ADV}listen\s+(?:to\s+(?:a\s+lot\s+of\s+|lots\s+of\s+|mostly\s+)?
        |(?=(?:{MUSIC_GENRE})\b)){V}""", v.things, words="listen"),
    # A changed taste, told as the change: "I've grown to love X", "I came round to X", "X grew on me".
    row("likes_grown_to_like", "likes", r"""\bi(?:'ve|\s+have|'m|\s+am)?\s+{ADV}(?:(?:slowly|gradually|finally)\s+)?(?:grown|come|came|started|begun|began|starting|beginning)\s+to\s+{LIKE}\s+
        (?!(?:you|your|my|our|his|her|him|their|it|that|them|this|these|those|the\s+idea|working|living|being)\b){V}""", v.things,
        words="grown come came started begun began starting beginning"),
    row("likes_come_round_to", "likes", r"""\bi(?:'ve|\s+have|'m|\s+am)?\s+{ADV}(?:(?:come|came|coming)\s+(?:a)?round|(?:warmed|warming)(?:\s+up)?)\s+to\s+
        (?!(?:the\s+idea|you|your|my|our|his|their|it|that|them|him|her)\b){V}""", v.things, words="round around warmed warming"),
    # "I've developed a taste for anchovies", "acquired a liking for jazz": a taste gained.
    row("likes_acquired_taste", "likes", r"""\bi(?:'ve|\s+have)?\s+{ADV}(?:developed|acquired|gained)\s+(?:a|an)\s+(?:real\s+|new\s+|bit\s+of\s+a\s+)?
        (?:taste|liking|fondness)\s+for\s+(?!(?:it|that|this|them|him|her|you)\b){V}""", v.things, words="developed acquired gained"),
    # ("is growing on me", "is starting to grow on me": the same, under way.)
    row("likes_grew_on_me", "likes", r"""^(?P<v>(?!(?:it|that|this|he|she|they)\b)[\w\s'-]{2,40}?)\s+
        (?:(?:has\s+|have\s+|really\s+|slowly\s+)?(?:grown|grew)|(?:is|are|'s)\s+(?:really\s+|slowly\s+)?(?:growing|starting\s+to\s+grow))\s+on\s+me\s*$""", v.items,
        words="grew grown growing grow"),
    # "I find X relaxing" / "I find X boring": a taste told through a judgement of the thing.
    row("likes_find_x_good", "likes", r"""\bi\s+{ADV}find\s+(?P<v>(?!(?:you|him|her|people|everyone|everybody|my|his|their|your|our)\b)[^.!?;\n]{2,40}?)\s+
        {VERY}(?:fun|relaxing|fascinating|soothing|therapeutic|enjoyable|exciting)\b""", v.items, words="fun relaxing fascinating soothing therapeutic enjoyable exciting"),
    row("dislikes_find_x_bad", "dislikes", r"""\bi\s+{ADV}find\s+(?P<v>(?!(?:you|him|her|people|everyone|everybody|my|his|their|your|our)\b)[^.!?;\n]{2,40}?)\s+
        {VERY}(?:boring|dull|tedious|gross|disgusting|overrated|annoying|unbearable)\b""", v.items, words="boring dull tedious gross disgusting overrated annoying unbearable"),
    # "I read a lot of thrillers", "I watch tons of anime": a taste told by how much of it.
    row("likes_a_lot_of", "likes", r"""\bi\s+{ADV}(?:read|watch|play|eat|cook|bake|collect)\s+
        (?:a\s+lot\s+of|lots\s+of|tons\s+of|plenty\s+of|(?:way\s+)?too\s+(?:much|many))\s+{V}""", v.things, words="lot lots tons plenty much many"),
    row("likes_mine_is", "likes", r"^mine(?:\s+is|\s+are|'s)\s+{V}", v.things, words="#asked_favourite"),
    # "I've gone off brie", "went off coffee after the flu": a like that ended (not "went off to college", "the milk went off").
    row("end_likes_gone_off", "likes", r"""\bi(?:'ve|\s+have)?\s+{ADV}(?:(?:gone|went)\s+(?:right\s+|completely\s+|a\s+bit\s+)?off
        |lost\s+(?:my|the|all)\s+(?:taste|appetite|liking)\s+for|got\s+(?:(?:so|really|pretty|a\s+bit)\s+)?(?:tired|sick|bored)\s+of)\s+
        (?!(?:to|on|at|with|into|in|for|and|the\s+idea|it|that|this|them|him|her|you|my|our|his|their|your|again|alone|somewhere|home
        |script|track|grid|duty|shift|sick)\b){V}""",
        v.things, event="REMOVE", words="gone went lost got"),
    # "I stopped playing squash", "gave up squash last year": a pastime given up ends it (not "for Lent": a fast).
    row("end_likes_gave_up", "likes", r"""\bi(?:'ve|\s+have)?\s+{ADV}(?:stopped|quit|gave\s+up|given\s+up)\s+
        (?!(?:my|the|a|an|it|that|this|them|him|her|you|on|trying|hope|and|so|because|after|before|when|since|today|yesterday|now
        |liking|loving|enjoying|working|using|being|learning|studying|taking|going|doing)\b)(?![^.!?;\n]*\bfor\s+lent\b)
        (?P<v>[\w'-]+(?:\s+[\w'-]+){0,2}?)
        (?=\s*$|\s*,|\s+(?:last|this|after|because|when|in|years|ages|a\s+(?:while|year|few)|for\s+good|altogether|completely|ago)\b)""",
        v.things, event="REMOVE", exclusive=False,
        words="stopped quit gave given"),
    # -- dislikes --------------------------------------------------------------------------
    row("dislikes_hate", "dislikes", r"\bi(?:{NOT_RELATIVE})\s+{ADV}(?:hate|dislike|detest|loathe|despise|can't stand|cannot stand|can not stand)\s+{V}", v.things, words="hate dislike detest loathe despise stand"),
    # "I can't handle spicy food", "I really can't do horror films": a lasting aversion (not "this", "it", "my boss").
    row("dislikes_cant_handle", "dislikes", r"""\bi\s+{ADV}(?:can't|cannot|can\s+not)\s+{ADV}(?:handle|tolerate|deal\s+with|do)\s+
        (?!(?:it|this|that|these|those|them|him|her|you|my|his|their|our|your|the|any|anything|everything|much|more|another|that\s+anymore|math)\b)
        (?P<v>(?:spicy|hot|loud|cold|crowded|horror|scary|sad|raw|fatty|greasy|sweet|bitter|strong)\s+[\w\s'-]{2,30}|crowds|heat|spice|caffeine|dairy
        |gluten|horror|gore|heights|noise|cold\s+weather|hot\s+weather)\b""", v.things, words="handle tolerate deal do"),
    row("dislikes_do_not_like", "dislikes", r"\bi\s+{ADV}(?:don't|do not|dont)\s+{ADV}(?:like|enjoy|love|care for|care about|eat|drink)\s+{V}", v.things, words="like enjoy love care eat drink"),
    # "I can't drink coffee", "I never eat pork": what one keeps off (not "I can't eat another bite").
    row("dislikes_cannot_eat", "dislikes", r"\bi\s+{ADV}(?:can't|cannot|can\s+not|never)\s+{ADV}(?:eat|drink)\s+(?!(?:another|any\s*more|anything|much|more|that|this|it|now|today|tonight|right)\b){V}", v.things,
        words="eat drink"),
    row("dislikes_not_a_fan", "dislikes", r"{I_AM}\s+not\s+(?:a\s+)?(?:big\s+|huge\s+)?(?:fan\s+of|fond\s+of|into)\s+(?![^.!?;\n]*\b(?:lately|these\s+days|nowadays|at\s+the\s+moment|right\s+now)\b){V}", v.items, words="fan fond into"),
    # "I never liked opera", "never really cared for golf": a lasting dislike (not "never liked it until last year").
    row("dislikes_never_liked", "dislikes", r"""\bi\s+{ADV}never\s+{ADV}(?:liked|enjoyed|cared\s+for)\s+(?!(?:it|that|this|them|him|her|you|the\s+idea)\b)
        (?![^.!?;\n]*\b(?:until|till|before|as\s+a\s+(?:kid|child)|growing\s+up|back\s+then)\b){V}""", v.things, words="liked enjoyed cared"),
    # "Quinoa is gross to me", "I think olives are disgusting": a taste told as a verdict on the thing.
    row("dislikes_x_is_gross", "dislikes", r"""^(?:i\s+(?:think|reckon)\s+)?(?P<v>(?!(?:{NOT_LIST}|the|my|your|his|her|their|our)\b)[\w\s'-]{2,30}?)\s+(?:is|are)\s+
        {ADV}(?:(?:so|really|pretty|just|kind\s+of|kinda)\s+)?(?:gross|disgusting|nasty|vile|revolting)(?:\s+to\s+me)?\s*$""", v.items,
        words="gross disgusting nasty vile revolting"),
    # "I'm not a morning person", "not really a dog person": the taste denied.
    row("dislikes_not_x_person", "dislikes", r"{I_AM}\s+{ADV}not\s+(?:really\s+)?(?:a|an)\s+(?:big\s+)?(?P<v>\w+)\s+person\b", v.person_likes, words="person"),
    # "Knitting bores me now", "crosswords are not for me": a taste told by what the thing does to one (not "my job").
    row("dislikes_x_bores_me", "dislikes", r"""^(?P<v>(?!(?:{NOT_LIST}|the|my|your|his|her|their|our|a|an|work)\b)[\w\s'-]{2,30}?)\s+
        (?:bores|bore|disgusts|disgust)\s+me
        (?:\s+(?:now|anymore|any\s+more|these\s+days|nowadays|to\s+(?:death|tears)|silly|stiff))?\s*$""", v.items, words="bores bore disgusts disgust"),
    row("dislikes_afraid_of", "dislikes", r"{I_AM}\s+{ADV}(?:afraid|scared|terrified|sick and tired)\s+of\s+{V}", v.things, words="afraid scared terrified tired"),
    row("dislikes_x_least_favourite", "dislikes", r"^(?P<v>[\w\s'-]{2,40}?)\s+(?:is|are)\s+(?:my\s+least\s+favou?rite|my\s+worst|something\s+i\s+{ADV}hate|not\s+my\s+cup\s+of\s+tea)\b", v.items, words="least worst hate cup"),
    # -- family before likes: "I love my sister" is family ----------------------------------
    row("family_loved", "family", r"\bi\s+{ADV}(?:love|adore|like|miss)\s+my\s+(?P<v>(?:(?:{RELADJ})\s+)*(?:{REL}))\b", v.relatives, words="#relative"),
    # (Not before a list of names: "two sons, Emil and Theo" is family_have_n_named's.)
    row("family_have", "family", r"""(?:\bi\s+{ADV}(?:have|got)|\bi'?ve(?:\s+{ADV}got)?)\s+
        (?P<v>(?:(?:{NUM}|{RELADJ})\s+)*(?:{REL})\b(?:\s*(?:,\s*and|,|and)\s+(?:(?:{NUM}|{RELADJ})\s+)*(?:{REL})\b)*)
        (?!\s*[,:]\s*[a-z][a-z'-]+(?:\s*,\s*[a-z][a-z'-]+)*\s*,?\s+and\s+[a-z])""", v.relatives, exclusive=False, words="#relative"),
    # "I'm married with two kids", "I'm a nurse with three grown sons": the relatives after "with".
    row("family_i_am_with", "family", r"{I_AM}\s+{ADV}(?:[\w-]+\s+){0,4}?with\s+(?P<v>(?:{NUM})\s+(?:(?:{RELADJ})\s+)*(?:{REL}))\b", v.relatives, exclusive=False, words="#relative"),
    # "We have two kids", "we've got a new grandson, Rafi": the couple's children are the speaker's.
    row("family_we_have", "family", r"""\bwe(?:'ve|\s+have)?\s+{ADV}(?:have|got|had)\s+(?:a\s+)?(?:new\s+|newborn\s+)?
        (?P<v>(?:(?:{NUM}|{RELADJ})\s+)*
        (?:kids?|children|child|sons?|daughters?|grandsons?|granddaughters?|grandchildren|grandkids?|twins|baby\s+(?:boy|girl))\b
        (?:\s*,\s*[A-Z][a-z'-]+(?=\s*(?:,|$)))?)
        (?!\s+(?:coming|over|round|around|visiting|staying|here|there|at|in|from|for|to|on|playing|with|who|that)\b)""", v.named_or_relatives, words="we"),
    row("family_named", "family", r"""\bmy\s+(?P<v>(?:{PARTNER}|{NAMED_KIN})
        (?:'s\s+name\s+is|\s+is\s+(?:named|called)|\s*,)?\s+[A-Za-z][a-z'\-]+)\b(?!\s+(?:it|me|him|her|them|us|that|this|my|our|a|an|the)\b)""",
        v.relative_with_name, words="#relative"),
    row("family_have_named", "family", r"\bi\s+{ADV}have\s+(?:a|an)\s+(?P<v>(?:\w+\s+)?(?:{PARTNER})\s+(?:named|called)\s+[A-Za-z][a-z'\-]+)", v.relative_with_name, words="named called"),
    # Not one's family now: a partner one parted from ("broke up with my boyfriend", "ended things with my
    # fiance", "divorced my husband") or one only imagined ("she could be my stepmom"; yet "it will be my
    # son's birthday" names a son). Nor "my baby" said of what one loves ("my dog is my baby", "the plants are my
    # babies"): after "is" or "are" it is a pet name, not a child.
    row("family_my_relative", "family", r"""(?<!^)(?<!up\swith\s)(?<!things\swith\s)(?<!it\soff\swith\s)(?<!divorced\s)
        (?:(?<!\bbe\s)(?<!\bbecome\s)|(?=(?:my|our)\s+(?:\w+\s+){0,3}?\w+'s\b))
        (?:(?<!\bis\s)(?<!\bare\s)(?<!'s\s)(?<!\bwas\s)(?<!\bwere\s)|(?!(?:my|our)\s+(?:\w+\s+)?bab(?:y|ies)\b(?!\s+(?:brothers?|sisters?)\b)))
        \b(?:my|our)\s+(?P<v>(?:(?:{RELADJ})\s+)*(?:{REL}))\b""", v.relatives, words="#relative"),
    # "My older brother is a pilot", "our kids are grown": the relative named as the clause's subject
    # (not one parted from or gone: "my boyfriend dumped me", "my grandpa passed away"; nor "my baby",
    # often said of a partner or a pet).
    row("family_my_relative_leads", "family", r"""^(?:my|our)\s+(?P<v>(?:(?:{RELADJ})\s+)*(?!(?:baby|babies)\b)(?:{REL})\b
        (?:\s+and\s+(?:my\s+|our\s+)?(?:(?:{RELADJ})\s+)*(?!(?:baby|babies)\b)(?:{REL})\b)?)
        (?!\s+and\s+i\b)(?![^.!?;\n]*\b(?:{PARTED})\b)""", v.relatives, words="#relative"),
    # "Wife Ines and I moved to Graz", "the wife and I", "Son Mateo and I bake on Sundays": the relative with no
    # "my" (the name kept only when capitalised, rules_values.bare_kin).
    row("family_bare_named_and_i", "family", r"^(?:the\s+)?(?P<v>(?:{BARE_KIN})(?:\s+(?!and\b)[a-z][a-z'\-]+)?)\s+and\s+i\b", v.bare_kin, words="#relative"),
    # "I'm an only child", "I was an only child": no siblings, a lasting family fact.
    row("family_only_child", "family", r"(?:{I_AM}|\bi\s+was)\s+{ADV}(?:an\s+)?(?P<v>only\s+child)\b", v.status, words="only"),
    row("family_my_relative_and_i", "family", r"^(?:my|our)\s+(?P<v>(?:(?:{RELADJ})\s+)*(?:{REL}))\s+and\s+i\b", v.relatives, words="#relative"),
    row("family_been_married", "family", r"\bi(?:'ve|\s+have)\s+been\s+{ADV}(?:happily\s+)?(?P<v>married|divorced|engaged|widowed)\b", v.status, exclusive=False, words="married engaged divorced widowed"),
    row("family_status", "family", r"{I_AM}\s+{ADV}(?:a\s+)?(?:now\s+|happily\s+|recently\s+|newly\s+)?(?P<v>married|engaged|divorced|single|widowed)\b", v.status, exclusive=False, words="married engaged divorced single widowed"),
    row("family_got_married", "family", r"(?:\bi\s+{ADV}(?:got\s+|am\s+getting\s+)|\bi'?m\s+{ADV}getting\s+)(?P<v>married|engaged|divorced)\b", v.status, words="married engaged divorced"),
    row("family_married_a", "family", r"\bi\s+(?P<v>married)\s+(?:a|an|my)\b", v.status, words="married"),
    row("family_grandparent_of", "family", r"{I_AM}\s+(?:a\s+)?(?:proud\s+|happy\s+)?(?:grandmother|grandma|granny|grandfather|grandpa|grandparent)\s+(?:of|to)\s+(?P<v>(?:{NUM}))\b", lambda x: [f"{x} grandchildren"], words="grandmother grandma granny grandfather grandpa grandparent"),
    row("family_parent_of", "family", r"{I_AM}\s+(?:a\s+)?(?:proud\s+|single\s+|busy\s+)?(?:mother|mom|mum|father|dad|parent)\s+(?:of|to)\s+(?P<v>{NUM}|twins|triplets)\b", v.children_count, words="mother mom mum father dad parent"),
    # -- pets before likes: "I adore my cat" is a pet ---------------------------------------
    row("pets_loved", "pets", r"\bi\s+{ADV}(?:love|adore|like|miss)\s+my\s+(?P<v>(?:\w+\s+)?(?:{PETS})\b[^.!?;\n]*)", v.pets, words="#pet"),
    row("pets_have", "pets", r"""(?:\bi\s+{ADV}(?:have|own|got)|\bi'?ve(?:\s+{ADV}got)?|^we(?:\s+have|'ve\s+got|\s+have\s+got|'ve|\s+(?:(?:just|finally|recently)\s+)?got))\s+
        (?P<v>(?:(?:a\s+)?(?:bunch|lot|couple|few|pair)\s+of\s+|(?:{NUM})\s+)?(?:\w+\s+)?(?:{PETS})\b[^.!?;\n]*)""", v.pets, words="#pet"),
    # "I have two sons and a tortoise": the animal after the relatives.
    row("pets_have_and", "pets", r"\bi\s+{ADV}(?:have|own|got)\s+[\w\s,'-]{2,40}?\band\s+(?P<v>(?:{NUM})\s+(?:\w+\s+)?(?:{PETS})\b[^.!?;\n]*)", v.pets, words="#pet"),
    row("pets_have_named", "pets", r"\bi\s+{ADV}(?:have|own|got)\s+(?:a|an)\s+(?P<v>(?:[\w-]+\s+){0,2}?\w+\s+(?:named|called)\s+\w+)", v.named_pet, words="named called"),
    row("pets_my_pet", "pets", r"\bmy\s+(?P<v>(?:(?:{NUM})\s+)?(?:\w+\s+)?(?:{PETS})\b[^.!?;\n]*)", v.pets, words="#pet"),
    # "My dog's name is Rex", "my cat is called Miso", "my parrot Kiwi talks": the animal with its name.
    row("pets_my_named", "pets", r"\bmy\s+(?P<v>(?:\w+\s+)?(?:{PETS})(?:'s\s+name\s+is|\s+is\s+(?:named|called)|\s*,?)\s+[A-Za-z][\w'-]*(?:\s+and\s+[A-Z][\w'-]*)?)", v.pet_with_name,
        words="#pet"),
    # "Any pets? Mine is a beagle": the answer to one's own question about pets.
    row("pets_mine_is", "pets", r"^mine(?:\s+is|\s+are|'s)\s+(?P<v>(?:(?:{NUM})\s+)?(?:\w+\s+)?(?:{PETS})\b[^.!?;\n]*)", v.pets, words="#asked_pet"),
    # "I have two kids, Ola and Kuba", "I have three cats: Miso, Tofu and Bao": the count with the names.
    row("family_have_n_named", "family", r"""(?:\bi\s+{ADV}(?:have|got)|\bi'?ve(?:\s+{ADV}got)?)\s+(?P<v>(?:{NUM})\s+(?:(?:{RELADJ})\s+)*(?:{REL})\s*[,:]\s*
        [a-z][a-z'-]+(?:\s*,\s*[a-z][a-z'-]+)*\s*,?\s+and\s+[a-z][a-z'-]+)\b""", v.count_with_names, words="#relative"),
    row("pets_have_n_named", "pets", r"""(?:\bi\s+{ADV}(?:have|got|own)|\bi'?ve(?:\s+{ADV}got)?)\s+(?P<v>(?:{NUM})\s+(?:\w+\s+)?(?:{PETS})\s*[,:]\s*
        [a-z][a-z'-]+(?:\s*,\s*[a-z][a-z'-]+)*\s*,?\s+and\s+[a-z][a-z'-]+)\b""", v.count_with_names, words="#pet"),
    # -- interests -------------------------------------------------------------------------
    row("interests_for_years", "interests", r"""\bi(?:'ve|\s+have)\s+been\s+(?P<v>(?!(?:{NOT_PASTIME})\b)\w+ing\b[\w\s'-]{0,40}?)\s+
        (?:(?:for|since)\s+(?:over\s+|almost\s+|about\s+|nearly\s+)?(?:(?:\d+|a|many|several|two|three|four|five|ten|twenty)\s+)?(?:years|decades)\b
        |{SINCE_LONG})""", v.things, words="years decades since"),
    # "I've played the cello since I was six", "I've done judo for years": a pastime kept up.
    row("interests_have_played", "interests", r"""\bi(?:'ve|\s+have)\s+{ADV}(?P<v>(?:played|practiced|practised|done)\s+(?!(?:it|that|this|them|a\s+lot|well|badly|enough)\b)[\w\s'-]{2,30}?)\s+
        (?:for\s+(?:(?:over|almost|about|nearly)\s+)?(?:[\w-]+\s+)?(?:years|decades|ages)\b|{SINCE_LONG})""", v.kept_up, words="years decades ages since"),
    row("likes_x_person", "likes", r"{I_AM}\s+{ADV}(?:(?:much\s+|more\s+)?more\s+of\s+|(?:a\s+)?bit\s+of\s+)?(?:a|an)\s+(?:big\s+|total\s+|real\s+)?(?P<v>\w+)\s+person\b", v.person_likes, words="person"),
    row("interests_interested_in", "interests", r"(?:{I_AM}|\bi(?:'?ve|\s+have)\s+{ADV}been)\s+{ADV}(?:very\s+|really\s+|deeply\s+)?(?:interested|passionate)\s+(?:in|about)\s+{V}", v.things, words="interested passionate"),
    row("interests_into", "interests", r"{I_AM}\s+{ADV}(?:getting\s+{ADV})?(?:really\s+|big\s+|very\s+|more\s+|heavily\s+)?into\s+(?!(?:the\s+|that\s+|this\s+)?(?:idea|thought|plan|concept)\b){V}", v.things, words="into"),
    row("interests_my_hobby_is", "interests", r"\bmy\s+(?:main\s+|favou?rite\s+|new\s+)?(?:hobby|hobbies|passion|pastime)\s+(?:is|are|include)\s+{V}", v.things, words="hobby hobbie passion pastime"),
    row("interests_free_time", "interests", r"\bin\s+my\s+(?:free|spare|down)\s*time,?\s+i\s+{ADV}(?:like\s+to\s+|love\s+to\s+|enjoy\s+)?{V}", v.free_time, words="free spare down freetime downtime sparetime"),
    row("interests_go_ing", "interests", r"\bi\s+{ADV}go\s+(?P<v>(?:surf|fish|hik|camp|swim|ski|snowboard|run|jogg|bowl|sail|hunt|climb|danc|shopp|bik|cycl|kayak|skat|golf)\w*)", v.items, words="go"),
    row("interests_go_for_a", "interests", r"""\bi\s+{ADV}(?:go|head)\s+(?:out\s+)?for\s+(?:a|an)\s+(?:long\s+|quick\s+|short\s+|morning\s+|evening\s+|daily\s+)?
        (?P<v>run|swim|walk|hike|jog|bike\s+ride|ride|paddle|surf)\b""", v.things_as_gerund, words="run swim walk hike jog ride paddle surf"),
    # (Not an idiom: "I play dumb", "I play favourites", "I play it safe", "I play devil's advocate".)
    row("interests_play", "interests", r"\bi\s+{ADV}(?:play|practice|practise)\s+(?!(?:the\s+)?{NOT_PLAYED}\b)(?:the\s+)?{V}", v.items, words="play practice practise"),
    # "I run every morning before work", "I cycle most days", "I walk daily": a lasting routine, told by how
    # often (never "I run every Monday meeting", "I run daily standups": then "run" leads something).
    row("interests_routine_exercise", "interests", r"""\bi\s+{ADV}(?P<v>run|jog|walk|cycle)\s+(?:(?:{EVERY}|most\s+(?:days|mornings|evenings|weekends|nights))
        (?!\s+(?:meetings?|sessions?|class(?:es)?|calls?|reports?|teams?|shops?|errands?|stand-?ups?)\b)|(?:daily|in\s+the\s+(?:mornings|evenings))
        (?=\s*(?:$|[,.!;]|(?:and|before|after|with|around|along|at|in|on)\b)))""", v.things_as_gerund, words="run jog walk cycle"),
    # "I eat out a lot", "my friends and I eat out on Fridays": a habit of going out to eat (not "eat out of the
    # tin", nor a single night out: "eat out tonight").
    row("interests_eat_out", "interests", r"""\bi\s+{ADV}(?P<v>eat\s+out|dine\s+out)\b(?!\s+(?:of|tonight|today|tomorrow|later|this|next)\b)""",
        v.things_as_gerund, words="eat dine"),
    row("interests_hobby_verb", "interests", r"\bi\s+{ADV}(?P<v>(?:{HOBBY})\b[^.!?;\n]*)", v.hobby, words="ride paint draw knit sew bake cook hike fish hunt surf swim dance sing garden volunteer sketch crochet quilt camp ski skate climb jog bowl sail kayak golf meditate write read run play collect make produce compose record"),
    # "Pottery is my passion", "chess and sudoku are what I do for fun": the pastime, object first.
    row("interests_x_is_my_hobby", "interests", r"""^(?P<v>(?!(?:it|that|this|which|what|mine|he|she|they|there)\b)[\w\s,'-]{2,60}?)\s+(?:is|are|has\s+been|have\s+been)\s+{ADV}
        (?:(?:one\s+of\s+)?my\s+(?:(?:main|favou?rite|biggest|new|latest|real|true|great)\s+)?(?:hobby|hobbies|passion|passions|pastime|pastimes)
        |(?:what|the\s+things?|things|stuff)\s+i\s+{ADV}(?:like\s+to\s+|love\s+to\s+)?do\s+(?:for\s+fun|to\s+(?:relax|unwind)|{LEISURE})
        |how\s+i\s+{ADV}(?:relax|unwind|spend\s+(?:my\s+|most\s+)?(?:weekends|free\s+time|spare\s+time|evenings|days\s+off|summers|holidays)))
        (?:\s+(?:these\s+days|mostly|usually|lately|now|for\s+(?:[\w-]+\s+){0,2}(?:years|decades)|since\s+(?:childhood|school|college|\d{4})))?\s*$""", v.pastimes,
        words="hobby hobbie passion pastime fun relax unwind weekend spare free leisure down downtime freetime sparetime off after outside evening holiday vacation spend"),
    # "I go to the opera every month", "I visit Porto twice a year": a habit, told by how often.
    row("interests_habit_every", "interests", r"""\bi\s+{ADV}(?:still\s+)?(?P<v>(?:go|head)\s+(?:to\s+)?[\w\s'-]{2,40}?|visit\s+[\w\s'-]{2,30}?|attend\s+[\w\s'-]{2,30}?)\s+
        {EVERY}""", v.habit, words="every each once twice times"),
    # "I'm usually knitting by then", "usually I'm reading": a pastime told as what one is often doing.
    row("interests_usually_doing", "interests", r"""(?:\b(?:usually|often|always|normally|mostly)\s+{I_AM}|{I_AM}\s+(?:usually|often|always|normally|mostly))\s+
        (?:to\s+be\s+found\s+)?(?P<v>(?:{PASTIME_ING})\b[^.!?;\n]{0,40})""", v.doing, words="usually often always normally mostly"),
    # "I took up pottery", "I've taken up the cello": a pastime begun.
    row("interests_took_up", "interests", r"""\bi(?:\s+{ADV}took|(?:'ve|\s+have)\s+{ADV}taken)\s+up\s+
        (?P<v>(?!(?:taking|making|having|getting|going|being|doing|trying|asking)\b)\w+ing\b[^.!?;\n]*|(?:the\s+)?(?:{LESSON})\b
        |[a-z-]+\s+(?:{ACTIVITY_ING})\b
        |(?!(?:{NOT_TAKEN_UP})\b)[a-z]{4,}(?=\s*$|\s*,|\s+(?:last|this|in|when|after|recently|again|as|during|and)\b))""", v.things, words="took taken"),
    # "I've started running", "I started sailing on weekends": a pastime begun (with an object it may
    # be a chore: "I started cooking dinner").
    row("interests_started_doing", "interests", r"""\bi(?:'ve|\s+have)?\s+{ADV}(?:started|began|begun|taken\s+to)\s+(?P<v>(?:{ACTIVITY_ING}|running|writing))
        (?:\s+{LEISURE}|\s+(?:again|recently|lately|this\s+year|too|as\s+well))?(?:\s+(?:at|in|near|with)\s+(?:a|an|the|my)\s+[^.!?;\n]{2,40})?\s*$""", v.things,
        words="started began begun taken"),
    # "I usually run along the river", "I often swim before work": a habit told in the present.
    row("interests_usually_verb", "interests", r"""\bi\s+(?:usually|often|regularly|always|normally)\s+
        (?P<v>run|jog|swim|cycle|hike|bike|surf|climb|skate|ski|paddle|row|sail|dance|bake|paint|knit|sketch|fish|golf)\b
        (?!\s+(?:late|early|out|into|over|behind|errands|a|an|the|my|our|his|her|their|things|it|this|that|away|off
        |low|short|hot|cold|up|down|dry|wild|fast|slow)\b)""",
        v.things_as_gerund,
        words="usually often regularly always normally"),
    # "I'm a member of a running club", "I'm in a choir", "I'm on the darts team": a group one belongs to.
    row("interests_member_of", "interests", r"""(?:{I_AM}\s+{ADV}(?:an?\s+(?:active\s+)?member\s+of|in|on|part\s+of)|\bi(?:'ve|\s+have)?\s+{ADV}(?:just\s+)?joined)\s+(?:a|an|the|my|our)\s+(?:local\s+)?
        (?P<v>(?:[\w'-]+\s+){0,3}?(?:club|team|choir|band|orchestra|league|society|troupe|ensemble))(?=\s*$|\s*,|\s+(?:and|but|at|in|since|for|that|which)\b)""", v.items, words="club team choir band orchestra league society troupe ensemble"),
    row("interests_mine_is", "interests", r"^mine(?:\s+is|\s+are|'s)\s+{V}", v.things, words="#asked_hobby"),
    row("interests_volunteer_at", "interests", r"""\bi(?:\s+{ADV}|'ve\s+been\s+|\s+have\s+been\s+|(?:'ve|\s+have)?\s+{ADV}(?:started|begun|began|taken\s+up|took\s+up)\s+)
        (?P<v>volunteer(?:ing)?\s+(?:at|in|with|for)\s+[^.!?;\n]+)""", v.volunteering, words="volunteer volunteering"),
    # "I do judo", "I do crossfit twice a week": a sport one does, from a closed list.
    row("interests_do_sport", "interests", r"\bi\s+{ADV}(?:do|practi[cs]e|train\s+in)\s+(?P<v>{DONE_SPORT})\b", v.items, words="do practice practise train"),
    # "I raise goats", "I keep bees": animals one keeps, as a pastime or a trade.
    row("interests_raise_animals", "interests", r"""\bi\s+{ADV}(?P<v>(?:raise|breed|keep|rear)\s+(?:(?:a\s+few|some|a\s+couple\s+of|a\s+lot\s+of)\s+)?
        (?:[\w-]+\s+)?(?:{KEPT_ANIMAL}))\b(?=\s*$|\s*[,!]|\s+(?:and|on|at|for|in|as|with|too|now|since)\b)""", v.things_as_gerund, words="raise breed keep rear"),
    # "I grow my own veg", "I grow orchids on the windowsill": plants one grows, from a closed list.
    row("interests_grow_plants", "interests", r"""\bi\s+{ADV}(?P<v>grow\s+(?:(?:my\s+own|our\s+own|some|a\s+few|a\s+lot\s+of|all\s+sorts\s+of)\s+)?
        (?:[\w-]+\s+)?(?:veg|vegetables|veggies|herbs|flowers|fruit|tomatoes|roses|orchids|bonsai|chill?ies|chilli\s+peppers|potatoes|food
        |succulents|cacti|mushrooms|dahlias|tulips|strawberries|lettuce|grapes))\b
        (?=\s*$|\s*[,!]|\s+(?:and|on|at|in|as|with|too|now|since|every|each|all|from|for)\b)""", v.things_as_gerund, words="grow"),
    # "I play in a softball league", "I play for the village cricket team": the team one plays in.
    row("interests_play_in", "interests", r"""\bi\s+{ADV}(?P<v>play\s+(?:in|on|for)\s+(?:a|an|the|our)\s+(?:local\s+)?
        (?:[\w'-]+\s+){0,2}?(?:league|team|band|orchestra|club))\b""", v.things_as_gerund, words="play"),
    row("interests_work_out", "interests", r"\bi\s+{ADV}(?P<v>work\s+out|exercise|lift\s+weights|do\s+yoga|go\s+to\s+the\s+gym)\b", v.things_as_gerund, words="work exercise lift yoga gym"),
    row("interests_spend_time", "interests", r"""\bi\s+{ADV}spend\s+(?:(?:a\s+lot\s+of\s+|most\s+of\s+|all\s+)?(?:my\s+)?(?:free\s+|spare\s+)?time|hours|ages)
        (?:\s+(?:every|each|a)\s+(?:day|week|night|evening|weekend))?\s+(?P<v>\w+ing\b[^.!?;\n]*)""", v.things, words="spend"),
    # "I spend a lot of time at the climbing gym", "most of my time in the garden": a place one keeps going to.
    row("interests_spend_time_at", "interests", r"""\bi\s+{ADV}spend\s+(?:a\s+lot\s+of|most\s+of\s+my|much\s+of\s+my|all\s+my|lots\s+of|my)\s+(?:free\s+|spare\s+)?time\s+
        (?P<v>(?:at|in)\s+(?:the|a|my)\s+[\w\s'-]{2,30}?)(?=\s*$|\s*[,!]|\s+(?:and|but|with|because|since|so|these|lately|nowadays|every|on)\b)""", v.time_at,
        words="spend"),
    # "I'm just baking some bread", "I've been playing ping pong with friends" (and, the "I" left out,
    # "just listening to some blues"): a pastime told by doing it (chores, meals and people are no pastime).
    row("interests_doing_now", "interests", r"{I_AM}\s+{ADV}(?P<v>(?:{ACTIVITY_ING})\b[^.!?;\n]*)", v.pastime_now,
        words="reading playing watching listening cooking baking gardening painting drawing hiking cycling swimming knitting fishing gaming dancing singing sketching climbing surfing skating jogging crocheting sewing tinkering woodworking birdwatching coaching volunteering practicing practising walking biking riding skiing snowboarding bowling camping hunting sailing kayaking rowing golfing"),
    row("interests_been_doing", "interests", r"\bi(?:'ve|\s+have)\s+{ADV}been\s+{ADV}(?P<v>(?:{ACTIVITY_ING})\b[^.!?;\n]*)", v.pastime_now,
        words="reading playing watching listening cooking baking gardening painting drawing hiking cycling swimming knitting fishing gaming dancing singing sketching climbing surfing skating jogging crocheting sewing tinkering woodworking birdwatching coaching volunteering practicing practising walking biking riding skiing snowboarding bowling camping hunting sailing kayaking rowing golfing"),
    # "I just got back from walking my dog", "just finished choir rehearsal", "I was out sailing": a pastime
    # told by having just done it.
    row("interests_back_from", "interests", r"""\bi(?:\s+{ADV}{BACK_FROM}|(?:\s+was|'ve\s+been|\s+have\s+been)\s+{ADV}out)\s+
        (?P<v>(?:{ACTIVITY_ING})\b[^.!?;\n]*|(?:(?:my|a|the)\s+)?(?:[\w-]+\s+)?(?:practice|rehearsal)\b|volunteer\s+work\b|volunteering\b)""", v.back_from,
        words="back home finished done out"),
    # "I watch cooking shows", "I read sci-fi": a habit told in the present, with what is watched or read
    # ("I read an article", "I watch the kids", "I watch my weight" name no such taste).
    row("interests_watch_read", "interests", r"""\bi\s+{ADV}(?P<v>(?:watch|read)\s+
        (?!(?:{NOT_WATCHED})\b)[^.!?;\n]+)""",
        v.watch_read, words="watch read"),
    # "My softball game got rained out", "my chess club meets on Fridays": a sport one plays, told by one's team.
    row("interests_my_team", "interests", r"""\bmy\s+(?:(?:new|local|school|college|church|weekly|weekend|rec|intramural|little\s+league|work)\s+)?
        (?P<v>(?:{PLAYED_SPORT})\s+(?:team|club|league|game|games|match|matches|practice|tournament|season))\b""", v.sport_of_team,
        words="team club league game games match matches practice tournament season"),
    # "I'm looking for a new job", "I'm job hunting": finding work is what one is after.
    row("goals_job_hunting", "goals", r"""{I_AM}\s+{ADV}(?:(?:looking|searching|hunting|applying)\s+for\s+(?P<v>(?:a\s+)?(?:(?:new|better|different|full[- ]time|part[- ]time|second)\s+)?(?:job|work))\b
        |(?P<hunting>job\s+hunting|job\s+searching)\b)(?![^.!?;\n]*\bfor\s+(?:my|his|her|their|our|a\s+friend)\b)""", v.job_hunt, words="job work hunting"),
    # -- skills ----------------------------------------------------------------------------
    row("skills_good_at", "skills", r"""{I_AM}\s+{ADV}(?:pretty\s+|very\s+|really\s+|quite\s+|fairly\s+|reasonably\s+)?
        (?:good|great|skilled|skillful|proficient|experienced|an\s+expert|expert|talented|excellent|decent|handy|competent)\s+(?:at|in|with)\s+{V}""", v.activities,
        words="good great skilled skillful proficient experienced expert talented excellent decent handy competent"),
    # "I'm a decent cook", "a pretty good swimmer", "a fast typist": the skill told as the kind of doer one is
    # (not "a terrible singer", "a slow reader"; "I'm a cook" alone is a trade).
    row("skills_a_good_doer", "skills", r"""{I_AM}\s+{ADV}(?:a|an)\s+(?:(?:pretty|really|very|quite|fairly|reasonably|super)\s+)?
        (?:good|great|decent|excellent|strong|confident|competent|fast|skilled|talented|gifted)\s+(?P<v>{SKILLED_DOER})\b""", v.doer_skill,
        words="good great decent excellent strong confident competent fast skilled talented gifted"),
    row("skills_x_is_what_i_am_good_at", "skills", r"^(?P<v>[\w\s'-]{2,40}?)\s+is\s+(?:what|something)\s+i(?:\s+{ADV}am|'m)\s+(?:\w+\s+)?good\s+at\b", v.activities, words="good"),
    row("skills_know_how_to", "skills", r"\bi\s+{ADV}know\s+how\s+to\s+{V}", v.items, words="know"),
    row("skills_know", "skills", r"\bi\s+{ADV}know\s+(?P<v>(?!(?:{NOT_KNOWN})\b)[^.!?;\n]+)", v.items, words="know"),
    # Not a condition, a purpose or a wish ("as long as I can still fit in my coat", "until I can drive",
    # "a bike so that I can ride to work", "I hope I can come"; "if", "so", "unless" are cut as subordinate).
    row("skills_can", "skills", r"(?<!as long as )(?<!until )(?<!so that )(?<!in case )(?<!\bhope )(?<!\bwish )\bi\s+{ADV}can\s+(?!(?:barely|hardly)\b){ADV}(?P<v>(?!(?:{NOT_SKILL})\b)[^.!?;\n]+)", v.activities, words="can"),
    row("skills_program_in", "skills", r"\bi\s+{ADV}(?:program|code|develop|write code)\s+in\s+{V}", v.items, words="program code develop"),
    # "I have a black belt in judo", "I hold a second-dan black belt in karate": a grade earned in a martial art.
    row("skills_black_belt", "skills", r"""\bi(?:'?ve|\s+{ADV}(?:have|hold|got|earned))\s+(?:got\s+|earned\s+)?(?:a|my)\s+
        (?P<v>(?:(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)[- ]dan\s+)?(?:black|brown)\s+belt\s+in\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\b""",
        v.items, words="belt"),
    row("skills_experience_in", "skills", r"\bi\s+{ADV}have\s+(?:\d+\s+years\s+of\s+)?(?:experience|expertise)\s+(?:in|with)\s+{V}", v.items, words="experience expertise"),
    # (not "my cooking skills are mid": a skill one says one lacks)
    row("skills_my_skills", "skills", r"""\bmy\s+(?P<v>[\w\s-]{2,30}?)\s+skills?\b(?!\s+(?:are|is)\s+{ADV}(?:pretty\s+|quite\s+|so\s+|very\s+|a\s+bit\s+|kinda\s+|still\s+)?
        (?:terrible|bad|awful|mid|meh|poor|rusty|non-?existent|lacking|weak|limited|horrible|lousy|rubbish|trash|garbage|zero|nil|not\s+(?:great|good|there)))""",
        v.items, words="skill"),
    row("skills_learned_to", "skills", r"\bi\s+{ADV}(?:learned|learnt)\s+(?:how\s+)?to\s+{V}", v.items, words="learned learnt"),
    # -- goals -----------------------------------------------------------------------------
    # ("My goal this year is to learn the piano": a year's goal is a goal.)
    row("goals_my_goal_is", "goals", r"""\bmy\s+(?:main\s+|big\s+|life\s+|ultimate\s+|current\s+|long[- ]term\s+)?(?:goal|dream|ambition|aim|aspiration)
        (?:\s+(?:for\s+)?(?:this|next)\s+year|\s+for\s+(?:20\d\d|the\s+(?:new\s+)?year))?\s+is\s+(?:to\s+)?{V}""", v.goal, words="goal dream ambition aim aspiration"),
    row("goals_it_is_my_dream", "goals", r"\bit\s+is\s+my\s+dream\s+to\s+{V}", v.goal, words="dream"),
    row("goals_want_to_be", "goals", r"""\bi(?:\s+|(?='d\s)){ADV}(?:wanna|want|would\s+like|'d\s+like|would\s+love|'d\s+love|hope|aspire|plan|intend|aim|wish|dream
        |am\s+hoping|'m\s+hoping|am\s+planning|'m\s+planning|am\s+going|'m\s+going|am\s+training|'m\s+training)
        \s+(?:to\s+)?(?P<v>(?:be|become)\s+(?!(?:{NOT_STATE})\b)[^.!?;\n]+)""", v.goal, words="wanna want like love hope aspire plan intend aim wish dream hoping planning going training"),
    row("goals_dream_of", "goals", r"\bi\s+{ADV}(?:dream|dreaming)\s+(?:of|about)\s+(?:becoming\s+|being\s+)?{V}", v.goal, words="dream dreaming"),
    # "I'd like to" is mostly a request ("I'd like to book a table"): a goal only when it is for some day.
    row("goals_want_to_do", "goals", r"""\bi(?:\s+|(?='d\s+love)
        |(?='d\s+like\s+to\s[^.!?;\n]*\b(?:someday|some\s+day|one\s+day|eventually)\b))
        {ADV}(?:want|would\s+like|'d\s+like|would\s+love|'d\s+love|hope|aspire|plan|intend|aim|wish
        |am\s+going|'m\s+going|am\s+hoping|'m\s+hoping|am\s+planning|'m\s+planning)\s+to\s+
        (?P<v>(?:learn(?!\s+(?:more|about)\b)|travel|visit|see\s+the\s+world|move\s+out|move\s+abroad|retire|open|own|run\s+a\s+marathon|climb|master
        |study|start\s+(?:a|my\s+own)|buy\s+a|build\s+a|write\s+a|publish|get\s+married|have\s+kids|go\s+back\s+to|finish
        |graduate|take\s+over|live\s+(?:in|by|near|on|abroad|overseas)|work\s+(?:from\s+home|remotely|abroad|for\s+myself))\b[^.!?;\n]*)""", v.goal, words="want like love hope aspire plan intend aim wish going hoping planning"),
    row("interests_avid_x", "interests", r"""{I_AM}\s+{ADV}(?:a|an)\s+(?:big|huge|avid|keen|passionate|enthusiastic|serious|dedicated|real)\s+
        (?:(?:amateur|hobby|weekend|lifelong)\s+)?(?P<v>{PASTIME})\b""", v.pastime, words="big huge avid keen passionate enthusiastic serious dedicated real"),
    row("interests_spend_weekends_doing", "interests", r"""\bi\s+{ADV}spend\s+(?:(?:most|all|much|a\s+lot)\s+of\s+)?(?:my\s+|most\s+|many\s+)?(?:weekends|evenings|summers|holidays|days\s+off)\s+
        (?P<v>\w+ing\b[^.!?;\n]{0,40})""", v.pastime_doing, words="spend"),
    # "My weekends are for hiking", "my evenings are mostly spent knitting": the pastime the free days are given to.
    row("interests_weekends_are_for", "interests", r"""\bmy\s+(?:weekends|evenings|summers|holidays|days\s+off|sundays|saturdays)\s+are\s+{ADV}
        (?:(?:mostly|usually|always|all)\s+)?(?:for|spent)\s+(?P<v>\w+ing\b[^.!?;\n]{0,40})""", v.pastime_doing, words="weekends evenings summers holidays days sundays saturdays"),
    # "Most weekends you'll find me surfing": where one is to be found on free days is one's pastime.
    row("interests_find_me_doing", "interests", r"""\byou(?:'ll|\s+will|'d|\s+would|\s+can)\s+{ADV}find\s+me\s+(?P<v>\w+ing\b[^.!?;\n]{0,40})""", v.pastime_doing,
        words="find"),
    # "I'm training to become a pilot", "I'm studying for a law degree" (a test, or "working for" an employer, is no goal).
    row("goals_training_to_be", "goals", r"""{I_AM}\s+{ADV}(?:(?:going|training|studying|working)\s+(?:to\s+school\s+)?to\s+(?:become|be)
        |(?:training|studying|going\s+to\s+school)\s+for(?![^.!?;\n]*\b(?:test|tests|exam|exams|quiz|midterms?|finals|interview)\b))\s+(?:(?:a|an)\s+)?{V}""",
        v.goal, words="going training studying working"),
    row("goals_aspiring", "goals", r"{I_AM}\s+(?:a|an)\s+(?:aspiring|wannabe|would-be|future)\s+{V}", v.goal, words="aspiring wannabe would future"),
    row("goals_learning", "goals", r"""(?:{I_AM}|\bi've\s+been|\bi\s+have\s+been)\s+{ADV}(?:learning|trying\s+to\s+learn|teaching\s+myself)\s+
        (?P<v>(?!(?:a\s+lot|that|about|so|from|it|this)\b)[^.!?;\n]+)""", v.learning, words="learning learn teaching"),
    # "I've been picking up some Dutch", "I'm picking up the ukulele": learning, said casually.
    row("goals_picking_up", "goals", r"""(?:{I_AM}|\bi've\s+been|\bi\s+have\s+been|\bi\s+{ADV}(?:started|began))\s+{ADV}(?:slowly\s+)?picking\s+up\s+
        (?:some\s+|a\s+(?:little\s+)?bit\s+of\s+|a\s+little\s+)?(?P<v>(?:the\s+)?(?:{INSTR})|(?:{LANG}))\b""", v.learning, words="picking"),
    row("goals_started_learning", "goals", r"""\bi(?:\s+{ADV}(?:started|began)|(?:'ve|\s+have)\s+{ADV}(?:started|begun))\s+
        (?:learning|studying|to\s+learn|to\s+study)\s+(?P<v>(?!(?:a\s+lot|that|about|so|from|it|this|more|how\s+to\s+cope)\b)[^.!?;\n]+)""", v.learning, words="started began begun"),
    # "I'm taking salsa classes", "I've started taking Italian lessons", "I signed up for a pottery course":
    # learning, told by the lessons.
    row("goals_taking_lessons", "goals", r"""(?:{I_AM}\s+{ADV}(?:taking|doing|attending)|\bi(?:'ve|\s+have)\s+{ADV}(?:started|begun|been)\s+(?:taking|doing|attending)
        |\bi\s+{ADV}(?:take|have|attend|started|began|(?:started|began)\s+(?:taking|doing)|signed\s+up\s+for|enrolled\s+in|joined)
        |\bi(?:'ve|\s+have)\s+{ADV}(?:started|begun|signed\s+up\s+for|enrolled\s+in|joined))\s+
        (?:(?:a|an|some|weekly|private|online|evening|night|group|beginner|beginners|beginner's|intensive|new)\s+){0,3}
        (?P<v>(?:{LESSON})(?:\s+(?:{LESSON}))?)\s+(?:lessons?|classes|class|courses?)\b""", v.learning, words="lesson lessons class classes course courses"),
    # "These days I'm studying Korean", "I study the cello": learning a language or an instrument
    # (a subject for a test, or a language as a degree subject, is no such aim).
    # ("I'm in school right now studying Chinese": where one studies may come first)
    row("goals_studying", "goals", r"""(?:{I_AM}\s+{ADV}(?:in\s+(?:school|class)\s+(?:right\s+now\s+|now\s+|these\s+days\s+)?)?
        |\bi(?:'ve|\s+have)\s+been\s+{ADV}|\bi\s+{ADV})(?:studying|study)\s+(?:(?:other|different|several|multiple|many|a\s+few|some)\s+){0,2}
        (?P<v>(?:the\s+)?(?:{INSTR})(?:\s*(?:,|and)\s+(?:the\s+)?(?:{INSTR}))*|(?:{LANG})(?:\s*(?:,|and)\s+(?:{LANG}))*|(?:foreign\s+)?languages)\b
        (?=\s*$|\s*[,.!?;]|\s+(?:and|at|in|on|with|for|since|because|every|now|online|too|again|these|this|lately|by|from|as|but|so|twice|once
        |daily|each|after|before|during|while|through|via|using|right|most|all|at)\b)
        (?!\s+(?:at\s+(?:the\s+)?(?:university|uni|college)|in\s+college|as\s+(?:a|my)\s+(?:major|minor|degree)))
        (?![^.!?;\n]*\b(?:test|tests|exam|exams|quiz|midterms?|finals)\b)""", v.learning, words="studying study"),
    # "The language I'm learning is Greek", "one of the instruments I study is the oboe": the aim, told object last.
    row("goals_the_language_i_learn", "goals", r"""^(?:one\s+of\s+)?(?:the|my)\s+(?:next\s+|new\s+|main\s+)?(?:languages?|instruments?)\s+(?:that\s+)?
        (?:(?:i'm|i\s+am|i've\s+been|i\s+have\s+been|i)\s+{ADV}(?:studying|learning|study|learn)|to\s+(?:study|learn))
        (?:\s+(?:at\s+the\s+moment|right\s+now|now|these\s+days|lately|this\s+year))?\s+(?:is|are)\s+
        (?P<v>(?:{LANG})(?:\s*(?:,|and)\s+(?:{LANG}))*|(?:the\s+)?(?:{INSTR}))\b""", v.learning, words="language languages instrument instruments"),
    # "I'm trying to quit smoking", "I'm working on eating healthier": a lasting aim, from a closed list.
    row("goals_trying_to", "goals", r"""(?:{I_AM}\s+{ADV}(?:trying|working\s+hard|aiming|determined)|\bi(?:'ve|\s+have)?\s+{ADV}(?:want|need|plan|hope|decided))\s+to\s+
        (?P<v>(?:{SELF_GOAL})\b[^.!?;\n]{0,30})""", v.goal, words="lose quit get eat sleep read exercise drink stop cut save pay"),
    # "I'm saving up for a house": what one saves for is a goal.
    row("goals_saving_for", "goals", r"""{I_AM}\s+{ADV}saving\s+(?:up\s+)?(?:money\s+)?for\s+(?P<v>(?:a|an|my|our)\s+(?!(?:rainy\s+day|while|bit)\b)[\w\s'-]{2,30}?)
        (?=\s*$|\s*,|\s+(?:so|because|and|but|in|next|this)\b)""", v.saving_for, words="saving"),
    # "I'm trying to get better at chess", "I want to improve my Spanish": a skill one works on.
    row("goals_get_better_at", "goals", r"""(?:{I_AM}\s+{ADV}(?:trying|working|aiming)|\bi\s+{ADV}(?:want|hope|plan|need))\s+to\s+
        (?P<v>(?:get\s+better\s+at|improve(?:\s+my)?|brush\s+up\s+(?:on\s+)?(?:my\s+)?)\s+(?!(?:it|this|that|things|myself)\b)[^.!?;\n]+)""", v.get_better,
        words="better improve brush"),
    # "I'm saving up to buy a boat": what the money is for is the goal.
    row("goals_saving_to", "goals", r"{I_AM}\s+{ADV}saving\s+(?:up\s+)?to\s+(?P<v>(?:buy|get|travel|visit|go|open|start)\b[^.!?;\n]+)", v.goal, words="saving"),
    # "I'm writing a novel": a long project of one's own.
    row("interests_writing_a", "interests", r"""{I_AM}\s+{ADV}(?:writing|working\s+on|recording|making|developing|building)\s+(?:a|an|my)\s+(?:first\s+|second\s+|new\s+|own\s+)?
        (?P<v>novel|book|memoir|screenplay|album|podcast|board\s+game|video\s+game|comic|thesis|dissertation)\b""", v.project, words="novel book memoir screenplay album podcast game comic thesis dissertation"),
    row("goals_mine_is", "goals", r"^mine(?:\s+is|'s)\s+(?:to\s+)?{V}", v.goal, words="#asked_goal"),
    # -- education (before role: "I'm a college student" is education) ----------------------
    row("education_student", "education", r"""{I_AM}\s+{ADV}(?:a|an)\s+(?P<v>[\w\s-]{0,30}?
        (?:student|graduate|grad|undergrad|undergraduate|freshman|freshmen|sophomore|senior\s+in\s+high\s+school|phd\s+candidate|major)\b
        (?!\s+student\b)  # "a grad student", not "a grad"
        (?:\s+in\s+(?!(?:the|a|an|my|this|that|his|her|our|their|love|need|charge|town|year)\b)[\w-]+
           (?:\s+(?!(?:with|for|to|at|and|but|so|because|since|from|on|of|who|which|when|where)\b)[\w-]+){0,3})?
        (?:\s+at\s+[\w\s]+|\s+of\s+(?-i:[A-Z])[\w'&-]*(?:\s+(?-i:[A-Z])[\w'&-]*){0,4})?)""", v.student_of, words="student graduate grad undergrad undergraduate freshman freshmen sophomore senior candidate major"),
    row("education_as_a_student", "education", r"^as\s+(?:a|an)\s+(?P<v>[\w\s-]{0,30}?(?:student|graduate|grad|undergrad|major))\b", v.education, words="student graduate grad undergrad major"),
    row("education_studied", "education", r"(?:\bi\s+{ADV}(?:studied|study|majored\s+in|major\s+in|am\s+majoring\s+in|am\s+studying)|\bi'?m\s+{ADV}(?:majoring\s+in|studying))\s+{V}", v.study_subject, words="studied study majored major majoring studying"),
    # ("I have a steady job and a 2014 degree from Bristol": the degree after another thing one has; not a
    # friend's degree, "I have a friend with a degree", nor an event, "a diploma ceremony", "a degree show".)
    row("education_degree", "education", r"""\bi\s+{ADV}(?:have|got|earned|hold|completed)\s+
        (?:(?:a|an|(?:{NUM}))\s+(?:(?!(?:with|and|of|who|that)\b)[\w'-]+\s+){0,2}?(?!(?:with|and|of|who|that)\b)[\w'-]+\s+and\s+)?(?:a|an|my)\s+
        (?P<v>(?:(?!(?:with|and|a|an|the|for|to|of|in|who|that)\b)[\w'-]+\s+){0,3}?
        (?:bachelor'?s?|master'?s?|phd|ph\.d\.|doctorate|degree|mba|diploma|associate'?s?
        |(?:ba|bs|bsc|ma|msc|beng|meng|llb|btech|mtech)(?=\s+(?:in|from)\s+(?!(?:the|a|an|my|mind|this|that)\b)))
        (?!\s+(?:ceremony|exams?|show|party|results?|interview|application|deadline|celebration|dissertation\s+due)\b)[^.!?;\n]*)""", v.education,
        words="bachelor master phd ph doctorate degree mba diploma associate ba bs bsc ma msc beng meng llb btech mtech"),
    # "I graduated in 2015 with a degree in economics", "graduated last year with a master's in nursing".
    row("education_graduated_with", "education", r"""\bi\s+{ADV}graduated\s+(?:(?:in\s+\d{4}|last\s+year|this\s+year|years\s+ago)\s+)?with\s+(?:a|an|my)\s+
        (?P<v>(?:[\w'-]+\s+){0,2}?(?:{DEGREE})(?:\s+degree)?\s+in\s+[^.!?;\n]+)""", v.education, words="graduated"),
    # "My degree is in philosophy", "my PhD was in marine biology": the subject of one's degree.
    row("education_my_degree_is_in", "education", r"""^my\s+(?P<v>(?:[\w'-]+\s+)?(?:{DEGREE})\s+(?:is|was)\s+in\s+(?!(?:the|a|an|my|your)\b)[^.!?;\n]+)""",
        v.degree_is_in, words="bachelor master masters phd doctorate degree mba diploma msc ba bsc ma btech mtech beng meng llb"),
    row("education_graduated_from", "education", r"\bi\s+{ADV}(?:graduated|graduate)\s+from\s+{V}", v.education, words="graduated graduate"),
    row("education_go_to_school", "education", r"""(?:\bi\s+{ADV}(?:went|go|attend|attended|am\s+going|am\s+heading|heading)|\bi'?m\s+{ADV}(?:going|heading))\s+(?:to\s+)?
        (?P<v>(?:the\s+)?(?:university|college|school|academy|institute)\s+of\s+[\w\s]+
        |[\w\s'-]{0,40}?(?:school|college|university|academy|institute|uni)\b)""", v.education, words="school college university academy institute uni"),
    row("education_heading_to_university", "education", r"\b(?:heading|going)\s+to\s+(?P<v>(?:the\s+)?(?:university|college)\s+of\s+[\w\s]+)", v.education, check_speaker=True, words="university college"),
    # "I'm doing a master's in economics", "I just finished my degree in nursing".
    row("education_pursuing", "education", r"""(?:{I_AM}\s+{ADV}(?:doing|pursuing|getting|finishing|completing|working\s+on|studying\s+for)|\bi\s+{ADV}(?:finished|completed|did))\s+
        (?:a|an|my|the)\s+(?P<v>(?:[\w'-]+\s+){0,2}?(?:{DEGREE})(?:\s+(?:degree|course|program|programme))?(?:\s+(?:in|at|from)\s+[^.!?;\n]+)?)""", v.education,
        words="bachelor master masters phd doctorate degree mba diploma msc ba bsc ma btech mtech beng meng llb"),
    row("education_year_of", "education", r"""{I_AM}\s+{ADV}in\s+(?:my|the)\s+(?:first|second|third|fourth|final|last|senior|junior)\s+year\s+(?:of|at|in)\s+
        (?P<v>(?:[\w'-]+\s+){0,3}?(?:school|college|university|uni|degree|studies|program|programme))\b""", v.education, words="year"),
    row("education_in_school", "education", r"{I_AM}\s+{ADV}in\s+(?P<v>(?:high|middle|elementary|grad|graduate|law|medical|nursing|culinary|art|primary|secondary)\s*school|college|university|uni)\b", v.education, words="school highschool college university uni"),
    row("education_grade", "education", r"{I_AM}\s+{ADV}in\s+(?:the\s+)?(?P<v>(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\s+grade)\b", v.education, words="grade"),
    row("education_x_is_what_i_studied", "education", r"^(?P<v>[\w\s'-]{2,40}?)\s+is\s+what\s+i\s+(?:studied|majored in)\b", v.education, words="studied majored"),
    row("education_left_school", "education", r"""\bi\s+{ADV}
        (?P<v>(?:dropped\s+out\s+of|did\s+not\s+(?:finish|graduate)|didn't\s+(?:finish|graduate)|never\s+finished)\s+
        (?:from\s+)?(?:high\s+)?(?:school|college|university|uni))\b""", v.left_school, words="dropped finish finished graduate"),
    # -- special categories: the privacy gate keeps them only on "remember that …" ------------
    row("sensitive_i_am", "#sensitive", r"{I_AM}\s+{ADV}(?:a\s+|an\s+)?(?P<v>[\w\s'-]{2,40})", v.sensitive, words="#sensitive"),
    row("sensitive_i_have", "#sensitive", r"\bi\s+{ADV}(?:have|suffer from|live with|was diagnosed with)\s+(?P<v>[\w\s'-]{2,40})", v.sensitive, words="#sensitive"),
    # -- role ------------------------------------------------------------------------------
    row("role_stay_at_home", "role", r"(?:{I_AM}\s+{ADV}(?:a\s+)?|^)(?P<v>stay[- ]at[- ]home\s+(?:mom|mum|dad|parent|mother|father))\b", v.status, words="stay"),
    row("role_retired", "role", r"{I_AM}\s+{ADV}(?:now\s+)?(?P<v>retired|unemployed|self[- ]employed|semi[- ]retired)\s*(?:$|,|\s+(?:and|but|so|now|after)\b)", v.status, words="retired unemployed employed"),
    # "I've just retired", "I retired last spring" (not "I retired my old laptop").
    row("role_have_retired", "role", r"\bi(?:'ve|\s+have)?\s+{ADV}(?:finally\s+|officially\s+)?(?P<v>retired)\b(?!\s+(?:the|my|a|an|it|that|this|him|her|them|our|his)\b)", v.status,
        event="UPDATE", words="retired"),
    # "my electrician salary can't cover that", "my software engineer pay": one's trade, told by what it earns
    # (not "my nurse's salary": a possessive names someone else).
    row("role_my_trade_salary", "role", r"""\bmy\s+(?P<v>(?:(?:{TRADE_MOD})\s+)?(?:{OCCUPATION}))\s+(?:salary|salaries|wages?|pay|paycheck|paycheque)\b""",
        v.role, words="salary salaries wage wages pay paycheck paycheque"),
    row("role_for_a_living", "role", r"\bi\s+{ADV}(?P<v>(?:do|teach|write|sell|build|fix|repair|design|make|drive|clean|paint|cut|train)\s+[\w\s-]{2,30}?)\s+for\s+a\s+living\b", v.things_as_gerund, words="living"),
    row("role_i_am_a", "role", r"{I_AM}\s+{ADV}(?:now\s+)?(?:a|an)\s+(?P<v>(?!fan\b)[^.!?;\n]+)", v.role, words="a an"),
    row("role_as_a", "role", r"^(?:as|being)\s+(?:a|an)\s+(?!(?:matter|result|rule|whole|reminder|side|bonus|favou?r|kid|child|teen|teenager)\b)(?P<v>[\w\s-]{2,30}?)\s*,?\s+(?:i|i'm)\b", v.role, words="as being"),
    # "I make a living as a tattoo artist", "I earn my living as a translator".
    row("role_living_as", "role", r"\bi\s+{ADV}(?:make|earn)\s+(?:a|my)\s+living\s+as\s+(?:(?:a|an)\s+)?{V}", v.role, words="living"),
    # "I am pastry chef since 20 years", "now I am site manager": a job named without its article (a known
    # occupation noun last; not "I'm good cook", which tells a skill).
    row("role_i_am_occupation", "role", r"""{I_AM}\s+(?:now\s+|currently\s+|still\s+)?
        (?!(?:a|an|the|my|your|his|her|our|their|not|no|never|so|very|too|just|really|also|former|ex|good|bad|great|terrible|better|best|worse
        |excellent|poor|decent|awful|amazing|average|lousy|horrible|happy|proud|lucky|only|such)\b)
        (?P<v>(?:[\w-]+\s+){0,2}?(?:{OCCUPATION}))\b(?!'|\s+(?:of|to|friend|friends)\b)
        (?![^.!?;\n]*\b(?:no\s+more|anymore|any\s+more|no\s+longer|before|previously|in\s+the\s+past|until|till)\b)""", v.role, words="#occupation"),
    # "Leila here, pharmacist, ...", "Sam here, a nurse from Leeds": what one does, told after one's name.
    row("role_after_name_here", "role", r"""^[a-z][a-z'-]+\s+here\s*,\s*(?:a\s+|an\s+)?
        (?P<v>(?:(?!(?:need|needs|want|wants|looking|find|hire|get|call|any|some|good|cheap|the|my|your|our|his|her|a|an)\b)[\w-]+\s+)?(?:{OCCUPATION}))\b
        (?=\s*(?:,|$)|\s+(?:and|from|in|at|with|for|here|by)\b)""", v.role, exclusive=False, words="here"),
    row("role_work_as", "role", r"\bi\s+{ADV}(?:work(?:\s+{WORK_MANNER})?|freelance)\s+as\s+(?:(?:a|an)\s+)?{V}", v.role, words="work freelance"),
    # "I've been a nurse for ten years", "I've worked as a courier since 2019": a role held till now.
    row("role_been_a_for", "role", r"""\bi(?:'ve|\s+have)\s+{ADV}(?:been|worked\s+as|been\s+working\s+as)\s+(?:a|an)\s+(?P<v>[\w\s-]{2,30}?)\s+
        (?:for\s+(?:[\w-]+\s+){0,2}?(?:years|decades)|since|\d+\s*(?:years|yrs))\b""", v.role, words="years decades since yrs"),
    row("role_i_teach", "role", r"""\bi\s+{ADV}teach\s+(?:at\s+(?:a|an|the)\s+|in\s+(?:(?:a|an|the)\s+|(?=(?-i:[a-z]))))?
        (?P<v>(?!(?:my|him|her|them|us|you|it|people|kids\s+to)\b)[\w\s-]{2,30}?)\s*(?=$|,|\s+(?:and|but|so|at|in|for|to|near|on|with|since|because)\b)""", v.teacher, words="teach"),
    # "These days I teach", "I teach now": the job told by its verb alone (not "I teach my kids", which has an object).
    row("role_i_teach_alone", "role", r"\bi\s+{ADV}(?P<v>teach)(?:\s+(?:now|these\s+days|nowadays|for\s+a\s+living))?\s*$",
        lambda _: ["teacher"], words="teach"),
    # "I coach a kids' team" is a job; "in my spare time I coach…" (above: not after "time", "weekends",
    # "evenings") is a pastime, which interests rows read.
    # "I tutor maths online": the job is tutoring (what is tutored may be anything).
    row("role_i_tutor", "role", r"\bi\s+{ADV}tutor\s+(?!(?:my|him|her|them|us|you|it)\b)(?P<v>\w+)", lambda _: ["tutor"], words="tutor"),
    row("role_i_coach", "role", r"""(?<!time\s)(?<!time,\s)(?<!weekends\s)(?<!weekends,\s)(?<!evenings\s)(?<!evenings,\s)
        \bi\s+{ADV}coach\s+(?P<v>(?!(?:my|him|her|them|us|you|it|people)\b)[\w\s-]{2,30}?)\s*(?=$|,|\s+(?:and|but|so|at|in|for|to)\b)""", v.coach, words="coach"),
    row("role_working_as", "role", r"(?<!stopped\s)(?<!quit\s)\bworking\s+as\s+(?:a|an)\s+{V}", v.role, check_speaker=True, words="working"),
    row("role_job_as", "role", r"(?<!lost\s)(?<!quit\s)(?<!lost\smy\s)(?<!quit\smy\s)(?<!quitting\smy\s)(?<!leaving\smy\s)\bjob\s+as\s+(?:a|an)\s+{V}", v.role, check_speaker=True, words="job"),
    # "I'm head of HR at Maersk", "I'm CTO at Pleo", "I'm co-founder of a bakery": a post, article left out.
    row("role_title_post", "role", r"""{I_AM}\s+{ADV}(?:the\s+)?(?:new\s+)?(?P<v>(?:(?!new\b|a\b|an\b|the\b)[\w-]+\s+)?{TITLE_POST}
        (?:\s+(?:of|for)\s+(?!(?:the\s+)?(?:house|family|household|my|our|this|that|it)\b)[\w&'\s-]{2,30}?)?)(?=\s+(?:at|for|with|in|since|and)\b|\s*,|\s*$)""",
        v.role, words="head director chief ceo cto cfo coo cmo cio vp vice founder cofounder co-founder chair chairman chairwoman chairperson president principal dean editor managing"),
    row("role_my_job_is", "role", r"\bmy\s+(?:job|profession|occupation|role|position|title|trade)\s+is\s+(?:(?:a|an)\s+)?{V}", v.role, words="job profession occupation role position title trade"),
    # "Nursing is my day job", "tax law is what I do for a living": the role, object first.
    row("role_x_is_my_job", "role", r"""^(?P<v>(?!(?:it|that|this|which|what|mine)\b)[\w\s-]{3,40}?)\s+is\s+
        (?:my\s+(?:day\s+job|job|profession|career|trade|line\s+of\s+work)|what\s+i\s+do\s+for\s+(?:a\s+)?(?:living|work))\s*$""", v.role, words="job profession career trade line living"),
    # "I'm the swim coach at my local pool": a post named by its head word.
    row("role_i_am_the", "role", r"""{I_AM}\s+{ADV}(?:now\s+|also\s+)?the\s+(?:new\s+)?(?!head\s+of\s+(?:the\s+)?(?:house|household|family|table)\b)(?P<v>(?:[\w-]+\s+){0,2}?
        (?:coach|manager|director|owner|chef|captain|principal|editor|founder|president|supervisor|head\s+\w+|lead\s+\w+))\b""", v.role, words="coach manager director owner chef captain principal editor founder president supervisor head lead"),
    row("role_promoted_to", "role", r"(?:\bi\s+{ADV}(?:got|was|have\s+been|just\s+got)|\bi'?ve\s+{ADV}been)\s+promoted\s+to\s+(?:(?:a|an|the)\s+)?{V}", v.role, event="UPDATE", words="promoted"),
    row("role_became", "role", r"(?:\bi\s+{ADV}(?:became|have\s+become|(?:have\s+)?re-?trained\s+as)|\bi'?ve\s+{ADV}(?:become|re-?trained\s+as))\s+(?:a|an)\s+{V}",
        v.role, event="UPDATE", words="became become retrained re-trained"),
    # "I switched careers and became a midwife": the new trade after the change, its "I" before "and".
    row("role_and_became", "role", r"\band\s+(?:then\s+|eventually\s+|finally\s+|later\s+)?(?:became|re-?trained\s+as)\s+(?:a|an)\s+{V}", v.role, event="UPDATE",
        check_speaker=True, words="became retrained re-trained"),
    row("role_started_as", "role", r"""\bi\s+{ADV}(?:started|began|start)\s+(?:working\s+|a\s+new\s+job\s+)?(?:at\s+[\w\s&'.-]{2,40}?\s+)?as\s+(?:a|an)\s+
        {V}""", v.role, event="UPDATE", words="started began start"),
    row("role_started_as_elided", "role", r"\band\s+(?:just\s+)?(?:started|began)\s+(?:working\s+)?as\s+(?:a|an)\s+{V}", v.role, event="UPDATE", check_speaker=True, words="started began"),
    row("role_employed_as", "role", r"{I_AM}\s+(?:employed|working)\s+as\s+(?:(?:a|an)\s+)?{V}", v.role, words="employed working"),
    row("role_work_in_field", "role", r"""(?:\bi\s+{ADV}(?:work|am\s+working)|\bi'?m\s+{ADV}working)\s+in\s+(?P<v>(?!a\b|an\b|the\b|my\b)[\w\s-]{2,30}?)
        (?:\s+(?:industry|sector|business|field))?\s*(?=$|,|\s+(?:and|but|so|since|for)\b)""", v.work_field, words="work working"),
    # -- employer --------------------------------------------------------------------------
    row("employer_work_at", "employer", r"(?:\bi\s+{ADV}(?:work|am\s+working)|\bi'?m\s+{ADV}working)\s+(?:full[- ]?time\s+|part[- ]?time\s+)?(?:at|for)\s+{V}", v.employer, words="work working"),
    # "I've worked at Siemens for six years", "I have worked for the council since 2009": a job held until now
    # (a length of time or "since" must follow: "I've worked at a bar" may be long past).
    row("employer_have_worked_at", "employer", r"""\bi(?:'?ve|\s+have)\s+{ADV}worked\s+(?:full[- ]?time\s+|part[- ]?time\s+)?(?:at|for)\s+
        (?P<v>[^.!?;\n]+?)(?=\s+(?:for\s+(?:(?:the\s+)?(?:past|last)\s+)?(?:[\w-]+\s+){0,2}(?:years?|decades?|months)|since)\b)""", v.employer,
        words="worked"),
    row("employer_work_in_a", "employer", r"(?:\bi\s+{ADV}(?:work|am\s+working)|\bi'?m\s+{ADV}working)\s+(?:full[- ]?time\s+|part[- ]?time\s+)?in\s+(?P<v>(?:a|an|the)\s+[^.!?;\n]+)", v.employer, words="work working"),
    row("employer_employed_by", "employer", r"{I_AM}\s+(?:employed|hired)\s+(?:at|by|in)\s+{V}", v.employer, words="employed hired"),
    row("employer_job_at", "employer", r"\bi\s+{ADV}(?:have|got)\s+a\s+(?:new\s+|part[- ]time\s+|full[- ]time\s+|second\s+)?job\s+(?:working\s+)?(?:at|for|with|in)\s+{V}", v.employer, words="job"),
    row("employer_working_at", "employer", r"(?<!left\s)(?<!quit\s)(?<!stop\s)(?<!stopped\s)(?<!quitting\smy\s)(?<!leaving\smy\s)\b(?:working|internship|job|work)\s+(?:at|for|in\s+(?=(?:a|an|the)\s))\s*{V}", v.employer, check_speaker=True, words="working internship job work"),
    row("employer_in_the_army", "employer", r"{I_AM}\s+{ADV}in\s+the\s+(?P<v>(?:[\w-]+\s+)?(?:army|navy|air force|marines|military|coast guard|national guard))\b", v.employer, words="army navy force marine military guard"),
    row("employer_x_is_where_i_work", "employer", r"^(?:the\s+)?(?P<v>[\w\s'&-]{2,40}?)\s+is\s+where\s+i\s+work\b", v.employer, words="work"),
    # "I left A and joined B as a tester": where, and (below) as what; without the role "joined" may be a club.
    row("employer_joined_as", "employer", r"""\bjoined\s+(?P<v>(?!the\s+(?:army|navy|military|gym|club|team|choir|band)\b)
        (?:(?!(?:a|an)\b)|(?=(?:a|an)\s+[\w\s&'.-]{2,40}?\s+as\s+{JOB_TITLE_HEAD}))[\w\s&'.-]{2,40}?)\s+
        as\s+(?:(?:a|an|their|its|the)\s+|(?={JOB_TITLE_HEAD}))""", v.employer, event="UPDATE", check_speaker=True, words="joined"),
    # "I joined Monzo as a tester"; "joined a startup as lead designer" (a new employer named with "a" only
    # before a post without an article: "joined a gym as a beginner" is no job).
    row("role_joined_as", "role", r"""\bjoined\s+(?:(?!(?:a|an)\b)[\w\s&'.-]{2,40}?\s+as\s+(?:(?:a|an|their|its|the)\s+|(?={JOB_TITLE_HEAD}))
        |(?:a|an)\s+[\w\s&'.-]{2,40}?\s+as\s+(?={JOB_TITLE_HEAD})){V}""", v.role, event="UPDATE", check_speaker=True, exclusive=False, words="joined"),
    row("employer_my_employer_is", "employer", r"\bmy\s+employer\s+is\s+{V}", v.employer, words="employer"),
    # "First week at Zalando done", "my first day at Arup went fine": a new employer (a capitalised name).
    # A new employer told as a change (a capitalised name): "I've been hired by Arup", "got hired at Lidl", "accepted an
    # offer from Bosch", "new job at Lidl", "switched jobs, now at Lidl", "left Aldi for Lidl", "I joined Lidl last month".
    row("employer_hired_by", "employer", r"""\b(?:hired\s+(?:by|at)|accepted\s+(?:an?\s+|the\s+|their\s+)?(?:job\s+)?offer\s+(?:from|at|with)
        |new\s+(?:job|role|position)\s+(?:at|with)|switched\s+jobs?\s*,?\s+(?:now\s+)?(?:at|to)|left\s+[\w&'.-]+(?:\s+[\w&'.-]+)?\s+for)
        \s+(?P<v>[\w&'.-]+(?:\s+[\w&'.-]+){0,2}?)(?=\s*$|\s*[,!]|\s+(?:as|last|this|in|on|and|today|yesterday|recently|now|so|starting|from)\b)""",
        v.proper_employer, event="UPDATE", check_speaker=True, exclusive=False, words="hired offer job role position switched left"),
    # "Spotify hired me last month!", "Arup finally hired me as a tester": the employer as the subject (a capitalised
    # name, never a pronoun or a relative: "They hired me", "My dad hired me"; nor a one-off job: "Sam hired me to
    # paint his fence", "… as a DJ for her wedding").
    row("employer_x_hired_me", "employer", r"""^(?:(?:so|and|then|well)\s+)?(?!(?:they|he|she|we|you|it|nobody|no\s+one|someone|somebody|everyone|my|his|her|their|our|your
        |the|a|an|this|that|mum|mom|dad|who)\b)(?P<v>[\w&'.-]+(?:\s+[\w&'.-]+){0,2}?)\s+(?:just\s+|finally\s+|officially\s+)?hired\s+me\b
        (?!\s+(?:to|for|once|again)\b)(?![^.!?;\n]*\b(?:wedding|party|birthday|gig|weekend|one[- ]off|event)\b)""",
        v.proper_employer, event="UPDATE", words="hired"),
    row("employer_joined_when", "employer", r"""\bi(?:'ve|\s+have)?\s+{ADV}joined\s+(?!(?:facebook|instagram|twitter|tiktok|reddit|strava|discord|linkedin|duolingo|threads|bluesky|mastodon)\b)
        (?P<v>[\w&'.-]+(?:\s+[\w&'.-]+)?)(?=\s+(?:last|this|in|a|two|three|recently|back|earlier)\b)""", v.proper_employer, event="UPDATE", words="joined"),
    row("employer_first_week_at", "employer", r"""\b(?:i\s+|my\s+)?first\s+(?:day|week|month|shift)\s+at\s+(?P<v>[\w&'.-]+(?:\s+[\w&'.-]+){0,2}?)
        (?=\s+(?:done|over|finished|complete|went|was|is|today|so\s+far)\b|\s*[,!]|\s*$)""", v.proper_employer, event="UPDATE", words="first"),
    row("employer_started_at", "employer", r"\b(?:started|began|joined)\s+(?:working\s+|a\s+new\s+(?:job|role|position)\s+)?(?:as\s+(?:a|an)\s+[\w\s-]{2,30}?\s+)?at\s+{V}", v.employer, event="UPDATE", check_speaker=True, exclusive=False, words="started began joined"),
    row("employer_role_at", "employer", r"""(?:{I_AM}\s+{ADV}|\bwork(?:ing)?\s+as\s+)
        (?:(?:a|an)\s+|(?:the\s+)?(?:new\s+)?(?=(?:[\w-]+\s+)?(?:{TITLE_POST}|chef|manager|owner|supervisor)\b))(?!{NOT_STAFF}\s+at\b)
        (?![\w\s-]*?(?:student|graduate|grad|freshman|sophomore|major|minor|undergrad|undergraduate|postgrad|pupil)\b)
        [\w\s-]{2,30}?\s+at\s+(?P<v>(?:a|an|the)\s+[\w\s&'.-]+|[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,3})""", v.employer, exclusive=False, words="at"),
    # -- location --------------------------------------------------------------------------
    row("location_live_in", "location", r"(?:\bi|\bwe|\band\s+i)\s+{ADV}(?:live|reside|stay)\s+(?:here\s+|up\s+|down\s+|over\s+|out\s+)?in\s+{V}", v.place, words="live reside stay"),
    row("location_live_near", "location", r"(?:\bi|\bwe)\s+{ADV}live\s+(?:right\s+|just\s+)?(?:near|by|outside(?:\s+of)?|close\s+to|next\s+to)\s+(?!(?:a|an|the|my|here|there|town|work|myself)\b){V}", v.place, words="live"),
    row("location_live_somewhere_in", "location", r"\bi\s+{ADV}(?:live|reside)\s+(?:alone\s+|upstate\s+|downtown\s+|now\s+)?(?:(?:on|near|by|outside)\s+(?:a|an|the)\s+[\w\s]{2,25}?\s+)?in\s+(?P<v>[^.!?;\n]+)", v.place, words="live reside"),
    # "I've lived in Ghent for ten years": where one has lived till now (a duration says it still holds).
    row("location_have_lived_in", "location", r"""\bi(?:'ve|\s+have)\s+{ADV}(?:lived|been\s+living)\s+(?:here\s+)?in\s+(?P<v>[^.!?;\n]{2,40}?)\s+
        (?:for\s+|since\s+|(?:all|most)\s+of\s+my\s+life|all\s+my\s+life|my\s+whole\s+life)""", v.place, words="lived living"),
    # "I live on a farm", "we live on a houseboat" (where, when no town follows: "on a farm in Iowa" is Iowa).
    row("location_live_on", "location", r"""(?:\bi|\bwe)\s+{ADV}live\s+on\s+(?P<v>(?:a|an)\s+(?:(?:small|big|little|large|family|working|dairy|sheep|horse|cattle)\s+)?
        (?:farm|ranch|houseboat|boat|sailboat|island|homestead|vineyard|narrowboat))\b(?![^.!?;\n]*\b(?:in|near|outside)\b)""", v.place, words="live"),
    row("location_based_in", "location", r"{I_AM}\s+{ADV}(?:based|located|living|stationed|settled)\s+in\s+{V}", v.place, words="based located living stationed settled"),
    # "We moved to Porto", "I relocated from Oslo to Bergen": the new place (the old one is replaced).
    row("location_moved_to", "location", r"""\b(?:i|we)(?:'ve|\s+have)?\s+{ADV}(?:moved|relocated)\s+(?:(?:away\s+)?from\s+(?:the\s+)?[^.!?;\n]{2,40}?\s+)?
        (?:(?:all\s+the\s+way\s+|halfway\s+)?across\s+the\s+(?:country|world|globe|pond|state)\s+)?to\s+{V}""", v.place, event="UPDATE", words="moved relocated"),
    # "I sold my flat and moved to Delft": the move after "and" is the clause's speaker's.
    row("location_and_moved_to", "location", r"\band\s+(?:(?:then|just|finally|eventually|recently)\s+)?(?:moved|relocated)\s+(?:back\s+)?to\s+{V}", v.place,
        event="UPDATE", check_speaker=True, words="moved relocated"),
    row("location_x_is_where_i_live", "location", r"^(?P<v>[\w\s'-]{2,30}?)\s+is\s+(?:the\s+\w+\s+|where\s+)i\s+live\b", v.place, words="live"),
    row("location_i_am_in", "location", r"{I_AM}\s+{ADV}in\s+(?!{PASSING_STAY})(?![\w'-]+\s+\d)(?P<v>(?!a\b|an\b|the\b|my\b|our\b|his\b|her\b|their\b|your\b)[a-z][\w\s'-]{2,30})", v.place, words="in"),
    # "I'm a vet at a practice in Inverness", "I teach at a school in Gdansk": where one works is where one
    # lives, unless where one lives is known (rules_extractor.origin); a capitalised place only.
    row("workplace_in", "#workplace", r"""(?:{I_AM}\s+{ADV}(?:a|an)\s+|\bi\s+{ADV}(?:work|teach|study|nurse|practi[cs]e)\b)[\w\s'-]{0,50}?
        (?:\s+(?:at|for)\s+(?:a|an|the)\s+[\w\s'-]{2,40}?)?\s+in\s+(?P<v>[\w'-]+(?:\s+[\w'-]+)?)\s*(?:$|,)""", v.proper_place, exclusive=False, words="in"),
    # "I work remotely from Lisbon", "working from home in Quito": where one works from is where one lives.
    row("location_work_remotely_from", "location", r"\b(?:work|working)\s+(?:remotely|from\s+home)\s+(?:from|in)\s+{V}", v.place, check_speaker=True,
        words="remotely home"),
    row("location_living_in", "location", r"(?:^|\b)(?:living|here|based)\s+in\s+{V}", v.place, check_speaker=True, words="living here based"),
    # where the user comes from: their location unless they already gave one (see rules_extractor.origin)
    row("hometown_from", "hometown", r"(?:{I_AM}|\band\s+i\s+are|\bwe(?:'re|\s+are))\s+{ADV}(?:originally\s+)?from\s+{V}", v.place, words="from"),
    # "I'm a midwife from Accra": where one comes from, told after what one does (a capitalised place only).
    row("hometown_a_x_from", "hometown", r"""{I_AM}\s+{ADV}(?:a|an)\s+(?!(?:fan|friend|guy|girl|kid|student)\b)[\w\s-]{2,30}?\s+(?:originally\s+)?from\s+
        (?P<v>(?!(?:the|a|an|my|work|home|school)\b)[\w'-]+(?:\s+[\w'-]+)?)""", v.proper_place, exclusive=False, words="from"),
    row("hometown_come_from", "hometown", r"\bi\s+{ADV}come\s+from\s+{V}", v.place, words="from"),
    row("hometown_my_hometown_is", "hometown", r"\bmy\s+home\s*town\s+is\s+{V}", v.place, words="hometown home"),
    # "My home is Lisbon" may be where one lives now, not where one is from (rules_extractor.origin()).
    row("hometown_my_home_is", "#home_is", r"\bmy\s+home\s+is\s+{V}", v.place, words="home"),
    row("hometown_my_native", "#born_in", r"\bmy\s+native\s+(?!(?:languages?|tongues?|speakers?|land|country|city|town|state)\b)(?P<v>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)", v.place, words="native"),
    row("hometown_and_grew_up_in", "#born_in", r"\b(?:and|but)\s+(?:grew\s+up|was\s+born(?:\s+and\s+raised)?|was\s+raised)\s+(?:in|on)\s+{V}", v.place, check_speaker=True, words="grew born raised"),
    # "I spent my childhood in Lagos", "I spent most of my teens in Leeds": where one grew up.
    row("hometown_childhood_in", "#born_in", r"""\bi\s+{ADV}spent\s+(?:(?:most|all|much|part)\s+of\s+)?my\s+(?:whole\s+|early\s+)?
        (?:childhood|youth|early\s+years|teens|teenage\s+years|school\s+years)\s+(?:in|on)\s+{V}""", v.place, words="childhood youth years teens"),
    row("hometown_grew_up_in", "#born_in", r"\bi\s+(?:grew up|was born(?: and raised)?|was raised)\s+(?:in|on)\s+{V}", v.place, words="grew born raised"),
    # -- age -------------------------------------------------------------------------------
    row("age_i_am_n", "age", r"{I_AM}\s+{ADV}(?:turning\s+|almost\s+|nearly\s+|about\s+)?(?P<v>\d{1,3}\b[^.!?;\n]*)", v.age, words="#num"),
    # "I turned 50 on Tuesday" (not "I turned 3 pages": the number stands alone or before when it happened).
    # "I'm a first-year vet student, 19, and ...": the age after what one is; "at 78 my knees ...": one's age now.
    row("age_after_what_i_am", "age", r"{I_AM}\s+{ADV}(?:a|an)\s+[^,.!?;\n]{2,60},\s+(?P<v>(?:1[3-9]|[2-9]\d))\s*(?=,|$|\s+(?:and|but|so|now)\b)", v.age,
        exclusive=False, words="#num"),
    row("age_at_n_my", "age", r"^at\s+(?P<v>(?:[2-9]\d|1[01]\d))\s*,?\s+(?=(?:my|i'm|i\s+am|i\s+still|i\s+can't|i\s+cannot|i\s+don't|i\s+feel)\b)", v.age,
        words="#num"),
    row("age_turned", "age", r"""\bi\s+(?:just\s+)?turned\s+(?P<v>\d{1,3})(?:\s+(?:years?|yrs?)(?:\s+old)?)?
        (?=\s*$|\s*[,!?]|\s+(?:on|last|this|today|yesterday|in|recently|and|but|so|lol|haha|btw|at|which|myself)\b)""", v.age, event="UPDATE", words="turned"),
    # "I celebrated my 31st birthday", "yesterday was my 40th birthday": the age reached (not one to come: "next week").
    row("age_birthday_was", "age", r"""\b(?:i\s+{ADV}(?:celebrated|had)|(?:it|yesterday|today)\s+(?:was|is)|(?:it|yesterday|today)'s)\s+my\s+
        (?P<v>\d{1,3})(?:st|nd|rd|th)\s+birthday\b(?![^.!?;\n]*\b(?:next|tomorrow|coming|soon|in\s+\w+\s+(?:days|weeks|months))\b)""", v.age, event="UPDATE",
        words="birthday"),
    row("age_my_age_is", "age", r"\bmy\s+age\s+is\s+(?P<v>\d{1,3}\b.*)", v.age, words="age"),
    row("age_aged", "age", r"\b(?:age|aged)\s+(?P<v>\d{1,3}\b.*)", v.age, check_speaker=True, words="age aged"),
    row("age_will_be", "age", r"\bi(?:\s+will|'ll)\s+be\s+(?P<v>\d{1,3}\b[^.!?;\n]*)", v.age, words="#num"),
    # (Not a child's age: "my 5 year old loves dinosaurs", "I have a 6 year old", "I babysit a 6 year old"; after
    # "a" only when the user is the one: "I'm a 30 year old teacher", "as a 52 year old".)
    row("age_years_old", "age", r"""(?<!\bmy\s)(?<!\bour\s)(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)(?<!\byour\s)
        (?:(?<!\ba\s)(?<!\ban\s)|(?<=\bam\sa\s)|(?<='m\sa\s)|(?<=\bim\sa\s)|(?<=\bas\sa\s)|(?<=\bbeing\sa\s)|(?<=\bwas\sa\s)
        |(?<=\bam\san\s)|(?<='m\san\s)|(?<=\bim\san\s)|(?<=\bas\san\s)|(?<=\bbeing\san\s))
        \b(?P<v>\d{1,3})[- ](?:years?|yrs?)[- ]old\b""", v.age, check_speaker=True, words="old"),
    # -- appearance: how the user lastingly looks ---------------------------------------------
    # "my long red hair", "I have hazel eyes", "I've got short curly hair" (not "my hair dye", "my hair today").
    row("appearance_hair_eyes", "appearance", r"""(?:\bmy\s+|\bi(?:\s+{ADV}(?:have\s+got|have|got)|'ve(?:\s+got)?)\s+)(?P<v>{LOOKS})\b
        (?!\s+(?:dye|colou?r|cut|brush|products?|tie|band|clip|salon|stylist|done|today|tonight|now|right\s+now|at\s+the\s+moment))""", v.looks,
        words="hair eyes"),
    # "I'm a natural redhead", "I am blonde with blue eyes": the hair told by the person's noun.
    row("appearance_i_am_blonde", "appearance", r"""{I_AM}\s+{ADV}(?:a\s+)?(?:natural\s+)?(?P<v>(?:{HAIR_NOUN})(?:\s+(?:girl|guy|woman|man|lady|gal))?
        (?:\s+with\s+{LOOKS})?)(?=\s*$|\s*[,!]|\s+(?:and|but|so|too|like|with|by|from)\b)""", v.looks, words="blonde blond brunette redhead ginger"),
    # -- possessions: lasting things the user owns -----------------------------------------
    row("possessions_drive", "possessions", r"\bi\s+{ADV}(?:drive|own|have|bought|got)\s+(?:myself\s+)?(?:a|an|my|the)\s+(?P<v>(?:[\w-]+\s+){0,2}?(?:{VEHICLE})(?:\s+(?:{VEHICLE}|\d+\w*))?)\b", v.possession, words="#owned"),
    row("possessions_own_instrument", "possessions", r"""\bi\s+{ADV}(?:own|have|bought|got)\s+(?:a|an|my)\s+(?P<v>(?:[\w-]+\s+){0,2}?(?:{OWNED}))\b
        (?!\s+(?:lessons?|class(?:es)?|courses?|teachers?|tutors?|recitals?|exams?|practice|concerts?|gigs?))""", v.possession, words="#owned"),
    row("possessions_my_vehicle", "possessions", r"""\bmy\s+(?:(?:new|old|red|blue|black|white|silver|grey|gray|green|little|own|first|beloved|trusty)\s+)*
        (?P<v>(?:(?:19|20)\d\d\s+)?(?:{VEHICLE})(?:\s+(?:{VEHICLE}))?)\b(?!')""", v.possession, check_speaker=True, words="#owned"),
    row("possessions_own_business", "possessions", r"""\bi\s+{ADV}(?:opened|own|run|started|have|launched|founded)\s+
        (?:my\s+own\s+|a\s+|an\s+|my\s+|(?=(?:small|little|own|new|family)\s+(?:[\w-]+\s+)?(?:{BUSINESS})\b))
        (?P<v>(?:[\w-]+\s+){0,2}?(?:{BUSINESS}))
        (?=\s*$|\s*[,!]|\s+(?:in|on|at|for|with|and|that|which|called|named|where|downtown|outside|near|just)\b)""", v.possession, words="#business"),
    # "I'm the proud owner of a vintage Vespa": what one owns, not "proud owner" read as a job.
    row("possessions_owner_of", "possessions", r"""{I_AM}\s+{ADV}(?:the|a|an)\s+(?:(?:proud|happy|new|lucky|very\s+proud)\s+)?(?:co-?)?owner\s+of\s+(?:a|an|my\s+own|two|three)\s+
        (?P<v>(?:[\w-]+\s+){0,2}?(?:{OWNED}|{BUSINESS}|house|home|cottage|cabin|farm|ranch))\b""", v.possession, words="owner"),
    # (Not "a home gym", "a house plant": the dwelling word leads another thing.)
    row("possessions_home", "possessions", r"""(?:\b(?:i|we)\s+{ADV}(?:own|bought|have\s+bought)|\b(?:i|we)'?ve\s+{ADV}bought)\s+(?:a|an|my)\s+
        (?P<v>(?:[\w-]+\s+){0,2}?(?:house|home|apartment|flat|condo|cabin|farm|ranch|cottage))\b(?!\s+{NOT_AFTER_HOME}\b)""", v.possession,
        words="house home apartment flat condo cabin farm ranch cottage"),
    # "I'm a nurse and just bought my first flat", "… and bought first home last year": the home bought, told
    # after "and" (the "I" of the first verb; check_speaker).
    row("possessions_and_bought_home", "possessions", r"""\band\s+{ADV}(?:just\s+|recently\s+|finally\s+)?bought\s+(?:(?:a|an|my|our)\s+)?
        (?P<v>(?:first|new|own|little|small|big)?\s*(?:house|home|apartment|flat|condo|cabin|farm|ranch|cottage))\b(?!\s+{NOT_AFTER_HOME}\b)""",
        v.possession, check_speaker=True, words="house home apartment flat condo cabin farm ranch cottage"),
    # "I switched from violin to viola", "I've changed from coffee to green tea": one thing for another, in
    # whichever field holds the first (resolved against the stored profile; nothing when none does).
    row("switch_from_to", "#switch", r"""\bi(?:'ve|\s+have)?\s+{ADV}(?:switched|changed|swapped|converted|gone|went)\s+(?:over\s+)?from\s+
        (?P<v>(?!(?:my|the\s+(?:old|first))\b)[\w'-]+(?:\s+[\w'-]+){0,2}?\s+(?:to|for)\s+[\w'-]+(?:\s+[\w'-]+){0,2})""", v.switch, words="switched changed swapped converted gone went"),
    # "We've swapped Leeds for York", "I traded Java for Kotlin": the new one where the old one is stored (a list
    # field, or the location, employer or role: rules_extractor._switched; nothing when nothing stored holds it).
    row("switch_swapped_for", "#switch", r"""\b(?:i|we)(?:'ve|\s+have)?\s+{ADV}(?:swapped|traded|exchanged)\s+(?!(?:my|our|the|it|this|that|places|seats|numbers|shifts|notes)\b)
        (?P<v>[\w'-]+(?:\s+[\w'-]+){0,2}?\s+for\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,2})""", v.switch, words="swapped traded exchanged"),
    # "I don't play handball anymore, I switched to basketball": the new one goes where the message
    # just ended the old one (finish(); nothing when the message ended nothing).
    row("switch_to", "#switch_to", r"""\bi(?:'ve|\s+have)?\s+{ADV}(?:switched|changed|moved\s+on|gone\s+over|went\s+over)\s+to\s+
        (?P<v>(?!(?:my|the|a|an|it|that|this|them|part[- ]time|full[- ]time|nights|days)\b)[\w'-]+(?:\s+[\w'-]+)?)\s*$""", v.items, exclusive=False,
        words="switched changed moved gone went"),
    # -- lasting facts in phrasings of natural chat (tests/test_rules_recall6.py) -----------
    # "I'm not big on musicals", "I'm not keen on crowds", "I've never been a fan of sushi", "I've never liked
    # olives", "I'm no fan of karaoke": a lasting dislike told by a negated taste (not "the idea of…", not a
    # one-off: "not keen on going out tonight").
    row("dislikes_not_keen_on", "dislikes", r"""(?:{I_AM}\s+{ADV}(?:not|never)\s+(?:(?:really|very|that|too|all\s+that|particularly|overly|terribly|exactly|hugely|massively)\s+)?
        (?:big|huge|keen|crazy|wild)\s+(?:on|about)
        |{I_AM}\s+{ADV}no\s+(?:(?:big|huge|great)\s+)?fan\s+of
        |\bi(?:'ve|\s+have)\s+{ADV}never\s+{ADV}
        (?:been\s+(?:(?:a|much\s+of\s+a)\s+)?(?:(?:big|huge|great)\s+)?(?:fan\s+of|keen\s+on|fond\s+of|into)|liked|enjoyed|cared\s+for))\s+
        (?!(?:it|that|this|them|him|her|you|your|the\s+idea|the\s+thought)\b)
        (?![^.!?;\n]*\b(?:today|tonight|tomorrow|this\s+(?:week|weekend|time|evening|morning|afternoon)|right\s+now|at\s+the\s+moment)\b){V}""", v.things,
        words="big huge keen crazy wild fan never"),
    # "Camping isn't for me", "horror films are not really for me", "city life isn't for me": a dislike, object first,
    # of a doing or a kind of thing (not "the cake …", nor "pizza isn't for me, it's for the kids": an order's).
    row("dislikes_x_not_for_me", "dislikes", r"""^(?:i'm\s+)?(?P<v>(?!(?:{NOT_LIST}|the|a|an|my|your|his|her|their|our)\b)
        (?=[\w\s,'-]*?(?:\w\w+ing|\b(?:music|films?|movies?|shows?|sports?|games?|series|podcasts?|genres?|life|people|crowds|parties|cities|festivals?))
        \s+(?:is|are|has|have|was|were)(?:n't|\b))[\w\s,'-]{2,40}?)\s+
        (?:(?:is|are)(?:n't|\s+not)\s+(?:really\s+|quite\s+|exactly\s+)?for\s+me|(?:has|have)\s+never\s+been\s+(?:really\s+)?for\s+me
        |(?:was|were)\s+never\s+for\s+me)\s*$""", v.items,
        words="for"),
    # "I've always loved jazz", "I have always been into astronomy": a taste told as lasting.
    row("likes_always_loved", "likes", r"""\bi(?:'ve|\s+have)\s+{ADV}(?:always|forever)\s+{ADV}(?:loved|liked|enjoyed|adored|been\s+(?:into|obsessed\s+with|crazy\s+about|fascinated\s+by|drawn\s+to))\s+
        (?!(?:you|your|him|her|them|it|that|this|my|his|their|our|to)\b){V}""", v.things, words="always forever"),
    row("dislikes_always_hated", "dislikes", r"""\bi(?:'ve|\s+have)\s+{ADV}always\s+{ADV}(?:hated|disliked|detested|loathed)\s+
        (?!(?:you|your|him|her|them|it|that|this|my|his|their|our|to)\b){V}""", v.things, words="always"),
    # "Knitting is basically my whole personality", "bird photography has become my obsession".
    row("likes_x_is_my_life", "likes", r"""^(?P<v>(?!(?:{NOT_LIST}|the|my|your|his|her|their|our|work|school|family|god|jesus|allah)\b)[\w\s,'-]{2,40}?)\s+
        (?:is|are|has\s+become|have\s+become)\s+{ADV}(?:(?:basically|pretty\s+much|kind\s+of|sort\s+of|practically|literally)\s+)?
        my\s+(?:(?:whole|entire)\s+)?(?:personality|life|world|obsession)(?:\s+(?:at\s+this\s+point|these\s+days|now|lately|really|honestly))?\s*$""", v.items,
        words="personality life world obsession"),
    # "I can get by in Italian", "I'm conversational in Greek": a language spoken, modestly told.
    row("languages_get_by", "languages", r"""(?:\bi\s+{ADV}(?:can\s+)?{ADV}(?:get\s+by|muddle\s+through|hold\s+(?:my\s+own|a\s+conversation))\s+in
        |{I_AM}\s+{ADV}(?:(?:fairly|pretty|quite|reasonably|fully)\s+)?(?:conversational|functional|proficient|competent|comfortable|decent)\s+in)\s+{V}""", v.languages,
        words="by muddle hold conversational functional proficient competent comfortable decent"),
    # "My Dutch is pretty decent", "my Japanese is rusty": a language one speaks, however well.
    row("languages_my_x_is", "languages", r"""\bmy\s+(?P<v>{LANG})\s+is\s+{ADV}(?:(?:pretty|quite|fairly|reasonably|very|really|a\s+bit|a\s+little|still)\s+)?
        (?:good|decent|fluent|solid|ok|okay|passable|conversational|rusty|basic|alright|fine|not\s+bad|strong|improving|getting\s+better)\b""", v.languages,
        words="good decent fluent solid ok okay passable conversational rusty basic alright fine bad strong improving better"),
    # "I've spent the last six years as a court reporter": a role held till now.
    row("role_spent_years_as", "role", r"""\bi(?:'ve|\s+have)\s+{ADV}spent\s+(?:(?:the\s+)?(?:last|past)\s+|over\s+|almost\s+|nearly\s+|about\s+|around\s+)?(?:[\w-]+\s+){0,2}?
        (?:years|decades|decade)\s+(?:working\s+)?as\s+(?:(?:a|an)\s+)?{V}""", v.role, words="years decades decade"),
    # "I drive buses", "I drive taxis at night": the driver's job (not "I drive a bus to work", "for fun").
    row("role_drive_for_work", "role", r"""\bi\s+{ADV}drive\s+(?:the\s+(?:number\s+)?\d+[a-z]?\s+(?=(?:bus|tram)\b))?
        (?P<v>trams|buses|busses|bus|tram|trucks|lorries|taxis|cabs|trains|ambulances|forklifts|coaches|delivery\s+vans|school\s+buses)\b
        (?![^.!?;\n]*\b(?:for\s+fun|as\s+a\s+hobby|on\s+(?:the\s+)?weekends?)\b)""", v.driver, words="drive"),
    # "We've moved back to Cork", "I moved down to Brighton": a move told with a particle (a capitalised place:
    # "moved up to the senior team" names none).
    row("location_moved_back_to", "location", r"""\b(?:i|we)(?:'ve|\s+have)?\s+{ADV}(?:moved|relocated)\s+(?:up|down|over|back|out|across|home|north|south|east|west|here)\s+(?:here\s+)?to\s+{V}""",
        v.proper_place, event="UPDATE", words="moved relocated"),
    # "We moved into a flat in Bergen", "we've moved out of the city into a cottage near Kendal".
    row("location_moved_into_home_in", "location", r"""\b(?:i|we)(?:'ve|\s+have)?\s+{ADV}moved\s+(?:out\s+of\s+[^.!?;\n]{2,40}?\s+)?into\s+
        (?:a|an|the|our|my)\s+(?:[\w-]+\s+){0,2}?(?:flat|apartment|house|home|bungalow|cottage|place|condo|studio|cabin|farmhouse)\s+
        (?:in|near|outside)\s+(?P<v>[^.!?;\n]+)""",
        v.place, event="UPDATE", words="moved"),
    # "We packed up and moved to Sligo", "we upped sticks and went to Sligo", "we made the move to Sligo": a move
    # told with its effort ("went to" only with a capitalised place, and never on a passing stay: "packed up and
    # went to Sligo for the weekend" is a trip).
    row("location_packed_up_and_moved", "location", r"""\b(?:i|we)(?:'ve|\s+have)?\s+{ADV}(?:packed\s+up|upped\s+sticks|up\s+and\s+left)\s+(?:and\s+)?
        (?:moved|relocated)\s+(?:(?:back|over|out|down|up|across|north|south|east|west)\s+)?to\s+(?!{PASSING_STAY}){V}""", v.place,
        event="UPDATE", words="packed upped left"),
    row("location_packed_up_and_went", "location", r"""\b(?:i|we)(?:'ve|\s+have)?\s+{ADV}(?:packed\s+up|upped\s+sticks|up\s+and\s+left)\s+(?:and\s+)?
        (?:went|headed)\s+(?:(?:back|over|out|down|up|across|north|south|east|west)\s+)?to\s+(?!{PASSING_STAY}){V}""", v.proper_place,
        event="UPDATE", words="packed upped left"),
    row("location_made_the_move_to", "location", r"""\b(?:i|we)(?:'ve|\s+have)?\s+{ADV}(?:finally\s+)?made\s+the\s+(?:big\s+)?move\s+
        (?:(?:back|over|out|down|up|across|north|south|east|west)\s+)?to\s+{V}""", v.place, event="UPDATE", words="made"),
    # "I'm back home in Galway after years in Leeds": where one lives again (not "back home in time", nor a visit).
    row("location_back_home_in", "location", r"""(?:{I_AM}|\bwe(?:'re|\s+are))\s+{ADV}back\s+home\s+(?:again\s+)?in\s+(?!{PASSING_STAY})
        (?![^.!?;\n]*\b(?:for|over)\s+(?:christmas|thanksgiving|easter|diwali|eid|hanukkah|new\s+year|holidays|summer|spring\s+break|winter\s+break)\b)
        (?P<v>(?!(?:time|bed|one\s+piece|a|an|the|my|our|his|her|their)\b)[^.!?;\n]+)""", v.place, event="UPDATE", words="back"),
    # "My new place in Ennis has a garden", "our new flat in ennis": a home one moved into.
    row("location_new_home_in", "location", r"""\b(?:my|our)\s+new\s+(?:place|home|house|flat|apartment|condo|pad)\s+(?:here\s+)?in\s+
        (?P<v>(?!(?:town|the|a|an|my|our|his|her|their)\b)[\w'-]+(?:\s+[\w'-]+)?)(?=\s*(?:$|[,!]|\s(?:is|has|was|and|with|now|which|where|feels|looks)\b))
        (?![^.!?;\n]*\b(?:holiday|vacation|second|rental|airbnb)\b)""",
        v.place, event="UPDATE", words="new"),
    # "I'm out in Denver these days", "since moving to Graz I cycle", "I'm an Ohio native": a capitalised place only
    # ("I'm up in arms" names none).
    row("location_i_am_out_in", "location", r"{I_AM}\s+{ADV}(?:out|up|down|over)\s+in\s+(?!{PASSING_STAY}){V}", v.proper_place,
        words="out up down over"),
    row("location_since_moving_to", "location", r"""^(?:ever\s+)?(?:since|after)\s+(?:moving|relocating)\s+(?:here\s+|back\s+|over\s+)?to\s+
        (?P<v>[\w'-]+(?:\s+[\w'-]+)?)(?=\s*,|\s+(?:i|i've|i'm|we|we've|my|our)\b)""", v.proper_place, event="UPDATE", words="moving relocating"),
    row("hometown_in_x_where_i_grew_up", "#born_in", r"""\bin\s+(?P<v>[\w'-]+(?:\s+[\w'-]+)?)\s*,?\s+where\s+i\s+(?:grew|grow|was\s+born|was\s+raised)
        (?:\s+up)?\b""", v.proper_place, words="grew grow born raised"),
    # "I was born and raised in Ohio and never left": where one grew up is where one still lives.
    row("location_never_left", "location", r"""\b(?:born|raised|grew\s+up)\s+(?:and\s+(?:raised|bred)\s+)?in\s+(?P<v>[^.!?;\n]+?)\s*,?\s+(?:and\s+)?(?:i\s+)?
        (?:have\s+|'ve\s+)?(?:never|not\s+ever)\s+(?:left|moved(?:\s+away)?)\b""", v.place, check_speaker=True, words="left moved"),
    row("hometown_x_native", "#born_in", r"{I_AM}\s+{ADV}(?:a|an)\s+(?:proud\s+)?(?P<v>[\w'-]+(?:\s+[\w'-]+)?)\s+native\b", v.proper_place, words="native"),
    # "We've finally settled in Porto": where one lives now (a capitalised place: "settled in quickly" names none).
    row("location_settled_in", "location", r"\b(?:i|we)(?:'ve|\s+have|'re|\s+are|'m|\s+am)?\s+{ADV}(?:finally\s+)?settled\s+(?:down\s+)?in\s+{V}", v.settled_place,
        event="UPDATE", words="settled"),
    # "the trams here in Zagreb", "we're here in Galway": where one is, told in passing (a capitalised place,
    # never on a trip: rules_extractor.HERE_IN reads the clause as the user's only when no trip is told).
    row("location_here_in", "location", r"""\bhere\s+in\s+(?P<v>[\w'-]+(?:\s+[\w'-]+)?)\b(?!\s+(?:for|on|visiting|until|till)\b)""", v.capitalised_place,
        words="here"),
    # "our little cottage in Dunedin", "my flat in Leith": where one's home is.
    row("location_our_home_in", "location", r"""\b(?:our|my)\s+(?:{HOME_ADJ}\s+)*
        {HOME}\s+(?:here\s+)?in\s+(?P<v>[\w'-]+(?:\s+[\w'-]+)?)\b
        (?![^.!?;\n]*\b(?:holiday|vacation|second|rental|airbnb|sold|selling|used\s+to|was)\b)""", v.capitalised_place, words="house flat apartment cottage home bungalow condo farmhouse townhouse"),
    # "I call Porto home", "Porto is home now", "we're Leeds-based", "in Tartu, where I live", "we're in Quito
    # now": where one lives, told another way (a capitalised place, so "call it home" names none).
    row("location_call_home", "location", r"""\b(?:i|we)\s+{ADV}(?:now\s+)?call\s+
        (?P<v>(?!(?:it|this|that|here|there|him|her|them|you|everyone|everybody|anywhere|nowhere|somewhere|mum|mom|dad|home)\b)[\w\s'-]{2,30}?)\s+home\b""", v.place,
        words="call"),
    row("location_x_is_home", "location", r"""^(?P<v>(?!(?:{NOT_LIST}|the|this|that|it|there|here|work|school)\b)[\w\s'-]{2,30}?)(?:'s|\s+is)\s+(?:now\s+)?home
        (?:\s+(?:now|for\s+(?:me|us)|these\s+days|nowadays))*\s*$""", v.proper_place, words="home"),
    row("location_x_based", "location", r"(?:{I_AM}|\bwe(?:'re|\s+are))\s+{ADV}(?:now\s+)?(?P<v>[\w'-]+(?:\s+[\w'-]+)?)-based\b", v.proper_place, words="based"),
    row("location_in_x_where_i_live", "location", r"\bin\s+(?P<v>[\w\s'-]{2,30}?)\s*,\s*where\s+(?:i|we)\s+{ADV}(?:now\s+)?live\b", v.proper_place, words="live"),
    row("location_we_are_in_now", "location", r"\bwe(?:'re|\s+are)\s+(?:now\s+)?in\s+(?P<v>[\w'-]+(?:\s+[\w'-]+)?)\s+(?:now|these\s+days|nowadays)\b", v.proper_place,
        event="UPDATE", words="now days nowadays"),
    # "Home is Galway these days", "home is Utrecht now": where one lives (a capitalised place).
    row("location_home_is", "location", r"""^home(?:'s|\s+is)\s+(?:now\s+)?(?P<v>(?!(?:where|wherever|what|a|an|the|my|our|here|there|not|never|always|just|sweet)\b)[\w\s'-]{2,30}?)
        (?:\s+(?:now|these\s+days|nowadays))?\s*$""", v.proper_place, words="home"),
    # "Tallinn's where I grew up": where one comes from, object first.
    row("hometown_x_is_where_grew_up", "#born_in", r"""^(?P<v>(?!(?:{NOT_LIST}|the)\b)[\w\s'-]{2,30}?)(?:'s|\s+is)\s+where\s+i\s+(?:was\s+(?:born|raised)|grew\s+up)\b""",
        v.proper_place, words="born raised grew"),
    # "I adopted a ginger kitten", "I rescued a scruffy old terrier": a pet taken in.
    row("pets_adopted", "pets", r"""\b(?:i|we)(?:'ve|\s+have)?\s+{ADV}(?:adopted|rescued)\s+(?P<v>(?:a|an|two|three|four|(?:a\s+)?pair\s+of)\s+(?:[\w-]+\s+){0,3}?(?:{PETS})\b[^.!?;\n]*)""", v.adopted_pets,
        words="adopted rescued"),
    # "I've got an allotment", "I own a 10-inch telescope": a lasting thing one owns, from a closed list.
    row("possessions_own_thing", "possessions", r"""\bi(?:'ve|\s+have)?\s+{ADV}(?:own|have|got|bought|built)\s+(?:a|an|my\s+own)\s+
        (?P<v>(?:[\w-]+\s+){0,2}?(?:allotment|telescope|greenhouse|caravan|campervan|motorhome|narrowboat|canoe|kayak|paddleboard|3d\s+printer|sewing\s+machine
        |pottery\s+wheel|kiln|beehive|holiday\s+home|beach\s+hut|cabin|cottage))\b(?!\s+(?:lessons?|class(?:es)?|trips?|tours?|booked|holiday|session))""", v.possession,
        words="allotment telescope greenhouse caravan campervan motorhome narrowboat canoe kayak paddleboard printer machine wheel kiln beehive home hut cabin cottage"),
    # "I want to qualify as an architect", "I'd love to get into a music conservatory": a goal of training.
    row("goals_qualify_as", "goals", r"""\bi(?:\s+|(?=')){ADV}(?:want|would\s+like|'d\s+like|would\s+love|'d\s+love|hope|plan|intend|aim|wish|am\s+hoping|'m\s+hoping|am\s+planning|'m\s+planning
        |am\s+aiming|'m\s+aiming|am\s+trying|'m\s+trying|am\s+working|'m\s+working)\s+to\s+(?P<v>qualify\s+as\s+(?:a|an)\s+[^.!?;\n]+)""", v.qualify, words="qualify"),
    row("goals_get_onto_course", "goals", r"""\bi(?:\s+|(?=')){ADV}(?:want|would\s+like|'d\s+like|would\s+love|'d\s+love|hope|plan|intend|aim|wish|am\s+hoping|'m\s+hoping|am\s+planning|'m\s+planning
        |am\s+aiming|'m\s+aiming|am\s+trying|'m\s+trying)\s+to\s+
        (?P<v>get\s+(?:into|onto|in\s+to|accepted\s+(?:into|to|at)|a\s+place\s+(?:at|on))\s+(?:a|an|the|my)?\s*(?:[\w'-]+\s+){0,3}?
        (?:university|uni|college|course|programme|program|school|conservatory|academy|apprenticeship)\b
        (?=\s*$|\s*[,!]|\s+(?:at|in|on|for|of|this|next|by|one|some|and|so|because|abroad|someday|eventually)\b)[^.!?;\n]*)""", v.goal,
        words="university uni college course programme program school conservatory academy apprenticeship"),
    # "I sing alto in a chamber choir", "I play trumpet in a brass band": the group one sings or plays in.
    row("interests_sing_in_group", "interests", r"""\bi\s+{ADV}(?P<v>(?:sing|play|dance|perform|drum)\s+(?:(?!(?:in|with|for)\b)[\w'-]+\s+){0,3}?(?:in|with|for)\s+(?:a|an|the|my|our)\s+
        (?:[\w'-]+\s+){0,2}?(?:choir|band|orchestra|ensemble|quartet|troupe|chorus))\b""", v.things_as_gerund,
        words="choir band orchestra ensemble quartet troupe chorus"),
    # "I haven't eaten meat in nine years", "I've never eaten pork": a food one keeps off (not "today").
    row("dislikes_not_eaten_for_years", "dislikes", r"""\bi(?:\s+haven't|\s+have\s+not|'?ve\s+not)\s+{ADV}(?:eaten|touched|had)\s+(?:any\s+)?
        (?P<v>(?:red\s+)?(?:meat|pork|beef|fish|seafood|shellfish|dairy|gluten|eggs|chicken|lamb|veal|meat\s+or\s+fish))\s+
        (?:in|for|since)\s+(?:over\s+|almost\s+|about\s+|nearly\s+)?
        (?:years|ages|decades|a\s+decade|(?:[\w-]+\s+){1,2}(?:years|decades)|(?:19|20)\d\d|uni|university|college|childhood)\b""", v.things,
        words="years ages decades decade since"),
    row("dislikes_never_eaten", "dislikes", r"""\bi(?:'ve|\s+have)\s+never\s+{ADV}(?:eaten|touched)\s+(?:any\s+)?
        (?P<v>(?:red\s+)?(?:meat|pork|beef|fish|seafood|shellfish|dairy|veal|lamb|meat\s+or\s+fish))\b
        (?=\s*$|\s*[,!]|\s+(?:in\s+my\s+life|and|but|because|ever)\b)""", v.things,
        words="never"),
    # "I've really got into birdwatching", "I've been getting into sourdough lately": a pastime taken up (not a
    # school one got into, "got into Oxford", nor trouble, debt or an argument).
    row("interests_got_into", "interests", r"""\bi(?:'ve|\s+have)?\s+{ADV}(?:got|gotten|been\s+getting|started\s+getting)\s+(?:(?:really|properly|seriously|more)\s+)?into\s+
        (?P<v>(?!(?:a|an|the|some|trouble|debt|bed|work|uni|university|college|school|shape|character|position|gear|it|that|this|them|those|these
        |my|his|her|their|our|your|drugs|alcohol|drinking|gambling|fights?|arguments?|accidents?|med|law|grad|grad\s+school)\b)[^.!?;\n]+)""", v.taken_up,
        words="into"),
    # "I mostly write Go", "I use Python at work", "I work in TypeScript": a programming language one works in.
    row("skills_write_code_in", "skills", r"""\bi\s+{ADV}(?:write|use|(?:code|program|work|develop)\s+(?:mostly\s+|mainly\s+|primarily\s+)?in)\s+(?:mostly\s+|mainly\s+)?
        (?P<v>(?:{PROG})(?:\s*(?:,|and|or)\s+(?:a\s+bit\s+of\s+|some\s+)?(?:{PROG}))*)(?![\w'-])""", v.code_languages,
        words="python java javascript typescript go golang rust kotlin swift scala haskell elixir sql perl lua dart clojure fortran cobol"),
    # "I want to do a master's in economics", "I'm hoping to get an MBA": a degree one aims at.
    row("goals_do_degree", "goals", r"""\bi(?:\s+|(?=')){ADV}(?:want|would\s+like|'d\s+like|would\s+love|'d\s+love|hope|plan|intend|aim|wish|am\s+hoping|'m\s+hoping
        |am\s+planning|'m\s+planning|am\s+aiming|'m\s+aiming)\s+to\s+(?P<v>(?:do|get|pursue|start|study\s+for|go\s+for)\s+(?:a|an|my)\s+(?:[\w'-]+\s+){0,2}?
        (?:{DEGREE})\b(?!\s+of\b)[^.!?;\n]*)""", v.degree_goal, words="bachelor master masters phd doctorate degree mba diploma msc ba bsc ma"),
    # "I run a small tapas bar in Valencia": where one's business is, is where one lives unless that is known.
    # (What comes between the business and the town is skipped: "a bakery with my wife in Ghent".)
    row("workplace_business_in", "#workplace", r"""\bi\s+{ADV}(?:run|own|manage|opened|have)\s+(?:a\s+|an\s+|my\s+own\s+|the\s+|my\s+|(?=(?:small|little|own|new|family)\s))
        (?:[\w'-]+\s+){0,3}?(?:{BUSINESS})\b
        [\w\s'-]{0,50}?\s+(?:in|outside|near)\s+(?P<v>[\w'-]+(?:\s+[\w'-]+)?)\s*(?:$|,)""", v.proper_place, exclusive=False, words="#business"),
    # "I'm 64 and recently retired": the "I" of the first verb retired.
    row("role_and_retired", "role", r"""\band(?:'ve)?\s+(?:just\s+|recently\s+|finally\s+|now\s+|have\s+)?(?P<v>retired)\b
        (?!\s+(?:the|my|a|an|it|that|this|him|her|them|our|his)\b)""", v.status, event="UPDATE", check_speaker=True, words="retired"),
    # "I'm in sales", "I'm in IT": a line of work (not a place called "sales").
    row("role_i_am_in_field", "role", r"""{I_AM}\s+{ADV}in\s+(?P<v>sales|finance|marketing|hr|retail|hospitality|tech|accounting|insurance|banking|consulting|construction
        |healthcare|pharma|logistics|recruitment|advertising|publishing|real\s+estate|pr|customer\s+service|software|journalism|academia|engineering)
        (?=\s*$|\s*,|\s+(?:and|but|so|now|these\s+days|myself|too)\b)""", v.work_field,
        words="sales finance marketing hr retail hospitality tech accounting insurance banking consulting construction healthcare pharma "
        "logistics recruitment advertising publishing real pr customer software journalism academia engineering"),
    # "I'm a runner", "I'm a hiker, mostly in the Alps", "a total bookworm", "a gym rat": a pastime told by its doer
    # (not a job such as "baker").
    # "I've baked bread for years", "I've surfed my whole life": a pastime kept up for long ("since I was five" is
    # a clause of its own, so "since" counts only before a year or a time: "since 2009", "since school").
    row("interests_done_for_long", "interests", r"""\bi(?:'ve|\s+have)\s+{ADV}(?P<v>(?:{DONE_PASTIME})
        (?:\s+(?!(?:a|an|my|it|that|this|with|at|in|on|for|since|all|most|here|there|him|her|them|you)\b|[a-z]+ly\b)(?:the\s+)?[a-z]+)?)
        \s+(?:since\b|for\s+(?:\w+\s+){0,2}(?:years|decades?|ages|a\s+long\s+time)\b|(?:all|most)\s+(?:of\s+)?my\s+life|my\s+whole\s+life|forever)""", v.done_long,
        words="surfed skated danced sung painted knitted swum cycled climbed fished sailed skied hiked sewn baked gardened kayaked boxed drawn rowed"),
    row("interests_i_am_a_doer", "interests", r"""{I_AM}\s+{ADV}(?:a|an)\s+(?:bit\s+of\s+a\s+)?(?:(?:keen|avid|big|huge|regular|casual|serious|weekend|lifelong|total|complete)\s+)?
        (?P<v>runner|hiker|gamer|reader|climber|skier|surfer|knitter|birdwatcher|kayaker|stargazer|camper|swimmer|cyclist|golfer|bookworm|gym\s+rat|foodie)
        (?=\s*$|\s*[,!]|\s+(?:and|too|myself|at\s+heart|mostly|mainly|now|these\s+days)\b)""", v.pastime,
        words="runner hiker gamer reader climber skier surfer knitter birdwatcher kayaker stargazer camper swimmer cyclist golfer bookworm rat foodie"),
    # "I've become a fan of opera", "I've learned to appreciate jazz": a taste gained.
    row("likes_become_fan", "likes", r"""\bi(?:'ve|\s+have)?\s+{ADV}(?:become|became|turned\s+into)\s+(?:a\s+)?(?:(?:big|huge|real|total|massive)\s+)?fan\s+of\s+
        (?!(?:you|your|him|her|them|it|that|this)\b){V}""", v.items, words="fan"),
    row("likes_learned_to_love", "likes", r"""\bi(?:'ve|\s+have)?\s+{ADV}(?:learned|learnt)\s+to\s+(?:appreciate|love|like|enjoy)\s+
        (?!(?:you|your|him|her|them|it|that|this|my|his|their|our)\b){V}""", v.things, words="learned learnt"),
    # "I'm freelancing now", "I went freelance": the stored trade goes freelance, or the role is freelancer (see
    # rules_extractor._freelance; "I freelance as a designer" is role_work_as's, freelancing on the side changes nothing).
    row("role_freelancing", "#freelance", r"""(?:{I_AM}\s+{ADV}(?:now\s+)?(?:freelancing|freelance)|\bi\s+{ADV}freelance|\bi(?:'ve|\s+have)?\s+{ADV}(?:gone|went)\s+freelance)\b
        (?!\s+(?:as|on\s+the\s+side|alongside|too|as\s+well|besides|sometimes|occasionally|now\s+and\s+then|for\s+(?:a|an|the|my)\s+(?:bit|while|few)))
        (?P<v>)""", lambda _: ["freelancer"], event="UPDATE", words="freelancing freelance"),
    # "I work for myself": self-employed ("I work for myself as a photographer" is role_work_as's).
    row("role_work_for_myself", "role", r"(?:\bi\s+{ADV}(?:work|am\s+working)|\bi'?m\s+{ADV}working)\s+for\s+(?P<v>myself)\b(?!\s+as\b)", lambda _: ["self-employed"], words="myself"),
    # "I'm Aiko, 16, from Osaka" (read as "I'm 16, from Osaka"): where one comes from, after one's age.
    row("hometown_age_from", "hometown", r"{I_AM}\s+\d{1,2}\s*,\s+(?:and\s+)?(?:originally\s+)?from\s+{V}", v.proper_place, exclusive=False, words="from"),
    # "Software engineer here, working at Shopify", "retired nurse here": the speaker introduced by their job.
    # "Carpenter by trade", "software developer by profession", "Teacher by day, gamer by night": the trade told
    # tersely (only a noun that reads as a job: role_here's check; not "Paid by day", "the best by far").
    row("role_x_by_trade", "role", r"""^(?:(?:hi|hey|hello)\s*,?\s+)?(?:(?:a|an)\s+)?(?P<v>(?!(?:{NOT_LIST}|the|a|an|same|me|us)\b)[\w-]+(?:\s+[\w-]+){0,2}?)
        \s+by\s+(?:trade|profession|training|day)\b""", v.role_here, words="trade profession training day"),
    row("role_x_here", "role", r"^(?:(?:hi|hey|hello|yo)\s*,?\s+)?(?P<v>(?!(?:{NOT_LIST}|the|a|an|same|me|us)\b)[\w-]+(?:\s+[\w-]+){0,2}?)\s+here{HERE_ENDS}", v.role_here,
        words="here"),
    # "I'm gluten-free", "I'm dairy free": a diet kept.
    row("diet_i_am_free", "diet", r"{I_AM}\s+{ADV}(?:(?:strictly|fully|mostly)\s+)?(?P<v>(?:gluten|dairy|lactose|sugar|meat|nut|alcohol)[- ]free)\b", v.diet, words="free"),
    # "I'm a cat mum", "I'm a proud dog dad": a pet, told by the owner's name for themselves.
    row("pets_pet_parent", "pets", r"{I_AM}\s+{ADV}(?:a\s+)?(?:proud\s+|busy\s+|first-time\s+)?(?P<v>cat|dog|bunny|rabbit|hamster|chicken|horse|plant)\s+(?:mum|mom|dad|mama|papa|parent)\b",
        v.pet_parent, words="mum mom dad mama papa parent"),
    # "Huge Arsenal fan here", "Lifelong Tolkien nerd here!": the speaker introduced by a taste.
    row("likes_fan_here", "likes", r"""^(?:(?:a|an|big|huge|massive|lifelong|life-long|die-hard|diehard|total|proud)\s+)*(?P<v>(?!(?:{NOT_LIST})\b|{NOT_FAN_OF}\b)[\w\s'-]{2,30}?)\s+
        (?:fan|supporter|lover|nerd|geek|enthusiast|addict)\s+here{HERE_ENDS}""", v.items, words="here"),
    # "I'm doing my A-levels", "I'm in year 12": school one is in.
    row("education_school_exams", "education", r"""{I_AM}\s+{ADV}(?:doing|taking|studying\s+for|sitting)\s+(?:my\s+|the\s+)?
        (?P<v>a[- ]levels?|gcses?|ib|highers|leaving\s+cert|baccalaureate)\b""", v.items, words="levels level gcses gcse ib highers leaving baccalaureate"),
    row("education_school_year", "education", r"{I_AM}\s+{ADV}in\s+(?P<v>year\s+(?:[7-9]|1[0-3]))\b(?!\s+of\b)", v.items, words="year"),
    # "I'm head of marketing at a startup": the post.
    row("role_head_of", "role", r"""{I_AM}\s+{ADV}(?:now\s+)?(?:the\s+)?(?!head\s+of\s+(?:the\s+)?(?:house|household|family|table)\b)
        (?P<v>(?:head|director|vp|chief|lead)\s+of\s+[\w\s&-]{2,30}?)(?=\s*$|\s*,|\s+(?:at|for|in|and|but|so|now)\b)""",
        v.role, words="head director vp chief lead"),
    # "I lead the data team at Ocado", "I manage the night team": the team one leads.
    row("role_lead_team", "role", r"""\bi\s+{ADV}(?P<v>(?:lead|manage|run|head\s+up|head)\s+(?:the|a|our)\s+(?!(?:small|big|new|great|whole)\b)[\w-]+(?:\s+[\w-]+)?)\s+team\b""",
        v.team_role, words="lead manage run head"),
    # "We bought a house in Bristol": where one's home is (not a holiday home or a second one).
    row("location_bought_home_in", "location", r"""\b(?:i|we)(?:'ve|\s+have)?\s+{ADV}(?:bought|purchased)\s+(?:a|an|our|my)\s+(?!(?:holiday|vacation|second|summer|beach|investment|rental)\b)
        (?:[\w-]+\s+){0,2}?(?:house|home|flat|apartment|condo|cottage|bungalow|place|farmhouse)\s+(?:in|near|outside)\s+{V}""", v.proper_place, event="UPDATE",
        exclusive=False, words="bought purchased"),
    # -- endings: a fact stopped being true ------------------------------------------------
    # "I've changed my mind about jazz": the old opinion of it, liked or disliked, no longer holds.
    row("end_dislikes_changed_mind", "dislikes", r"""\bi(?:'ve|\s+have)?\s+{ADV}(?:changed|completely\s+changed)\s+my\s+mind\s+(?:about|on)\s+
        (?!(?:it|that|this|them|you|him|her)\b){V}""", v.things, event="REMOVE", exclusive=False, words="mind"),
    row("end_likes_changed_mind", "likes", r"""\bi(?:'ve|\s+have)?\s+{ADV}(?:changed|completely\s+changed)\s+my\s+mind\s+(?:about|on)\s+
        (?!(?:it|that|this|them|you|him|her)\b){V}""", v.things, event="REMOVE", exclusive=False, words="mind"),
    # "I was wrong about sushi": the old opinion of it no longer holds.
    row("end_dislikes_wrong_about", "dislikes", r"\bi\s+{ADV}was\s+(?:so\s+|totally\s+|completely\s+)?wrong\s+about\s+(?!(?:it|that|this|them|you|him|her)\b){V}", v.things,
        event="REMOVE", exclusive=False, words="wrong"),
    row("end_likes_wrong_about", "likes", r"\bi\s+{ADV}was\s+(?:so\s+|totally\s+|completely\s+)?wrong\s+about\s+(?!(?:it|that|this|them|you|him|her)\b){V}", v.things,
        event="REMOVE", exclusive=False, words="wrong"),
    # "Sadly Pepper passed away": the pet of that name is gone (a name no pet has removes nothing).
    row("end_pets_died", "pets", r"""^(?:(?:sadly|unfortunately)\s*,?\s+)?(?P<v>[a-z][\w'-]*)\s+(?:has\s+|just\s+)?(?:passed\s+away|died)\b""", v.pet_gone,
        event="REMOVE", words="passed died"),
    # "My husband Henri passed away", "my dad died last year": the relative is gone, not a family member to
    # store (an ending, so the family rows do not read the same words as a relation one has).
    row("end_family_died", "family", r"""\bmy\s+(?:late\s+)?(?P<v>(?:{PARTNER})(?:\s+[A-Z][\w'-]+)?|(?:{RELADJ}\s+)*(?:{REL}))\s+
        (?:has\s+|just\s+|sadly\s+|recently\s+)?(?:passed\s+away|passed\s+on|passed|died)\b""", v.relatives_gone, event="REMOVE",
        words="passed died"),
    # "Sipho and I broke up" (read as "I broke up": the clause breaks before "and I"), "we split up", "I broke up with
    # my girlfriend": the partner stored under family goes (rules_values.partner_gone names every kind of partner).
    row("end_family_broke_up", "family", r"""^(?:i|we)\s+(?:have\s+|just\s+|finally\s+|recently\s+)*
        (?:broke\s+up|split\s+up|separated|split|divorced|got\s+divorced)
        (?P<v>)(?:\s+with\s+(?:my\s+)?(?:boyfriend|girlfriend|partner|fianc[eé]e?|husband|wife|[a-z][\w'-]+))?
        \s*(?:$|,|\s+(?:last|this|a|two|three|recently|yesterday|today)\b)""",
        v.partner_gone, event="REMOVE", words="broke split separated divorced"),
    # "I don't like coffee anymore": the like ends and the dislike is now (rules_extractor._turned_against; its
    # name sorts it before end_likes_not_anymore, which endings tie on);
    # "I don't love it anymore" only fades (end_likes_not_anymore).
    row("end_likes_dislike_now", "#turned_dislike", r"""\bi\s+{ADV}(?:don't|do not|no longer)\s+{ADV}like\s+
        (?![^.!?;\n]*\b(?:that|as|so|too|very)\s+much\b){V}""", v.things, event="REMOVE",
        words="anymore more longer"),
    row("end_likes_not_anymore", "likes", r"\bi\s+{ADV}(?:don't|do not|no longer|not)\s+{ADV}(?:like|love|enjoy)\s+{V}", v.things, event="REMOVE", words="anymore more longer"),
    row("end_likes_used_to", "likes", r"\bi\s+{ADV}(?:used to|use to)\s+{LIKE}\s+{V}", v.things, event="REMOVE", words="used use"),
    row("end_dislikes_used_to", "dislikes", r"\bi\s+{ADV}(?:used to|use to)\s+(?:hate|dislike|detest)\s+{V}", v.things, event="REMOVE", words="used use"),
    # "I sold my car", "we closed the bakery": a lasting thing one no longer has.
    row("end_possessions_sold", "possessions", r"""(?:\bi|\bwe)(?:'ve|\s+have)?\s+{ADV}(?:sold|got\s+rid\s+of|gave\s+away|scrapped|closed(?:\s+down)?|shut\s+down)\s+
        (?:my|our|the)\s+{V}""", v.given_up, event="REMOVE", words="sold rid gave scrapped closed shut"),
    # "I'm done with golf", "I'm over sushi": a taste that ended.
    row("end_likes_done_with", "likes", r"{I_AM}\s+{ADV}(?:done\s+with|over|finished\s+with|through\s+with)\s+(?!(?:it|that|this|you|work|school|the\s+day|today|my\s+\w+|for\s+\w+)\b){V}", v.things, event="REMOVE",
        words="done over finished through"),
    row("end_likes_stopped", "likes", r"\bi\s+{ADV}(?:stopped|quit)\s+(?:liking|loving|enjoying)\s+{V}", v.things, event="REMOVE", words="stopped quit"),
    row("end_likes_no_longer_fan", "likes", r"{I_AM}\s+(?:no longer|not)\s+(?:a\s+)?fan\s+of\s+{V}", v.items, event="REMOVE", words="anymore more longer"),
    # "I'm not into chess much lately": a taste that faded, not a dislike (dislikes_not_a_fan leaves it alone).
    row("end_interests_not_into", "interests", r"{I_AM}\s+(?:no longer|not)\s+{ADV}(?:into|interested in)\s+{V}", v.things, event="REMOVE", words="anymore more longer lately days nowadays moment now"),
    row("end_interests_no_longer_play", "interests", r"\bi\s+{ADV}(?:don't|do not|no longer)\s+(?:play|do|practice)\s+{V}", v.things, event="REMOVE", words="anymore more longer"),
    row("end_skills_no_longer_use", "skills", r"\bi\s+{ADV}(?:don't|do not|no longer|not)\s+{ADV}(?:use|work with|code in|program in|write)\s+{V}", v.items, event="REMOVE", words="anymore more longer"),
    row("end_skills_stopped_using", "skills", r"\bi\s+{ADV}(?:stopped|quit)\s+(?:using|working with)\s+{V}", v.items, event="REMOVE", words="stopped quit"),
    row("end_dislikes_no_longer_hate", "dislikes", r"\bi\s+{ADV}(?:don't|do not|no longer)\s+{ADV}(?:hate|mind|dislike)\s+{V}", v.items, event="REMOVE", words="anymore more longer"),
    row("end_languages_no_longer_speak", "languages", r"\bi\s+{ADV}(?:don't|do not|no longer|can't|cannot)\s+speak\s+{V}", v.languages, event="REMOVE", words="anymore more longer"),
    row("end_pets_no_longer_have", "pets", r"\bi\s+{ADV}(?:don't|do not|no longer)\s+have\s+(?:a|an|my)?\s*{V}", v.items, event="REMOVE", words="anymore more longer"),
    row("end_goals_no_longer_want", "goals", r"\bi\s+{ADV}(?:don't|do not|no longer)\s+want\s+to\s+(?:become|be)\s+{V}", v.goal, event="REMOVE", words="anymore more longer"),
    # "I gave up on Korean", "I stopped taking cello lessons", "I'm not learning Thai anymore": a learning aim ends
    # (beside "I quit Spanish" read as an employer, so it reads alongside the employer ending).
    row("end_goals_stopped_learning", "goals", r"""(?:\bi\s+{ADV}(?:stopped|quit|gave\s+up(?:\s+on)?|dropped)\s+(?:(?:learning|studying|taking|doing|practi[cs]ing|my|the)\s+)?
        |{I_AM}\s+(?:no\s+longer|not)\s+(?:learning|studying|taking|practi[cs]ing)\s+
        |\bi\s+{ADV}(?:don't|do\s+not|no\s+longer)\s+(?:learn|study|take|practi[cs]e)\s+)
        (?P<v>(?:{LESSON})(?:\s+(?:{LESSON}))?)\b
        (?=\s*$|\s*,|\s+(?:lessons?|classes|class|courses?|anymore|any\s+more|last|this|after|because|since|and|but|though)\b)""",
        v.learning, event="REMOVE", exclusive=False,
        words="stopped quit gave dropped learning studying taking practicing practising learn study take practice practise"),
    row("end_location_not_in", "location", r"(?:{I_AM}|\bwe're|\bwe\s+are)\s+(?:not|no\s+longer)\s+(?:living\s+|based\s+)?in\s+{V}", v.place, event="REMOVE", words="not longer"),
    row("end_location_no_longer_live", "location", r"\b(?:i|we)\s+{ADV}(?:no\s+longer|don't|do\s+not|used\s+to|use\s+to)\s+live\s+in\s+{V}", v.place, event="REMOVE", words="longer don not used use"),
    # "We moved away from Leeds" (a move "from Oslo to Bergen" is location_moved_to's: the new place replaces it).
    row("end_location_moved_from", "location", r"""\b(?:i|we)\s+{ADV}(?:moved|relocated|moved\s+away|left|came)\s+(?:here\s+)?(?:away\s+)?(?:from|(?<=moved\s)out\s+of)\s+(?:the\s+)?
        (?![^.!?;\n]*?\s+to\s+(?!(?:be|get|study|work|live|start|find|take|look|help|care|join)\b)\w){V}""", v.place, event="REMOVE",
        words="moved relocated left came"),
    # "I left Leeds last spring", "we left leeds years ago": a place left for good (never a trip: "left Leeds at six",
    # "for the weekend"); its value ends only the stored location, and an employer of that name
    # (end_employer_left reads the same words).
    row("end_location_left", "location", r"""\b(?:i|we)(?:'ve|\s+have)?\s+{ADV}left\s+
        (?P<v>(?!(?:my|the|a|an|work|home|school|college|uni|it|that|this|them|him|her|our|his|their|your|early|town|everything)\b)[\w'-]+(?:\s+[\w'-]+){0,2}?)
        (?=\s*$|\s*,|\s+(?:for\s+good|behind|(?:last|in\s+the)\s+(?:year|spring|summer|autumn|fall|winter|decade)|in\s+\d{4}
        |(?:a\s+few|a\s+couple\s+of|many|\w+)\s+years\s+ago|years\s+ago|ages\s+ago|a\s+year\s+ago|when|after|because|and\s+(?:moved|came|went|never))\b)""",
        v.place, event="REMOVE", exclusive=False, words="left"),
    row("end_location_move_from", "location", r"\bmy\s+move\s+from\s+{V}", v.place, event="REMOVE", words="move"),
    row("end_employer_used_to_work", "employer", r"""\bi(?:\s+{ADV}(?:used\s+to\s+work|use\s+to\s+work|no\s+longer\s+{WORKS_AT}|don't\s+work|do\s+not\s+work
        |was\s+previously\s+employed|was\s+employed|stopped\s+working|quit\s+working)|(?:'m|\s+am)\s+(?:not|no\s+longer)\s+working)
        \s+(?:at|for|with|by)\s+{V}""", v.employer, event="REMOVE", words="used use longer don not previously employed stopped quit"),
    row("end_employer_left", "employer", r"""\bi(?:'ve|\s+have)?\s+{ADV}(?:(?:left|quit|resigned\s+from|retired\s+from|{FIRED}\s+(?:from|at|by))\s+(?:{MY_JOB_AT}\s+)?
        |lost\s+{MY_JOB_AT}\s+|handed\s+in\s+my\s+notice\s+(?:at|to)\s+)
        (?P<v>(?!my\b|the\s+job\b|work\b|school\b|college\b|home\b|and\b|to\b|for\b|it\b|that\b)[^.!?;\n]+)""", v.employer, event="REMOVE", words="left quit resigned retired fired laid let sacked dismissed redundant lost notice"),
    # "I found a new job and left Acme": the subject of "left" is the "I" before "and".
    row("end_employer_and_left", "employer", r"""\band\s+(?:just\s+|finally\s+|then\s+)?(?:left|quit|resigned\s+from)\s+
        (?P<v>(?!my\b|the\b|work\b|school\b|college\b|home\b|town\b|it\b|that\b|them\b|early\b)[^.!?;\n]+)""", v.employer, event="REMOVE", check_speaker=True,
        words="left quit resigned"),
    # "I got laid off", "I quit my job last month": whatever employer is stored ends.
    row("end_employer_quit_my_job", "employer", r"""\bi(?:'ve|\s+have)?\s+{ADV}(?:(?:left|quit|lost)\s+my\s+job|{FIRED}(?:\s+from\s+my\s+(?:(?:last|old|previous|current)\s+)?job)?
        |resigned|handed\s+in\s+my\s+(?:notice|resignation)|gave\s+(?:in\s+)?(?:my\s+)?notice)(?P<v>){WHEN_TAIL}
        (?:\s+(?:because|since|for|after|over|due\s+to|and|but|so|to)\b[^.!?;\n]*)?\s*$""",
        lambda _: [], event="REMOVE", words="left quit lost fired laid let sacked dismissed redundant resigned handed gave"),
    # "My last day at Acme was Friday", "tomorrow is my final shift at the Ritz": the job there ends
    # (a REMOVE with a value ends only the stored employer: "my last day at the beach" ends nothing).
    row("end_employer_last_day_at", "employer", r"""\bmy\s+(?:very\s+)?(?:last|final)\s+(?:day|shift|week)\s+(?:at|with|working\s+(?:at|for))\s+
        (?P<v>[\w&'.-]+(?:\s+[\w&'.-]+){0,3}?)(?=\s*$|\s*[,!]|\s+(?:was|is|will|were|today|yesterday|tomorrow|on|last|this|next)\b)""", v.employer,
        event="REMOVE", words="last final"),
    # "I retired from Acme", "retired from teaching": the role becomes retired when what was left is the stored
    # job (rules_extractor._retired_from; not "retired from competitive rowing"). Read beside end_employer_left.
    row("end_retired_from", "#retired_from", r"""\bi(?:'ve|\s+have)?\s+{ADV}(?:(?:finally|officially)\s+)?retired\s+from\s+
        (?:my\s+(?:job|post|position|career)\s+(?:at|with|in|as)\s+(?:(?:a|an)\s+)?)?(?P<v>[^.!?;\n]+)""", v.things, event="REMOVE", exclusive=False, words="retired"),
    # "I quit welding last year", "gave up teaching for good", "I don't weld anymore": the trade given up ends the
    # stored role that practises it (finish() matches it to the role: "quit smoking" ends nothing).
    row("end_role_gave_up_trade", "role", r"""\bi(?:'ve|\s+have)?\s+{ADV}(?:quit|left|gave\s+up|given\s+up|stopped|retired\s+from)\s+(?P<v>[a-z]{4,}ing)
        (?=\s*$|\s*,|\s+(?:for\s+good|altogether|completely|last\s+(?:year|month|spring|summer|autumn|fall|winter)|in\s+\d{4}
        |(?:a\s+few|a\s+couple\s+of|\w+)\s+years?\s+ago|years\s+ago|because|after|when|and)\b)""", v.items, event="REMOVE", exclusive=False,
        words="quit left gave given stopped retired"),
    # "I don't work there anymore", "I stopped working there in May": whatever employer is stored ends.
    row("end_employer_not_there", "employer", r"""\bi\s+{ADV}(?:(?:don't|do\s+not)\s+work\s+there\s+(?:anymore|any\s+more)|no\s+longer\s+work\s+there
        |(?:stopped|quit)\s+working\s+there)(?P<v>){WHEN_TAIL}(?:\s+(?:in\s+\w+|because|since|after|for\s+good)\b[^.!?;\n]*)?\s*$""",
        lambda _: [], event="REMOVE", exclusive=False, words="there"),
    row("end_role_dont_do_trade", "role", r"""\bi\s+{ADV}(?:don't|do\s+not|no\s+longer)\s+(?P<v>[a-z]{3,})\s+(?:anymore|any\s+more)\s*$""",
        lambda raw: [raw.lower() + "ing"], event="REMOVE", words="anymore more"),
    # "Acme fired me", "the Ritz let me go last week": the employer is the one who ended it.
    row("end_employer_fired_me", "employer", r"""^(?!(?:they|he|she|it|we|you|who|that|this|my|his|her|their|our|your|the)\b)(?P<v>[\w\s&'.-]{2,40}?)\s+
        (?:just\s+|finally\s+|recently\s+)?
        (?:(?:fired|sacked|laid\s+off)\s+me|let\s+me\s+go(?=\s*$|\s*,|\s+(?:last|this|yesterday|today|recently|after|without|because)\b))\b""", v.employer, event="REMOVE", words="fired sacked laid let"),
    # "I was fired from my job as a waiter", "I quit as head chef", "I lost my job as a courier".
    # Beside the employer ending ("laid off from Acme as a tester"), so it reads alongside it.
    row("end_role_lost_job_as", "role", r"""\bi(?:'ve|\s+have)?\s+{ADV}(?:{FIRED}|lost|quit|left|resigned)\s+
        (?:(?:from|at|with|by)\s+)?(?:(?!(?:and|but|then|now|so|to|started|began|became|joined|work|working|being)\b)[\w&'.-]+\s+){0,5}?
        as\s+(?:(?:a|an|the|their|its)\s+)?{V}""", v.role, event="REMOVE", exclusive=False,
        words="lost quit left resigned fired laid let sacked dismissed redundant"),
    # "I was laid off from my warehouse job", "I quit my barista gig": the job named before "job".
    row("end_role_my_x_job", "role", r"""\bi(?:'ve|\s+have)?\s+{ADV}(?:{FIRED}\s+from|lost|quit|left)\s+my\s+(?:(?:old|last|previous|part[- ]time|full[- ]time)\s+)?
        (?P<v>(?!(?:job|old|new|day|first|second|dream|last|current|only|real|summer|weekend)\b)[\w-]+(?:\s+[\w-]+)?)\s+(?:job|gig)\b""", v.role_or_trade, event="REMOVE",
        exclusive=False,
        words="lost quit left fired laid let sacked dismissed redundant"),
    # (the article may be left out before a known occupation, as in "I'm not nurse anymore")
    row("end_role_no_longer", "role", r"""{I_AM}\s+(?:no\s+longer|not)\s+(?:(?:working|employed)\s+as\s+)?(?:(?:a|an)\s+|(?=(?:[\w-]+\s+){0,2}?(?:{OCCUPATION})\b))
        {V}""", v.role, event="REMOVE", words="longer not"),
    row("end_role_used_to_be", "role", r"""\bi\s+{ADV}(?:used\s+to\s+be|use\s+to\s+be|was|quit\s+being|stopped\s+being|retired\s+as|worked\s+as)\s+
        (?:(?:a|an)\s+|(?=(?:[\w-]+\s+){0,2}?(?:{OCCUPATION})\b))(?!(?:so|very|too|really|not|never|just)\b){V}""", v.role, event="REMOVE",
        words="used use was being retired worked"),
    # "I no longer work as a tester", "I stopped working as a courier".
    row("end_role_no_longer_work_as", "role", r"\bi\s+{ADV}(?:(?:no\s+longer|don't|do\s+not)\s+work|(?:stopped|quit)\s+working)\s+as\s+(?:(?:a|an)\s+)?{V}", v.role, event="REMOVE",
        words="longer don not stopped quit"),
    # "I'm done with nursing for good": the trade a stored role practises (finish() matches
    # "nursing" to "nurse", "accounting" to "junior accountant"; nothing when no role is stored).
    row("end_role_done_with_trade", "role", r"""(?:{I_AM}\s+{ADV}|^\s*(?:and\s+)?)(?:done|through|finished)\s+with\s+(?P<v>[a-z]{4,}ing)
        (?:\s+(?:for\s+good|forever|now|altogether|completely|entirely))?\s*$""", v.items, event="REMOVE", exclusive=False,
        words="done through finished"),
    # "I'm no longer at Cardiff Uni", "I'm not at Acme anymore", "I dropped out of Keele", "I
    # transferred from Leeds to York": the school (or employer) named ends; finish() removes only
    # what is stored under that name.
    row("end_employer_no_longer_at", "employer", r"""{I_AM}\s+(?:no\s+longer|not(?=[^.!?;\n,]*\s+any\s*more\s*(?:$|,)))\s+(?:at|with)\s+
        (?P<v>[^.!?;\n,]+?)(?:\s+any\s*more)?\s*(?:$|,)""", v.employer, event="REMOVE", exclusive=False, words="longer not"),
    row("end_education_left_school", "education", r"""(?:{I_AM}\s+(?:no\s+longer|not(?=[^.!?;\n,]*\s+any\s*more\s*(?:$|,)))\s+(?:studying\s+)?at
        |\bi\s+{ADV}(?:dropped\s+out\s+of|transferred\s+(?:out\s+)?(?:from|of)))\s+
        (?P<v>[^.!?;\n,]+?)(?:\s+any\s*more)?(?=\s*(?:$|,)|\s+(?:to|in|last|this|after|because|when)\b)""",
        v.place, event="REMOVE", exclusive=False, words="longer not dropped transferred"),
    row("end_role_former", "role", r"{I_AM}\s+{ADV}(?:(?:a|an)\s+)?(?:former|ex-|ex)\s*{V}", v.role, event="REMOVE", words="former ex"),
)
# fmt: on

# Rows that tell of something under way for a long while: "right now" does not make them passing.
ONGOING_ROWS = frozenset(
    {
        "goals_training_to_be",
        "goals_learning",
        "goals_picking_up",
        "goals_started_learning",
        "goals_taking_lessons",
        "goals_studying",
        "goals_the_language_i_learn",
    }
)

# Which field's rows win a trigger they both match, highest first. Why this order:
# endings first (they claim "I don't like X anymore" before the dislikes row reads it);
# a name's own phrasing; languages before skills and roles ("I'm fluent in French");
# diet before roles ("I'm a vegan"); fans and favourites before roles ("I'm a jazz fan");
# family and pets before likes ("I love my sister", "I adore my cat"); education before
# roles ("I'm a nursing student"); special categories before roles, so the privacy gate sees them;
# appearance before roles ("I'm a redhead").
FIELD_PRECEDENCE = (
    "name", "languages", "diet", "likes", "dislikes", "family", "pets", "interests", "skills", "goals",
    "education", "#sensitive", "#switch", "#switch_to", "#turned_dislike", "#retired_from", "appearance", "#freelance", "role", "#workplace",
    "employer", "location", "hometown", "#home_is", "#born_in", "age",
    "possessions",
)  # fmt: skip
# Rows that must outrank their field's place above. Lower number wins; fields rank from 10 up.
ROW_PRECEDENCE = {
    # "I love my sister" / "I adore my cat": the relation, not a taste.
    "family_loved": 0,
    "pets_loved": 0,
    # "I'm a vegan" before "I'm a …" is read as a role or a fan.
    "diet_i_am": 1,
    "diet_as_a": 1,
    # "as a Liverpool fan" before "as a … ," is read as a role.
    "likes_as_a_x_fan": 2,
    "education_as_a_student": 3,
    # "I'm learning X" before "I'm …" is read as a name or a place.
    "goals_learning": 4,
    # "I'm studying Korean", "I've been studying the harp for years": learning, before a subject or a pastime.
    "goals_studying": 4,
    # "I'm an avid reader" before "I'm a …" is read as a role.
    "interests_avid_x": 2,
    # A relative as the clause's subject is the weakest family reading: "My husband is named Tariq" gives his
    # name (family_named) first. Ranked with the pets rows, which never read the same words.
    "family_my_relative_leads": 10 + FIELD_PRECEDENCE.index("pets"),
    # "I'm a cat person" before "I'm a …" is read as a role.
    "likes_x_person": 2,
    # "I'm a stay-at-home dad" before "… at home dad" is read as an employer.
    "role_stay_at_home": 4,
    # "I have a daughter named Lucia", "with my wife Maria": the name, not only the relation.
    "family_have_named": 5,
    "family_named": 5,
    # "I have two cats, Earl and Grey": the names with the count.
    "family_have_n_named": 5,
    "pets_have_n_named": 5,
    "pets_have_named": 5,
    # "my dog Rex": the name, not only the animal.
    "pets_my_named": 5,
    # "I volunteer at a food bank": the place, not only the verb.
    "interests_volunteer_at": 6,
    # "I play in a softball league": the team, not "in a softball league" read as what is played.
    "interests_play_in": 6,
    # "I sing alto in a chamber choir": the group, not only the verb read as a pastime.
    "interests_sing_in_group": 6,
    # "I'm the proud owner of a bakery" before "I'm the … owner" is read as a role.
    "possessions_owner_of": 7,
    # A pastime told by doing it is the weakest reading of its words: every other interests row
    # ("I'm usually knitting", "I've been knitting for years") and any row of a later field
    # ("I'm reading law at Leeds") reads them first.
    "interests_doing_now": 30,
    "interests_been_doing": 30,
}


def precedence(r: Row) -> tuple[int, str]:
    """The one place that says which row wins: endings, then ROW_PRECEDENCE, then the field's rank.

    The row name breaks ties, so the outcome never depends on the order of ROWS.
    """
    if r.ending:
        return (-1, r.name)
    return (ROW_PRECEDENCE.get(r.name, 10 + FIELD_PRECEDENCE.index(r.field)), r.name)
