"""Ages as figures: whose age a number is, never a count of anything.

* an age glued to its number is an age of the noun it describes ("a 19-year-old packer" →
  ``age of packer``; "the 99-year-old main" → ``age of main``), or of the person named in
  commas before it ("Tomás Ibarra, a 29-year-old Chilean rider" → ``age of Tomás Ibarra``);
* a number in commas after a name is that person's age ("Gary Pohlman, 67, of Fremont",
  "Okafor, 24, has signed") and after "the" and a noun that noun's ("The new champion, 24,"
  → ``age of champion``). Days, months and words such as "However" are no persons.

The claim's subject is then the person (``claims``), and an age holds for a year, so two
reports of it days apart are one time (``verdicts``).
"""

from __future__ import annotations

import re

from summarize.digest.text import STOPWORDS, singular
from summarize.nummention import NumberMention

#: An age glued to its number ("a 19-year-old packer", "the 99-year-old main"), with the
#: words it describes.
AGED = re.compile(r"-(?:year|month|week|day)s?-old\b(?:\s+((?:[a-z-]+\s+)?[a-z-]+))?",
                  re.IGNORECASE)


#: Words after an age that are not what it describes ("a 35-year-old, who …").
STOP_AFTER_AGE = frozenset("""who was is and or from in at of with had has burst died fell
hit lost won ran came went left said""".split())


#: A name before an age in commas ("Tomás Ibarra, 28,", "Gary Pohlman, 67, of Fremont"), or
#: before "a" and an age glued to its number ("Tomás Ibarra, a 29-year-old Chilean rider").
_NAME = (r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?((?:[A-Z][\w'’-]+\s+(?:(?:de|da|dos|del|van|von|bin|"
         r"al|el|le|la|du)\s+)?){0,3}[A-Z][\w'’-]+)")
_NAME_BEFORE_AGE = re.compile(r"(?:^|(?<=[\s(“\"]))" + _NAME + r",\s*$")
_NAME_BEFORE_AGED = re.compile(r"(?:^|(?<=[\s(“\"]))" + _NAME + r",\s+(?:an?|the)\s+$")
#: A person named by a noun before an age in commas ("The new champion, 24, said").
_NOUN_BEFORE_AGE = re.compile(r"\b[Tt]he\s+(?:[a-z]+\s+)?([a-z]{3,}),\s*$")
#: Capitalized words that are no person before an age ("On Tuesday, 24, …").
_NOT_PERSONS = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
February March April May June July August September October November December However
Meanwhile Overall Altogether Instead Separately Today Yesterday""".split())


def _person_before(before: str, pattern: re.Pattern[str]) -> str | None:
    """The name of a person right before an age, or None."""
    found = pattern.search(before)
    if found is None:
        return None
    name = found.group(1)
    words = name.split()
    while words and (words[0] in _NOT_PERSONS or words[0].lower() in STOPWORDS):
        words = words[1:]  # "As Ferreira, 24," ; "On Tuesday" is no person
    if not words or words[-1] in _NOT_PERSONS:
        return None
    return " ".join(words)


def named_age(text: str, mention: NumberMention) -> str | None:
    """The person whose age a number in commas after a name is ("Gary Pohlman, 67, of
    Fremont" → Gary Pohlman; "The new champion, 24, said" → champion), or None."""
    if mention.currency or not re.fullmatch(r"\d{1,3}", mention.raw) or not (
            0 < mention.value < 120) or not re.match(r"\s*,", text[mention.end:]):
        return None
    before = text[max(0, mention.start - 80):mention.start]
    person = _person_before(before, _NAME_BEFORE_AGE)
    if person is None:
        noun = _NOUN_BEFORE_AGE.search(before)
        person = noun.group(1) if noun and noun.group(1) not in STOPWORDS else None
    return person


def glued_age(text: str, mention: NumberMention, aged: re.Match[str]) -> tuple[str, int]:
    """The measure of an age glued to its number (:data:`AGED` matched after it) and where
    its words end: ``age of Tomás Ibarra`` for a name in commas before it, else ``age of`` the
    noun it describes ("a 42-year-old man on Tuesday": man), else ``age``."""
    person = _person_before(text[max(0, mention.start - 80):mention.start], _NAME_BEFORE_AGED)
    if person is not None:
        return f"age of {person}", mention.start + len(mention.raw) + len(
            aged.group(0).split()[0])
    words: list[str] = []
    for word in (aged.group(1) or "").split():
        low = word.lower()
        if low in STOPWORDS or low in STOP_AFTER_AGE or (words and low.endswith("ed")):
            break  # "a 42-year-old man on Tuesday", "a 12-year-old was hurt"
        words.append(word)
    noun = words[-1] if words else ""
    if not noun:
        return "age", aged.start() + len(aged.group(0).split()[0])
    return f"age of {singular(noun.lower())}", text.index(noun, aged.start()) + len(noun)


def age_of(measure: str) -> str | None:
    """Whose age a measure is ("age of Gary Pohlman" → Gary Pohlman, "age" → ""), or None
    when it is no age."""
    if measure == "age":
        return ""
    return measure[len("age of "):] if measure.startswith("age of ") else None
