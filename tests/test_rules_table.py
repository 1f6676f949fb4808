"""The rule table itself (rules_table.py, vocabulary.py): every row reachable by a sentence of
ours, no duplicate words, every field known, and which row wins decided by precedence() alone."""

from __future__ import annotations

import random
import re

import pytest

import rules_extractor
import vocabulary
from domain import CANONICAL_FIELDS, EXTRA_LIST_FIELDS, EXTRA_SCALAR_FIELDS, SENSITIVE_FIELDS
from rules_table import FIELD_PRECEDENCE, ROW_PRECEDENCE, ROWS, precedence

EXTRACTOR = rules_extractor.RuleExtractor()

# One sentence of ours per row, that the row (and no guess) reads.
EXAMPLES = {
    "name_my_name_is": "My name is Oskar.",
    "name_call_me": "Please just call me Bea.",
    "name_go_by": "I go by Sasha.",
    "name_named_me": "My grandparents named me Rosalind.",
    "name_x_is_my_name": "Kofi is my name.",
    "name_its_x_here": "It's Dmitri here, about my order.",
    "name_x_here": "Ines here, with my question.",
    "languages_speak": "I speak Greek and Turkish.",
    "languages_native_tongue": "My native tongue is Tagalog.",
    "languages_fluent_in": "I'm fluent in Dutch.",
    "languages_native_speaker": "I'm a native Hungarian speaker.",
    "languages_answer_me_in": "Reply to me in Italian please.",
    "diet_i_am": "I'm a strict vegan.",
    "diet_as_a": "As a pescatarian, I skip steak.",
    "likes_fan_of": "I'm a big fan of sci-fi novels.",
    "likes_x_fan": "I'm a lifelong Celtics fan.",
    "likes_as_a_x_fan": "As a huge Formula 1 fan I watch every race.",
    "likes_x_fan_like_me": "Oh, a podcast lover like me!",
    "likes_sucker_for": "I'm a total sucker for murder mysteries.",
    "likes_my_favourite_is": "My favourite dessert is tiramisu.",
    "likes_x_is_my_favourite": "Pho is one of my favorites.",
    "likes_x_things_i_enjoy": "Sailing, fishing and birding are things I enjoy.",
    "likes_heart_before": "❤ salsa dancing",
    "likes_heart_after": "i'm all about tacos ❤",
    "likes_soft_spot_for": "I have a soft spot for old westerns.",
    "likes_verb": "I adore sushi.",
    "likes_cant_get_enough": "I can't get enough of Korean dramas.",
    "likes_never_say_no_to": "I never say no to a slice of cheesecake.",
    "likes_could_x_every_day": "I could eat ramen every single day.",
    "likes_pick_x_over_y": "I'd pick trains over planes any day.",
    "likes_listen_to": "I listen to a lot of bluegrass.",
    "likes_would_rather": "I'd rather be hiking in the hills.",
    "likes_mine_is": "What's your favorite fruit? Mine is mango.",
    "dislikes_hate": "I hate traffic jams.",
    "dislikes_do_not_like": "I don't like olives.",
    "dislikes_cannot_eat": "I can't drink milk.",
    "dislikes_not_a_fan": "I'm not a fan of musicals.",
    "dislikes_afraid_of": "I'm terrified of spiders.",
    "dislikes_x_least_favourite": "Broccoli is my least favorite vegetable.",
    "family_loved": "I love my grandma.",
    "family_have": "I have two sisters.",
    "family_named": "My husband is named Tariq.",
    "family_have_named": "I have a daughter named Lucia.",
    "family_my_relative": "We visit my aunt every summer.",
    "family_my_relative_and_i": "My brother and I run marathons.",
    "family_bare_named_and_i": "Wife Ines and I moved to Graz.",
    "interests_routine_exercise": "I run every morning before work.",
    "interests_eat_out": "I eat out a lot with colleagues.",
    "interests_done_for_long": "I've baked bread for twenty years.",
    "diet_x_here": "Vegan here, any ideas for a picnic?",
    "family_only_child": "I'm an only child.",
    "employer_x_hired_me": "Spotify hired me last month!",
    "possessions_and_bought_home": "I'm a welder and just bought my first house.",
    "family_my_relative_leads": "My younger cousin is a welder in Gdansk.",
    "family_status": "I'm happily married.",
    "family_got_married": "I just got engaged!",
    "family_married_a": "I married a sculptor.",
    "family_parent_of": "I'm a mother of three.",
    "pets_loved": "I adore my parrot.",
    "pets_have": "I have a beagle.",
    "pets_have_named": "I have a lizard called Spike.",
    "pets_my_pet": "Walking my corgi is the best part of the day.",
    "pets_my_named": "My corgi's name is Pretzel.",
    "pets_mine_is": "Do you have pets? Mine is an old tabby.",
    "interests_interested_in": "I'm interested in geology.",
    "interests_for_years": "I've been playing the oboe for ten years.",
    "likes_x_person": "I'm a dog person.",
    "interests_into": "I'm really into calligraphy.",
    "interests_my_hobby_is": "My hobby is model trains.",
    "interests_free_time": "In my free time I build furniture.",
    "interests_go_ing": "I go snowboarding.",
    "interests_play": "I play badminton.",
    "interests_hobby_verb": "I knit scarves.",
    "interests_mine_is": "Any hobbies? Mine is pottery.",
    "interests_volunteer_at": "I volunteer at a food bank.",
    "interests_work_out": "I work out at dawn.",
    "interests_spend_time": "I spend my time restoring bikes.",
    "interests_doing_now": "I'm just baking some rye bread.",
    "interests_been_doing": "I've been knitting little hats.",
    "interests_back_from": "I just got back from kayaking on the river.",
    "interests_my_team": "My darts league starts again in May.",
    "interests_watch_read": "I read graphic novels.",
    "interests_spend_time_at": "I spend a lot of time at the climbing gym.",
    "goals_job_hunting": "I'm searching for a better job.",
    "skills_good_at": "I'm pretty good at chess.",
    "skills_a_good_doer": "I'm a confident public speaker.",
    "skills_x_is_what_i_am_good_at": "Baking is what I'm good at.",
    "skills_know_how_to": "I know how to weld.",
    "skills_know": "I know Haskell.",
    "skills_can": "I can juggle.",
    "skills_program_in": "I program in Elixir.",
    "skills_black_belt": "I have a black belt in aikido.",
    "skills_experience_in": "I have experience in welding.",
    "skills_my_skills": "My negotiation skills are decent.",
    "skills_learned_to": "I learned to sail.",
    "goals_my_goal_is": "My goal is to visit Japan.",
    "goals_it_is_my_dream": "It is my dream to sing at the opera.",
    "goals_want_to_be": "I want to be a firefighter.",
    "goals_dream_of": "I dream of owning a vineyard.",
    "goals_want_to_do": "I hope to climb Kilimanjaro.",
    "goals_training_to_be": "I'm training to become a paramedic.",
    "goals_aspiring": "I'm an aspiring novelist.",
    "goals_learning": "I'm learning Swahili.",
    "goals_mine_is": "What's your dream? Mine is to sail around the world.",
    "education_student": "I'm a law student.",
    "education_as_a_student": "As a dental student, I barely sleep.",
    "education_studied": "I studied architecture.",
    "education_degree": "I have a bachelor's in biology.",
    "education_graduated_from": "I graduated from Oxford.",
    "education_graduated_with": "I graduated in 2009 with a degree in geology.",
    "education_my_degree_is_in": "My degree is in social work.",
    "education_go_to_school": "I go to Riverside Community College.",
    "education_heading_to_university": "Soon I'm heading to the University of Toronto.",
    "education_in_school": "I'm in nursing school.",
    "education_grade": "I'm in the fifth grade.",
    "education_x_is_what_i_studied": "Chemistry is what I studied.",
    "education_left_school": "I dropped out of college.",
    "sensitive_i_am": "Remember that I'm diabetic.",
    "sensitive_i_have": "Remember that I have asthma.",
    "role_i_am_a": "I'm a plumber.",
    "role_retired": "I'm retired now.",
    "role_for_a_living": "I fix boilers for a living.",
    "role_my_trade_salary": "My plumber salary barely covers rent.",
    "role_stay_at_home": "I'm a stay at home mom.",
    "role_as_a": "As a pharmacist, I see a lot.",
    "role_work_as": "I work as a translator.",
    "role_i_teach": "I teach middle school math.",
    "role_i_coach": "I coach youth hockey.",
    "role_working_as": "I've been working as a baker for years.",
    "role_job_as": "I got a job as a lifeguard.",
    "role_my_job_is": "My job is air traffic controller.",
    "role_became": "I became a paramedic.",
    "role_started_as": "I started as a junior designer.",
    "role_started_as_elided": "I quit and started as a barista.",
    "role_employed_as": "I'm employed as a welder.",
    "role_work_in_field": "I work in logistics.",
    "employer_work_at": "I work at Siemens.",
    "employer_have_worked_at": "I've worked at Siemens for six years.",
    "employer_work_in_a": "I work in a bakery.",
    "employer_employed_by": "I'm employed by the county.",
    "employer_job_at": "I have a new job at Nokia.",
    "employer_working_at": "Busy week for me, working at the airport.",
    "employer_in_the_army": "I'm in the navy.",
    "employer_x_is_where_i_work": "The public library is where I work.",
    "employer_my_employer_is": "My employer is Unilever.",
    "employer_started_at": "I quit and started at Zalando.",
    "employer_role_at": "I'm a nurse at Mercy Hospital.",
    "location_live_in": "I live in Tallinn.",
    "location_live_somewhere_in": "I live alone in Quebec.",
    "location_live_near": "I live just outside Utrecht.",
    "location_based_in": "I'm based in Nairobi.",
    "location_moved_to": "I moved to Oslo.",
    "location_x_is_where_i_live": "Brighton is where I live.",
    "location_i_am_in": "I'm in Glasgow.",
    "location_living_in": "I'm happy here, living in Lyon.",
    "location_work_remotely_from": "I'm a copywriter, working remotely from Split.",
    "hometown_from": "I'm from Cork.",
    "hometown_come_from": "I come from Ghana.",
    "appearance_hair_eyes": "I have wavy auburn hair.",
    "appearance_i_am_blonde": "I'm a brunette with brown eyes.",
    "hometown_my_hometown_is": "My hometown is Split.",
    "hometown_my_home_is": "My home is Split these days.",
    "hometown_grew_up_in": "I grew up in Perth.",
    "age_i_am_n": "I'm 52.",
    "age_turned": "I just turned 19.",
    "age_my_age_is": "My age is 61.",
    "age_aged": "I retired, aged 70.",
    "age_will_be": "I'll be 45 next month.",
    "age_years_old": "I'm almost 38 years old.",
    "possessions_drive": "I drive a Subaru.",
    "possessions_own_instrument": "I own a cello.",
    "possessions_my_vehicle": "I washed my truck.",
    "possessions_own_business": "I run my own salon.",
    "possessions_home": "I bought a cabin.",
    "end_likes_not_anymore": "I don't love jazz anymore.",
    "end_likes_used_to": "I used to love rollerblading.",
    "end_dislikes_used_to": "I used to hate coriander.",
    "end_likes_stopped": "I stopped enjoying golf.",
    "end_likes_done_with": "I'm done with bowling.",
    "switch_from_to": "I switched from squash to padel.",
    "goals_get_better_at": "I'm trying to get better at chess.",
    "family_have_n_named": "I have two daughters, Ines and Rosa.",
    "pets_have_n_named": "I have two rabbits, Pip and Moss.",
    "interests_started_doing": "I've started kayaking.",
    "interests_usually_verb": "I usually run along the canal.",
    "workplace_in": "I'm a pharmacist at a small chemist in Wexford.",
    "role_have_retired": "I've finally retired.",
    "role_i_tutor": "I tutor chemistry after school.",
    "hometown_a_x_from": "I'm a plumber from Gdynia.",
    "goals_saving_to": "I'm saving up to buy a sailboat.",
    "end_possessions_sold": "I sold my kayak.",
    "end_likes_no_longer_fan": "I'm no longer a fan of reality shows.",
    "end_interests_not_into": "I'm no longer into crossfit.",
    "end_interests_no_longer_play": "I no longer play poker.",
    "end_skills_no_longer_use": "I no longer use Perl.",
    "end_skills_stopped_using": "I stopped using Photoshop.",
    "end_dislikes_no_longer_hate": "I no longer hate mushrooms.",
    "end_languages_no_longer_speak": "I no longer speak Russian.",
    "end_pets_no_longer_have": "I no longer have a hamster.",
    "end_goals_no_longer_want": "I no longer want to be a lawyer.",
    "end_location_not_in": "I'm not in Madrid anymore.",
    "end_location_no_longer_live": "I no longer live in Leeds.",
    "end_location_moved_from": "I moved away from Detroit.",
    "end_location_move_from": "Still unpacking after my move from Tucson.",
    "end_employer_used_to_work": "I used to work at Boeing.",
    "end_employer_left": "I left Deloitte.",
    "end_employer_quit_my_job": "I quit my job.",
    "end_role_lost_job_as": "I lost my job as a courier.",
    "end_role_my_x_job": "I got laid off from my warehouse job.",
    "end_employer_fired_me": "Vodafone let me go last spring.",
    "end_employer_last_day_at": "My last day at Vodafone was Friday.",
    "end_goals_stopped_learning": "I gave up on Finnish.",
    "goals_studying": "Lately I'm studying Icelandic.",
    "likes_x_is_my_thing": "Crosswords and sudoku are my thing.",
    "dislikes_x_not_my_thing": "Karaoke isn't really my thing.",
    "end_employer_and_left": "I found something better and quit Lufthansa.",
    "goals_the_language_i_learn": "The language I'm learning is Hebrew.",
    "end_role_no_longer_work_as": "I no longer work as a lifeguard.",
    "end_role_no_longer": "I'm no longer a cashier.",
    "end_role_used_to_be": "I used to be a chef.",
    "end_role_former": "I'm a former soldier.",
    "end_role_done_with_trade": "I'm done with welding.",
    "family_we_have": "We have three grandkids.",
    "end_employer_no_longer_at": "I'm no longer at Siemens.",
    "end_education_left_school": "I dropped out of Keele.",
    "likes_grown_to_like": "Over the years I've grown to love opera.",
    "likes_come_round_to": "I have come round to brussels sprouts.",
    "likes_grew_on_me": "Honestly, modern architecture grew on me.",
    "role_x_is_my_job": "Veterinary surgery is my day job.",
    "family_been_married": "I've been happily married since the nineties.",
    "role_i_am_the": "These days I'm the head gardener at an estate.",
    "hometown_my_native": "We often sail along the coast of my native Brittany.",
    "likes_find_x_good": "I find pottery incredibly soothing.",
    "dislikes_find_x_bad": "Frankly I find reality shows so tedious.",
    "likes_a_lot_of": "I read tons of science fiction.",
    "interests_avid_x": "I'm a passionate birdwatcher.",
    "interests_spend_weekends_doing": "I spend most of my weekends sailing on the lake.",
    "interests_weekends_are_for": "My Sundays are for birdwatching on the estuary.",
    "interests_find_me_doing": "Most evenings you will find me bouldering.",
    "family_i_am_with": "I'm a widowed farmer with four grown sons.",
    "interests_x_is_my_hobby": "Restoring old radios is my main hobby.",
    "interests_habit_every": "I go to the theatre a few times a month.",
    "interests_usually_doing": "By nine I'm usually sketching in the garden.",
    "interests_took_up": "Last spring I took up archery.",
    "goals_picking_up": "I've been picking up a bit of Greek.",
    "goals_started_learning": "I've started learning Welsh.",
    "goals_taking_lessons": "I'm taking tango lessons.",
    "employer_joined_as": "I joined Philips as an intern.",
    "role_joined_as": "I joined Philips as an intern.",
    "pets_have_and": "I have a husband and two ferrets.",
    "role_been_a_for": "I've been a locksmith for twelve years.",
    "education_pursuing": "I'm working on a master's degree in geology.",
    "education_year_of": "I'm in my second year of vet school.",
    "location_have_lived_in": "I have lived in Tromsø since 2012.",
    "likes_obsessed_with": "I'm a bit obsessed with sourdough.",
    "likes_listening_to": "I'm just listening to some old Motown.",
    "interests_go_for_a": "Most mornings I go for a swim.",
    "family_grandparent_of": "I'm a proud grandpa of seven.",
    "goals_trying_to": "I'm trying to cut down on sugar.",
    "goals_saving_for": "I'm saving up for a camper van.",
    "interests_writing_a": "I'm writing a memoir.",
    "role_promoted_to": "I just got promoted to head chef.",
    "interests_have_played": "I've played the harp since childhood.",
    "interests_member_of": "I'm a member of a chess club.",
    "hometown_and_grew_up_in": "I live in Graz and grew up in Linz.",
    "diet_on_a": "I'm on a ketogenic diet.",
    "hometown_childhood_in": "I spent my early years in Rabat.",
    "location_live_on": "I live on a dairy farm.",
    "interests_do_sport": "I do aikido.",
    "interests_raise_animals": "I raise turkeys.",
    "interests_play_in": "I play in a brass band.",
    "possessions_owner_of": "I'm the owner of a flower shop.",
    "interests_grow_plants": "I grow chillies on my balcony.",
    "role_title_post": "I'm CFO at a shipping firm.",
    "location_and_moved_to": "I quit my job and moved to Tromsø.",
    "switch_to": "I no longer do karate, I switched to judo.",
    "role_living_as": "I make a living as a stonemason.",
    "dislikes_not_keen_on": "I'm not keen on jazz fusion.",
    "dislikes_x_not_for_me": "Golfing isn't for me.",
    "likes_always_loved": "I've always loved thunderstorms.",
    "dislikes_always_hated": "I've always hated mushrooms.",
    "likes_x_is_my_life": "Rowing is my whole life.",
    "languages_get_by": "I can get by in Czech.",
    "languages_my_x_is": "My Swahili is decent.",
    "role_spent_years_as": "I've spent nine years as a plumber.",
    "role_drive_for_work": "I drive lorries.",
    "location_moved_back_to": "We moved back to Galway.",
    "location_moved_into_home_in": "I moved into a flat in Turku.",
    "location_home_is": "I was born in Pisa but home is Siena now.",
    "hometown_x_is_where_grew_up": "Tampere is where I grew up.",
    "pets_adopted": "I adopted a tabby cat.",
    "possessions_own_thing": "I own a kayak.",
    "goals_qualify_as": "I want to qualify as a surveyor.",
    "goals_get_onto_course": "I hope to get into law school.",
    "interests_sing_in_group": "I sing tenor in a barbershop quartet.",
    "dislikes_not_eaten_for_years": "I haven't eaten beef in years.",
    "dislikes_never_eaten": "I've never eaten veal.",
    "end_pets_died": "Sadly Rufus passed away.",
    "interests_got_into": "I have got into pottery.",
    "skills_write_code_in": "I write Haskell.",
    "goals_do_degree": "I want to do a PhD.",
    "workplace_business_in": "I run a cafe in Tromso.",
    "role_and_retired": "I am 70 and retired.",
    "role_i_am_in_field": "I am in marketing.",
    "interests_i_am_a_doer": "I am a skier.",
    "end_dislikes_changed_mind": "I have changed my mind about opera.",
    "end_likes_changed_mind": "I changed my mind about rap.",
    "end_dislikes_wrong_about": "I was wrong about sushi.",
    "end_likes_wrong_about": "I was wrong about techno.",
    "likes_become_fan": "I have become a fan of cricket.",
    "likes_learned_to_love": "I have learned to love olives.",
    "role_work_for_myself": "I work for myself.",
    "role_freelancing": "I went freelance last year.",
    "end_likes_dislike_now": "I don't like coffee anymore.",
    "location_call_home": "I call Bruges home.",
    "role_after_name_here": "Joris here, plumber, how do I price a job?",
    "location_never_left": "I was born in Bruges and never left.",
    "switch_swapped_for": "I've swapped Ghent for Bruges.",
    "employer_hired_by": "I've been hired by Arup.",
    "employer_joined_when": "I joined Arup last spring.",
    "interests_i_keep": "I keep bees for ten years now.",
    "interests_coach_team": "I coach the local netball team.",
    "family_parent_of_n_here": "A mum of four here, help.",
    "name_x_btw": "Ottilie btw, I am a nurse.",
    "likes_i_stan": "I stan Blackpink.",
    "languages_x_are_my_native": "Tamil and English are my native languages.",
    "location_here_in": "The buses here in Bruges are late again.",
    "location_our_home_in": "Our little flat in Bruges is cold.",
    "end_family_broke_up": "We split up last month.",
    "age_after_what_i_am": "I'm a second-year law student, 20, and tired.",
    "age_at_n_my": "At 81 my memory is still sharp.",
    "hometown_in_x_where_i_grew_up": "It's cold in Bruges, where I grew up.",
    "employer_first_week_at": "My first week at Arup went fine.",
    "likes_been_a_x_fan": "I've been a Hibs fan since I was nine.",
    "interests_followed_since": "I've followed snooker for years.",
    "dislikes_cant_handle": "I can't handle spicy food.",
    "location_settled_in": "We've finally settled in Bruges.",
    "role_i_am_occupation": "I am pastry chef since ten years.",
    "end_family_died": "My husband Henri passed away.",
    "location_i_am_out_in": "I'm out in Bruges these days.",
    "location_since_moving_to": "Since moving to Bruges I cycle everywhere.",
    "hometown_x_native": "I'm a Bruges native.",
    "location_x_is_home": "Bruges is home for me.",
    "location_x_based": "I'm Bruges-based.",
    "location_in_x_where_i_live": "It's cold in Bruges, where I live.",
    "location_we_are_in_now": "We're in Bruges now.",
    "hometown_age_from": "I am 19, from Lagos.",
    "role_x_here": "Retired plumber here.",
    "role_x_by_trade": "Glazier by trade, mostly shopfronts.",
    "diet_i_am_free": "I am dairy-free.",
    "pets_pet_parent": "I am a dog mum.",
    "likes_fan_here": "Big Liverpool fan here.",
    "education_school_exams": "I am doing my GCSEs.",
    "education_school_year": "I am in year 9.",
    "role_head_of": "I am head of sales.",
    "role_lead_team": "I lead the support team.",
    "location_bought_home_in": "We bought a flat in Cardiff.",
    "location_packed_up_and_moved": "We packed up and moved to Cardiff.",
    "location_made_the_move_to": "We made the move to Cardiff.",
    "location_back_home_in": "I'm back home in Cardiff.",
    "location_new_home_in": "My new flat in Cardiff is tiny.",
    "end_location_left": "I left Cardiff last year.",
    "end_likes_gone_off": "I've gone off marmite.",
    "name_changed_to": "I changed my name to Wren.",
    "role_and_became": "I switched careers and became a chef.",
    "end_retired_from": "I retired from Vodafone.",
    "end_role_gave_up_trade": "I gave up nursing last year.",
    "end_role_dont_do_trade": "I don't teach anymore.",
    "dislikes_never_liked": "I never liked opera.",
    "dislikes_x_is_gross": "I think olives are gross.",
    "dislikes_not_x_person": "I'm not a cat person.",
    "likes_fond_of": "I'm fond of opera.",
    "likes_acquired_taste": "I've acquired a taste for opera.",
    "role_i_teach_alone": "These days I teach.",
    "name_known_as": "I'm known as Wren.",
    "location_packed_up_and_went": "We packed up and went to Cardiff.",
    "age_birthday_was": "I celebrated my 40th birthday.",
    "end_employer_not_there": "I don't work there anymore.",
    "end_likes_gave_up": "I gave up squash.",
    "dislikes_x_bores_me": "Golf bores me.",
}
KNOWN_FIELDS = {*CANONICAL_FIELDS, *EXTRA_SCALAR_FIELDS, *EXTRA_LIST_FIELDS}


