"""The historical facts the scenario relies on, pinned against ``rules export``.

A teacher puts these numbers and dates in front of a class, so an edit that
loses or changes one must fail here. Each figure is checked where a reader
meets it: in the history note of the record that tells the episode.
"""

import re

import pytest

# Old Style dates of the decrees, as the facts give them. Commissars' pay has
# only "late October to November", so the rules must not pretend to know a day.
DECREE_DATES = {
    "decree_peace": "1917-10-26",
    "decree_land": "1917-10-26",
    "abolish_death_penalty": "1917-10-27",
    "local_supplies": "1917-10-28",
    "housing_decree": "1917-10-28",
    "commissars_pay": None,
    "press_decree": "1917-11-04",
    "appeal_to_population": "1917-11-05",
    "workers_control": "1917-11-14",
    "extraordinary_commission": "1917-12-02",
}

# Dated episodes: the event that tells each one carries its real date.
EVENT_DATES = {
    "committee_formed": "1917-10-26",
    "call_to_troops": "1917-10-27",
    "junker_rising": "1917-10-29",
    "walden_guns": "1917-10-30",
    "party_crisis": "1917-11-02",
    "zinoviev_returns": "1917-11-07",
    "state_bank_strike": "1917-11-14",
}

# Figures that must appear together in the history note of one record of the
# section (any record: the ids of events may change, the facts may not).
FIGURES = [
    ("the new Executive: 102 members, 62 Bolsheviks, 20 Left S-Rs", "events",
     [r"\b102\b", r"\b62\b", r"\b20\b"]),
    ("the Executive's vote on the press, 34 to 24", "decrees", [r"\b34\b\D{1,20}\b24\b"]),
    ("Pulkovo: 300 to 500 dead", "events", [r"Pulkovo", r"\b300\b\D{1,6}\b500\b"]),
    ("Moscow: 16,000 striking municipal employees", "events", [r"\b16,000\b", r"\bfour months\b"]),
    ("Moscow: over 200,000 manual workers still to be paid", "events", [r"\b200,000\b"]),
    ("the Council of the Nation: 415 seats and their parts", "events",
     [r"\b415\b", r"\b150\b", r"\b75\b", r"\b80\b", r"\b40\b", r"\b70\b", r"\b60 ?(%|per ?cent)"]),
    ("the State Bank: five million roubles", "events", [r"\b(five|5) million roubles\b"]),
    ("Justice: twelve office boys and one official", "events", [r"\btwelve office boys\b"]),
    ("the alcohol trains: 17 trucks, then 22 labelled oats, herrings and wood", "events",
     [r"\b17\b", r"\b22\b", r"\boats\b", r"\bherrings\b"]),
    ("the slow train: an hour instead of a quarter of an hour", "events",
     [r"\bhour\b", r"\b(fifteen minutes|quarter of an hour)\b"]),
    ("Gatchina and Tsarskoye Selo: under 20 km from the capital", "events", [r"Tsarskoye Selo", r"\b20 km\b"]),
    ("the Junker rising: a ten-minute ultimatum", "events", [r"\bten.minute"]),
]


def history(record):
    return record.get("history") or ""


def test_every_decree_of_the_facts_is_in_the_rules_with_its_date(exported):
    decrees = {decree["id"]: decree for decree in exported["decrees"]}

    assert {decree_id: decrees[decree_id]["date"] for decree_id in DECREE_DATES} == DECREE_DATES


@pytest.mark.parametrize("event_id, date", EVENT_DATES.items())
def test_dated_episodes_carry_their_real_date(exported, event_id, date):
    events = {event["id"]: event for event in exported["events"]}

    assert events[event_id]["date"] == date


@pytest.mark.parametrize("what, section, patterns", FIGURES, ids=[figure[0] for figure in FIGURES])
def test_the_figures_of_the_facts_are_told_in_one_history_note(exported, what, section, patterns):
    telling = [record["id"] for record in exported[section]
               if all(re.search(pattern, history(record)) for pattern in patterns)]

    assert telling, f"no {section} history note tells {what}"


def test_the_decree_on_land_keeps_its_vote_and_the_mandates(exported):
    land = next(decree for decree in exported["decrees"] if decree["id"] == "decree_land")

    assert re.search(r"\b242\b", land["history"])
    assert re.search(r"\b(one|1)\b[^.]*\bagainst\b", land["history"])
    assert re.search(r"\b(eight|8) abstentions\b", land["history"])


def test_commissars_are_paid_a_skilled_workers_wage(exported):
    pay = next(decree for decree in exported["decrees"] if decree["id"] == "commissars_pay")

    assert re.search(r"\b500 roubles\b", pay["history"])
    assert re.search(r"\b100\b[^.]*\bdependant", pay["history"])


def test_petrograd_starts_with_about_ten_days_of_bread(exported):
    bread = next(track for track in exported["tracks"] if track["id"] == "bread")

    assert bread["start"] == 10
    assert re.search(r"\bten days\b", bread["history"])


def test_the_campaign_runs_ten_turns_from_25_october_to_2_december(exported):
    campaign = exported["scenarios"][0]

    assert len(campaign["turns"]) == 10
    assert campaign["turns"][0] == "1917-10-25"
    assert campaign["end"] == "1917-12-02"


def test_the_one_lesson_scenario_has_three_turns_inside_the_campaign(exported):
    campaign, lesson = exported["scenarios"][:2]

    assert len(lesson["turns"]) == 3
    assert campaign["turns"][0] <= lesson["turns"][0] and lesson["end"] <= campaign["end"]
