"""Durations as claims: how long something lasted, takes or was late, read only when the
sentence says what lasted, compared in one unit where the conversion is exact, and never a
disagreement between what two outlets' different things lasted. Through ``read_figures`` and
``summarize.run`` (English only)."""

from __future__ import annotations

import pytest

from summarize.digest.figures import read_figures
from tests.test_brief import claim_with, dated, run_texts, verdict


@pytest.mark.parametrize(("sentence", "measure", "shown", "unit"), [
    ("The outage lasted roughly nine hours on Monday, the regulator said.",
     "time out of service", "roughly nine hours", "h"),
    ("Customers were cut off for close to 12 hours.", "time out of service",
     "close to 12 hours", "h"),
    ("The reactor will stay offline for about three weeks after a coolant leak.",
     "time out of service", "about three weeks", "wk"),
    ("The runway reopened after 17 hours, the airport said.", "time out of service",
     "17 hours", "h"),
    ("A tower collapsed, cutting power to 420,000 homes and businesses for up to seven hours.",
     "time out of service", "up to seven hours", "h"),
    ("Racing's six-day shutdown ends on Sunday.", "time out of service", "six-day", "d"),
    ("Construction will take 30 months, the company said.", "construction duration",
     "30 months", "mo"),
    ("Activists said the campus would take three years to build.", "construction duration",
     "three years", "yr"),
    ("\"We are about 18 months behind the original plan,\" she said.", "delay",
     "about 18 months", "mo"),
    ("The line said it would delay the ship's next departure by 24 hours.", "delay",
     "24 hours", "h"),
    ("The handover, which the United Arab Emirates mediated, took about four hours.",
     "handover duration", "about four hours", "h"),
    ("The handover on the Belarusian border lasted six hours, a correspondent said.",
     "handover duration", "six hours", "h"),
    ("The boarding itself had lasted about an hour and a half.", "boarding duration",
     "about an hour and a half", "h"),
    ("He was sentenced to nine years in prison.", "prison sentence", "nine years", "yr"),
    ("Seven bidders took part, and the bidding ran for 19 minutes before the painting sold.",
     "bidding duration", "19 minutes", "min"),
    ("The fire burned for three days, officials said.", "fire duration", "three days", "d"),
    # Before: none of these was read.
    ("Firefighters needed more than seven hours to put out the blaze.",
     "firefighting duration", "more than seven hours", "h"),
    ("Crews will need at least two weeks to seal the gap.", "sealing duration",
     "at least two weeks", "wk"),
    ("Rescuers ended their search of the building on Friday after 80 hours.",
     "search duration", "80 hours", "h"),
    ("Unions extended the strike to five days on Saturday.", "strike duration", "five days",
     "d"),
    ("The strike is due to last 72 hours, the union said.", "strike duration", "72 hours",
     "h"),
    ("Prosecutors had asked for 12 years.", "sentence sought", "12 years", "yr"),
    # Before: none of these was read either (one unit written with its article was no number;
    # a deadline, a time "taken" or "spent" doing something, "down for" and "well over" were
    # not read).
    ("Operators have a month to remove the scooters.", "deadline for removal", "a month",
     "mo"),
    ("The city has given operators only 60 days to remove their scooters.",
     "deadline for removal", "60 days", "d"),
    ("The tunnel had taken at least three months to dig, police said.", "digging duration",
     "at least three months", "mo"),
    ("The inmates spent about six weeks digging the tunnel.", "digging duration",
     "about six weeks", "wk"),
    ("The fire had burned for well over an hour before crews arrived.", "fire duration",
     "well over an hour", "h"),
    ("The plant will be down for at least a month.", "time out of service",
     "at least a month", "mo"),
    # Before: a time in a state or a place was not read ("says only who"); its place or state
    # says what lasted, as the blind sets label it.
    ("The thieves were inside the building for four minutes.", "time inside building",
     "four minutes", "min"),
    ("The thieves spent about seven minutes inside the museum.", "time inside museum",
     "about seven minutes", "min"),
    ("Temperatures stayed below freezing for about five hours.", "time below freezing",
     "about five hours", "h"),
    ("A train sat stranded for nearly two hours near Settat.", "time stranded",
     "nearly two hours", "h"),
    ("He will be in hospital for about three weeks.", "time in hospital", "about three weeks",
     "wk"),
    # Doing something in a time, a journey's time, time saved, a speech, "has now lasted".
    ("Police said the wallets had been emptied in 47 minutes.", "emptying duration",
     "47 minutes", "min"),
    ("Firefighters put out the blaze in about 50 minutes.", "firefighting duration",
     "about 50 minutes", "min"),
    ("The draft puts the journey time between Zaragoza and Toulouse at two hours and 45 "
     "minutes.", "journey duration", "two hours and 45 minutes", "min"),
    ("The new section will cut the drive between the two towns by 40 minutes.", "time saved",
     "40 minutes", "min"),
    ("An opposition lawmaker spoke for 17 hours and 12 minutes.", "speech duration",
     "17 hours and 12 minutes", "min"),
    ("The filibuster has now lasted about 52 hours.", "filibuster duration", "about 52 hours",
     "h"),
    ("Its filibuster against the bill had run for 56 hours.", "filibuster duration",
     "56 hours", "h"),
    ("Relatives who gathered outside said the fire had burned for well over an hour.",
     "fire duration", "well over an hour", "h"),
])
def test_a_duration_is_a_figure_of_what_lasted(sentence: str, measure: str, shown: str,
                                                unit: str) -> None:
    found = [(f.measure, f.shown, f.unit) for f in read_figures(sentence)]
    assert (measure, shown, unit) in found, found