def test_every_row_has_an_example() -> None:
    assert sorted(EXAMPLES) == sorted(r.name for r in ROWS)


@pytest.mark.parametrize("row_name", sorted(EXAMPLES))
def test_every_row_is_reachable(row_name: str) -> None:
    fired = [name for name, _ in EXTRACTOR.trace(EXAMPLES[row_name])]
    assert row_name in fired, (EXAMPLES[row_name], fired)


def test_row_names_are_unique() -> None:
    names = [r.name for r in ROWS]
    assert len(names) == len(set(names))


PSEUDO_FIELDS = (
    "#sensitive",
    "#switch",
    "#switch_to",
    "#workplace",
    "#freelance",
    "#turned_dislike",
    "#born_in",
    "#retired_from",
    "#home_is",
)


def test_every_field_is_known() -> None:
    for r in ROWS:
        assert r.field in KNOWN_FIELDS or r.field in PSEUDO_FIELDS, r.name
    assert set(FIELD_PRECEDENCE) == {r.field for r in ROWS}
    assert set(SENSITIVE_FIELDS) >= {"health", "religion"}


def test_every_emitted_field_is_known() -> None:
    for sentence in EXAMPLES.values():
        for event in EXTRACTOR.extract_events(sentence, {}):
            assert event.field in KNOWN_FIELDS or event.field in SENSITIVE_FIELDS, (sentence, event)


