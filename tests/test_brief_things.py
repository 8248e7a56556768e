"""Figures of people and things that no measure word names: a person's age in commas, the
size of a thing, a quantity of a stuff, a time in a state or place, the votes on a motion.
Each is compared only with the same person's, thing's or vote's figure. Through
``summarize.run`` (English only)."""

from __future__ import annotations

from summarize.digest.figures import read_figures
from summarize.digest.timeexpr import find_times
from summarize.digest.verdicts import compare
from tests.test_brief import claim_with, dated, run_texts, verdict, verdict_of


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


# --- Mends read from the clean runs of blind25 and blind26 ---------------------------------

def test_an_earlier_value_cited_with_its_report_dates_neither_the_new_figure_nor_its_source(
        ) -> None:
    # Before: "up from the nine announced on Tuesday" was the attribution of "risen to 13" and
    # its time, so Thursday's 13 disagreed with Tuesday's nine and 11 (blind25).
    result = run_texts({
        "ministry": dated("2026-11-17", "DODOMA — Tanzania's health ministry said on Tuesday it "
                                        "had confirmed nine cases of Marburg in the Kagera "
                                        "region, and that six patients had died."),
        "later": dated("2026-11-19", "DAR ES SALAAM — Confirmed Marburg cases in Kagera have "
                                     "risen to 13, up from the nine announced on Tuesday, the "
                                     "health ministry said, and eight patients have died."),
    })
    now = claim_with(result, "later", "13")
    assert now.attribution == "the health ministry said"
    assert now.time.start == "2026-11-19"
    found = verdict(result, claim_with(result, "ministry", "nine cases"), now)
    assert found is not None and found.kind == "update", found
    deaths = verdict(result, claim_with(result, "ministry", "six patients"),
                     claim_with(result, "later", "eight patients"))
    assert deaths is None or deaths.kind != "disagreement", deaths


def test_registered_voters_are_no_count_of_votes_cast() -> None:
    figure, = read_figures("Servel said the region's 7.1 million registered voters were "
                           "called to the polls.")
    assert figure.measure == "registered voters"


def test_a_count_in_the_department_is_narrower_than_the_national_count() -> None:
    result = run_texts({
        "ins": dated("2027-02-16", "BOGOTA, Feb 16 — Colombia has confirmed 94 cases of yellow "
                                   "fever so far this year, 38 of them fatal, the National "
                                   "Institute of Health (INS) said in its weekly bulletin on "
                                   "Tuesday. Tolima, in central Colombia, has the most cases."),
        "tolima": dated("2027-02-16", "IBAGUE, Colombia — Tolima's departmental health "
                                      "secretariat said on Tuesday it had confirmed 67 cases of "
                                      "yellow fever and 27 deaths in the department this year, "
                                      "more than the figures published by the national "
                                      "institute."),
    })
    national, department = claim_with(result, "ins", "94 cases"), claim_with(
        result, "tolima", "67 cases")
    assert "in:the department" in department.qualifiers
    found = compare(national, department)  # before: a disagreement (blind26)
    assert found is not None and found.kind == "not_comparable", found


def test_doses_bought_are_not_doses_given_and_a_previous_depth_is_not_the_new_one() -> None:
    given, bought = read_figures("Health teams have applied more than 420,000 doses in Tolima, "
                                 "and the ministry has bought 2.5 million doses.")
    assert (given.measure, bought.measure) == ("vaccine doses", "vaccine doses bought")
    result = run_texts({
        "federation": dated("2026-08-18", "ANNECY — French cavers have pushed the Gouffre "
                                          "Mirolda to a depth of 1,781 metres, the federation "
                                          "said on Tuesday."),
        "team": dated("2026-08-18", "SAMOENS — The push added about 50 metres to the cave's "
                                    "previous depth of 1,733 metres, the expedition leader "
                                    "said on Tuesday."),
    })
    found = verdict(result, claim_with(result, "federation", "1,781 metres"),
                    claim_with(result, "team", "1,733 metres"))
    assert found is None or found.kind != "disagreement", found


def test_a_count_written_after_what_it_counts_is_that_things_count() -> None:
    """"Raised the number of inmates who escaped to 16, from the 14 they announced" counts
    what "Fourteen inmates escaped" counts (before: no figure was read, and the revision
    met nothing; blind13's prison escape)."""
    result = run_texts({
        "officials": dated("2027-03-11", "THOHOYANDOU — Officials at Makhado prison on "
                                         "Thursday raised the number of inmates who escaped "
                                         "to 16, from the 14 they announced on Tuesday."),
        "wire": dated("2027-03-09", "THOHOYANDOU — Fourteen inmates escaped from Makhado "
                                    "prison on Monday night, officials said on Tuesday."),
    })
    revised = claim_with(result, "officials", "16")
    assert revised.measure == claim_with(result, "wire", "Fourteen inmates").measure
    assert claim_with(result, "officials", "14").measure == revised.measure
    found = verdict_of(result, ("officials", "16"), ("wire", "Fourteen inmates"))
    assert found is not None and found.kind == "update", found


def test_a_count_of_a_narrowed_thing_is_not_the_count_of_all() -> None:
    """"The number of candidates with a C+ or better" is a part of the candidates: it meets
    no count of all candidates (blind3: the first reading of "the number of X" invented this
    disagreement)."""
    result = run_texts({
        "coast": dated("2027-01-13", "MOMBASA, Kenya — The number of candidates with a C+ or "
                                     "better in last year's KCSE rose to 246,804, the "
                                     "Education Ministry said on Monday."),
        "rift": dated("2027-01-13", "ELDORET, Kenya — The examinations council said on "
                                    "Monday that 965,501 candidates sat last year's KCSE."),
    })
    assert all(c.document != "coast" or c.measure != "candidates"
               for c in result.brief.claims), result.brief.claims
    assert not any(v.kind == "disagreement" for v in result.brief.verdicts)
