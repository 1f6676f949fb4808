"""Every word list the rule-based extractor and the gates share, apart from the rows that use them.

Lists are plain words (whitespace-separated) or phrases ("|"-separated), kept as tuples so
that tests/test_rules_table.py can check them for duplicates; code reads the frozen sets or
the regex alternations built from them here. Nothing in this module knows about fields.
"""

from __future__ import annotations

import re


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def phrases(text: str) -> tuple[str, ...]:
    return tuple(" ".join(p.split()) for p in text.split("|") if p.strip())


def alternation(items: tuple[str, ...]) -> str:
    """A regex alternation of literal words or phrases, longest first (so "kind of" beats "kind")."""
    ordered = sorted(items, key=len, reverse=True)
    return "|".join(re.escape(i).replace(r"\ ", r"\s+") for i in ordered)


# -- requests: verbs that open a task ("Write…", "Give me…"); the cost gate uses them too --
TASK_VERB_WORDS = words(
    """give tell show explain write find list identify translate summarise summarize generate create make
    describe compose draft suggest recommend convert calculate compute classify rewrite fix debug implement
    design provide solve check review edit correct complete notify remind let help teach send answer define
    compare"""
)
TASK_VERBS = alternation(TASK_VERB_WORDS)

# -- adverbs that may stand between "I" and a verb ("I really just love …") -------------------
ADVERB_PHRASES = phrases(
    """really|also|absolutely|just|do|truly|totally|genuinely|still|actually|simply|especially|kind of|
    kinda|sort of|honestly|definitely|very much|mostly|usually|often|always|now|currently|so|too|all|only|
    finally|even|sometimes|generally|mainly|particularly|pretty much|certainly|literally|both|recently|
    strongly|regularly|already|hopefully"""
)

LANGUAGES = words(
    """english spanish french german italian portuguese dutch russian ukrainian polish czech slovak
    hungarian romanian bulgarian greek turkish arabic hebrew persian farsi hindi urdu bengali punjabi
    tamil telugu marathi gujarati kannada malayalam chinese mandarin cantonese japanese korean
    vietnamese thai indonesian malay tagalog filipino swahili amharic yoruba zulu afrikaans swedish
    norwegian danish finnish icelandic estonian latvian lithuanian serbian croatian bosnian slovenian
    albanian macedonian catalan basque galician irish welsh gaelic latin esperanto asl espanol
    nepali sinhala khmer lao burmese mongolian kazakh uzbek georgian armenian azerbaijani igbo hausa
    xhosa somali tigrinya oromo kinyarwanda lingala wolof malagasy quechua guarani maori samoan tongan
    hawaiian pashto dari kurdish sindhi twi akan ewe fante"""
)
RELATIVES = words(
    """wife husband spouse partner son sons daughter daughters kid kids child children baby babies twin twins
    mother mom mum father dad parents brother brothers sister sisters sibling siblings
    grandma grandmother grandpa grandfather grandparents grandkids grandchildren grandson grandsons
    granddaughter granddaughters aunt aunts uncle uncles cousin cousins nephew nephews niece nieces
    fiance fiancee fiancé fiancée boyfriend girlfriend stepson stepsons stepdaughter stepdaughters stepmom stepdad
    hubby wifey missus kiddo kiddos"""
)
# Pet names for a partner or a child, stored as the plain word (a break-up removes "husband", not "hubby").
# ("bf", "gf" are left out: "my bf" is often a best friend, "gf" gluten-free.)
KIN_SLANG = {
    "hubby": "husband", "wifey": "wife", "missus": "wife", "kiddo": "kid", "kiddos": "kids", "other half": "partner",
}  # fmt: skip
# Relatives whose first name is worth keeping with them ("wife Sofia").
# What ends a relation or tells it is gone, said after "my husband …", "my girlfriend …" at a
# clause's start: no such relative now ("my boyfriend dumped me", "my grandpa passed away").
PARTED_VERBS = phrases(
    """left me|dumped me|broke up|split up|split from me|divorced me|divorced|cheated|walked out|ran off|
    moved out|passed away|passed on|passed|died|dead|deceased|is gone|was killed|got killed|lost|ex"""
)
# Who may be named with no "my" before them, as in "Wife Ines and I moved" (not "Sister Maria", "Brother
# Tom": titles in a church or an order).
BARE_NAMED_KIN = words(
    "wife husband partner fiance fiancee fiancé fiancée boyfriend girlfriend son daughter missus hubby"
)
PARTNERS_AND_CHILDREN = words(
    "wife husband spouse partner son daughter fiance fiancee fiancé fiancée boyfriend girlfriend kid child baby"
    " hubby wifey missus kiddo"
    " grandson granddaughter grandchild sister brother"
)
# Where or how one works that names no employer: "I'm working in the garden", "in the
# kitchen", "in a team of five", "in the dark".
WORK_SETTINGS = words(
    """garden backyard yard garage shed attic basement bedroom kitchen lounge loft den dark rain sun shade
    background team teams group groups pairs shifts silence bed cloud"""
)
RELATIVE_ADJECTIVES = words(
    """older younger little big baby step twin grown amazing lovely wonderful beautiful two three four five six
    seven eight nine ten several many teenage teen adult"""
)
PETS = words(
    """dog dogs puppy puppies cat cats kitten kittens kitty fish goldfish hamster hamsters parrot parrots bird birds
    budgie budgies rabbit rabbits bunny bunnies turtle turtles tortoise tortoises snake snakes lizard lizards gecko
    geckos iguana iguanas horse horses ponies pony ferret ferrets chicken chickens goat goats pig pigs
    cow cows mice rat rats hedgehog hedgehogs chinchilla chinchillas retriever retrievers labrador labradors lab labs
    poodle poodles terrier terriers beagle beagles bulldog bulldogs shepherd shepherds huskies husky corgi corgis
    dachshund dachshunds chihuahua chihuahuas pug pugs spaniel spaniels collie collies greyhound greyhounds
    rottweiler rottweilers tabby siamese axolotl axolotls tarantula tarantulas cockatiel cockatiels canaries canary
    alpaca alpacas llama llamas donkey donkeys pet pets"""
)
PET_PHRASES = phrases("guinea pig|guinea pigs")
NUMBER_WORDS = words("a an one two three four five six seven eight nine ten several many some")
HOBBY_VERB_PHRASES = phrases(
    """ride|paint|draw|knit|sew|bake|cook|hike|fish|hunt|surf|swim|dance|sing|garden|volunteer|sketch|
    crochet|quilt|camp|ski|skate|climb|jog|bowl|sail|kayak|golf|meditate|write poetry|write stories|
    read books|read novels|run marathons|play music|collect|make music|produce music|compose music|write music|
    write songs|record music|make beats|produce beats"""
)

