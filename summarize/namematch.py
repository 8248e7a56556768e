"""Matching a source name against an English sentence: spelling variants, transliterations,
diacritics, inflected and derived forms.

A source name *is in* the English when one of its forms (the name, its bare forms, its CLDR
exonyms) matches an English word:

* **equal** after folding (lower case, diacritics and Turkish dotless ``ı`` dropped, ``ß`` →
  ``ss``): ``Erdoğan`` = ``Erdogan``, ``Köln`` = ``koln``;
* **the same word with an English ending** (``s``, ``'s``, ``ian``, ``ese``, ``ish``, ``i`` …):
  ``Kanada`` → ``Canadian``, ``Pakistan`` → ``Pakistani``;
* **one edit away** (a letter changed, added or dropped) for words of four letters or more:
  ``Mossock`` = ``Mossack``, ``Obanazawa`` = ``Obanzawa``; two edits are a *changed* name
  (``Gripen`` → ``Gripentr``, ``Kowal`` → ``Kowalski``);
* **the same consonant skeleton** (:func:`skeleton`: vowels dropped, letters that
  transliterations confuse merged): ``Mohammed`` = ``Muhammad``, ``Vidal`` = ``فيدال``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_FOLD_EXTRA = str.maketrans({"ı": "i", "İ": "i", "ß": "ss", "ø": "o", "Ø": "o", "æ": "ae",
                             "Æ": "ae", "œ": "oe", "Œ": "oe", "đ": "d", "ł": "l", "Ł": "l",
                             "’": "'", "ʼ": "'", "`": "'", "–": "-", "—": "-"})
#: An English (or Latin-script) word: letters and digits, with inner hyphens, apostrophes or
#: dots ("Star-Tribune", "O'Shannessy", "U.S").
WORD = re.compile(r"[^\W_](?:[^\W_]|[-'’.](?=[^\W_]))*")
#: Endings an English word may add to a name or an exonym ("Canadian", "Pakistani").
ENGLISH_ENDINGS = ("s", "es", "'s", "'", "n", "an", "ans", "ian", "ians", "nian", "nians",
                   "ese", "i", "is", "ic", "ish", "er", "ers", "ite", "ites", "ern", "wide")
#: The shortest word compared with one edit allowed.
EDIT_MIN = 4

# Skeleton classes: transliterations confuse these letters (Arabic has no p, v, e, o).
_DIGRAPHS = (("sch", "§"), ("wh", "w"), ("sh", "§"), ("ch", "§"), ("th", "t"), ("dh", "d"),
             ("ph", "f"), ("kh", "h"), ("gh", "k"), ("ck", "k"), ("qu", "k"), ("dj", "k"),
             ("ce", "se"), ("ci", "si"), ("cy", "sy"), ("x", "ks"))
_LATIN_CLASSES = str.maketrans({"p": "b", "v": "b", "f": "b", "c": "k", "q": "k", "g": "k",
                                "j": "k", "z": "s", "x": "s", "d": "t"})
_DROP = set("aeiouyw'-. ")


def fold(text: str) -> str:
    """Lower case without diacritics: ``Erdoğan`` → ``erdogan``, ``İzmir`` → ``izmir``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_EXTRA))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def skeleton(text: str) -> str:
    """The consonant skeleton of a Latin-script word, in the classes transliterations share:
    ``Muhammad`` and ``Mohammed`` → ``mhmt``; ``Vidal`` → ``btl``."""
    word = fold(text)
    for digraph, mark in _DIGRAPHS:
        word = word.replace(digraph, mark)
    word = word.translate(_LATIN_CLASSES).replace("§", "s")
    out = [ch for ch in word if ch.isalpha() and ch not in _DROP]
    return "".join(ch for i, ch in enumerate(out) if i == 0 or ch != out[i - 1])


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance of two strings."""
    from rapidfuzz.distance import Levenshtein

    return int(Levenshtein.distance(a, b))


def similarity(a: str, b: str) -> float:
    """Normalized Indel similarity of two strings, 0–1."""
    from rapidfuzz.fuzz import ratio

    return float(ratio(a, b)) / 100


@dataclass(frozen=True)
class EnglishWord:
    """A word of the English sentence.

    Attributes:
        text: As written (possessive dropped).
        folded: Folded (:func:`fold`).
        start: Offset in the sentence.
        capitalized: Written with a capital, not at the start of the sentence.
    """

    text: str
    folded: str
    start: int
    capitalized: bool


def english_words(text: str) -> list[EnglishWord]:
    """The words of an English sentence, each also split on hyphens ("Apollo-Soyuz")."""
    found = []
    for match in WORD.finditer(text):
        raw = re.sub(r"['’]s?$", "", match.group())
        raw = re.split(r"['’](?=[^\W\d_])", raw, maxsplit=1)[0] if not re.match(
            r"[Oo]['’]|[DdLl]['’]", raw) else raw  # "Kokoda'ya": a suffix the model left
        head = text[max(0, match.start() - 64):match.start()]  # bounded: linear time
        initial = (not head.strip(" \"“‘'«(") and not text[:match.start() - len(head)].strip(
            " \"“‘'«(")) or bool(re.search(r"[.!?:]\s*[\"“‘'«(]?\s*$", head))
        parts = [raw, *raw.split("-")] if "-" in raw else [raw]
        for part in parts:
            if part:
                folded = fold(part)
                if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", part):
                    folded = folded.replace(".", "")  # "U.S" = "US"
                found.append(EnglishWord(part, folded, match.start(),
                                         part[:1].isupper() and not initial))
    return found


def word_matches(form: str, word: str, *, edits: bool = True) -> bool:
    """Whether a folded name form matches a folded English word (equal, with an English
    ending, or one edit away; see the module docstring)."""
    if not form or not word:
        return False
    if word == form:
        return True
    if word.startswith(form) and word[len(form):] in ENGLISH_ENDINGS and len(form) >= 3:
        return True
    if len(form) >= 5 and word.startswith(form[:-1]) and word[len(form) - 1:] in ENGLISH_ENDINGS:
        return True  # Kanada → Canadian: the last vowel gives way to the ending
    if edits and min(len(form), len(word)) >= EDIT_MIN and abs(len(form) - len(word)) <= 1:
        return edit_distance(form, word) <= 1
    return False


def phrase_in(phrase: str, words: Sequence[EnglishWord]) -> bool:
    """Whether a folded phrase of one or more words is in the English words, in order."""
    parts = [p for p in re.split(r"[\s-]+", phrase) if p]
    if not parts:
        return False
    if "-" in phrase and any(w.folded == phrase.replace("-", "") for w in words):
        return True  # "Wi-Fi" = "wifi"
    folded = [w.folded for w in words if "-" not in w.folded]
    for i in range(len(folded) - len(parts) + 1):
        if all(word_matches(p, folded[i + k]) for k, p in enumerate(parts[:-1])) and \
                word_matches(parts[-1], folded[i + len(parts) - 1]):
            return True
    return False


def skeleton_matches(name_skeleton: str, words: Iterable[EnglishWord], *,
                     threshold: float = 1.0) -> EnglishWord | None:
    """The English word whose skeleton matches ``name_skeleton`` (similarity at least
    ``threshold``; 1.0 means equal), or None. Skeletons of two letters or fewer never match
    by similarity alone."""
    best: EnglishWord | None = None
    best_score = 0.0
    for word in words:
        other = skeleton(word.text)
        if not other:
            continue
        if other == name_skeleton and len(other) >= 2:
            return word
        if threshold < 1.0 and min(len(other), len(name_skeleton)) >= 3:
            score = similarity(other, name_skeleton)
            if score >= threshold and score > best_score:
                best, best_score = word, score
    return best
