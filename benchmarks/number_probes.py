"""A generated probe set for the number audit: random numbers in template sentences.

Run by hand: ``python benchmarks/number_probes.py [--write]``. Prints the figures (false flags on
correct pairs, recall on each corruption) per language; ``--write`` first regenerates
``data/number_probes/{tr,ar,de,it,es}.jsonl`` (needs ``num2words``; seed 16, so the files come
out the same each time).

Each language gets 200 random numbers (``PER_KIND`` of each kind, below), written in the
source sentence in words or in digits in the language's conventions, and the correct English in
digits (small numbers sometimes in words). Words come from num2words (German, Italian,
Spanish; Arabic with its ``و`` glued to the next word, as newspapers write it, three times in
four) and for Turkish from summarize's own renderer (``summarize.lang.lexicons.build``,
``iki yüz elli``, glued one time in five), since num2words writes 9 % of Turkish numbers
wrongly. The audit's readers of number words are text2num (German, Italian, Spanish) and a
grammar whose vocabulary comes from num2words (Turkish, Arabic), so for those two the probes
test the grammar and the sentence around the number more than the vocabulary.

Kinds of number and how the English is corrupted (each corrupted pair must be flagged):

- ``count`` (2–999,999 people, vehicles…): *changed* (first digit + 1), *dropped*, *added*
  (an invented ``in N cities`` with N from 2 to 31);
- ``scale`` (1.5–999 million or billion euros or dollars): *changed*, *scale* (million ↔
  billion), *dropped*;
- ``half`` (1.5–9.5 million or billion, or hours: ``iki buçuk milyar``, ``zweieinhalb
  Millionen``, ``due milioni e mezzo``, ``dos horas y media``, ``مليونان ونصف``, and
  ``yarım milyon``, ``mezzo milione``…): *half* (the half dropped: 2.5 → 2), *changed*;
- ``small`` (2–31 hours, in words or digits): *changed* (± 1, a teen for its ten, or the first
  digit), *dropped*, *added*.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from summarize.numbers import audit_numbers

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "number_probes"
LANGUAGES = ("tr", "ar", "de", "it", "es")
SEED = 16
PER_KIND = 50
CORRUPTIONS = ("changed", "dropped", "added", "scale", "half")

#: (source, English) templates per kind; ``{n}`` is the number, with its scale word.
COUNT = {
    "tr": [("Depremde {n} kişi hayatını kaybetti.", "The earthquake killed {n} people."),
           ("Şirket geçen yıl {n} araç sattı.", "The company sold {n} vehicles last year."),
           ("{N} kişi gösteriye katıldı.", "{n} people took part in the protest."),
           ("Belediye {n} ağaç dikti.", "The municipality planted {n} trees.")],
    "ar": [("أسفر الزلزال عن مقتل {n} شخص.", "The earthquake killed {n} people."),
           ("باعت الشركة {n} سيارة العام الماضي.", "The company sold {n} cars last year."),
           ("شارك {n} شخص في المظاهرة.", "{n} people took part in the demonstration."),
           ("زرعت البلدية {n} شجرة.", "The municipality planted {n} trees.")],
    "de": [("Bei dem Erdbeben starben {n} Menschen.", "The earthquake killed {n} people."),
           ("Das Unternehmen verkaufte im vergangenen Jahr {n} Fahrzeuge.",
            "The company sold {n} vehicles last year."),
           ("{N} Menschen nahmen an der Demonstration teil.",
            "{n} people took part in the demonstration."),
           ("Die Stadt pflanzte {n} Bäume.", "The city planted {n} trees.")],
    "it": [("Nel terremoto sono morte {n} persone.", "The earthquake killed {n} people."),
           ("L'azienda ha venduto {n} veicoli l'anno scorso.",
            "The company sold {n} vehicles last year."),
           ("{N} persone hanno partecipato alla manifestazione.",
            "{n} people took part in the demonstration."),
           ("Il comune ha piantato {n} alberi.", "The town planted {n} trees.")],
    "es": [("En el terremoto murieron {n} personas.", "The earthquake killed {n} people."),
           ("La empresa vendió {n} vehículos el año pasado.",
            "The company sold {n} vehicles last year."),
           ("{N} personas participaron en la manifestación.",
            "{n} people took part in the demonstration."),
           ("El ayuntamiento plantó {n} árboles.", "The city planted {n} trees.")],
}
MONEY = {
    "tr": [("Hükümet altyapıya {n} dolar harcayacak.",
            "The government will spend {n} dollars on infrastructure."),
           ("Şirketin değeri {n} euroya ulaştı.", "The company's value reached {n} euros.")],
    "ar": [("ستنفق الحكومة {n} دولار على البنية التحتية.",
            "The government will spend {n} dollars on infrastructure."),
           ("بلغت قيمة الشركة {n} يورو.", "The company's value reached {n} euros.")],
    "de": [("Die Regierung will {n} Dollar in die Infrastruktur stecken.",
            "The government wants to put {n} dollars into infrastructure."),
           ("Der Wert des Unternehmens stieg auf {n} Euro.",
            "The company's value rose to {n} euros.")],
    "it": [("Il governo spenderà {n} di dollari per le infrastrutture.",
            "The government will spend {n} dollars on infrastructure."),
           ("Il valore della società ha raggiunto {n} di euro.",
            "The company's value reached {n} euros.")],
    "es": [("El Gobierno gastará {n} de dólares en infraestructuras.",
            "The government will spend {n} dollars on infrastructure."),
           ("El valor de la empresa alcanzó {n} de euros.",
            "The company's value reached {n} euros.")],
}
HOURS = {
    "tr": ("Toplantı {n} saat sürdü.", "The meeting lasted {n} hours."),
    "ar": ("استمر الاجتماع {n} ساعة.", "The meeting lasted {n} hours."),
    "de": ("Die Sitzung dauerte {n} Stunden.", "The meeting lasted {n} hours."),
    "it": ("La riunione è durata {n} ore.", "The meeting lasted {n} hours."),
    "es": ("La reunión duró {n} horas.", "The meeting lasted {n} hours."),
}
#: The source's scale words (million, billion) and their currency linker ("di", "de").
SCALES = {"tr": ("milyon", "milyar"), "ar": ("مليون", "مليار"), "de": ("Millionen", "Milliarden"),
          "it": ("milioni", "miliardi"), "es": ("millones", "millardos")}
HALF_BEFORE = {"tr": "yarım milyon", "ar": "نصف مليون", "de": "eine halbe Million",
               "it": "mezzo milione", "es": "medio millón"}
ADDED = ("in {k} cities", "over {k} days", "in {k} regions")


@dataclass(frozen=True)
class Probe:
    """One source sentence and one English sentence, correct or corrupted."""

    lang: str
    id: str
    kind: str
    form: str
    corruption: str | None
    source: str
    english: str


#: num2words' own errors, which the probes avoid: Italian ``dicotto`` for ``diciotto``
#: (518 as ``cinquecentodicotto``), German ``einstausend`` (101,003), Arabic's doubled scale
#: word (``مائة و ألف ألف`` for 101,000).
NUM2WORDS_ERRORS = {"it": re.compile("dicotto"), "de": re.compile("eins(?:tausend|million)"),
                    "ar": re.compile(r"(?<!\S)(ألف|مليون|مليار) \1(?!\S)")}


def _valid(n: int, lang: str) -> bool:
    """Whether num2words writes ``n`` right in ``lang`` (as far as its known errors go)."""
    from num2words import num2words

    error = NUM2WORDS_ERRORS.get(lang)
    return error is None or not error.search(str(num2words(n, lang=lang)))


def _words(n: int, lang: str, rng: random.Random) -> str:
    from num2words import num2words

    if lang == "tr":
        from summarize.lang.lexicons.build import turkish_words

        parts = turkish_words(n)
        return "".join(parts) if rng.random() < 0.2 else " ".join(parts)
    text = str(num2words(n, lang=lang))
    if lang == "ar" and rng.random() < 0.75:
        text = re.sub(r"(?<!\S)و\s+", "و", text)
    return text


def _digits(value: float, lang: str, rng: random.Random) -> str:
    """A number in digits in the source's conventions (Arabic-Indic digits one time in three)."""
    whole = f"{value:,.2f}".rstrip("0").rstrip(".")
    if lang == "ar":
        return whole.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")) if (
            rng.random() < 1 / 3) else whole
    return whole.translate(str.maketrans(",.", ".,"))