# Lasting things a person owns (item 3 of issue 9): vehicles, instruments, a business.
VEHICLES = words(
    """car cars truck trucks pickup van jeep suv motorcycle motorbike motorcycles scooter convertible minivan bicycle
    bike ebike e-bike campervan motorhome caravan
    camper rv boat yacht sailboat bmw toyota honda ford mustang tesla nissan subaru volkswagen vw audi mercedes
    porsche ferrari lamborghini harley chevy chevrolet corvette camaro prius corolla civic jaguar volvo mazda
    hyundai kia lexus cadillac dodge buick pathfinder f150 beetle mini vespa tractor"""
)
INSTRUMENTS = words(
    """piano guitar violin cello drums drum kit ukulele banjo saxophone sax trumpet flute clarinet harp
    keyboard bass accordion harmonica mandolin trombone synthesizer"""
)
BUSINESSES = words(
    """business company shop store bakery cafe café restaurant bar salon studio farm firm startup agency
    practice clinic gym boutique brewery winery bookstore ranch vineyard orchard nursery kennel kennels pub
    hotel guesthouse workshop garage consultancy bookshop"""
)
DIETS = words("vegetarian vegan pescatarian pescetarian keto paleo carnivore omnivore")
# What one takes lessons or classes in ("I'm taking salsa classes"): a subject, never a time or a manner.
LESSON_SUBJECTS = words(
    """dance dancing swimming cooking art pottery yoga driving singing voice ballet salsa tango tennis golf surf
    surfing boxing karate judo acting drawing painting photography coding riding flying sailing climbing skiing
    sign"""
)
# Pastimes told as what one is usually doing ("I'm usually knitting by then"). Gerunds that also
# tell of errands or states ("running late", "writing emails", "walking out") are left out.
PASTIME_GERUNDS = words(
    """reading playing watching listening cooking baking gardening painting drawing hiking cycling swimming
    knitting fishing gaming dancing singing sketching climbing surfing skating jogging crocheting sewing
    tinkering woodworking birdwatching"""
)
# Pastimes told by doing them now or by having just done them ("just got back from walking my dog",
# "I've been playing ping pong"): the pastime gerunds and a few more that only this telling makes safe
# ("running" and "training" are left out: "running late", "training new staff").
ACTIVITY_GERUNDS = PASTIME_GERUNDS + words(
    """coaching volunteering practicing practising walking biking riding skiing snowboarding bowling camping
    hunting sailing kayaking rowing golfing bouldering skateboarding"""
)
# Of those, the ones that say nothing without what is played or watched ("just playing", "walking to work").
ACTIVITY_GERUNDS_NEEDING_OBJECT = words("playing watching listening walking riding practicing practising coaching")
# What such a gerund is done to when it is a chore or an idiom, not a pastime ("cooking dinner", "drawing a blank").
# What is learnt for one show or one new start, after "learning the" ("the lyrics for karaoke night",
# "the choreography for the flash mob", "the ropes at the new job"): no lasting goal.
PIECES_OF_ONE_SHOW = words("lyrics choreography lines steps routine script speech ropes moves")
NOT_PASTIME_OBJECTS = words(
    """dinner lunch breakfast supper meal meals tea house room kitchen bathroom garage fence walls wall blank
    compliments attention catch along manual instructions recipe news email emails letter report menu label
    labels contract reviews comments minutes agenda receipt receipts forms"""
)
# Verbs after "I'd rather" that choose a turn of the talk or a way out, not a taste ("I'd rather not say",
# "I'd rather talk about something else", "I'd rather die").
NOT_RATHER_VERBS = words(
    """talk discuss chat ask hear know wait pay leave skip say tell answer think change keep die quit stop
    sleep forget avoid pass move deal"""
)
# Things named with "and" that are one thing, never two items ("fish and chips", not "fish", "chips").
COMPOUND_ITEMS = phrases(
    """fish and chips|mac and cheese|macaroni and cheese|rock and roll|rhythm and blues|drum and bass|
    peanut butter and jelly|salt and vinegar|cookies and cream|strawberries and cream|peaches and cream|
    biscuits and gravy|chips and salsa|rice and beans|bangers and mash|surf and turf|sweet and sour|
    bacon and eggs|ham and cheese|cheese and crackers|milk and cookies|spaghetti and meatballs|
    chicken and waffles|shrimp and grits|pie and mash|gin and tonic|rum and coke|arts and crafts|
    dungeons and dragons|hide and seek|cops and robbers|pride and prejudice|war and peace|
    crime and punishment|law and order|tom and jerry|simon and garfunkel|hall and oates|
    mumford and sons|country and western|black and white films|black and white movies|
    black and white photography|pen and paper games"""
)
# Sports and disciplines one "does" ("I do judo"): a closed list, since "I do X" is mostly no pastime.
DONE_SPORTS = phrases(
    """karate|judo|taekwondo|jiu jitsu|jiu-jitsu|jujitsu|kickboxing|aikido|kung fu|muay thai|krav maga|capoeira|
    crossfit|pilates|fencing|parkour|gymnastics|archery|triathlons|triathlon|marathons|ironman races|tai chi|
    zumba|ballet|calisthenics|powerlifting|weightlifting|bouldering|parkrun|spin|spinning|boxing"""
)
# Games and sports played in teams, leagues and matches ("my softball game", "our chess club").
PLAYED_SPORTS = phrases(
    """soccer|football|baseball|basketball|softball|hockey|ice hockey|tennis|volleyball|rugby|cricket|golf|
    bowling|chess|darts|lacrosse|netball|badminton|squash|handball|water polo|ping pong|table tennis|dodgeball|
    kickball|pickleball|frisbee|ultimate frisbee|curling|swim|track|debate"""
)
# Diets followed "on a … diet" or "eat a … diet" (none that tells of an illness, like gluten-free).
NAMED_DIETS = phrases(
    """keto|ketogenic|paleo|vegan|vegetarian|pescatarian|plant based|plant-based|mediterranean|raw food|
    whole food|whole foods|carnivore|low carb|low-carb"""
)
# Animals kept in numbers ("I raise goats", "we keep bees"): kept, bred or raised, not pets alone.
KEPT_ANIMALS = words(
    """chickens hens goats sheep cattle cows pigs horses bees alpacas llamas ducks rabbits dogs cats quail
    turkeys geese ponies donkeys"""
)
# Chores and work, never a pastime however often done ("laundry is what I do on weekends").
CHORES = words(
    """chores chore cleaning laundry housework errands homework paperwork ironing vacuuming dishes emails email
    meetings meeting work overtime groceries taxes admin commuting studying revising"""
)
# How one's hair or eyes look, lastingly ("long red hair", "hazel eyes"; not "messy hair", a state of the day).
LOOKS_ADJECTIVES = words(
    """blonde blond brown black red auburn ginger grey gray white silver pink purple blue green teal orange rainbow
    dark light golden hazel strawberry dirty platinum long short curly straight wavy thick thin frizzy spiky
    shaved bald braided natural big bright"""
)
# What a person is called by the colour of their hair ("I'm a natural redhead").
HAIR_NOUNS = words("blonde blond brunette redhead ginger")
# Where one goes every day or week without it being a pastime ("I go to work every day").
NOT_HABIT_PLACES = words(
    """work school bed sleep class classes college uni university office doctor dentist store shop
    supermarket bathroom toilet town hospital court job meetings meeting"""
)

