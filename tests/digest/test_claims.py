"""Claims of English sentences: figures and measures, subjects, times, status, attribution."""

from __future__ import annotations

from datetime import date

import pytest

from summarize.digest.claims import attributions, extract_claims
from summarize.digest.entities import name_context, same_subject, subject_key
from summarize.digest.figures import read_figures
from summarize.digest.mentions import hedge, names, subject_names
from summarize.digest.timeexpr import document_date, find_times, resolve
from summarize.numbers import english_mentions, same_figure
from summarize.records import DocumentResult, SentenceRecord


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Mistral was valued at $6 billion in June 2024.", [("valuation", "$6 billion")]),
    ("The investment values Veloria AI at €11.7 billion.", [("valuation", "€11.7 billion")]),
    ("Veloria AI closed a funding round of 600 million euros on Tuesday.",
     [("funding", "600 million euros")]),
    ("It raised €600 million at a valuation of €6 billion.",
     [("funding", "€600 million"), ("valuation", "€6 billion")]),
    ("The company employs 350 people and raised $1.7 billion.",
     [("staff", "350 people"), ("funding", "$1.7 billion")]),
    ("It will build a 40 MW data centre near Paris.", [("capacity", "40 MW")]),
    ("Nvidia will supply about 18,000 Blackwell GPUs to equip a future 40-megawatt data centre.",
     [("chips", "about 18,000 Blackwell GPUs"), ("capacity", "40-megawatt")]),
    ("A magnitude 6.9 earthquake struck on Monday, killing 38 people and injuring 200.",
     [("magnitude", "6.9"), ("deaths", "38 people"), ("injured", "200")]),
    ("The number of people killed in the earthquake has risen to 112, the agency said.",
     [("deaths", "112")]),
    ("About 20,000 people were evacuated from their homes.",
     [("displaced", "About 20,000 people")]),
    ("Temperatures reached 46.2C in Seville on Sunday.", [("temperature", "46.2C")]),
    ("A gust of 183 km/h was recorded at Mace Head.", [("wind speed", "183 km/h")]),
    ("Turnout was 64.4 percent, the highest since 1995.", [("turnout", "64.4 percent")]),
    # A part of a whole counts what the whole does, and the whole is no figure of its own.
    ("The alliance won 89 of the 230 seats in parliament.", [("seats", "89 of the 230 seats")]),
    ("Tests found bacteria in 38 of the 60 boreholes.", [("boreholes", "38 of the 60 boreholes")]),
    ("The mall opened four of its six entrances.",
     [("opened entrances", "four of its six entrances")]),
    ("More than 300 of the bank's 340 ATMs were offline.",
     [("atms", "More than 300 of the bank's 340 ATMs")]),
    # A part of a group of people is a figure of what befell that part, read from its own
    # words, not from the group's ("of the injured"); without such words it is none.
    ("Twelve people were injured, six of them seriously.",
     [("injured", "Twelve people"), ("seriously injured", "six")]),
    ("Eight of the injured were in critical condition.", [("critically injured", "Eight")]),
    ("Fourteen of those freed were severely wounded.", [("seriously injured", "Fourteen")]),
    ("Eleven of them were treated in hospital.", [("hospitalized", "Eleven")]),
    ("Two of the injured were children.", []),
    # An age is a figure of its own, never a toll or a count of arrests (before: "42"
    # arrested, "19" deaths; blind24); a number glued to a noun counts that noun.
    ("Police arrested a 42-year-old man on Tuesday.", [("age of man", "42-year-old man")]),
    ("The youngest of the dead was a 19-year-old packer from Bac Lieu.",
     [("age of packer", "19-year-old packer")]),
    ("Médecins Sans Frontières is running a 40-bed treatment centre at the hospital.",
     [("bed", "40-bed")]),
    # Patients in intensive care are a count of their own; beds for them are beds.
    ("Nine patients remain in hospital, seven of them on ventilators.",
     [("hospitalized", "Nine patients"), ("in intensive care", "seven")]),
    ("Eleven patients are in intensive care.", [("in intensive care", "Eleven patients")]),
    ("The hospital has only eight intensive-care beds.",
     [("beds", "eight intensive-care beds")]),
    # A part of a group named by a noun that is no class of people is a part of that group,
    # never a toll of everyone (before: "three" hospitalized against an airline's nine).
    ("The union said seven flight attendants were hurt, three of them badly enough to be "
     "admitted.", [("attendants", "seven flight attendants")]),
    # A compound counts its head ("flight attendants"; before: "seven flight"), unless the
    # head counts occasions of the word before it ("rescue missions" are rescues).
    ("Some 300 bus drivers walked out.", [("drivers", "Some 300 bus drivers")]),
    ("Helicopters flew 54 rescue missions from base camp.", [("rescued", "54 rescue")]),
    # A toll word before the head stays the measure: "52 dead turtles" are a toll of animals
    # (before the toll adjectives, "turtles"; blind23).
    ("Fishermen found 52 dead turtles on the beaches this week.",
     [("animal deaths", "52 dead")]),
    ("Four people were killed and 31 injured, nine of them seriously.",
     [("deaths", "Four people"), ("injured", "31"), ("seriously injured", "nine")]),
    # A toll of workers is a toll, not a workforce; admitted patients are hospitalized.
    ("The blast killed 14 workers and injured 40.", [("deaths", "14 workers"), ("injured", "40")]),
    ("About 4,100 people were admitted to hospital with heatstroke.",
     [("hospitalized", "About 4,100 people")]),
    # A verb in its base form after "to" or a modal governs the number as any verb does
    # (before: only "-ed", "-ing", "-s" and irregular past forms did).
    ("The plant can make 2.4 million tonnes of steel a year.",
     [("make steel", "2.4 million tonnes")]),
    ("Romania plans to borrow roughly 165 billion lei in 2027.",
     [("borrow", "roughly 165 billion lei")]),
    # A level after a verb of moving is of the noun before it.
    ("The average remittance fell to $415 as migrants lost jobs.",
     [("average remittance", "$415")]),
    ("Inflation slowed to 2.3 percent in February from 2.6 percent in January.",
     [("inflation", "2.3 percent"), ("inflation", "2.6 percent")]),
    ("German consumer prices rose 2.3% year on year.", [("inflation", "2.3%")]),
    # Numbers that measure nothing named are not figures; nor are years, dates, ages, times,
    # model names, totals, differences and changes in points or units.
    ("Arcadia was founded in 2019 and opens on March 3.", []),
    # A dateline's day is no figure, and no start of a range ("Sept 14 – Four").
    ("BRUSSELS, Sept 14 – Four people were evacuated.", [("displaced", "Four people")]),
    # An age in commas after a name is that person's age, never a count.
    ("Okafor, 24, has signed a five-year contract.",
     [("age of Okafor", "24"), ("contract duration", "five-year")]),
    ("The coroner said Gary Pohlman, 67, of Fremont, drowned.", [("age of Gary Pohlman", "67")]),
    ("Among those flown out was Tomás Ibarra, a 29-year-old Chilean rider.",
     [("age of Tomás Ibarra", "29-year-old")]),
    ("On Tuesday, 24, people were hurt.", []),
    # Dimensions and quantities name the thing they measure.
    ("Inspectors found a crack 14 centimetres (5.5 inches) long in a weld.",
     [("crack", "14 centimetres")]),
    ("Three houses fell into the pit, which is about 30 metres deep.",
     [("buildings damaged", "Three houses"), ("depth of pit", "about 30 metres")]),
    ("The 52-metre (170-foot) steel tower buckled.", [("tower", "52-metre")]),
    ("Pellets washed up along more than 60 km of coastline.",
     [("coastline", "more than 60 km")]),
    ("The service said 110 cm of new snow had fallen.", [("snow", "110 cm")]),
    ("The maximum draft was lowered to 44.5 feet.", []),
    # The chance of something is no share of anything.
    ("The agency said asteroid 2026 KD4 has a 1.6% chance of hitting Earth.",
     [("chance", "1.6%")]),
    # Before: litres, gallons, cubic and square units were no units at all.
    ("About 38,000 litres (10,000 US gallons) of crude oil leaked into the bay.",
     [("oil", "About 38,000 litres")]),
    ("The ANM estimates that some 9,000 cubic metres of water entered the mine.",
     [("water", "some 9,000 cubic metres")]),
    # A time in a state or a place is a duration of being there.
    ("The thieves were inside the building for four minutes.",
     [("time inside building", "four minutes")]),
    ("Survivors said they had spent 10 days at sea.", [("time at sea", "10 days")]),
    # The votes on a motion: for and against, never a count of votes at large.
    ("The assembly passed the motion by 38 votes to 11.",
     [("votes in favour", "38"), ("votes against", "11")]),
    ("The speaker said 38 of the 56 members backed the motion and 11 opposed it.",
     [("votes in favour", "38"), ("votes against", "11")]),
    ("A poll found 46% of voters backed the bill.", [("vote share", "46%")]),
    # How far from normal: a signed figure of what its clause is about.
    ("Rainfall in the valley over the two months was 38% below normal.",
     [("rainfall against normal", "down 38%")]),
    ("Quotas could push catches to nearly 300,000 tonnes, more than 50% above the advice.",
     [("push catches", "nearly 300,000 tonnes"), ("push catches against advice", "up 50%")]),
    # Who fell ill, who was on board, who is held: counts of their own.
    ("Some 214 people were on board.", [("on board", "Some 214 people")]),
    ("More than 400 children fell sick after the lunch.", [("ill", "More than 400 children")]),
    ("About 7,600 soldiers are still held in Russia.", [("held captive", "About 7,600 soldiers")]),
    ("The union said only about 80 officers had been deployed.",
     [("deployed", "about 80 officers")]),
    ("The union said about 2,600 people had lost their jobs.",
     [("job cuts", "about 2,600 people")]),
    ("About 2,500 staff will lose their jobs.", [("job cuts", "About 2,500 staff")]),
    ("The plant employs 2,500 staff.", [("staff", "2,500 staff")]),
    # A time between a noun and its number; an earlier value "from a preliminary 7.4%".
    ("The fund lowered its return for 2025 to 7.2% from a preliminary 7.4%.",
     [("return", "7.2%"), ("return", "7.4%")]),
    ("The association put the navy's cleanup budget this year at about 250 million pesos.",
     [("cleanup budget", "about 250 million pesos")]),
    # "Rs" is a rupee of no one country: its own code, never guessed.
    ("Budget documents put the cost of the drive at Rs 2.4 billion.",
     [("price", "Rs 2.4 billion")]),
    ("He won in 2:02:16, 41 seconds outside the record.", []),
    ("It competes with GPT-4 and GPT 3.5.", []),
    ("Radu received 412,000 votes, some 142,000 more than Popa.", [("votes", "412,000 votes")]),
    # A relative change is the change in what moved; a change in points is no figure.
    ("Food prices rose 0.8 percent and the bank raised its rate by 350 basis points.",
     [("change in prices", "up 0.8%")]),
])
def test_figures_name_the_measure(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.measure, f.shown) for f in read_figures(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # A relative change is a figure of the change in what moved, signed by its direction.
    ("Its shares closed 3.8% lower in Oslo on Tuesday.",
     [("share price change at close", "down 3.8%", -3.8)]),
    ("Shares in Kestrel rose 4.2% in morning trading.",
     [("share price change intraday", "up 4.2%", 4.2)]),
    ("Rents for apartments rose 14% over the first half.", [("change in rents", "up 14%", 14)]),
    # A capitalized noun before a place is what moved, not a name ("Kestrel rose 4%" is one).
    ("Traffic into central Auckland fell 14% on Monday.",
     [("change in traffic", "down 14%", -14)]),
    ("Kestrel rose 4% in Oslo.", []),
    ("Foreign arrivals in Thailand fell 5.1% in the first half.",
     [("change in arrivals", "down 5.1%", -5.1)]),
    ("Dubai recorded 94,600 property transactions in 2025, up 26% from a year earlier.",
     [("transactions", "94,600 property transactions", 94_600),
      ("change in transactions", "up 26%", 26)]),
    # Rates of change keep their measure; a change of a name, in points or units is none.
    ("German consumer prices rose 2.3% year on year.", [("inflation", "2.3%", 2.3)]),
    ("Kestrel rose 4.2% in morning trading.", []),
    ("The bank raised its rate by 350 basis points.", []),
])
def test_relative_changes_are_signed_figures_of_what_moved(
        sentence: str, expected: list[tuple[str, str, float]]) -> None:
    assert [(f.measure, f.shown, f.mention.value) for f in read_figures(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # What the vocabulary does not know is read from the words that hold the number.
    ("Kestrel produced 118,000 tonnes of copper in the quarter.",
     [("produced copper", "118,000 tonnes")]),
    ("Kestrel produced 31,000 ounces of gold.", [("produced gold", "31,000 ounces")]),
    ("The tank held about 150 tonnes of propylene oxide.",
     [("held propylene", "about 150 tonnes")]),  # an irregular verb governs as a regular one
    ("About 9,000 dockworkers walked off the job on Monday.",
     [("dockworkers", "About 9,000 dockworkers")]),
    ("The board declared a dividend of 15 cents per share.", [("dividend", "15 cents")]),
    ("The employers have offered 4.5% over two years.", [("offered", "4.5%")]),
    ("The ferry was carrying 214 people.", [("carrying", "214 people")]),
    # A passive verb after the counted noun governs it as one before it does.
    ("Eleven beaches were closed on Tuesday.", [("closed beaches", "Eleven beaches")]),
    ("The council closed nine beaches.", [("closed beaches", "nine beaches")]),
    # A counted noun is no verb of the vocabulary ("ships" is not "shipped": units sold).
    ("Port data showed 52 vessels waiting, including 31 container ships.",
     [("vessels", "52 vessels"), ("ships", "31 container ships")]),
    # A unit with several common uses implies its measure only when nothing governs it.
    ("The inspection found hairline cracks of 0.3 mm in the span.",
     [("hairline cracks", "0.3 mm")]),
    ("The farm covers 300 hectares.", [("covers", "300 hectares")]),
    ("The fire has burned 48,000 hectares.", [("area burned", "48,000 hectares")]),
    ("Some 120 mm of rain fell overnight.", [("rainfall", "Some 120 mm")]),
    # A part of a set of things is a figure of its own; a part of a group of people is not.
    ("Engineers found cracks in nine of the arena's vaults.",
     [("vaults", "nine of the arena's vaults")]),
    ("Three of the victims were children.", []),
    # A collective noun is no measure of its members; a verb of counting says who counted.
    ("A group of nine skiers was caught.", [("skiers", "nine skiers")]),
    ("Port data counted 19 skipped calls.", [("skipped calls", "19 skipped calls")]),
    ("The census left the rural population unchanged at 31,400.",
     [("rural population", "31,400")]),
    ("It put the wheat crop at 2.4 million tonnes and the barley crop at 0.5 million tonnes.",
     [("wheat crop", "2.4 million tonnes"), ("barley crop", "0.5 million tonnes")]),
    # A currency or a unit written out is never the measure ("dirhams"), nor a verb of change.
    ("The government set aside 10 billion dirhams for aid.", [("aid", "10 billion dirhams")]),
    ("Durum wheat has risen to 420 dirhams per quintal.", []),
    ("Some 214 people were at the meeting.", []),
    # Before: "were" was read as the noun before "unchanged at", and "remained" governed none.
    ("Anonymous donations were unchanged at NZ$1.1 million.",
     [("donations", "NZ$1.1 million")]),
    ("The cleanup's budget remained 180 million pesos.", [("budget", "180 million pesos")]),
])
def test_figures_the_vocabulary_lacks_take_an_open_measure(
        sentence: str, expected: list[tuple[str, str]]) -> None:
    figures = read_figures(sentence)
    assert [(f.measure, f.shown) for f in figures] == expected
    assert all(f.near for f in figures)  # named by the words right at the figure