def _english(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _changed(value: float, rng: random.Random, small: bool = False) -> float:
    """A plausible wrong figure: the first digit + 1 (9 → 8), or for a small number ± 1 or a
    teen for its ten."""
    if small and rng.random() < 0.6:
        if 13 <= value <= 19 and rng.random() < 0.5:
            return (value - 10) * 10  # fünfzehn → Fifty
        return value + 1 if value < 31 else value - 1
    text = _english(value).replace(",", "")
    first = next(i for i, ch in enumerate(text) if ch.isdigit() and ch != "0")
    digit = int(text[first])
    return float(text[:first] + str(digit + 1 if digit < 9 else 8) + text[first + 1:])


def _fill(template: str, number: str) -> str:
    text = template.replace("{N}", number[:1].upper() + number[1:]).replace("{n}", number)
    return re.sub(r"\s+", " ", text).replace(" .", ".")


def _english_scale(value: float, scale: int) -> str:
    return f"{_english(value / scale)} {'million' if scale == 10 ** 6 else 'billion'}"


def generate(lang: str) -> list[Probe]:
    """The probes of one language (deterministic: seed 16 and the language)."""
    rng = random.Random(f"{SEED}-{lang}")
    probes: list[Probe] = []

    def add(kind: str, form: str, source: str, english: str,
            corrupt: dict[str, str | None]) -> None:
        key = f"{lang}-{kind}-{len(probes):04d}"
        probes.append(Probe(lang, key, kind, form, None, source, english))
        for how, broken in corrupt.items():
            if broken is not None:
                probes.append(Probe(lang, key, kind, form, how, source, broken))

    def added(english: str, value: float) -> str:
        k = rng.choice([k for k in range(2, 32) if k != value])  # not the number itself
        return english[:-1] + f" {rng.choice(ADDED).format(k=k)}."

    for _ in range(PER_KIND):  # counts
        n = int(10 ** rng.uniform(0.31, 6))
        while not _valid(n, lang):
            n = int(10 ** rng.uniform(0.31, 6))
        source_t, english_t = rng.choice(COUNT[lang])
        form = "words" if rng.random() < 0.5 else "digits"
        number = _words(n, lang, rng) if form == "words" else _digits(n, lang, rng)
        english = _fill(english_t, _english(n))
        add("count", form, _fill(source_t, number), english,
            {"changed": _fill(english_t, _english(_changed(n, rng))),
             "dropped": _fill(english_t, ""), "added": added(english, n)})
    for _ in range(PER_KIND):  # scales
        scale = rng.choice((10 ** 6, 10 ** 9))
        form = "words" if rng.random() < 0.5 else "digits"
        count = float(rng.randint(2, 999)) if form == "words" else rng.choice(
            (float(rng.randint(2, 999)), round(rng.uniform(1.1, 99.9), rng.choice((1, 2)))))
        value = count * scale
        source_t, english_t = rng.choice(MONEY[lang])
        word = SCALES[lang][scale == 10 ** 9]
        if form == "words":
            number = _words(int(value), lang, rng) if lang in {"ar", "de", "it"} and (
                scale == 10 ** 6) else f"{_words(int(count), lang, rng)} {word}"
        else:
            number = f"{_digits(count, lang, rng)} {word}"
        english = _fill(english_t, _english_scale(value, scale))
        other = 10 ** 9 if scale == 10 ** 6 else 10 ** 6
        add("scale", form, _fill(source_t, number), english,
            {"changed": _fill(english_t, _english_scale(_changed(value, rng), scale)),
             "scale": _fill(english_t, _english_scale(count * other, other)),
             "dropped": _fill(english_t, "")})
    for i in range(PER_KIND):  # halves
        whole = rng.randint(1, 9)
        if i % 5 == 4:  # half a million
            source_t, english_t = rng.choice(MONEY[lang])
            english = _fill(english_t, rng.choice(("half a million", "500,000", "0.5 million")))
            add("half", "half before", _fill(source_t, HALF_BEFORE[lang]), english,
                {"half": _fill(english_t, "a million"),
                 "changed": _fill(english_t, "5 million")})
            continue
        scale = rng.choice((1, 10 ** 6, 10 ** 9))
        number = _half(whole, scale, lang, rng)
        template = rng.choice(MONEY[lang]) if scale > 1 else HOURS[lang]
        if lang in {"it", "es", "ar"} and scale == 1:  # the hours are in the number
            template = (re.sub(r"\{n\} \S+?([.]?)$", r"{n}\1", HOURS[lang][0]), HOURS[lang][1])
        value = (whole + 0.5) * scale

        def said(v: float, _scale: int = scale) -> str:
            return _english_scale(v, _scale) if _scale > 1 else _english(v)

        english = _fill(template[1], said(value) if rng.random() < 0.7 else (
            f"{whole} and a half{'' if scale == 1 else said(value).split()[-1].rjust(8)}"))
        add("half", "words", _fill(template[0], number), english,
            {"half": _fill(template[1], said(whole * scale)),
             "changed": _fill(template[1], said(_changed(value, rng)))})
    for _ in range(PER_KIND):  # small numbers
        n = rng.randint(2, 31)
        form = "words" if rng.random() < 0.7 else "digits"
        number = _words(n, lang, rng) if form == "words" else _digits(n, lang, rng)
        source_t, english_t = HOURS[lang]
        from num2words import num2words

        english = _fill(english_t, str(num2words(n)) if n <= 20 and rng.random() < 0.3
                        else str(n))
        add("small", form, _fill(source_t, number), english,
            {"changed": _fill(english_t, _english(_changed(n, rng, small=True))),
             "dropped": _fill(english_t, ""), "added": added(english, n)})
    return probes


def _half(whole: int, scale: int, lang: str, rng: random.Random) -> str:
    """``iki buçuk milyar``, ``zweieinhalb Millionen``, ``due milioni e mezzo``,
    ``dos horas y media``, ``مليونان ونصف`` (``whole`` and a half, times ``scale``)."""
    unit = _words(whole, lang, rng)
    if lang == "tr":
        return f"{unit} buçuk {SCALES[lang][scale == 10 ** 9]}" if scale > 1 else f"{unit} buçuk"
    if lang == "de":
        glued = f"{'ein' if whole == 1 else unit}einhalb"
        return f"{glued} {SCALES[lang][scale == 10 ** 9]}" if scale > 1 else glued
    if scale == 1:
        hours = {"it": ("ora e mezza", "ore e mezza"), "es": ("hora y media", "horas y media"),
                 "ar": ("ساعة ونصف", "ساعات ونصف")}[lang]
        one = {"it": "un'", "es": "una ", "ar": ""}[lang]
        return f"{one}{hours[0]}" if whole == 1 else f"{unit} {hours[1]}"
    spelled = _words(whole * scale, lang, rng) if lang != "es" or scale == 10 ** 6 else (
        f"{_words(whole, lang, rng)} {'millardo' if whole == 1 else 'millardos'}")
    half = {"it": "e mezzo", "es": "y medio", "ar": "ونصف"}[lang]
    return f"{spelled} {half}"


def load(lang: str) -> list[Probe]:
    """The committed probes of one language."""
    lines = (DATA / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()
    return [Probe(**json.loads(line)) for line in lines]


def write(lang: str) -> None:
    """Regenerate one language's probe file."""
    DATA.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(asdict(p), ensure_ascii=False) + "\n" for p in generate(lang))
    (DATA / f"{lang}.jsonl").write_text(text, encoding="utf-8")


@dataclass
class Figures:
    """False flags on correct pairs and recall per corruption, for one language."""

    correct: int = 0
    false_flags: int = 0
    corrupted: Counter[str] | None = None
    caught: Counter[str] | None = None

    @property
    def false_flag_rate(self) -> float:
        """Share of correct pairs flagged."""
        return self.false_flags / max(1, self.correct)

    def recall(self, corruption: str | None = None) -> float:
        """Share of corrupted pairs flagged (of one corruption, or all)."""
        corrupted, caught = self.corrupted or Counter(), self.caught or Counter()
        if corruption is None:
            return sum(caught.values()) / max(1, sum(corrupted.values()))
        return caught[corruption] / max(1, corrupted[corruption])


def score(probes: list[Probe],
          audit: Callable[[str, str, str], list[object]] = audit_numbers) -> Figures:
    """The figures of a list of probes."""
    figures = Figures(corrupted=Counter(), caught=Counter())
    assert figures.corrupted is not None and figures.caught is not None
    for probe in probes:
        flagged = bool(audit(probe.source, probe.english, probe.lang))
        if probe.corruption is None:
            figures.correct += 1
            figures.false_flags += flagged
        else:
            figures.corrupted[probe.corruption] += 1
            figures.caught[probe.corruption] += flagged
    return figures


def misses(probes: list[Probe]) -> list[Probe]:
    """Correct pairs flagged and corrupted pairs not flagged."""
    return [p for p in probes
            if bool(audit_numbers(p.source, p.english, p.lang)) != (p.corruption is not None)]


def table() -> str:
    """The Markdown table of the figures."""
    lines = ["| language | correct pairs flagged | changed caught | dropped caught "
             "| added caught | wrong scale caught | half dropped caught | all corruptions |",
             "|---|---|---|---|---|---|---|---|"]
    for lang in LANGUAGES:
        f = score(load(lang))
        assert f.corrupted is not None and f.caught is not None
        cells = [f"{f.caught[c]} of {f.corrupted[c]}" for c in CORRUPTIONS]
        lines.append(f"| {lang} | {f.false_flags} of {f.correct} ({f.false_flag_rate:.1%}) | "
                     f"{' | '.join(cells)} | {f.recall():.1%} |")
    return "\n".join(lines)


def main() -> None:
    """Regenerate the probe files if asked, print the figures and, if asked, the misses."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="regenerate the probe files")
    parser.add_argument("--misses", action="store_true", help="list the pairs judged wrongly")
    args = parser.parse_args()
    for lang in LANGUAGES if args.write else ():
        write(lang)
    print(table())
    for lang in LANGUAGES if args.misses else ():
        for probe in misses(load(lang)):
            print(f"{probe.id} {probe.corruption or 'correct'}: {probe.source} → {probe.english}")


if __name__ == "__main__":
    main()