# Words that follow "I'm" but are states, not names.
NOT_NAMES = words(
    """a an the not so very too also just still really here there back home good fine well ok okay great
    sure sorry glad happy sad tired exhausted sleepy hungry thirsty bored busy free ready done new old
    young single married divorced retired engaged pregnant sick ill hurt alright alive dead lucky
    excited nervous scared afraid worried angry upset mad stressed anxious curious interested
    confused lost late early fast slow tall short big small fat thin strong weak rich poor broke
    alone lonely shy quiet loud funny serious smart dumb lazy blind deaf vegan vegetarian allergic
    from in at on into with about like going trying doing working looking thinking getting feeling
    currently now always never sometimes usually probably maybe kinda sort kind same fan one
    all both only actually literally definitely totally pretty quite rather somewhat almost
    american british english french german spanish italian canadian mexican chinese japanese
    korean indian russian irish scottish african asian european australian brazilian
    christian muslim jewish catholic buddhist hindu atheist gay straight bi lesbian trans
    human male female man woman guy girl boy person adult kid teen teenager certain positive
    unsure aware able unable right wrong correct grateful thankful blessed proud ashamed embarrassed
    impressed amazed surprised jealous hopeful more less much many most better worse best worst
    cool nice awesome fun bad hot cold warm starving dying stuck outside
    ceo cto cfo coo cmo cio vp head director chief founder cofounder co-founder chair president
    inside away off out over up down open closed available unavailable online offline fluent native
    learning studying living staying leaving coming reading writing listening watching playing
    hoping planning moving retiring self myself yours his hers theirs ours
    what who how why where when which that this those these it its blonde brunette redhead gone perfect
    beautiful ugly cute handsome healthy fit active sporty creative artistic musical outgoing
    friendly mean rude honest unlucky clumsy picky messy neat clean dirty organized
    religious spiritual political liberal conservative independent introverted extroverted nerdy geeky
    awake asleep sober drunk high low full empty safe calm wild crazy weird normal strange odd
    average simple humble wealthy famous popular bald grey gray skinny chubby
    pescatarian lactose gluten diabetic autistic adopted homeless jobless unemployed employed
    heartbroken gutted shattered knackered shaken broken beat
    expecting pumped stoked psyched thrilled delighted pleased content relieved
    unwell terrible horrible awful motivated determined passionate driven ambitious hardworking
    absolutely thanks thank twenty thirty forty fifty sixty seventy eighty ninety hundred game
    nobody noone somebody someone everybody everyone anybody anyone
    nigerian ghanaian kenyan ethiopian egyptian moroccan algerian tunisian sudanese ugandan tanzanian
    cameroonian senegalese pakistani bangladeshi nepalese lankan iranian iraqi syrian lebanese israeli
    palestinian jordanian saudi emirati afghan malaysian singaporean indonesian vietnamese filipina
    argentinian argentine chilean colombian peruvian venezuelan cuban jamaican dominican
    ecuadorian bolivian uruguayan paraguayan swedish norwegian danish finnish dutch belgian swiss
    austrian portuguese greek turkish polish czech slovak hungarian romanian bulgarian ukrainian
    serbian croatian bosnian albanian welsh scandinavian latina latino hispanic
    click tap press sign start look come stop go read check see put sit stay wait hang scroll type enter post reply"""
)
ADJECTIVE_SUFFIXES = ("ed", "ing", "ful", "less", "ous", "ive", "able", "ible", "ish", "ly", "est", "ic", "al")
NOT_ROLES = words(
    """person people guy girl boy man woman lady gal dude kid child baby human being fan lover type
    kind sort bit lot little huge big fun nice good great bad mess morning night owl early bird
    member part one male female adult teen teenager native fluent beginner believer fool loner
    couch potato homebody introvert extrovert sucker softie sap glutton nerd geek junkie addict eater sleeper reader
    talker drinker learner dreamer soul terrible awful horrible lousy decent poor excellent amazing fantastic
    average okay mediocre londoner northerner southerner expat foodie optimist pessimist perfectionist brit
    slave victim survivor prisoner hostage regular creature legend disappointment stranger newbie noob suspect
    target embarrassment burden joke nightmare wolf butterfly"""
)
NOT_PLACES = words(
    """a an the love trouble pain bed school college high grad charge shape need process favor
    favour touch tune town line debt danger shock awe agreement doubt luck mourning therapy
    rehab treatment recovery control heaven hell hurry fact general total good bad my your tears
    time place position mood way middle his her their our this that these those it class court church
    for on to of about by at into with from like car van house apartment flat home tent dorm trailer basement
    shelter room between future past python javascript typescript golang kotlin haskell elixir sql
    hospital hospice prison jail quarantine isolation labour labor surgery detention custody
    sales finance marketing meetings meeting calls call lectures lecture traffic work
    fear terror dread sin squalor poverty misery limbo bubble denial"""
)
# Besides NOT_PLACE_HEADS, last words of what one grows up in or comes from that is no place
# ("a sporting background", "a strict environment").
NOT_ORIGIN_HEADS = words("background backgrounds environment culture generation era scene circles families households")
# Roles that end like adjectives ("-ic", "-ive", "-ed"), so the adjective test must let them through.
ROLE_NOUNS_LIKE_ADJECTIVES = words(
    "mechanic medic paramedic critic cleric comic detective executive representative relative operative"
)
AFFIRMATION_PHRASES = phrases(
    """hi|hello|hey|yes|yeah|yep|yup|no|nope|nah|oh|ah|well|ok|okay|cool|nice|wow|lol|haha|good|
    great|sure|thanks|thank you|so|and|also|actually|honestly|anyway|hmm|um|true|right|same|awesome|
    interesting|indeed|fine|doing great|doing good|i see|i bet|congrats|sorry|heh|ha|hey there|hi there|
    hello there|big news|guess what|fun fact|by the way|btw|how nice|how cool|how fun|how awesome|what fun|
    not bad|not too bad|pretty good|doing well|doing fine|not much|nothing much|all good"""
)