@pytest.mark.parametrize(("sentence", "bound", "unit", "conversions"), [
    ("It raised at least €40 million.", "min", "EUR", ()),
    ("It hired no more than 2,500 extra workers.", "max", None, ()),  # not "more than"
    ("It hired not more than 2,500 extra workers.", "max", None, ()),
    ("Up to 300 people were evacuated.", "max", None, ()),
    ("About 1 million spectators lined the course.", "approx", None, ()),
    ("The exit poll gave it between 86 and 96 seats.", "range", None, ()),
    ("It secured a round of 1.7 billion euros ($2 billion).", "exact", "EUR",
     ((2e9, "USD"),)),
    ("Three children were among the dead.", "exact", "children", ()),
    # Currencies written out (CLDR's English names): a code when only one currency in use has
    # the name, the word itself when several do ("pesos"), never a weight ("200 pounds").
    ("Poland's auction raised 8.2 billion zlotys (about €1.9 billion).", "exact", "PLN",
     ((1.9e9, "EUR"),)),
    ("A sack of sorghum costs 18,000 Sudanese pounds.", "exact", "SDG", ()),
    ("The company was fined 500 million pesos.", "exact", "pesos", ()),
    ("A man who weighs 200 pounds on Earth.", "exact", None, ()),
    ("Iceland's fund ended the year with assets of ISK 398 billion.", "exact", "ISK", ()),
    ("The buyer paid 40 million SEK.", "exact", "SEK", ()),
])
def test_figures_carry_bound_unit_and_stated_conversion(
        sentence: str, bound: str, unit: str | None,
        conversions: tuple[tuple[float, str], ...]) -> None:
    figure, = read_figures(sentence)
    assert (figure.bound, figure.unit, figure.conversions) == (bound, unit, conversions)