def test_hours_and_minutes_are_one_duration_in_minutes() -> None:
    figure, = read_figures("The flight lasted two hours and 20 minutes.")
    assert (figure.measure, figure.mention.value, figure.unit) == ("flight duration", 140,
                                                                   "min")


@pytest.mark.parametrize("sentence", [
    "Sales rose 4% over the past 12 months.",
    "Prices hit a 20-year high on Friday.",
    "Six months ago the firm had 40 staff.",
    "Two days later, the toll rose to 12.",
    "The ministry issued a 10-year bond.",
    "The order was lifted after nine hours.",
    "Talks resumed in three weeks.",
    # Before: "a fortnight and a half" was 1.5 weeks; a fortnight is two (not read).
    "The closure lasted a fortnight and a half.",
    # Needing or spending time says what it was for only with "to …" or a place.
    "The thieves spent about seven minutes inside.",
    "Sales rose over the last 12 months.",
    # A duration asked for outside a trial is no sentence.
    "The company asked for 12 days to respond.",
    # One unit with its article is a duration only as any number is.
    "A week ago, the plant closed.",
    "Sales rose a year earlier.",
    "The crew spent a day waiting for the tide.",
])
def test_a_period_an_age_or_a_length_that_names_a_kind_is_no_duration(sentence: str) -> None:
    assert not [f for f in read_figures(sentence) if f.unit in {"min", "h", "d", "wk", "mo",
                                                                 "yr"}]


def test_two_outlets_outage_lengths_on_one_day_disagree() -> None:
    result = run_texts({
        "regulator": dated("2026-03-10", "OSLO, March 10 – The runway at Gardermoen was closed "
                           "for 19 hours on Monday after a cargo jet skidded off it, the "
                           "airport operator Avinor said on Tuesday."),
        "wire": dated("2026-03-10", "OSLO – Gardermoen's runway reopened after 17 hours on "
                      "Monday, the airport operator Avinor said on Tuesday."),
    })
    closed, reopened = claim_with(result, "regulator", "19 hours"), claim_with(result, "wire",
                                                                             "17 hours")
    assert closed.measure == reopened.measure == "time out of service"
    found = verdict(result, closed, reopened)
    assert found is not None and found.kind == "disagreement", found


def test_durations_in_exactly_convertible_units_are_compared() -> None:
    result = run_texts({
        "a": dated("2026-05-05", "The boarding of the tanker took about 40 minutes, a "
                   "maritime agency said on Tuesday."),
        "b": dated("2026-05-05", "The boarding of the tanker had lasted about an hour and a "
                   "half, a security firm said on Tuesday."),
        "c": dated("2026-05-05", "The boarding of the tanker took 0.7 hours, a "
                   "coastguard said on Tuesday."),
    })
    short = claim_with(result, "a", "about 40 minutes")
    long = claim_with(result, "b", "about an hour and a half")
    found = verdict(result, short, long)
    assert found is not None and found.kind == "disagreement", found
    agree = verdict(result, short, claim_with(result, "c", "0.7 hours"))
    assert agree is not None and agree.kind == "same_fact", agree


def test_weeks_and_months_are_never_a_disagreement() -> None:
    # A month is 28 to 31 days: "eight to ten weeks" and "at least three months" are shown,
    # never opposed.
    result = run_texts({
        "a": dated("2026-10-06", "The Amber Link cable will be out of service for eight to "
                   "ten weeks, Energinet said on Tuesday."),
        "b": dated("2026-10-06", "The Amber Link cable will be out of service for at least "
                   "three months, Energinet said on Tuesday."),
    })
    weeks = claim_with(result, "a", "eight to ten weeks")
    months = claim_with(result, "b", "at least three months")
    assert weeks.measure == months.measure
    found = verdict(result, weeks, months)
    assert found is None or found.kind != "disagreement", found