# A value ends where one of these starts: "Python because it's fun" -> "Python".
TRAILING_CLAUSE_PHRASES = phrases(
    """because|since|cause|cuz|when|while|whenever|although|though|but|so|which|who|whom|that|where|too|if|unless|
    until|after|before|then|lol|haha|i|you|it's|its|everyday|anymore|now|especially|even|myself|btw|honestly|here|
    there|sometimes|nowadays|as well|or so|and i|and my|and it|and you|and we|and they|and that|it is|what about|
    how about|do you|are you|for a living|for fun|every day|all day|all the time|a lot|very much|right now|
    these days|at the moment|from now on|any more|in my free time|in my spare time|on weekends|on the weekend|
    on the weekends|at night|by the way|as a hobby|with my|with a|with some|to be honest|for a long time|for years|
    for ages|yesterday|today|tonight|tomorrow|last week|last month|last year|last night|this week|this month|
    this year|this morning|next week|next month|next year|at this time|basically|at all|thanks|thank you|
    nice to meet you|lately|recently|ago|once|every week|every year|every morning|also|as a|as an|the most|the best|
    most of all|over|rather than|instead of|more than|most days|at the age|one day|some day|someday|on it|with it|
    in it|for it|about it|to it|on them|with them|for them|better|instead|tho|he's|she's|they're|we're|he is|
    she is|they are|we are"""
)
# Time words: a value that is one of these, or ends in one, is no lasting fact.
TIME_WORDS = words(
    """yesterday today tonight tomorrow week weekend month year morning afternoon evening night now lately
    recently ago soon later moment minute hour day days weeks months years time"""
)
WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday")
MONTHS_AND_SEASONS = words(
    """january february march april may june july august september october november december spring summer
    autumn fall winter"""
)
PRONOUNS = words(
    "it that this these those them you him her me us everything anything nothing something stuff things one mine yours"
)
# A value that starts with one of these is a pronoun or a negation, not a fact.
LEADING_NON_VALUES = words(
    "not no never any it that this them you him her me us they he she your yours mine those these near between"
)
# Words that make a value a function-word husk ("to", "so", "why"): never a value alone.
FUNCTION_WORDS = words(
    """a an the to of in on at by for with from up so why how what when where who it this that these those
    and or but if as is are was be do did done too very much more most some any all both each either
    neither one ones here there then than just only also well yes no not ok okay yeah playing doing going being
    having getting making trying spending"""
)
NOT_AGE_UNITS = words(
    """% minute minutes min mins hour hours hr hrs day days week weeks month months km mile miles kg lb lbs
    pound pounds feet ft inches cm dollar dollars euro euros time times people kids children am pm o'clock
    th st nd rd percent degree degrees point points grand k"""
)