def test_same_figure_allows_rounding_only_to_the_written_precision() -> None:
    a, = english_mentions("€1.72 billion")
    b, = english_mentions("1.7 billion euros")
    c, = english_mentions("1.8 billion euros")
    assert same_figure(a, b) and same_figure(b, a)
    assert not same_figure(a, c)


def test_names_skip_sentence_initial_common_words_known_from_context() -> None:
    text = "Investors said Mistral AI would open an office in the US."
    assert names(text, context="The investors were pleased.") == {"mistral", "ai", "us"}
    assert "investors" in names(text)  # without context it cannot tell
    assert subject_names(text, "the investors") == {"mistral"}  # no acronyms, months, days


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Veloria AI is in talks to buy Lumen, according to Handelsblatt.",
     "according to Handelsblatt"),
    ("The company reportedly plans a listing.", "reportedly"),
    ("The chief executive said the plant would open in 2027.", "said"),
    ("Mistral is said to be raising new money.", "is said to"),
    ("The deal may be worth 2 billion euros.", "may"),
    ("Veloria AI raised 600 million euros.", None),
    ("Veloria AI raised 600 million euros in May 2024.", None),
])
def test_hedge_finds_attribution_and_hedging(sentence: str, expected: str | None) -> None:
    assert hedge(sentence) == expected


