"""A small Buckwalter-style transliteration of Arabic script into consonant skeletons, for
vowel-insensitive matching against English spellings.

Arabic script writes consonants and long vowels; English spellings of the same name write
vowels freely (``فيدال`` is Vidal, Fidel or Vidaal). So both sides are reduced to a
*skeleton* in shared consonant classes (:func:`summarize.namematch.skeleton`): vowels, the
glottal stop and ``ع`` are dropped, ``و`` and ``ي`` count as vowels, and letters the two
scripts map onto each other loosely share a class: ``ب ف`` b/p/f/v, ``ج ق ك غ چ`` k/g/j/q
(``چ`` writes the j of foreign names: ``چيمس`` James),
``س ص ش ز`` s/z/sh, ``ت ط د ض ث ذ`` t/d/th, ``ح ه خ`` h/kh. ``فيدال`` and ``Vidal`` are both
``btl``; ``غربين`` and ``Gripen`` both ``krbn``.
"""

from __future__ import annotations

import re

#: Arabic letter → skeleton class (letters not listed are dropped).
ARABIC_CLASSES = {
    "ب": "b", "پ": "b", "ت": "t", "ث": "t", "ج": "k", "ح": "h", "خ": "h", "د": "t",
    "ذ": "t", "ر": "r", "ز": "s", "س": "s", "ش": "s", "ص": "s", "ض": "t", "ط": "t",
    "ظ": "t", "غ": "k", "ف": "b", "ڤ": "b", "ق": "k", "ك": "k", "گ": "k", "چ": "k", "ل": "l",
    "م": "m", "ن": "n", "ه": "h",
}
#: Vowel marks, other diacritics and tatweel: written inside a word, never a letter of it.
ARABIC_MARKS = r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]"
_DIACRITICS = re.compile(ARABIC_MARKS)
_NORMALIZE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                            "ؤ": "و", "ئ": "ي"})
ARABIC_LETTERS = r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]"
ARABIC_LETTER = re.compile(ARABIC_LETTERS)


def normalize_arabic(text: str) -> str:
    """Arabic text without diacritics or tatweel, alef forms unified, ``ة`` as ``ه`` and
    ``ى`` as ``ي`` (how the audit keys Arabic words)."""
    return _DIACRITICS.sub("", text).translate(_NORMALIZE).strip()


def strip_clitics(word: str, clitics: tuple[str, ...]) -> str:
    """A normalized Arabic word without its glued prefixes (``وبالقاهرة`` → ``قاهره``): at
    most one conjunction (``و``, ``ف``), then one preposition (``ب``, ``ل``, ``ك``), then the
    article, in that order and only those of ``clitics``. A word left with fewer than three
    letters is kept whole.

    Args:
        word: The word, normalized (:func:`normalize_arabic`).
        clitics: The prefixes the language glues to words.
    """
    for group in (("و", "ف"), ("ب", "ل", "ك"), ("ال", "ل")):
        for clitic in group:
            if clitic in clitics and word.startswith(clitic) and len(word) - len(clitic) >= 3:
                word = word[len(clitic):]
                break
    return word


def arabic_skeleton(word: str) -> str:
    """The consonant skeleton of an Arabic word (see the module docstring)."""
    word = _DIACRITICS.sub("", word).rstrip("ة")  # a final tā' marbūṭa is a vowel
    letters = [ARABIC_CLASSES[ch] for ch in word if ch in ARABIC_CLASSES]
    return "".join(ch for i, ch in enumerate(letters) if i == 0 or ch != letters[i - 1])


def is_arabic(word: str) -> bool:
    """Whether a word is written in Arabic script."""
    return ARABIC_LETTER.search(word) is not None
