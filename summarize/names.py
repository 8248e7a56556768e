"""The name audit: proper names of the source that are lost or replaced in the English.

**Finding names in the source.** Latin-script text (Turkish, German, Italian, and any other):
a name is a run of capitalized words, acronyms (``ASML``) or words with digits (``H5N1``),
with particles inside (``de``, ``von``); a Turkish case ending after an apostrophe is dropped
(``Ankara'da`` → Ankara) and an Italian elided article before one (``dell'Italia`` →
Italia). A word at the start of a sentence is a name only with evidence: a Turkish apostrophe
ending, a capitalized word after it, an acronym, a CLDR place, or a capitalized use elsewhere
in the document; never when it is a function word of the language or the document also
writes it in lower case. German capitalizes every noun, so there a capitalized word is a name
only when it is an acronym, a CLDR place or follows a title (``Kanzler Scholz``, ``Kanzler
Olaf Scholz``); hyphenated compounds are split (``US-Dollar``: US). Titles,
month and day names and the generic heads of names (``Üniversitesi``, ``Ministero``) are
not names by themselves and need not survive. Arabic script: Latin-script names inside it
(``Mistral AI``), CLDR places (with their article, glued prefixes and ``ـي`` adjective
endings), a word after a cue word (``السيد``, ``مدينة``, ``نادي``), and a word the
document's own translations render as a name in another sentence (:func:`document_memory`:
``ما`` beside "Ma easily won").

**Finding them in the English** (:mod:`summarize.namematch`): equal after folding, with an
English ending, one edit away, the same consonant skeleton, or a CLDR exonym
(:mod:`summarize.exonyms`). Arabic-script names are compared by skeleton similarity
(:mod:`summarize.translit`). A name of several words survives when each of its distinctive
words does; one with a generic head (``Stanford Üniversitesi Tıp Fakültesi``) when any does.

**Flags.** A name that does not survive is *changed* when an unmatched capitalized English
word resembles it (``Vidal`` → ``Vidaltrup``: similarity at least
:data:`CHANGED_SIMILARITY`), else *lost*. Both are severity 2. Measured on FLORES-200:
``docs/names.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from summarize.lang import profile
from summarize.namematch import (
    ENGLISH_ENDINGS,
    EnglishWord,
    english_words,
    fold,
    phrase_in,
    similarity,
    skeleton,
)
from summarize.namescan import ARABIC_WORD, NISBA, SourceName, Unit, source_names
from summarize.translit import arabic_skeleton, is_arabic, normalize_arabic, strip_clitics

__all__ = ["ARABIC_SIMILARITY", "CHANGED_SIMILARITY", "INSERTED_SIMILARITY", "VARIANT_SIMILARITY",
           "NameIssue", "SourceName", "Unit", "audit_names", "garbled", "has_names",
           "source_names", "unit_present"]

#: An unmatched English name at least this similar to a lost source word replaced it.
CHANGED_SIMILARITY = 0.6
#: A capitalized English word at least this similar to a source word (and not the word
#: garbled) is a spelling variant of it: ``Napolyon`` = ``Napoleonic``, ``Teksas`` = ``Texas``.
VARIANT_SIMILARITY = 0.65
#: A word with a model's inserted letters (``NameRules.inserted_letters``: NLLB-200's ``tr``
#: from Turkish) in place of part of a name is the name garbled when the rest is at least this
#: similar to it (``Montezuma`` → ``Montruma``).
INSERTED_SIMILARITY = 0.8
#: Arabic-script words survive when an English word's skeleton is at least this similar.
ARABIC_SIMILARITY = 0.75

#: Beyond this many (source name, English word) pairs (not a sentence) only exact forms and
#: English endings are compared.
MAX_PAIRS = 250_000

IssueKind = Literal["lost", "changed"]


@dataclass(frozen=True)
class NameIssue:
    """A source name that did not survive translation.

    Attributes:
        kind: ``lost`` (nothing stands for it) or ``changed`` (another name stands in).
        name: The source name.
        missing: Its words that are not in the English.
        english: The English word that replaced it (``changed`` only).
        reason: What went wrong, for a reviewer.
    """

    kind: IssueKind
    name: SourceName
    missing: tuple[str, ...]
    english: str | None
    reason: str


def garbled(form: str, word: str, letters: str = "") -> bool:
    """Whether ``word`` is ``form`` with a run of letters inserted and at most one other edit:
    two letters or more at the end (not an English ending), three or more inside, or the
    letters the model inserts into names of the source language (``letters``,
    ``NameRules.inserted_letters``: NLLB-200's ``tr`` from Turkish), or with part of it
    replaced by those letters: ``Vidal`` → ``Vidaltrup``, ``Gripen`` → ``Gripentr``, ``Kowal``
    → ``Kowalski``, ``Montezuma`` → ``Montruma``; not ``Budist`` → ``Buddhist``, nor ``Mars`` →
    ``Martian`` (the word less an English ending is one edit away)."""
    from rapidfuzz.distance import Levenshtein

    blocks: list[tuple[str, int, int, int]] = [
        (str(op.tag), int(op.dest_start), int(op.dest_end), int(op.src_end - op.src_start))
        for op in Levenshtein.opcodes(form, word) if op.tag != "equal"]
    inserted = [(j1, j2) for tag, j1, j2, _ in blocks if tag == "insert" and j2 - j1 >= 2
                and not (j2 == len(word) and _ending_only(word[j1:]))
                and (j2 == len(word) or j2 - j1 >= 3 or bool(letters and letters in word[j1:j2]))]
    others = sum(max(j2 - j1, n) for tag, j1, j2, n in blocks
                 if tag != "insert" or (j1, j2) not in inserted)
    if inserted and others <= 1:  # "Mars" → "Martian": the stem is one edit away
        return not any(Levenshtein.distance(form, stem) <= 1 for stem in _stems(word)[1:])
    return bool(letters) and _replaced_by(form, word, letters)


def _replaced_by(form: str, word: str, letters: str) -> bool:
    """Whether ``word`` is ``form`` with part of it replaced by the model's inserted
    ``letters`` (``Montezuma`` → ``Montruma``): letters that ``form`` lacks, and the rest at
    least :data:`INSERTED_SIMILARITY` similar."""
    from rapidfuzz.distance import Levenshtein

    if len(form) < 4 or letters in form or Levenshtein.distance(form, word) <= 1:
        return False  # "Zhabdrung" → "Zhabtrung": a spelling variant
    return any(similarity(form, word[:m.start()] + word[m.end():]) >= INSERTED_SIMILARITY
               for m in re.finditer(re.escape(letters), word) if 0 < m.start())


def _ending_only(tail: str) -> bool:
    """Whether letters added at the end of a name are an English ending, give or take a
    letter ("Artù" → "Arthurian": ``rian``)."""
    return any(tail.endswith(e) and len(tail) - len(e) <= 1 for e in ENGLISH_ENDINGS)


def unit_present(unit: Unit, words: Sequence[EnglishWord], letters: str = "") -> bool:
    """Whether one word (or exonym) of a source name is in the English words (``letters``:
    the source language's ``NameRules.inserted_letters``, see :func:`garbled`)."""
    if any(phrase_in(form, words) for form in unit.forms):
        return True
    if unit.script == "latin" and len(unit.text) >= 4:
        target = fold(unit.text)
        for word in words:  # a spelling variant of a name: Napolyon, Napoleonic
            if word.text[:1].isupper() and len(word.folded) >= 4 \
                    and not garbled(target, word.folded, letters) \
                    and max(similarity(form, stem) for form in unit.forms | {target}
                            for stem in _stems(word.folded)) >= VARIANT_SIMILARITY:
                return True
    if unit.skeleton:
        threshold = ARABIC_SIMILARITY if unit.script == "arabic" else 1.0
        for word in words:
            other = skeleton(word.text)
            if other == unit.skeleton and (len(other) >= 3 or (
                    len(other) == 2 and len(word.folded) >= 4 and len(unit.text) >= 4)
                    or (unit.script == "arabic" and word.text[:1].isupper())):
                return True
            if threshold < 1.0 and min(len(other), len(unit.skeleton)) >= 2 \
                    and similarity(other, unit.skeleton) >= threshold:
                return True
    return False


def _stems(word: str) -> list[str]:
    """A word and the word without each English ending it has (``assyrian`` → ``assyr``)."""
    return [word, *(word[:-len(e)] for e in ENGLISH_ENDINGS
                    if word.endswith(e) and len(word) - len(e) >= 3)]


def _garbled_in(unit: Unit, words: Sequence[EnglishWord], letters: str) -> bool:
    target = fold(unit.text)
    return unit.script == "latin" and len(target) >= 2 and not any(
        w.folded == target for w in words) and any(
        garbled(target, w.folded, letters) for w in words
        if w.folded.startswith(target[:1]) and w.folded not in unit.forms
        and (w.capitalized or w.text[:1].isupper()))


def _replacement(unit: Unit, words: Sequence[EnglishWord], known: set[str], letters: str
                 ) -> str | None:
    """An English name that stands where ``unit`` should be (a different or garbled name)."""
    best, best_score = None, 0.0
    target = fold(unit.text)
    for word in words:
        if word.folded in known or len(word.folded) < 2 or not (word.capitalized or (
                word.text[:1].isupper() and unit.script == "latin"
                and garbled(target, word.folded, letters))):
            continue  # a garbled name counts at the start of the sentence too
        if unit.script == "arabic":
            score = similarity(skeleton(word.text), unit.skeleton) if unit.skeleton else 0.0
        else:
            score = 1.0 if garbled(target, word.folded, letters) else similarity(word.folded,
                                                                                 target)
        if score >= CHANGED_SIMILARITY and score > best_score:
            best, best_score = word.text, score
    return best


def document_memory(pairs: Iterable[tuple[str, str]], src_lang: str) -> frozenset[str]:
    """Arabic-script words that a document's own translations render as a name: a source
    word (its clitics removed) whose consonant skeleton is that of exactly one capitalized
    English word inside its sentence's translation, which matches no other word of the
    source ("ما" beside "…, Ma easily won …"). Elsewhere in the document the word is a name
    too, though no cue marks it, so a sentence that renders it "what" loses it. Skeletons of
    three consonants or fewer must be equal, long vowels too; longer ones need
    :data:`MEMORY_SIMILARITY`. A common word counts only where it is quoted, and an
    adjective of relation never.

    Args:
        pairs: The document's (source, English) sentence pairs.
        src_lang: ISO 639-1 code of the source.
    """
    rules = profile(src_lang).names
    found: set[str] = set()
    for source, english in pairs:
        if not is_arabic(source):
            continue
        capitals = [w for w in english_words(english) if w.capitalized]
        if not capitals:
            continue
        words: dict[str, None] = {}  # the sentence's candidate words, in order, once each
        for match in ARABIC_WORD.finditer(source):
            bare = strip_clitics(normalize_arabic(match.group()), rules.clitics)
            quoted = source[match.start() - 1:match.start()] in _QUOTES and (
                source[match.end():match.end() + 1] in _QUOTES)
            if (bare not in rules.function_words or quoted) and arabic_skeleton(bare) and not (
                    bare.endswith(_NISBA_ENDINGS)):  # "الأولمبية": Olympic, an adjective
                words[bare] = None  # a common word only when quoted: فاز "ما"
        for bare in words:
            matches = [w for w in capitals if _renders(w, bare)]
            if len(matches) == 1 and [b for b in words if _renders(matches[0], b)] == [bare]:
                found.add(bare)
    return frozenset(found)


_QUOTES = frozenset('"«»“”')
#: How alike the skeletons of a source word and its English rendering must be for the word
#: to enter a document's memory: stricter than the audit's :data:`ARABIC_SIMILARITY`, since
#: a word remembered wrongly is flagged in every sentence ("Text" is no rendering of
#: "تطبيقات", applications).
MEMORY_SIMILARITY = 0.85
#: Endings of Arabic adjectives of relation ("الألمانية", German): no names of their own.
_NISBA_ENDINGS = (*NISBA, "ي")
#: Long vowels and the vowels English writes for them, for short words (:func:`_renders`).
_ARABIC_VOWELS = {"ا": "a", "و": "o", "ي": "i"}
_LATIN_VOWELS = str.maketrans({"e": "i", "u": "o", "y": "i"})


def _renders(word: EnglishWord, bare: str) -> bool:
    """Whether an English word writes an Arabic word: the same consonant skeleton, and for a
    skeleton of three consonants or fewer the same long vowels too ("Ma" is "ما", not "عام"
    or "مع"; "Kant" is "كانت", not "Kent")."""
    shape = arabic_skeleton(bare)
    latin = skeleton(word.text)
    if len(shape) >= 4 and len(latin) >= 4:
        return similarity(latin, shape) >= MEMORY_SIMILARITY
    if latin != shape:
        return False
    spelled = "".join(_ARABIC_VOWELS.get(ch) or arabic_skeleton(ch) for ch in bare)
    written = re.sub(r"(.)\1+", r"\1", skeleton_with_vowels(word.folded))
    return re.sub(r"(.)\1+", r"\1", spelled) == written


def skeleton_with_vowels(folded: str) -> str:
    """A Latin word in the skeleton's consonant classes, its vowels kept as ``a``, ``i`` and
    ``o`` (see :func:`_renders`)."""
    out = []
    for ch in folded.translate(_LATIN_VOWELS):
        out.append(ch if ch in "aio" else skeleton(ch))
    return "".join(out)


def audit_names(source: str, english: str, src_lang: str, *,
                context: str = "", memory: frozenset[str] = frozenset()) -> list[NameIssue]:
    """Compare the proper names of a source sentence with its English translation.

    Args:
        source: The source sentence.
        english: Its English translation.
        src_lang: ISO 639-1 code of the source.
        context: The document's source text (or nearby sentences): its lower-case and
            capitalized uses of a word tell a sentence-initial name from a common word.
        memory: Arabic-script words the document's translations render as a name
            (:func:`document_memory`): names here too.

    Returns:
        One issue per name lost or changed; empty when every name survives.

    Example:
        >>> audit_names("Mistral, Ankara'da bir ofis açtı.", "Mistral opened an office in "
        ...             "Ankara.", "tr")
        []
        >>> [i.kind for i in audit_names("Maçta Vidal gol attı.", "In the match Vidaltrup "
        ...                              "scored.", "tr")]
        ['changed']
    """
    if src_lang == "en" or not source.strip():
        return []
    names = source_names(source, src_lang, context=context, memory=memory)
    words = english_words(english)
    letters = profile(src_lang).names.inserted_letters
    inserted = inserted_garbles(source, words, src_lang)
    if not names:
        return inserted
    known = {form for name in names for unit in name.units for form in unit.forms}
    quick = len(names) * len(words) > MAX_PAIRS
    folded = {w.folded for w in words}
    issues = []
    for name in names:
        required = [u for u in name.units if u.required] or list(name.units)
        if quick:  # a huge sentence: exact forms and English endings only, in linear time
            missing = [u for u in required if not any(
                f in folded or any(f + e in folded for e in ENGLISH_ENDINGS) for f in u.forms)]
            garbles = []
        else:
            missing = [u for u in required if not unit_present(u, words, letters)]
            garbles = [u for u in required if _garbled_in(u, words, letters)]
        if garbles:  # "JAS 39C Gripentr": a garbled word is flagged whatever the rule
            missing = garbles
        elif not missing or (name.any_word and len(missing) < len(required)):
            continue
        replaced = None if quick else next(
            (r for r in (_replacement(u, words, known, letters) for u in missing) if r), None)
        shown = ", ".join(f'"{u.text}"' for u in missing)
        if replaced is not None:
            issues.append(NameIssue("changed", name, tuple(u.text for u in missing), replaced,
                                    f'source name "{name.text}" became "{replaced}" in '
                                    f"English ({shown} not found)"))
        else:
            issues.append(NameIssue("lost", name, tuple(u.text for u in missing), None,
                                    f'source name "{name.text}" not found in English'
                                    + (f" ({shown} missing)" if len(name.units) > 1 else "")))
    return issues + [i for i in inserted if i.english not in {x.english for x in issues}]


def inserted_garbles(source: str, words: Sequence[EnglishWord], src_lang: str
                     ) -> list[NameIssue]:
    """Source words whose English transliteration has the model's inserted letters
    (``NameRules.inserted_letters``): ``روبرتس`` → ``Robertsar``. The English word less the
    letters must have the source word's consonant skeleton and the word itself must not
    (``قطر`` → Qatar is no garble: "Qat" is not ``قطر``). Linear in the sentence: one lookup
    per English word."""
    rules = profile(src_lang).names
    letters = rules.inserted_letters
    if not letters:
        return []
    shapes: dict[str, re.Match[str]] = {}
    for match in ARABIC_WORD.finditer(source):
        bare = strip_clitics(normalize_arabic(match.group()), rules.clitics)
        shape = arabic_skeleton(bare)
        if len(shape) >= 3 and bare not in rules.function_words:
            shapes.setdefault(shape, match)
    issues: list[NameIssue] = []
    for word in words:
        if not word.text[:1].isupper() or len(word.folded) < 5:
            continue
        for m in re.finditer(letters, word.folded):
            shape = skeleton(word.folded[:m.start()] + word.folded[m.end():])
            if m.start() < 2 or shape not in shapes or skeleton(word.folded) == shape:
                continue
            found = shapes[shape]
            unit = Unit(found.group(), frozenset(), shape, script="arabic")
            name = SourceName(found.group(), found.start(), found.end(), (unit,))
            issues.append(NameIssue("changed", name, (found.group(),), word.text,
                                    f'source name "{found.group()}" became "{word.text}" in '
                                    f'English (letters "{letters}" inserted)'))
            break
    return issues


def has_names(source: str, src_lang: str, context: str = "") -> bool:
    """Whether the audit finds any proper name in a source sentence."""
    return bool(source_names(source, src_lang, context=context))