@pytest.mark.parametrize(("sentence", "spans"), [
    ("Turkey's disaster agency AFAD said on Tuesday that 1,200 people had died.",
     ["Turkey's disaster agency AFAD said on Tuesday that"]),
    ("Inflation was 38.1 percent, according to the statistics institute TurkStat.",
     ["according to the statistics institute TurkStat"]),
    ("Prices rose 38.1%, while the ENAG research group put annual inflation at 82.7 percent.",
     ["while the ENAG research group put annual inflation at"]),
    ("Neighbouring Mozambique has reported 1,500 cases this year.", []),
    # A dated dateline is no part of the source, and its date does not hide the source.
    ("LISBON, Oct 3 – Portugal's health ministry said on Friday that 212 people had died.",
     ["Portugal's health ministry said on Friday that"]),
    ("OSLO, Norway, March 9 — Statnett said 41,000 homes had no power.", ["Statnett said"]),
    ("MALMÖ, Oct 16 – The council said 1,600 people work at the site.", ["The council said"]),
    ("Sales fell 4% by Baytak's count, and rents climbed 11%.", ["by Baytak's count"]),
    ("By the union's own count, 9,000 dockworkers walked off.", ["By the union's own count"]),
    # Inverted: the source follows "said"; the clause before it is what was said.
    ("Seven boring machines were in use, said Pilar Sanjuán, the project's director.",
     ["said Pilar Sanjuán, the project's director"]),
    ('"We read the logs," said Pilar Sanjuán, adding that seven machines were in use.',
     ["said Pilar Sanjuán, adding that"]),
    ("Its owner, Raj Malhotra, said the store was closed.", ["Its owner, Raj Malhotra, said"]),
    # Who puts a value at a figure is its source, however long what is put (before: none of
    # these was a source, so the speaker was the figure's subject).
    ("District councillor Frank Seidel put the cost of the search at more than €300,000.",
     ["District councillor Frank Seidel put"]),
    ("Stelios Georgiou, a hydrologist, put the level of the reservoir on Monday at about 17%.",
     ["Stelios Georgiou, a hydrologist, put"]),
    ("Its finance chief, Owen Pierce, estimated the cost of flying in fuel at C$45 million.",
     ["Its finance chief, Owen Pierce, estimated"]),
])
def test_attributions_are_who_says_it(sentence: str, spans: list[str]) -> None:
    assert [sentence[s:e].strip(" ,") for s, e in attributions(sentence)] == spans