# After "I can …": verbs of perception, help and hedging, not skills ("I can imagine…").
NOT_SKILL_VERBS = words(
    """see tell help do get go imagine picture understand try come be hear say make relate only not never feel
    think guess give send show find use take ask wait believe barely hardly speak have also still you in afford
    let put keep call meet talk check look read eat sleep stay leave totally definitely really relax
    recommend suggest assure promise bet sense smell taste remember stand"""
)
# After "I know …": what is known is not a skill.
NOT_KNOWN_THINGS = words(
    """that what how why who where when you it right about the a an him her them this i if so some something
    someone somewhere nothing everything many lots people things exactly more less much my his their all
    too plenty enough pain feeling struggle truth answer way drill story joke"""
)
# After "I want to be …": states, not goals.
NOT_GOAL_STATES = words(
    "able sure clear done careful honest there here back ready on in at with home alone left more less"
)
# "Enjoy your weekend": wishes to the other party, not the user's likes.
COURTESY_OBJECTS = words(
    """your yours weekend day evening night trip meal stay holiday holidays vacation time break flight ride
    visit dinner lunch breakfast party"""
)
# People whose pet is not the user's ("my roommates dog").
PET_OWNERS = words(
    """friend friends roommate roommates neighbor neighbors neighbour neighbours boss girlfriend girlfriends
    boyfriend boyfriends sister sisters brother brothers mom moms dad dads parents cousin cousins aunt aunts
    uncle uncles grandma grandmas grandpa grandpas son sons daughter daughters wife wifes husband husbands kid
    kids"""
)
# An item that starts with one of these is a clause about the thing, not the thing ("reminds me of …").
# (and in the past: "I hate mondays" and got 10k upvotes", "love pasta and went back for more")
CLAUSE_VERBS = words(
    """reminds makes keeps gives helps means sounds looks feels seems takes gets
    got went said was were did made took came told gave"""
)
# Verbs that say a like is a relation with a person, not a taste ("I love my sister").
LIKE_VERBS = words("love like enjoy adore prefer dig")


# -- the value-quality check (quality.py): what a stored value may not be ------------------
# Frozen sets for membership tests, and phrase tuples longest first ("last week" before
# "week"). Names that the extractor's lists above already use carry a VALUE_ prefix: the
# two lists differ on purpose (a value check refuses more than a pattern row excludes).


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def longest_first(text: str) -> tuple[str, ...]:
    """Phrases, longest first, so "last week" is tried before "week"."""
    items = {" ".join(p.split()) for p in text.split("|") if p.strip()}
    return tuple(sorted(items, key=lambda p: (-len(p.split()), p)))


# Words that carry no fact on their own: a value made only of these says nothing.
VALUE_FUNCTION_WORDS = word_set(
    """a an the to of in on at by for with from into onto about as than then so and or but nor if
    it its it's this that these those there here them they he she him her his hers we us our you your
    yours i me my mine myself is am are was were be been being do does did done have has had would
    can could should shall might must not no yes yeah yep nope ok okay oh ah um uh well just
    very really also too either neither some any all both each every much many more most one ones
    what which who whom whose when where why how up down out over off again once lol haha hmm whats
    hbu wbu"""
)
# Second-person words: a value holding one is about the other party ("your weekend").
SECOND_PERSON = word_set("you your yours yourself yourselves ya y'all u ur")
# Pronouns and demonstratives that need the message to be understood ("it", "this one").
NEEDS_CONTEXT = word_set(
    """it its this that these those them they he she him her one ones same thing things stuff
    something anything everything nothing someone everyone anyone somebody everybody"""
)
# Words that make a value a clause ("movies are my thing", "guess it would be"): no value holds them.
CLAUSE_WORDS = word_set(
    """is are was were am would will can could should do does did don't doesn't didn't isn't aren't wasn't
    won't can't couldn't wouldn't i i'm i've i'd i'll"""
)
# A value ending in one of these was cut mid-phrase ("baths for", "racing and"): the word goes.
# Particles that end phrasal verbs ("working out", "sleeping in") are not here.
CUT_OFF_ENDINGS = longest_first(
    "for|to|with|of|from|about|at|by|as|than|the|a|an|my|our|their|his|into|onto|and|or|but|so"
)
# Quantity and degree words that are no fact on their own ("hard", "a lot").
VAGUE_WORDS = word_set(
    """hard harder lot lots alot much more less well better best worse worst enough plenty little bit
    bunch ton tons loads again together alone late early often always never sometimes forever
    already still soon lately recently anymore basically actually literally totally definitely
    honestly seriously probably maybe kinda sorta pretty quite so such"""
)

