"""The word lists the value-quality check (quality.py) reads, apart from its code.

Plain whitespace-separated words or "|"-separated phrases, so a test can check them for
duplicates. They could move into the shared vocabulary module once it exists; nothing here
knows about the rules extractor.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def phrases(text: str) -> tuple[str, ...]:
    """Phrases, longest first, so "last week" is tried before "week"."""
    items = {" ".join(p.split()) for p in text.split("|") if p.strip()}
    return tuple(sorted(items, key=lambda p: (-len(p.split()), p)))


# Words that carry no fact on their own: a value made only of these says nothing.
FUNCTION_WORDS = words(
    """a an the to of in on at by for with from into onto about as than then so and or but nor if
    it its it's this that these those there here them they he she him her his hers we us our you your
    yours i me my mine myself is am are was were be been being do does did done have has had would
    can could should shall might must not no yes yeah yep nope ok okay oh ah um uh well just
    very really also too either neither some any all both each every much many more most one ones
    what which who whom whose when where why how up down out over off again once lol haha hmm whats
    hbu wbu"""
)
# Second-person words: a value holding one is about the other party ("your weekend").
SECOND_PERSON = words("you your yours yourself yourselves ya y'all u ur")
# Pronouns and demonstratives that need the message to be understood ("it", "this one").
NEEDS_CONTEXT = words(
    """it its this that these those them they he she him her one ones same thing things stuff
    something anything everything nothing someone everyone anyone somebody everybody"""
)
# Words that make a value a clause ("movies are my thing", "guess it would be"): no value holds them.
CLAUSE_WORDS = words(
    """is are was were am would will can could should do does did don't doesn't didn't isn't aren't wasn't
    won't can't couldn't wouldn't i i'm i've i'd i'll"""
)
# A value ending in one of these was cut mid-phrase ("baths for", "racing and"): the word goes.
# Particles that end phrasal verbs ("working out", "sleeping in") are not here.
CUT_OFF_ENDINGS = phrases("for|to|with|of|from|about|at|by|as|than|the|a|an|my|our|their|his|into|onto|and|or|but|so")
# Quantity and degree words that are no fact on their own ("hard", "a lot").
VAGUE_WORDS = words(
    """hard harder lot lots alot much more less well better best worse worst enough plenty little bit
    bunch ton tons loads again together alone late early often always never sometimes forever
    already still soon lately recently anymore basically actually literally totally definitely
    honestly seriously probably maybe kinda sorta pretty quite so such"""
)

# -- time --------------------------------------------------------------------------------
# Words that name a moment, not a fact: a value made only of these is refused.
TIME_WORDS = words(
    """today tonight tomorrow yesterday now nowadays currently lately recently soon later earlier ago
    previously sometime anymore yet already last next past few couple day days week weeks month months
    year years"""
)
# Phrases a value may end with that date it, not describe it ("cashier last week").
TRAILING_TIME_PHRASES = phrases(
    """yesterday|today|tonight|tomorrow|now|right now|just now|nowadays|currently|lately|recently|
    these days|this week|this month|this year|this weekend|last week|last month|last year|last weekend|
    last night|last time|next week|next month|next year|a while ago|a while back|some time ago|
    at the moment|at this time|at the time|for now|for the moment|for a while|for years|for ages|
    for a long time|anymore|any more|at present|so far|these past few years|since then|earlier this year|
    earlier today|back then|the other day|a few days ago|a few weeks ago|a few months ago|a few years ago|
    a couple of years ago|years ago|months ago|weeks ago|days ago|ago|one day|someday|some day|
    one of these days|eventually|in the future"""
)
# Fillers a chat sentence may trail off with ("hollister basically").
TRAILING_FILLERS = phrases(
    """basically|also|too|as well|really|anyway|anyways|lol|haha|though|actually|alot|a lot|honestly|
    literally|again|then|i guess|i think|i suppose|you know|and stuff|and all|or so|or something|
    and everything|etc|at all|much|so much|very much|later|almost|that's it|thats it|that's all|and that's it|
    like|most|the most"""
)
# Chat openers a value may start with ("well all animals").
LEADING_FILLERS = words("well yeah yes oh um uh so and but is are am was were")

# -- age -----------------------------------------------------------------------------------
NUMBER_WORDS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
        sixteen seventeen eighteen nineteen""".split()
    )
}
TENS_WORDS: dict[str, int] = {
    word: 10 * (i + 2) for i, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
# What may follow an age ("30 years old", "30 yo").
AGE_UNITS = phrases("years old|year old|yrs old|yr old|years|year|yrs|yo|y/o|y.o.|years of age")
# What, after a number in the message, makes it a count, a rating or a measure, not an age.
NOT_AGE_FOLLOWERS = words(
    """% percent per cent times x stars star points point pts out of / th st nd rd
    minutes minute hours hour days day weeks week months month feet foot ft inches inch cm m kg kgs
    lbs lb pounds pound miles mile km dollars dollar bucks k grand degrees degree kids kid children
    dogs cats pets brothers sisters siblings sons daughters cars books languages jobs"""
)
NOT_AGE_LEADERS = words("size grade level number no # top rated ranked floor room than over under about")

# -- name ----------------------------------------------------------------------------------
# Words that follow "I'm" as states, qualities or roles; never a given name.
NOT_NAME_WORDS = words(
    """motivated curious happy sad tired exhausted sleepy hungry thirsty bored busy free ready done new
    old young single married divorced retired engaged pregnant sick ill hurt alright alive dead lucky
    excited nervous scared afraid worried angry upset mad stressed anxious interested confused lost
    late early fast slow tall short big small fat thin strong weak rich poor broke alone lonely shy
    quiet loud funny serious smart lazy fine good great ok okay sorry glad sure well here there back
    home not so very too also just still really certain positive grateful thankful blessed proud
    ashamed embarrassed impressed amazed surprised jealous hopeful cool nice awesome fun bad hot cold
    warm starving stuck outside inside away off out up down open available online offline fluent
    native learning studying living staying leaving coming reading writing working playing hoping
    planning moving trying passionate ambitious driven dedicated determined organized creative
    artistic musical outgoing friendly kind honest clumsy picky messy neat clean dirty religious
    spiritual introverted extroverted introvert extrovert nerdy geeky awake asleep sober drunk calm
    wild crazy weird normal average simple humble famous healthy fit active sporty adopted homeless
    unemployed employed thrilled delighted pleased content relieved obsessed addicted hooked fan
    sucker lover person guy girl boy man woman human kid adult teen teenager vegan vegetarian
    pescatarian allergic american british english french german spanish italian canadian mexican
    puppy dog cat kitten pet baby bro dude buddy friend mate sir madam beautiful pretty cute handsome
    competitive independent patient impatient stubborn confident optimistic pessimistic sensitive
    responsible reliable careful talkative chatty obese overweight chillin chilling relaxing"""
)
# Suffixes of adjectives and participles that no common given name has.
ADJECTIVE_SUFFIXES = ("ous", "ive", "ful", "less", "able", "ible", "ated", "ized", "ised", "ious", "ical", "istic")
# Words that, next to a name in the message, mark it as an animal's.
PET_WORDS = words(
    """dog dogs doggy doggo puppy pup pups puppies cat cats kitty kitten kittens fish goldfish hamster
    parrot bird budgie rabbit bunny turtle tortoise snake lizard gecko horse pony ferret guinea pig
    pet pets retriever labrador lab poodle terrier beagle bulldog shepherd husky corgi dachshund
    chihuahua pug spaniel collie greyhound rottweiler tabby"""
)
# A third party presented to the listener: "meet X", "this is X", "say hi to X".
INTRODUCTIONS = phrases("meet|this is|that is|here is|here's|say hi to|say hello to|introducing|say hey to")
# Self-naming cues that overrule an introduction ("this is me, my name is X").
SELF_NAMING = phrases("my name is|my name's|i'm|i am|im|call me|i go by|named me|name is")

# -- location ------------------------------------------------------------------------------
PREPOSITIONS = words(
    """for to with about into onto of by from at in on near inside outside within without over under
    through during after before towards toward against among between"""
)
# A leading word that may stand before a place and be dropped ("in Lisbon").
PLACE_PREPOSITIONS = words("in at near from")
# States people are "in" that are no place ("in love", "in trouble").
NOT_PLACE_WORDS = words(
    """love trouble pain bed charge shape need process favor favour touch tune line debt danger shock
    awe agreement doubt luck mourning therapy rehab treatment recovery control heaven hell hurry fact
    general total mood way middle time place position it this that for fun class school college
    denial tears heat progress private public person advance"""
)
# Last words that make a phrase something other than a place ("the music industry", "third grade").
NOT_PLACE_HEADS = words("industry household family grade business field mood time shape trouble")

# -- skills --------------------------------------------------------------------------------
# Verbs after "can" that are no ability ("I can imagine", "I can help").
NOT_SKILL_VERBS = words(
    """imagine picture see understand relate tell believe guess think wait hear feel remember help
    say agree afford assure promise confirm try recommend suggest totally definitely only hardly barely
    not never also still always probably empathize empathise sympathize sympathise appreciate bet stand
    live sleep eat vote choose adopt go come leave get have buy retire"""
)

# -- likes ---------------------------------------------------------------------------------
# Courtesy objects and wishes to the other party ("enjoy your day", "I'd love to").
COURTESY_OBJECTS = words(
    """day weekend week evening night morning afternoon trip stay meal lunch dinner breakfast holiday
    holidays vacation time chat talk talking chatting idea sound answer question reply advice help
    company thought thoughts suggestion offer"""
)

# -- goals ---------------------------------------------------------------------------------
# Verbs that, alone, leave out what they are about ("to visit" what?).
OBJECTLESS_VERBS = words("visit learn buy get make do go see try find have become start own study")

# People a user has, not things they like ("I love my sister" is family, not a like).
RELATIVES = words(
    """wife husband spouse partner son sons daughter daughters kid kids child children baby babies
    mother mom mum father dad parents brother brothers sister sisters sibling siblings grandma
    grandmother grandpa grandfather grandparents grandkids grandchildren aunt uncle cousin cousins
    nephew niece fiance fiancee boyfriend girlfriend family"""
)

# -- role and employer ---------------------------------------------------------------------
# Nouns after "I'm a …" that are no occupation ("a sucker for", "a big fan of").
NOT_ROLE_WORDS = words(
    """sucker fan lover fool person people guy girl boy man woman lady dude kid child baby human being
    type kind sort bit lot mess owl bird member part one native beginner believer loner homebody
    introvert extrovert nerd geek junkie addict freak snob buff enthusiast blonde brunette redhead vegan
    vegetarian carnivore eater amateur dad father mom mother husband wife stay"""
)

# First words of a place of work that is none ("home with the kids").
NOT_EMPLOYER_STARTS = words("home myself")

# -- comparing values ----------------------------------------------------------------------
# Words a value may start with that do not change what it names ("the Beatles", "my dog").
LEADING_DETERMINERS = phrases("a|an|the|my|our|some|any|all|most|lots of|a lot of|plenty of|all kinds of")
# Ways of consuming a thing: liking "drinking beer" is liking beer, for polarity.
CONSUMING_GERUNDS = phrases(
    """eating|drinking|having|listening to|watching|reading|playing|doing|going to|hearing|tasting"""
)