def _document(doc_id: str, day: str | None, *sentences: str) -> DocumentResult:
    records = [SentenceRecord(f"{doc_id}:{i}:1", i, s, s) for i, s in enumerate(sentences, 1)]
    return DocumentResult(doc_id, None, "en", sentences=records,
                          metadata={"date": day} if day else {})


@pytest.mark.parametrize(("sentences", "subject", "basis"), [
    (["The Dutch chip giant ASML also contributed 1.3 billion euros to the round."],
     "ASML", "sentence"),
    (["Veloria AI raised a round.", "The company employs 350 people."], "Veloria AI",
     "pronoun"),
    (["Kivo Systems said on Friday it had raised €95 million."], "Kivo Systems", "pronoun"),
    (["Stockholm-based rival Lumio is also raising money: it is in talks to raise about "
      "€300 million."], "Lumio", "pronoun"),
    (["Mihai Popa of the Social Democratic Party took 31.2 percent of the vote."],
     "Mihai Popa", "sentence"),
    # Who counts is a source, not the subject: the count is of what it names after it.
    (["Malta's port authority Transport Malta said it had logged about 312 cruise ships "
      "in Valletta."], "Valletta", "sentence"),
    (["The virus reached the barns of Veluwe Eggs.", "Shares in Veluwe Eggs fell.",
      "The farmers' union LTO counted 17 poultry farms."], "Veluwe Eggs", "guess"),
    # A source speaks of itself: the head of its name, not the possessor before it.
    (["The European Commission's statistics office Eurostat said it would hire 300 "
      "analysts."], "Eurostat", "pronoun"),
])
def test_the_subject_is_the_sentence_entity_else_the_article_entity(
        sentences: list[str], subject: str, basis: str) -> None:
    doc = _document("d", "2025-03-11", *sentences)
    claim = extract_claims(doc, name_context(sentences))[-1]
    assert (claim.subject, claim.subject_basis) == (subject, basis)