# -- time --------------------------------------------------------------------------------
# Words that name a moment, not a fact: a value made only of these is refused.
VALUE_TIME_WORDS = word_set(
    """today tonight tomorrow yesterday now nowadays currently lately recently soon later earlier ago
    previously sometime anymore yet already last next past few couple day days week weeks month months
    year years"""
)
# Phrases a value may end with that date it, not describe it ("cashier last week").
TRAILING_TIME_PHRASES = longest_first(
    """yesterday|today|tonight|tomorrow|now|right now|just now|nowadays|currently|lately|recently|
    these days|this week|this month|this year|this weekend|last week|last month|last year|last weekend|
    last night|last time|next week|next month|next year|a while ago|a while back|some time ago|
    at the moment|at this time|at the time|for now|for the moment|for a while|for years|for ages|
    for a long time|anymore|any more|at present|so far|these past few years|since then|earlier this year|
    earlier today|back then|the other day|a few days ago|a few weeks ago|a few months ago|a few years ago|
    a couple of years ago|years ago|months ago|weeks ago|days ago|ago|one day|someday|some day|
    one of these days|eventually|in the future|in january|in february|in march|in april|in may|in june|in july|
    in august|in september|in october|in november|in december|this spring|this summer|this autumn|this fall|
    this winter|next spring|next summer|next autumn|next fall|next winter"""
)
# Fillers a chat sentence may trail off with ("hollister basically").
TRAILING_FILLERS = longest_first(
    """basically|also|too|as well|really|anyway|anyways|lol|haha|though|actually|alot|a lot|honestly|fr|tbh|ngl|lmao|
    no cap|fr fr|
    literally|again|then|i guess|i think|i suppose|you know|and stuff|and all|or so|or something|
    and everything|etc|at all|much|so much|very much|later|almost|that's it|thats it|that's all|and that's it|
    like|most|the most"""
)
# Chat openers a value may start with ("well all animals").
LEADING_FILLERS = word_set("well yeah yes oh um uh so and but is are am was were")

