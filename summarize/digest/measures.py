"""What figures measure: the open vocabulary of the brief's claims (data and small lookups).

Every entry is a word or phrase of general news English, grouped by the measure it names; none
is tied to a company, a place or an event. A measure has a *subject kind*, which says what the
figure is about and so where its subject is looked for (``summarize.digest.claims``):

* ``entity``: a named organisation, person, party or product ("Mistral raised", "Chega won");
* ``event``: the event the article reports (an earthquake, a flood, a strike, an election, an
  outbreak, a race): death tolls, injuries, displaced people, turnout, crowds;
* ``place``: a place or an economy (temperatures, rainfall, inflation, interest rates), which
  may be named by a location ("in Seville") or an adjective ("German inflation").

and the kinds of value it takes (money, percent, count, or a physical unit), so that "raised
its rate to 46%" is not read as funding and "sold 9,000 robots" is a count, not a price.
Adding a measure is one line of :data:`MEASURES`; ``docs/brief.md`` lists them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from summarize.digest.text import singular, stem

MONEY, PERCENT, COUNT, UNIT = "money", "percent", "count", "unit"


@dataclass(frozen=True)
class Measure:
    """One measure of the vocabulary.

    Attributes:
        name: How the brief names it (``deaths``, ``valuation``).
        kind: ``entity``, ``event`` or ``place``: what its figures are about.
        values: The value kinds it takes (money, percent, count, unit).
        words: Words and phrases that name it, as written (stemmed when looked up).
    """

    name: str
    kind: str
    values: frozenset[str]
    words: tuple[str, ...]


def _m(name: str, kind: str, values: str, words: str) -> Measure:
    return Measure(name, kind, frozenset(values.split()), tuple(
        w.strip() for w in words.split(",") if w.strip()))


#: The vocabulary. Phrases (several words) are matched before single words.
MEASURES: tuple[Measure, ...] = (
    # Disasters, conflicts and health: counts of people, about the event.
    _m("deaths", "event", "count", "dead, died, die, dies, death, deaths, death toll, toll, "
       "killed, killing, kill, kills, fatalities, fatality, lives, bodies, perished, drowned, "
       "number of dead, number of deaths, lost"),
    _m("injured", "event", "count", "injured, injuring, injuries, wounded, wounding, hurt, "
       "number of injured, casualties"),
    # Severity makes another count: "six were seriously hurt" is no count of all the injured.
    _m("seriously injured", "event", "count", "seriously injured, seriously hurt, seriously "
       "wounded, severely injured, severely hurt, severely wounded, badly injured, badly hurt, "
       "badly wounded, gravely injured, gravely wounded, serious injuries, "
       "in serious condition, in a serious condition"),
    _m("critically injured", "event", "count", "critically injured, critically hurt, "
       "critically wounded, in critical condition, in a critical condition"),
    # Animals killed, hurt or missing are no toll of people ("killed about 200 head of
    # livestock", "17 sheep were still missing"): tolls of their own, named only through the
    # animals a toll counts (``figures.ANIMAL_TOLLS``).
    *(_m(name, "event", "count", "") for name in ("animal deaths", "animals injured",
                                                   "animals missing", "animals rescued",
                                                   "animals displaced")),
    _m("missing", "event", "count", "missing, unaccounted"),
    _m("displaced", "event", "count", "displaced, evacuated, evacuate, evacuation, evacuees, "
       "fled, homeless, refugees, shelters, shelter, leave their homes, left their homes, "
       "fled their homes, number of displaced, unable to return"),
    # Counts of projectiles of an attack: what happened to them is the measure
    # (``summarize.digest.idioms``), so these have no words of their own.
    *(_m(f"{noun}s {fate}", "event", "count", "") for noun in ("drone", "missile", "rocket",
                                                                 "shell")
      for fate in ("launched", "shot down")),
    _m("rescued", "event", "count", "rescued, rescue, pulled alive, pulled, freed, saved, "
       "survivors"),
    _m("arrested", "event", "count", "arrested, arrests, detained, detentions, detainees"),
    _m("affected", "event", "count", "affected"),
    # Falling ill is no case count (the cases an outbreak confirms) and no toll.
    _m("ill", "event", "count", "fell ill, fallen ill, fell sick, fallen sick, taken ill, "
       "became ill, becoming ill, got sick, sickened, reported symptoms, showed symptoms, "
       "developed symptoms, with symptoms"),
    _m("on board", "event", "count", "on board, aboard"),
    # Responders sent to an event ("about 150 officers were deployed", "six officers had been
    # on duty", "about 900 personnel on the lines").
    _m("deployed", "event", "count", "deployed, dispatched, mobilised, mobilized, on duty, "
       "on the lines, assigned"),
    _m("held captive", "event", "count", "in captivity, held captive, held hostage, "
       "still held, still being held"),
    _m("cases", "event", "count", "cases, infections, infected"),
    # Patients in intensive care are a count of their own, not all the hospitalized.
    _m("in intensive care", "event", "count", "intensive care, in ICU, intensive care unit, on "
       "ventilators, on a ventilator, on mechanical ventilation, ventilated"),
    _m("hospitalized", "event", "count", "hospitalised, hospitalized, hospital admissions, "
       "admitted to hospital, admitted to hospitals, admitted"),
    _m("vaccinated", "event", "count", "vaccinated, vaccination, immunised, immunized"),
    _m("vaccine doses", "event", "count", "doses"),
    _m("magnitude", "event", "unit count", "magnitude, richter"),
    _m("depth", "event", "unit", "depth"),
    _m("buildings damaged", "event", "count", "buildings, houses, damaged, destroyed, collapsed"),
    _m("power outages", "event", "count", "without power, without electricity, lost power, "
       "lost electricity, cut power, cut electricity, blackouts, blackout, "
       "power cut, power cuts, outages, knocked out power"),
    _m("flights cancelled", "event", "count", "flights, cancelled, canceled"),
    # Flights counted in a clause of diverting them (figures._flights), not by a word of its own.
    _m("flights diverted", "event", "count", ""),
    _m("aid", "event", "money", "aid, emergency funds, relief"),
    _m("damage", "event", "money", "damage, damages"),
    _m("area burned", "event", "unit", "burned, burnt, scorched"),
    # Hectares or acres in a sentence with no fire: the area an event affected (no words).
    _m("area affected", "event", "unit", ""),
    # A speed in a sentence with no wind (a train's, a ship's): no words of its own.
    _m("speed", "event", "unit", ""),
    # Elections and sport.
    _m("turnout", "event", "percent count", "turnout, of voters cast, of eligible voters cast, "
       "of registered voters cast, of voters turned out, cast a ballot, cast ballots, "
       "cast their ballots, turned out to vote, went to the polls"),
    _m("spectators", "event", "count", "spectators, crowd, attendance, attended, fans, audience, "
       "visitors, watched by, attracted, drew"),
    _m("finishers", "event", "count", "finished, finishers, completed the race"),
    _m("participants", "event", "count", "started, starters, entered, entrants, registered, "
       "took part, participants"),
    _m("prize money", "entity", "money", "prize, prize money, prize fund, cheque worth, "
       "cheque"),
    _m("bonus", "entity", "money", "bonus, time bonus, bonuses"),
    _m("seats", "entity", "count", "seats"),
    _m("vote share", "entity", "percent", "of the vote, of the votes, vote share, share of the "
       "vote, won, took, garnered, voting, of voters, voters"),
    _m("votes", "entity", "count", "votes, ballots, voted for, voters"),
    # Who may vote is no count of votes ("7.1 million registered voters").
    _m("registered voters", "entity", "count", "registered voters, eligible voters, "
       "electorate, registered to vote, eligible to vote"),
    _m("goals", "entity", "count", "goals, scored"),
    _m("deal value", "entity", "money", "fee, transfer fee, deal worth, signed, sell, sells, "
       "sold, buy, buys, bought, acquire, acquired, acquisition, takeover, move, joined"),
    # Economy: about a place or economy.
    _m("core inflation", "place", "percent", "core inflation, core consumer prices, core prices"),
    _m("inflation", "place", "percent", "inflation, consumer prices, cpi"),
    _m("unemployment", "place", "percent count", "unemployment, unemployed, jobless, "
       "joblessness, out of work"),
    _m("growth", "place", "percent", "growth, gdp, gross domestic product, economic output, "
       "economy grew, economy shrank, economy expanded, economy contracted"),
    _m("interest rate", "place", "percent", "deposit rate, repo rate, benchmark rate, "
       "policy rate, interest rate, key rate, base rate, lending rate, rate"),
    _m("case fatality rate", "event", "percent", "case fatality rate, fatality rate"),
    # The chance of something happening ("a 1.6% chance of hitting Earth"), not a share.
    _m("chance", "entity", "percent", "chance, chances, probability, likelihood, odds"),
    _m("exports", "place", "money percent", "exports"),
    _m("imports", "place", "money percent", "imports"),
    _m("deficit", "place", "money percent", "deficit"),
    _m("debt", "place", "money percent", "debt"),
    _m("reserves", "place", "money", "reserves"),
    _m("temperature", "place", "unit", "temperature, temperatures, thermometer, degrees, "
       "maximum, heat"),
    _m("rainfall", "place", "unit", "rain, rainfall, precipitation"),
    _m("wind speed", "event", "unit", "gust, gusts, wind, winds, tailwind, tailwinds, headwind, "
       "headwinds, crosswind, crosswinds"),
    # Business.
    _m("valuation", "entity", "money", "valuation, valued, values, valuing, worth"),
    _m("funding", "entity", "money", "raised, raise, raises, raising, funding, funding round, "
       "investment round, financing round, round, fundraising, financing, fresh funding, "
       "new money, secured, lands"),
    _m("investment", "entity", "money", "invest, invests, invested, investing, investment, "
       "investments, contributed, contribution, put, pledged"),
    _m("revenue", "entity", "money", "revenue, revenues, sales, turnover"),
    _m("profit", "entity", "money", "profit, net profit, operating profit, net income"),
    _m("loss", "entity", "money", "loss, net loss, losses"),
    _m("price", "entity", "money", "price, prices, cost, costs, costing, list price, charges, "
       "priced"),
    _m("salary", "entity", "money", "earn, earns, salary, wage, wages, paid"),
    _m("spending", "entity", "money", "spending, spent, spend"),
    _m("savings", "entity", "money", "savings, cost savings, save, saves, saving"),
    _m("stake", "entity", "percent money", "stake, shareholding"),
    _m("premium", "entity", "percent money", "premium"),
    _m("price per share", "entity", "money", "a share, per share, each share"),
    _m("staff", "entity", "count", "employees, staff, workers, employs, employ, employing, "
       "headcount, jobs, engineers, researchers"),
    _m("hires", "entity", "count", "hire, hiring, recruit, recruiting"),
    _m("job cuts", "entity", "count", "job cuts, layoffs, cut jobs, lay off, redundancies, "
       "job losses, lost their jobs, lose their jobs, jobs lost"),
    _m("fine", "entity", "money", "fine, fined, fines, penalty, penalties, ordered to pay"),
    _m("users", "entity", "count", "users, downloads, subscribers, customers, clients"),
    _m("capacity", "entity", "unit", "capacity, megawatts, megawatt, gigawatts, gigawatt"),
    _m("chips", "entity", "count", "gpus, gpu, chips, processors, accelerators"),
    _m("units sold", "entity", "count", "sold, deliveries, delivered, shipped, units"),
    _m("passengers", "entity", "count", "passengers"),
)

#: Units written after a number → (normalized unit, the measure it implies when nothing else
#: does). ``None`` means the unit says nothing about the measure by itself.
UNITS: dict[str, tuple[str, str | None]] = {
    "mw": ("MW", "capacity"), "megawatt": ("MW", "capacity"), "megawatts": ("MW", "capacity"),
    "gigawatt hours": ("GWh", "capacity"), "gigawatt-hours": ("GWh", "capacity"),
    "megawatt hours": ("MWh", "capacity"), "megawatt-hours": ("MWh", "capacity"),
    "gw": ("GW", "capacity"), "gigawatt": ("GW", "capacity"), "gigawatts": ("GW", "capacity"),
    "kw": ("kW", "capacity"), "mwh": ("MWh", "capacity"), "gwh": ("GWh", "capacity"),
    "twh": ("TWh", None),
    "km/h": ("km/h", "wind speed"), "kph": ("km/h", "wind speed"), "mph": ("mph", "wind speed"),
    "knots": ("knots", "wind speed"),
    "km": ("km", None), "kilometres": ("km", None), "kilometers": ("km", None),
    "kilometre": ("km", None), "kilometer": ("km", None), "miles": ("miles", None),
    "mile": ("miles", None), "metres": ("m", None), "meters": ("m", None),
    "metre": ("m", None), "meter": ("m", None), "feet": ("ft", None), "foot": ("ft", None),
    "centimetre": ("cm", None), "centimeter": ("cm", None), "centimeters": ("cm", None),
    "kilograms": ("kg", None), "kilogram": ("kg", None), "inch": ("inches", None),
    "grams": ("g", None), "gram": ("g", None), "carats": ("ct", None), "carat": ("ct", None),
    "litres": ("l", None), "liters": ("l", None), "litre": ("l", None), "liter": ("l", None),
    "hectolitres": ("hl", None), "hectoliters": ("hl", None), "gallons": ("gal", None),
    "us gallons": ("US gal", None), "cubic metres": ("m3", None), "cubic meters": ("m3", None),
    "cubic feet": ("ft3", None), "square kilometres": ("km2", None),
    "square kilometers": ("km2", None), "square km": ("km2", None), "sq km": ("km2", None),
    "square miles": ("sq mi", None), "square metres": ("m2", None), "square meters": ("m2", None),
    "mm": ("mm", "rainfall"), "millimetres": ("mm", "rainfall"),
    "millimeters": ("mm", "rainfall"), "cm": ("cm", None), "centimetres": ("cm", None),
    "inches": ("inches", None),
    "c": ("°C", "temperature"), "°c": ("°C", "temperature"), "°f": ("°F", "temperature"),
    "f": ("°F", "temperature"), "degrees": ("°", "temperature"),
    "hectares": ("ha", "area burned"), "acres": ("acres", "area burned"),
    "tonnes": ("t", None), "tons": ("t", None), "kg": ("kg", None), "barrels": ("barrels", None),
    "lira": ("TRY", None),
}
#: Implied measures that hold only in a sentence with words of their kind, and the measure a
#: unit implies otherwise: hectares are a burned area only where something burned ("lost 80%
#: of their grapes on 1,800 hectares" is an area affected), km/h a wind speed only where wind
#: blows ("the tram crossed the junction at 30 km/h" is a speed).
IMPLIED_ONLY_WITH: dict[str, tuple[re.Pattern[str], str]] = {
    "area burned": (re.compile(r"\b(?:fires?|wildfires?|bushfires?|blazes?|burn\w*|burnt|"
                               r"flames?|scorch\w*|firefight\w*|charred)\b", re.IGNORECASE),
                    "area affected"),
    "wind speed": (re.compile(r"\b(?:winds?|gusts?|gusting|storms?|typhoons?|hurricanes?|"
                              r"cyclones?|tornado(?:es)?|gales?|blizzards?|tailwinds?|headwinds?|"
                              r"crosswinds?|breezes?|squalls?)\b", re.IGNORECASE), "speed"),
}
#: Words after "degrees" that refine the unit.
DEGREE_SCALES = {"celsius": "°C", "centigrade": "°C", "fahrenheit": "°F"}
#: Durations (``summarize.digest.durations``): how many of the first unit make one of the
#: second; months and days never meet (a month is 28 to 31 days).
DURATION_CONVERSIONS: dict[tuple[str, str], float] = {
    ("s", "min"): 60.0, ("min", "h"): 60.0, ("h", "d"): 24.0, ("d", "wk"): 7.0,
    ("s", "h"): 3600.0, ("min", "d"): 1440.0, ("h", "wk"): 168.0, ("min", "wk"): 10080.0,
    ("s", "d"): 86400.0, ("s", "wk"): 604800.0, ("mo", "yr"): 12.0,
}
#: Exact conversions between units of one dimension (to the first unit of the pair).
CONVERSIONS: dict[tuple[str, str], float] = {("MW", "GW"): 1000.0, ("MW", "kW"): 0.001,
                                             ("MWh", "GWh"): 1000.0,
                                             ("m", "km"): 1000.0, ("mm", "cm"): 10.0,
                                             ("l", "hl"): 100.0, ("g", "kg"): 1000.0,
                                             ("kg", "t"): 1000.0,
                                             ("°C", "°"): 1.0, **DURATION_CONVERSIONS}

#: Units of time: a number followed by one is a duration or an age, a figure only as
#: ``summarize.digest.durations`` reads it.
TIME_UNITS = frozenset("""second seconds minute minutes hour hours day days week weeks month
months year years decade decades century centuries season seasons quarter quarters""".split())

#: Counted nouns that name people (or homes): the figure's measure then comes from a verb near
#: it ("38 people were killed" → deaths, "250,000 homes … without power" → power outages), and
#: the noun's class is its unit, so that deaths of children are not compared with deaths of
#: people.
PEOPLE: dict[str, str] = {
    **dict.fromkeys("people persons person residents inhabitants villagers individuals "
                    "citizens".split(), "people"),
    **dict.fromkeys("civilians".split(), "civilians"),
    **dict.fromkeys("children minors kids pupils students".split(), "children"),
    **dict.fromkeys("soldiers troops servicemen".split(), "soldiers"),
    **dict.fromkeys("fighters rebels militants insurgents".split(), "fighters"),
    **dict.fromkeys("officers policemen policewomen police".split(), "police"),
    **dict.fromkeys("protesters demonstrators".split(), "protesters"),
    **dict.fromkeys("firefighters rescuers".split(), "rescuers"),
    **dict.fromkeys("patients".split(), "patients"),
    **dict.fromkeys("migrants".split(), "migrants"),
    **dict.fromkeys("runners competitors athletes participants".split(), "participants"),
    **dict.fromkeys("survivors".split(), "people"),
    **dict.fromkeys("homes households properties businesses premises".split(), "homes"),
    **dict.fromkeys("customers".split(), "customers"),
    **dict.fromkeys("others".split(), "people"),
}

#: The class of words that name an event without its kind ("the disaster", "the accident").
INCIDENT = "incident"
#: Event nouns → event class, for the subject of event figures ("the earthquake").
EVENTS: dict[str, str] = {
    **dict.fromkeys("earthquake earthquakes quake quakes tremor aftershock aftershocks "
                    "seismic".split(), "earthquake"),
    **dict.fromkeys("flood floods flooding flash-floods deluge".split(), "flood"),
    **dict.fromkeys("storm storms hurricane typhoon cyclone tornado gale blizzard snowstorm "
                    "snowstorms snowfall snow".split(), "storm"),
    **dict.fromkeys("wildfire wildfires fire fires blaze blazes".split(), "fire"),
    **dict.fromkeys("heatwave heatwaves heat-wave drought".split(), "heatwave"),
    **dict.fromkeys("landslide landslides avalanche mudslide".split(), "landslide"),
    **dict.fromkeys("eruption volcano erupted".split(), "eruption"),
    **dict.fromkeys("explosion blast bombing bomb exploded".split(), "explosion"),
    **dict.fromkeys("attack attacks strike strikes airstrike airstrikes shelling raid "
                    "offensive missile drone".split(), "attack"),
    **dict.fromkeys("fighting clashes clash battle war conflict".split(), "fighting"),
    **dict.fromkeys("crash collision derailment sinking shipwreck collapse sank capsized "
                    "capsizing derailed crashed collided".split(), "crash"),
    **dict.fromkeys("protest protests demonstration demonstrations riots unrest rally rallies "
                    "march marches".split(), "protest"),
    **dict.fromkeys("outbreak epidemic pandemic cholera measles ebola dengue mpox malaria "
                    "covid influenza flu".split(), "outbreak"),
    **dict.fromkeys("election elections vote votes voting voters poll polls referendum runoff "
                    "ballot".split(), "election"),
    **dict.fromkeys("marathon race tournament match championship".split(), "race"),
    # Words that say something happened without saying what: they match any class.
    **dict.fromkeys("disaster accident tragedy incident".split(), INCIDENT),
}

#: The event class a measure implies when the article names no event ("Final turnout was
#: 58.3 percent" is an election's; "21,000 hectares burned" a fire's).
IMPLIED_EVENTS: dict[str, str] = {
    "turnout": "election", "magnitude": "earthquake", "area burned": "fire",
    "wind speed": "storm", "spectators": "race", "finishers": "race", "participants": "race",
    "cases": "outbreak", "vaccinated": "outbreak", "vaccine doses": "outbreak",
    "case fatality rate": "outbreak",
}

#: Nationality adjectives → the country they name ("German inflation" is Germany's). Used for
#: place figures; as a word before a name ("the Dutch chip giant ASML") they are not subjects.
DEMONYMS: dict[str, str] = {
    "american": "united states", "us": "united states", "british": "united kingdom",
    "uk": "united kingdom", "english": "england", "french": "france", "german": "germany",
    "italian": "italy", "spanish": "spain", "portuguese": "portugal", "dutch": "netherlands",
    "belgian": "belgium", "swiss": "switzerland", "austrian": "austria", "swedish": "sweden",
    "norwegian": "norway", "danish": "denmark", "finnish": "finland", "irish": "ireland",
    "icelandic": "iceland", "polish": "poland", "czech": "czechia", "slovak": "slovakia",
    "hungarian": "hungary", "romanian": "romania", "bulgarian": "bulgaria", "greek": "greece",
    "turkish": "turkey", "cypriot": "cyprus", "croatian": "croatia", "serbian": "serbia",
    "ukrainian": "ukraine", "georgian": "georgia", "armenian": "armenia", "russian": "russia",
    "belarusian": "belarus",
    "estonian": "estonia", "latvian": "latvia", "lithuanian": "lithuania",
    "european": "europe", "canadian": "canada", "mexican": "mexico", "brazilian": "brazil",
    "argentine": "argentina", "argentinian": "argentina", "chilean": "chile",
    "colombian": "colombia", "peruvian": "peru", "venezuelan": "venezuela",
    "chinese": "china", "japanese": "japan", "korean": "korea", "indian": "india",
    "pakistani": "pakistan", "bangladeshi": "bangladesh", "indonesian": "indonesia",
    "thai": "thailand", "vietnamese": "vietnam", "filipino": "philippines",
    "malaysian": "malaysia", "australian": "australia", "israeli": "israel",
    "palestinian": "palestine", "lebanese": "lebanon", "syrian": "syria", "iraqi": "iraq",
    "iranian": "iran", "saudi": "saudi arabia", "emirati": "united arab emirates",
    "qatari": "qatar", "egyptian": "egypt", "moroccan": "morocco", "algerian": "algeria",
    "tunisian": "tunisia", "libyan": "libya", "nigerian": "nigeria", "kenyan": "kenya",
    "ethiopian": "ethiopia", "ghanaian": "ghana", "sudanese": "sudan",
    "congolese": "congo", "malawian": "malawi", "mozambican": "mozambique",
    "rwandan": "rwanda", "ugandan": "uganda", "tanzanian": "tanzania",
    "south african": "south africa", "scandinavian": "scandinavia", "nordic": "nordic",
    "asian": "asia", "african": "africa", "arab": "arab", "western": "", "eastern": "",
}

#: Role nouns that refer back to the article's main entity ("the company", "the start-up").
ROLE_NOUNS = frozenset("""company firm group start-up startup business maker manufacturer
retailer carmaker lender bank insurer operator provider giant unicorn club team party
champions side government ministry agency""".split())
#: Nouns that, after a name, make it a modifier of a role ("the Nigeria international",
#: "Turkey's central bank"): the role is the subject, so the article's main entity is meant.
PERSON_ROLES = frozenset("""international striker forward defender midfielder goalkeeper winger
captain coach manager player star champion winner rookie veteran""".split())
#: Pronouns that take the subject of an earlier clause or the article's main entity.
PRONOUNS = frozenset("it its they their he she his her".split())


@dataclass(frozen=True)
class Vocabulary:
    """Lookups built from :data:`MEASURES` (stems of single words, phrases of several)."""

    words: dict[str, tuple[Measure, ...]]
    phrases: list[tuple[re.Pattern[str], Measure]]
    by_name: dict[str, Measure]
    nouns: dict[str, tuple[Measure, ...]]
    """Singulars of the words that are not verb forms ("ships" is no "shipped"): what a
    counted noun may name."""

    def counted(self, noun: str) -> tuple[Measure, ...]:
        """The measures a counted noun names, as the noun itself or its singular ("4,126
        cases" → cases; "40 ships" → none; "seven flight attendants" share the stem of
        "attendance", not its measure)."""
        return self.nouns.get(singular(noun), ())


@cache
def vocabulary() -> Vocabulary:
    """The lookup tables (built once; pure data)."""
    words: dict[str, tuple[Measure, ...]] = {}
    nouns: dict[str, tuple[Measure, ...]] = {}
    phrases: list[tuple[re.Pattern[str], Measure]] = []
    for measure in MEASURES:
        for word in measure.words:
            if " " in word:
                parts = [re.escape(p) + r"\w*" for p in word.split()]
                phrases.append((re.compile(r"\b" + r"\s+".join(parts) + r"\b", re.IGNORECASE),
                                measure))
            else:
                key = stem(word)
                if measure not in words.get(key, ()):
                    words[key] = (*words.get(key, ()), measure)
                noun = singular(word)
                if not word.endswith(("ed", "ing")) and measure not in nouns.get(noun, ()):
                    nouns[noun] = (*nouns.get(noun, ()), measure)
    for measure in MEASURES:  # "unemployment rate", "inflation rate": the rate of the measure
        if measure.kind == "place" and PERCENT in measure.values and measure.name != (
                "interest rate"):
            for word in measure.words:
                if " " not in word:
                    pattern = re.compile(rf"\b{re.escape(word)}\s+rates?\b", re.IGNORECASE)
                    phrases.append((pattern, measure))
    phrases.sort(key=lambda pair: -len(pair[0].pattern))
    return Vocabulary(words, phrases, {m.name: m for m in MEASURES}, nouns)