def test_event_figures_are_about_the_event_and_its_places() -> None:
    doc = _document("q", "2025-01-20",
                    "A strong earthquake hit Izmir in western Turkey on Monday.",
                    "The disaster agency AFAD said 38 people had died.",
                    "Separately, floods in southern Poland killed two people.")
    claims = extract_claims(doc, name_context(s.english for s in doc.sentences))
    quake, floods = claims
    assert (quake.subject, quake.subject_kind) == ("earthquake", "event")
    assert quake.attribution == "The disaster agency AFAD said"
    assert any("izmir" in a for a in quake.anchors)
    assert floods.subject == "flood" and floods.anchors == ("poland",)


@pytest.mark.parametrize(("sentence", "start", "end", "qualifiers", "status"), [
    ("The company said on Tuesday it had raised €450 million.", "2025-03-11", "2025-03-11",
     (), "completed"),
    ("Mistral was valued at $2 billion last December.", "2024-12-01", "2024-12-31", (),
     "completed"),
    ("It has raised €610 million to date.", "2025-03-11", "2025-03-11", ("cumulative",),
     "completed"),
    ("In its previous round, in 2023, it raised €120 million.", "2023-01-01", "2023-12-31",
     ("previous",), "completed"),
    # A plan, target or talks carry who holds them ("by:"): forecasters tell figures apart.
    ("It is in talks to raise about €300 million.", "2025-03-11", "2025-03-11",
     ("by:norvia robot",), "in talks"),
    ("It has a fundraising target of 600 million dollars.", "2025-03-11", "2025-03-11",
     ("target", "by:norvia robot"), "target"),
    ("It will open a plant in 2026 that will employ 600 people.", "2026-01-01", "2026-12-31",
     ("by:norvia robot",), "planned"),
    # "scheduled" before a noun describes it; only "scheduled to" or "for" plans.
    ("Its ships skipped six scheduled calls on Tuesday.", "2025-03-11", "2025-03-11", (),
     "completed"),
])
def test_time_qualifiers_and_status(sentence: str, start: str, end: str,
                                    qualifiers: tuple[str, ...], status: str) -> None:
    doc = _document("n", "2025-03-11", "Norvia Robotics makes robots.", sentence)
    claim = extract_claims(doc, name_context([sentence]))[-1]
    assert (claim.time.start, claim.time.end) == (start, end)
    assert claim.qualifiers == qualifiers and claim.status == status


