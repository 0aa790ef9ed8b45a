"""Every card, place and faction teaches: a history note, its source, a question, glossary links."""

import re

import pytest

TEACHING_SECTIONS = ("factions", "areas", "units", "actions", "decrees", "events", "cards")
# The sections of the facts the game is built on; a source names one or more of them.
FACTS_SECTIONS = {
    "The situation on 25–27 October", "The decrees", "Who governs", "The counter-revolution in arms",
    "Sabotage and the strike of officials", "The wine riots", "The negotiations and the party crisis",
    "Places", "Glossary",
}


def records(exported, sections=TEACHING_SECTIONS):
    return [(section, record) for section in sections for record in exported[section]]


def sentences(text):
    return [part for part in re.split(r"(?<=[.!?])\s+", text.strip()) if part]


def test_every_record_has_a_history_a_source_and_a_question(exported):
    missing = [f"{section}/{record['id']}: {field}" for section, record in records(exported)
               for field in ("history", "source", "discuss") if not record[field]]

    assert missing == []


def test_history_notes_run_two_to_five_sentences(exported):
    wrong = [f"{section}/{record['id']}: {len(sentences(record['history']))}"
             for section, record in records(exported) if not 2 <= len(sentences(record["history"])) <= 5]

    assert wrong == []


def test_every_question_for_the_class_is_one_question(exported):
    wrong = [f"{section}/{record['id']}" for section, record in records(exported)
             if not record["discuss"].endswith("?") or len(sentences(record["discuss"])) != 1]

    assert wrong == []


def test_every_source_names_sections_of_the_facts(exported):
    wrong = []
    for section, record in records(exported):
        prefix, _, names = record["source"].partition("facts: ")
        if prefix or not names or not set(names.split("; ")) <= FACTS_SECTIONS:
            wrong.append(f"{section}/{record['id']}: {record['source']}")

    assert wrong == []


@pytest.mark.parametrize("section", ["factions", "units"])
def test_factions_and_units_have_a_name_a_class_can_read(exported, section):
    assert all(record["name"] and record["history"] for record in exported[section])


def test_the_glossary_has_at_least_fifteen_terms_each_linked_from_some_record(exported):
    glossary = {term["id"] for term in exported["glossary"]}
    linked = {term for section, record in records(exported, (*TEACHING_SECTIONS, "tracks", "groups"))
              for term in record["terms"]}

    assert len(glossary) >= 15
    assert glossary - linked == set()


def test_the_four_seats_differ_by_symbol_and_pattern_as_well_as_colour(exported):
    seats = [faction for faction in exported["factions"] if faction["seat"]]

    assert len(seats) == 4
    for cue in ("colour", "symbol", "pattern"):
        assert len({faction[cue] for faction in seats}) == 4, cue