def test_what_two_different_things_lasted_is_never_compared() -> None:
    result = run_texts({
        "a": dated("2026-05-05", "The rescue of the crew took about four hours, the coastguard "
                   "said on Tuesday."),
        "b": dated("2026-05-05", "The search for the missing diver took nine hours, the "
                   "coastguard said on Tuesday."),
    })
    rescue = claim_with(result, "a", "about four hours")
    assert rescue.measure == "rescue duration"
    assert not [v for v in result.brief.verdicts if rescue.id in v.claims]


@pytest.mark.parametrize(("sentence", "measure", "shown"), [
    ("The median wait for inpatient treatment was 14 weeks.", "wait for inpatient treatment",
     "14 weeks"),
    ("BMA Scotland said the median wait for an operation was closer to 17 weeks.",
     "wait for operation", "closer to 17 weeks"),
    ("Ships waited five to six days for a berth, carriers said.", "wait for berth",
     "five to six days"),
    ("The average wait for a berth was 3.5 days.", "wait for berth", "3.5 days"),
])
def test_a_wait_is_a_wait_for_what_its_sentence_names(sentence: str, measure: str,
                                                      shown: str) -> None:
    assert (measure, shown) in [(f.measure, f.shown) for f in read_figures(sentence)]


def test_waits_for_different_things_are_never_compared() -> None:
    # Before: "waited a median of 38 weeks" (for a new hip) and "the median wait for an
    # operation was closer to 17 weeks" were one "wait" and a disagreement.
    result = run_texts({
        "agency": dated("2026-08-25", "The median wait for inpatient treatment was 14 weeks, "
                        "while patients needing a hip replacement waited a median of 38 "
                        "weeks, Public Health Scotland said on Tuesday."),
        "union": dated("2026-08-25", "BMA Scotland said on Tuesday that the median wait for "
                       "an operation was closer to 17 weeks."),
    })
    assert not [f for f in read_figures("Patients needing a hip replacement waited a median "
                                         "of 38 weeks.") if f.unit == "wk"]
    assert not [v for v in result.brief.verdicts if v.kind == "disagreement"]


def test_a_figure_that_replaces_the_one_its_source_gave_is_a_revision() -> None:
    # Before: "about five weeks rather than the three it gave on Tuesday" was a disagreement
    # with Tuesday's "about three weeks" (blind10's clean run).
    result = run_texts({
        "tuesday": dated("2026-03-17", "\"The distillation unit will stay offline for about "
                         "three weeks,\" chief executive Rui Valadares of Atlantida Refining "
                         "told reporters on Tuesday."),
        "thursday": dated("2026-03-19", "Atlantida Refining on Thursday raised its estimate of "
                          "the damage to €85 million, and said the crude unit would now be "
                          "offline for about five weeks rather than the three it gave on "
                          "Tuesday."),
    })
    first = claim_with(result, "tuesday", "about three weeks")
    later = claim_with(result, "thursday", "about five weeks")
    assert "revised" in later.qualifiers
    found = verdict(result, first, later)
    assert found is None or found.kind == "update", found
    # Before: the reason showed the forecaster's internal key ("… / revised, by:atlantida …").
    assert found is None or "by:" not in found.reason, found


def test_a_count_for_one_city_alone_is_no_disagreement_with_the_national_count() -> None:
    # Before: Japan's 12,480 and "In Tokyo alone, … 2,150 people" disagreed (blind10).
    result = run_texts({
        "agency": dated("2026-08-04", "TOKYO, Aug 4 — Ambulances took 12,480 people to "
                        "hospital with heatstroke across Japan in the week to Sunday, the fire "
                        "agency said on Tuesday."),
        "city": dated("2026-08-04", "In Tokyo alone, the fire department took 2,150 people to "
                      "hospital with heatstroke over the week, it said on Tuesday."),
    })
    city = claim_with(result, "city", "2,150 people")
    assert "in:Tokyo" in city.qualifiers
    assert not [v for v in result.brief.verdicts if v.kind == "disagreement"]


def test_the_time_firefighters_took_to_arrive_is_not_how_long_they_fought_the_fire() -> None:
    # Before: "taken "almost 20 minutes" to arrive" (a closing quote before "to") was read as
    # the firefighters' duration, which met the firefighting duration as one count.
    result = run_texts({
        "nurse": dated("2026-11-17", "BACAU, Romania — A fire killed five patients at the "
                                     "Bacau county hospital on Monday. A nurse said the "
                                     "firefighters had taken \"almost 20 minutes\" to arrive "
                                     "at the fire."),
        "igsu": dated("2026-11-17", "BACAU, Romania — A fire killed five patients at the Bacau "
                                    "county hospital on Monday. Firefighters put out the fire "
                                    "in about 50 minutes, the IGSU said."),
    })
    arrive = claim_with(result, "nurse", "almost 20 minutes")
    fought = claim_with(result, "igsu", "about 50 minutes")
    assert arrive.measure != fought.measure
    assert verdict(result, arrive, fought) is None