@pytest.mark.parametrize(("text", "base", "start", "end"), [
    ("on Tuesday", date(2025, 3, 11), "2025-03-11", "2025-03-11"),  # a Tuesday article
    ("on Monday", date(2025, 3, 11), "2025-03-10", "2025-03-10"),
    ("in September", date(2025, 10, 2), "2025-09-01", "2025-09-30"),
    ("in September", date(2025, 3, 2), "2024-09-01", "2024-09-30"),
    ("last December", date(2024, 6, 10), "2023-12-01", "2023-12-31"),
    ("six months ago", date(2024, 6, 10), "2023-12-01", "2023-12-31"),
    ("a week earlier", date(2025, 4, 7), "2025-03-31", "2025-03-31"),
    ("the first week of July", date(2025, 7, 14), "2025-07-01", "2025-07-07"),
    ("the second quarter of 2024", None, "2024-04-01", "2024-06-30"),
    ("in June 2024", None, "2024-06-01", "2024-06-30"),
    ("last year", date(2025, 3, 11), "2024-01-01", "2024-12-31"),
    ("in September", None, None, None),  # no document date: stays relative
    ("in the three months to September", date(2025, 10, 23), "2025-07-01", "2025-09-30"),
    ("the nine months to the end of September", date(2025, 10, 23), "2025-01-01",
     "2025-09-30"),
    ("in the six months ended June 30, 2025", None, "2025-01-01", "2025-06-30"),
    ("the first half of last year", date(2025, 8, 1), "2024-01-01", "2024-06-30"),
    ("in the second half of 2024", None, "2024-07-01", "2024-12-31"),
    ("between Thursday and Sunday", date(2026, 9, 14), "2026-09-10", "2026-09-13"),
    ("from Monday to Wednesday", date(2026, 9, 17), "2026-09-14", "2026-09-16"),
    # Before: "in March and April" was March alone.
    ("in 2041", None, "2041-01-01", "2041-12-31"),
    ("in March and April", date(2027, 5, 11), "2027-03-01", "2027-04-30"),
])
def test_time_expressions_resolve_against_the_document_date(
        text: str, base: date | None, start: str | None, end: str | None) -> None:
    period = resolve(text, base)
    assert (period.start, period.end) == (start, end)
    assert period.relative == (not any(ch.isdigit() for ch in text) or "week" in text
                               or "ago" in text)


def test_a_half_of_a_match_is_no_half_year() -> None:
    assert find_times("Okafor scored twice in the first half.") == []
    assert [t.text for t in find_times("Sales rose in the first half of the year.")] == [
        "in the first half of the year"]


def test_time_expressions_are_found_but_may_the_verb_is_not_a_month() -> None:
    text = "The deal may close in May 2025, the highest since 1995, on Friday."
    found = [(t.text, t.comparative) for t in find_times(text)]
    assert found == [("in May 2025", False), ("since 1995", True), ("on Friday", False)]