# -- age -----------------------------------------------------------------------------------
VALUE_NUMBER_WORDS: dict[str, int] = {
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
AGE_UNITS = longest_first("years old|year old|yrs old|yr old|years|year|yrs|yo|y/o|y.o.|years of age")
# What, after a number in the message, makes it a count, a rating or a measure, not an age.
NOT_AGE_FOLLOWERS = word_set(
    """% percent per cent times x stars star points point pts out of / th st nd rd
    minutes minute hours hour days day weeks week months month feet foot ft inches inch cm m kg kgs
    lbs lb pounds pound miles mile km dollars dollar bucks k grand degrees degree kids kid children
    dogs cats pets brothers sisters siblings sons daughters cars books languages jobs
    pages page chapters chapter steps seconds episodes levels laps reps sets games words emails calls
    meters metres kilos grams liters litres lessons tickets items"""
)
NOT_AGE_LEADERS = word_set("size grade level number no # top rated ranked floor room than over under about")

# -- name ----------------------------------------------------------------------------------
# Words that follow "I'm" as states, qualities or roles; never a given name.
NOT_NAME_WORDS = word_set(
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
    responsible reliable careful talkative chatty obese overweight chillin chilling relaxing
    toast history beat doomed screwed swamped slammed knackered shattered wiped"""
)
# Suffixes of adjectives and participles that no common given name has.
VALUE_ADJECTIVE_SUFFIXES = (
    "ous",
    "ive",
    "ful",
    "less",
    "able",
    "ible",
    "ated",
    "ized",
    "ised",
    "ious",
    "ical",
    "istic",
)
# Words that, next to a name in the message, mark it as an animal's.
PET_WORDS = word_set(
    """dog dogs doggy doggo puppy pup pups puppies cat cats kitty kitten kittens fish goldfish hamster
    parrot bird budgie rabbit bunny turtle tortoise snake lizard gecko horse pony ferret guinea pig
    pet pets retriever labrador lab poodle terrier beagle bulldog shepherd husky corgi dachshund
    chihuahua pug spaniel collie greyhound rottweiler tabby"""
)
# A third party presented to the listener: "meet X", "this is X", "say hi to X".
INTRODUCTIONS = longest_first("meet|this is|that is|here is|here's|say hi to|say hello to|introducing|say hey to")
# Self-naming cues that overrule an introduction ("this is me, my name is X").
SELF_NAMING = longest_first("my name is|my name's|i'm|i am|im|call me|i go by|named me|name is")

# -- location ------------------------------------------------------------------------------
PREPOSITIONS = word_set(
    """for to with about into onto of by from at in on near inside outside within without over under
    through during after before towards toward against among between"""
)
# A leading word that may stand before a place and be dropped ("in Lisbon").
PLACE_PREPOSITIONS = word_set("in at near from")
# States people are "in" that are no place ("in love", "in trouble").
NOT_PLACE_WORDS = word_set(
    """love trouble pain bed charge shape need process favor favour touch tune line debt danger shock
    awe agreement doubt luck mourning therapy rehab treatment recovery control heaven hell hurry fact
    general total mood way middle time place position it this that for fun class school college
    denial tears heat progress private public person advance
    hot water deep pickle rut jam bind doghouse loop zone dark limbo funk slump daze weeds clouds just got"""
)
# Last words that make a phrase something other than a place ("the music industry", "third grade").
# A post named without an article: "I'm head of HR", "I'm CTO at Pleo" (never a name).
TITLE_POSTS = (
    r"(?:head|director|chief\s+[\w-]+\s+officer|ceo|cto|cfo|coo|cmo|cio|vp|vice\s+president|co-?founder|founder"
    r"|chair(?:man|woman|person)?|president|principal|dean|editor[- ]in[- ]chief|managing\s+director)"
)
NOT_PLACE_HEADS = word_set(
    "industry household family grade business field mood time shape trouble"
    # a move at work: "moved to a new desk", "moved to the night team"
    " desk team department role position job shift seat floor project"
    # a workplace moved to is no home: "moved from the hospital to a GP practice"
    " practice clinic firm company agency branch lab ward unit startup"
)
# Settlement words that, alone or after an article, say nothing of where ("the city", "a farm":
# which one?). With a name or a modifier they are a place ("a small town", "horse farm"). "The
# country" is left out: it says rural, as "the suburbs" say where.
BARE_PLACE_NOUNS = word_set(
    """city town village area region state place neighborhood neighbourhood farm ranch world
    planet home house apartment flat building street road island continent"""
)

# -- skills --------------------------------------------------------------------------------
# Verbs after "can" that are no ability ("I can imagine", "I can help").
VALUE_NOT_SKILL_VERBS = word_set(
    """imagine picture see understand relate tell believe guess think wait hear feel remember help
    say agree afford assure promise confirm try recommend suggest totally definitely only hardly barely
    not never also still always probably empathize empathise sympathize sympathise appreciate bet stand
    live sleep eat vote choose adopt go come leave get have buy retire"""
)

# -- likes ---------------------------------------------------------------------------------
# Courtesy objects and wishes to the other party ("enjoy your day", "I'd love to").
VALUE_COURTESY_OBJECTS = word_set(
    """day weekend week evening night morning afternoon trip stay meal lunch dinner breakfast holiday
    holidays vacation time chat talk talking chatting idea sound answer question reply advice help
    company thought thoughts suggestion offer"""
)

# What one "has" that is no thing owned: a passing state, an errand, an ailment, a thought
# ("I have a question", "I have a meeting at noon", "I have a headache").
NOT_POSSESSIONS = word_set(
    """question questions idea ideas clue time meeting meetings appointment appointments headache cold flu
    fever cough problem problems issue issues work job homework chores errands plan plans chance feeling
    feelings doubt doubts dream dreams day week weekend exam test deadline shift date class lesson call
    interview surgery trip break rest nap"""
)
# Nouns that, after "the", "this" or "your", stand for one thing only the conversation named ("I'm a
# fan of the show", "I enjoy the process"): alone they are no preference a reader understands.
REFERRING_NOUNS = word_set(
    """show game movie book song album episode series season story process way sound idea plan part
    look feeling vibe concept view article video picture post chapter scene ending place spot match
    smell scent taste texture"""
)
# Moods and passing states ("I like being happy", "I love cozy"): how one feels, not what one likes.
MOOD_WORDS = word_set(
    """happy sad glad relaxed calm comfortable cozy cosy content tired bored lazy sleepy hungry full busy
    excited nervous upset stressed good great fine nice okay ok"""
)
# States one may want to reach ("I want to be rich"): a goal that is one of these alone is
# stored as "be rich", not "rich".
STATE_GOALS = word_set(
    """rich wealthy famous healthy healthier successful fit fitter thin thinner skinny strong stronger
    independent free better happier calmer kinder smarter married pregnant retired sober debt-free"""
)
# The gerunds that "being", "feeling" and "getting" a mood open with.
MOOD_VERBS = word_set("being feeling getting staying keeping")
# Gerunds of light verbs that say nothing without their object ("I like to stay in" read as
# "staying", "I love seeing you happy" as "seeing", "doing things").
LIGHT_GERUNDS = word_set(
    "being doing getting having making taking going staying seeing watching trying keeping putting giving using"
)

# -- goals ---------------------------------------------------------------------------------
# Verbs that, alone, leave out what they are about ("to visit" what?).
OBJECTLESS_VERBS = word_set("visit learn buy get make do go see try find have become start own study")

# People one sees at work, school or in life: "I love my patients" speaks of them, not of a thing liked.
PEOPLE_AROUND = word_set(
    """friend friends bestie students pupils patients clients customers coworkers co-workers colleagues
    neighbors neighbours teammates roommate roommates classmates fans followers employees staff"""
)
# People a user has, not things they like ("I love my sister" is family, not a like).
VALUE_RELATIVES = word_set(
    """wife husband spouse partner son sons daughter daughters kid kids child children baby babies
    mother mom mum father dad parents brother brothers sister sisters sibling siblings grandma
    grandmother grandpa grandfather grandparents grandkids grandchildren aunt uncle cousin cousins
    nephew niece fiance fiancee boyfriend girlfriend family"""
)

# -- role and employer ---------------------------------------------------------------------
# Nouns after "I'm a …" that are no occupation ("a sucker for", "a big fan of").
NOT_ROLE_WORDS = word_set(
    """sucker fan lover fool person people guy girl boy man woman lady dude kid child baby human being
    type kind sort bit lot mess owl bird member part one native beginner believer loner homebody
    introvert extrovert nerd geek junkie addict freak snob buff enthusiast blonde brunette redhead vegan
    vegetarian carnivore eater amateur dad father mom mother husband wife stay metalhead headbanger foodie
    bookworm rat gamer cinephile audiophile bibliophile fanatic aficionado devotee connoisseur diehard
    workaholic shopaholic chocoholic perfectionist procrastinator optimist pessimist hoarder
    genius idiot klutz moron dummy dork doofus disaster wreck bundle natural failure screwup loser few steps
    napper overthinker worrier worrywart snacker snoozer slacker daydreamer complainer overachiever oversharer
    overpacker doomscroller scatterbrain slob grump creature goner regular local newbie newcomer
    wizard witch unicorn vampire superhero alien mermaid dragon elf ghost convert"""
)
# What a joke title is held "of" ("the CEO of procrastination", "head of snacks"): habits, not a department.
JOKE_TITLE_OBJECTS = word_set(
    """procrastination procrastinating overthinking napping naps snacks snacking excuses chaos sarcasm puns
    drama sass mischief complaining worrying laziness mess messes awkwardness vibes"""
)
# One's own home told in passing ("our little cottage in Dunedin", "my flat in Leith"): the words
# before the dwelling, and the dwellings (rules_extractor's household test and rules_table's row).
HOME_ADJECTIVES = r"(?:little|small|tiny|new|old|lovely|cosy|cozy|rented|own)"
HOME_DWELLINGS = r"(?:house|flat|apartment|cottage|home|bungalow|condo|farmhouse|townhouse)"
# Relatives whose name may follow them beyond partners, children and siblings ("my grandma Rosa").
NAMED_ELDERS_AND_KIN = words(
    "grandma grandpa granny grandmother grandfather nana nan mum mom dad aunt uncle cousin niece nephew"
)

# Occupation nouns that name a job without an article before them, as in non-native English ("I am
# pastry chef since 20 years", "im electrician in Monterrey"): the last word of such a role.
OCCUPATIONS = words(
    """chef cook baker driver teacher nurse engineer electrician plumber carpenter mechanic manager doctor dentist
    pharmacist accountant lawyer architect designer developer programmer journalist photographer farmer builder
    welder cleaner waiter waitress barista bartender cashier scientist researcher professor lecturer tutor
    librarian secretary receptionist consultant analyst technician pilot soldier firefighter paramedic midwife
    veterinarian surgeon therapist psychologist translator interpreter musician coach instructor salesman
    saleswoman clerk banker tailor hairdresser barber butcher fisherman miner gardener janitor caretaker nanny
    housekeeper courier postman supervisor foreman labourer laborer contractor physiotherapist optician
    radiographer cardiologist anesthesiologist paralegal bookkeeper auditor"""
)
# Words before an occupation noun that keep it a trade ("my software engineer salary", "a truck driver");
# never judgements or ages ("my old teacher", "a terrible driver").
TRADE_MODIFIERS = words(
    """truck bus taxi school primary software civil mechanical electrical dental pastry police flight staff
    registered trainee junior senior head"""
)
# Music one listens to, named without "to" in non-native English ("I listen jazz every evening").
MUSIC_GENRES = words(
    """jazz blues rock pop metal punk hip-hop rap classical country folk reggae soul funk techno house edm opera gospel
    indie k-pop kpop disco salsa cumbia flamenco bluegrass ska grunge trance dubstep lo-fi lofi podcasts audiobooks"""
)
# What one is from, not what one does ("I'm a Canadian", "a proud Scot", "a Kiwi living in Leeds"): refused as
# a role's last word only, so "a German teacher" and "an Italian chef" stay occupations.
DEMONYMS = word_set(
    """american americans canadian mexican brazilian argentinian argentine chilean peruvian colombian venezuelan
    cuban jamaican haitian dominican rican brit briton englishman englishwoman scot scotsman scotswoman welshman
    welshwoman irishman irishwoman frenchman frenchwoman dutchman spaniard portuguese belgian swiss austrian swede
    norwegian dane finn icelander pole czech slovak hungarian romanian bulgarian greek turk russian ukrainian
    serbian croatian bosnian slovenian albanian lithuanian latvian estonian israeli palestinian lebanese syrian
    egyptian moroccan algerian tunisian nigerian ghanaian kenyan ethiopian somali ugandan tanzanian rwandan
    african zimbabwean indian pakistani bangladeshi lankan nepali nepalese afghan iranian iraqi saudi emirati
    chinese japanese korean vietnamese thai filipino filipina indonesian malaysian singaporean australian aussie
    kiwi zealander texan californian yorker londoner parisian berliner brooklynite midwesterner southerner
    northerner scouser geordie mancunian glaswegian dubliner floridian european asian latino latina hispanic
    german italian french"""
)
# An occupation word that says nothing on its own ("I'm the owner of this account"); with a
# head noun it is one ("a business owner", "a shop owner").
VAGUE_ROLES = word_set(
    "owner user holder boss member worker junior senior sophomore freshman"
    # where one stands for a day, alone no occupation ("a guest at the conference", "a pro at it")
    " guest passenger witness visitor attendee spectator customer client patient pro zombie lost work"
    # a star sign ("I'm a Leo")
    " aries taurus gemini cancer leo virgo libra scorpio sagittarius capricorn aquarius pisces"
)

# First words of a place of work that is none ("home with the kids").
NOT_EMPLOYER_STARTS = word_set("home myself heart")
# Where in a workplace one is, not whom one works for ("I work in an office", "in the fields").
WORKPLACE_SETTINGS = word_set("office offices cubicle field fields outdoors outside yard yards")
# What may follow such a setting and leave it one ("an office downtown", "the fields all summer").
AFTER_WORKPLACE_SETTING = word_set("downtown uptown nearby near close all most every each in on at by of with for")

# -- comparing values ----------------------------------------------------------------------
# Words a value may start with that do not change what it names ("the Beatles", "my dog").
LEADING_DETERMINERS = longest_first("a|an|the|my|our|some|any|all|most|lots of|a lot of|plenty of|all kinds of")
# Ways of consuming a thing: liking "drinking beer" is liking beer, for polarity.
CONSUMING_GERUNDS = longest_first(
    """eating|drinking|having|listening to|watching|reading|playing|doing|going to|hearing|tasting"""
)
