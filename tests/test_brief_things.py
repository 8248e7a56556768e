"""Figures of people and things that no measure word names: a person's age in commas, the
size of a thing, a quantity of a stuff, a time in a state or place, the votes on a motion.
Each is compared only with the same person's, thing's or vote's figure. Through
``summarize.run`` (English only)."""

from __future__ import annotations

from summarize.digest.figures import read_figures
from summarize.digest.timeexpr import find_times
from tests.test_brief import dated, run_texts, verdict_of


def test_two_ages_of_one_person_disagree_and_two_people_never_meet() -> None:
    result = run_texts({
        "wire": dated("2027-02-16", "SANDUSKY, Ohio — The sheriff's office said Gary Pohlman, "
                                    "68, of Fremont, drowned on Monday."),
        "paper": dated("2027-02-18", "TOLEDO, Ohio — The county coroner said Gary Pohlman, "
                                     "67, drowned after falling through thin ice. His "
                                     "brother, Dale Pohlman, 71, was rescued."),
    })
    found = verdict_of(result, ("wire", "68"), ("paper", "67"))
    assert found is not None and found.kind == "disagreement", found
    assert verdict_of(result, ("wire", "68"), ("paper", "71")) is None


def test_a_compound_size_and_a_height_of_one_thing_meet_on_one_day() -> None:
    result = run_texts({
        "grid": dated("2027-03-03", "AUCKLAND — Corroded bolts brought down the 55-metre "
                                    "tower, the grid operator said on Tuesday."),
        "herald": dated("2027-03-03", "AUCKLAND — The tower, which stood 52 metres tall, "
                                      "buckled in high winds, engineers said on Tuesday."),
    })
    found = verdict_of(result, ("grid", "55-metre"), ("herald", "52 metres"))
    assert found is not None and found.kind == "disagreement", found


def test_a_quantity_is_compared_only_with_the_same_stuff() -> None:
    result = run_texts({
        "prefecture": dated("2027-02-10", "BREST, France — Pellets have washed up along 40 "
                                          "km of coastline, the prefecture said on Tuesday."),
        "mayors": dated("2027-02-10", "BREST, France — Pellets had reached more than 60 km of "
                                      "coastline and 12 km of riverbank, mayors said on "
                                      "Tuesday."),
    })
    found = verdict_of(result, ("prefecture", "40 km"), ("mayors", "more than 60 km"))
    assert found is not None and found.kind == "disagreement", found
    assert verdict_of(result, ("prefecture", "40 km"), ("mayors", "12 km")) is None


def test_the_votes_on_a_motion_are_for_and_against_never_one_count() -> None:
    result = run_texts({
        "speaker": dated("2028-05-16", "KITUI, Kenya — The Kitui County Assembly voted by 38 "
                                       "votes to 11 on Tuesday to impeach the governor."),
        "senate": dated("2028-05-16", "NAIROBI — The Kitui County Assembly impeached the "
                                      "governor on Tuesday by 38 votes to 12, Senate documents "
                                      "show."),
    })
    same = verdict_of(result, ("speaker", "38"), ("senate", "38"))
    assert same is not None and same.kind == "same_fact", same
    assert verdict_of(result, ("speaker", "38"), ("senate", "12")) is None
    against = verdict_of(result, ("speaker", "11"), ("senate", "12"))
    assert against is not None and against.kind == "disagreement", against


def test_a_flow_is_never_an_amount_and_a_year_earlier_is_no_rate() -> None:
    flow, = read_figures("The navy was hauling more than 1,100 tonnes a day out of the water.")
    assert flow.unit == "t/d"
    now, before = read_figures("The mine produced 121,000 tonnes of copper in the quarter, up "
                               "from 97,000 tonnes a year earlier.")
    assert now.unit == before.unit == "t"


def test_a_designation_after_a_year_is_a_name_not_a_date() -> None:
    assert [t.text for t in find_times("Asteroid 2026 KD4 could hit Earth in 2041.")] == [
        "in 2041"]