@pytest.mark.parametrize(("metadata", "expected"), [
    ({"date": "2025-03-11"}, date(2025, 3, 11)),
    ({"date": "2025-03-11T08:30:00+01:00"}, date(2025, 3, 11)),
    ({"date": "11 March 2025"}, date(2025, 3, 11)),
    ({"date": "soon"}, None),
    ({}, None),
])
def test_document_date_from_front_matter(metadata: dict[str, str],
                                         expected: date | None) -> None:
    assert document_date(metadata) == expected


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Mistral", "Mistral AI", True),
    ("Turkey", "Central Bank of the Republic of Turkey", True),
    ("WHO", "World Health Organization", True),
    ("German", "Germany", True),
    ("Socialists", "Socialist Party", True),
    ("Helix AI", "Lumio", False),
    ("Democratic Alliance", "Social Democratic Party", False),
])
def test_subjects_match_by_contained_words(a: str, b: str, same: bool) -> None:
    assert same_subject(subject_key(a), subject_key(b)) is same


def test_a_currency_code_by_a_number_is_money_not_a_name() -> None:
    from summarize.digest.entities import find_names

    sentence = "The fund holds ISK 398 billion, and ISK is its unit."
    figure, = read_figures(sentence)
    assert figure.shown == "ISK 398 billion" and figure.unit == "ISK"
    assert [n.text for n in find_names(sentence)] == ["ISK"]  # only the second one is a name


@pytest.mark.parametrize(("sentence", "shown", "unit", "value"), [
    ("The listing raised ₹23,000 crore.", "₹23,000 crore", "INR", 2.3e11),
    ("Bids were worth more than ₹1.1 lakh crore in all.", "more than ₹1.1 lakh crore", "INR",
     1.1e12),  # and its bound is read, as with "€" (it was "exact" when only the brief knew ₹)
    ("The state paid relief of ₦50 million to families.", "₦50 million", "NGN", 5e7),
])
def test_currency_signs_and_indian_scales_are_read(sentence: str, shown: str, unit: str,
                                                   value: float) -> None:
    figure, = read_figures(sentence)
    assert (figure.shown, figure.unit) == (shown, unit)
    assert figure.mention.value == pytest.approx(value)


def test_closer_to_is_a_bound_not_a_measure() -> None:
    # Before: "closer" was the open measure of "put the loss at closer to 1.5 cubic kilometres".
    figure, = read_figures("The team put the loss at closer to 1.5 cubic kilometres.")
    assert (figure.measure, figure.bound, figure.shown) == ("loss", "approx",
                                                            "closer to 1.5 cubic kilometres")


def test_one_in_five_is_no_count_of_five() -> None:
    # Before: "About one in five community pharmacies" was a count of 5 pharmacies. It is a
    # share of 20% (summarize.digest.shares).
    figures = read_figures("About one in five community pharmacies in England has run short "
                           "of the antibiotic.")
    assert [(f.unit, f.mention.value) for f in figures] == [("%", 20)]
    guests, = read_figures("Roughly one in nine guests had been affected.")
    assert guests.unit == "%" and round(guests.mention.value, 1) == 11.1


@pytest.mark.parametrize(("sentence", "vote_share"), [
    ("An exit poll gave Wilk 56 percent.", True),
    ("The poll put support for the CDU at 31 percent.", True),
    # Before: a survey's share of pharmacies short of a drug was a vote share.
    ("Its weekly survey put the share of pharmacies short of amoxicillin at close to 30%.",
     False),
    ("A poll put the Social Democrats on 24%.", True),
    # Before: a survey's "fall at closer to 20%" was a vote share: a poll gives its share to a
    # name, a party or a candidate.
    ("The survey put the fall at closer to 20%.", False),
])
def test_a_poll_gives_a_vote_share_a_survey_of_something_else_does_not(
        sentence: str, vote_share: bool) -> None:
    assert any(f.measure == "vote share" for f in read_figures(sentence)) is vote_share


@pytest.mark.parametrize(("sentence", "measure"), [
    # Before: a bound word or the word "count" before the number was the open measure
    # ("closer wafers", "count tendons").
    ("An analyst estimated that closer to 400,000 transfers had failed.", "transfers"),
    ("Engineers found corrosion in a count of 14 tendons.", "tendons"),
])
def test_a_bound_word_or_a_count_is_no_open_measure(sentence: str, measure: str) -> None:
    assert [f.measure for f in read_figures(sentence)] == [measure]