def test_no_duplicate_words_in_any_list() -> None:
    lists = {
        name: value
        for name, value in vars(vocabulary).items()
        if isinstance(value, tuple) and value and all(isinstance(item, str) for item in value)
    }
    assert len(lists) >= 20
    for name, items in lists.items():
        duplicates = sorted({item for item in items if items.count(item) > 1})
        assert duplicates == [], name


def test_precedence_names_are_rows() -> None:
    names = {r.name for r in ROWS}
    assert set(ROW_PRECEDENCE) <= names


def test_row_order_does_not_decide_the_winner() -> None:
    """precedence() is a total order over the rows: shuffling the table changes nothing."""
    keys = [precedence(r) for r in ROWS]
    assert len(keys) == len(set(keys))
    shuffled = list(ROWS)
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled, key=precedence) == list(rules_extractor.ORDERED_ROWS)


def test_rows_are_short() -> None:
    """A long row is written in re.VERBOSE over several lines, not as one unreadable line."""
    for r in ROWS:
        assert all(len(line) <= 160 for line in r.pattern.splitlines()), r.name


def test_no_contraction_sits_where_it_can_never_match() -> None:
    """An alternative "'m …", "'ve …" or "'s …" right after a space never matches "I'm", "I've"
    or "mine's" (no space before the apostrophe): nineteen rows once held such dead phrasings."""
    after_i_and_space = re.compile(r"\\s[+*]\s*(?:\{ADV\}\s*)?\(\?:([^()]*)\)")
    dead = [
        (row.name, alternative)
        for row in ROWS
        for group in after_i_and_space.finditer(row.pattern)
        for alternative in group.group(1).split("|")
        if alternative.startswith("'")
    ]
    assert dead == []
