"""Finding the proper names of a source sentence (see :mod:`summarize.names` for the rules).

Pure functions of the sentence, its language's :class:`~summarize.lang.nameinfo.NameRules`
and an optional context (the document's source text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from summarize.exonyms import english_forms, exonyms, language_names, source_key
from summarize.lang import profile
from summarize.lang.nameinfo import NameRules
from summarize.namecontext import NO_USES, Uses, context_uses, glued_case, is_initial
from summarize.namematch import WORD, fold, skeleton
from summarize.translit import (
    ARABIC_LETTERS,
    ARABIC_MARKS,
    arabic_skeleton,
    is_arabic,
    normalize_arabic,
    strip_clitics,
)

_ROMAN = re.compile(r"[IVXLCDM]+")
#: An Arabic-script word.
#: Marks inside it belong to it (``السيّد`` is one word, not ``السي`` and ``د``).
ARABIC_WORD = re.compile(f"{ARABIC_LETTERS}(?:{ARABIC_LETTERS}|{ARABIC_MARKS})*")
_APOSTROPHE = re.compile(r"['’]")
#: Arabic adjective (nisba) endings, tried after the article is removed ("الألمانية").
NISBA = ("يين", "يون", "يه")


@dataclass(frozen=True)
class Unit:
    """One word of a source name (or a group of words a CLDR exonym covers).

    Attributes:
        text: As written in the source, endings dropped.
        forms: Folded forms that count as found in English (the word, its bare forms, its
            exonyms).
        skeleton: Its consonant skeleton (:func:`summarize.namematch.skeleton`).
        required: Whether it must survive (generic heads and titles need not).
        script: ``latin`` or ``arabic``.
    """

    text: str
    forms: frozenset[str]
    skeleton: str
    required: bool = True
    script: str = "latin"


@dataclass(frozen=True)
class SourceName:
    """A proper name of the source sentence.

    Attributes:
        text: As written (endings dropped), e.g. ``Stanford Üniversitesi``.
        start: Offset of its first character.
        end: Offset after its last character.
        units: Its words.
        any_word: It has a generic head, so it survives when any required word does.
        evidence: Why it is a name (``capitalized``, ``exonym``, ``cue``, ``quoted`` …).
    """

    text: str
    start: int
    end: int
    units: tuple[Unit, ...]
    any_word: bool = False
    evidence: str = "capitalized"


@dataclass
class _Token:
    text: str
    base: str
    start: int
    end: int
    suffixed: bool
    initial: bool
    before: str


@lru_cache(maxsize=64)
def _calendar_words(language: str) -> frozenset[str]:
    """Month and day names of the language (folded), from CLDR: never names by themselves."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError, TypeError):
        return frozenset()
    found: set[str] = set()
    for table in (locale.months, locale.days):
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                found |= {fold(str(v)).rstrip(".") for v in table[context][width].values()}
    return frozenset(found)


def _bare_forms(base: str, rules: NameRules) -> set[str]:
    folded = fold(base)
    forms = {folded}
    for ending in (*rules.endings, *rules.derived_suffixes):
        if folded.endswith(ending) and len(folded) - len(ending) >= 3:
            forms.add(folded[:-len(ending)])
    return forms


_HYPHEN_PART = re.compile(r"[^\W_](?:[^\W_]|['’.](?=[^\W_]))*")


def _tokens(text: str, rules: NameRules) -> list[_Token]:
    tokens = []
    words = WORD.finditer(text) if not rules.capitalized_nouns else _HYPHEN_PART.finditer(text)
    for match in words:  # German compounds are split: "US-Dollar" is US and Dollar
        raw, start = match.group(), match.start()
        low = fold(raw)
        for elision in sorted(rules.elisions, key=len, reverse=True):
            if low.startswith(elision) and len(raw) > len(elision):
                raw, start = raw[len(elision):], start + len(elision)
                break
        base, suffixed = raw, False
        if rules.apostrophe_suffixes and _APOSTROPHE.search(raw):
            base, suffixed = _APOSTROPHE.split(raw, maxsplit=1)[0], True
        before = text[max(0, match.start() - 40):match.start()].split()
        tokens.append(_Token(raw, base, start, start + len(base), suffixed,
                             is_initial(text, match.start()), fold(before[-1]) if before else ""))
    return tokens


def _looks_like_name(token: _Token) -> bool:
    base = token.base
    if not base or _ROMAN.fullmatch(base) or not any(ch.isalpha() for ch in base):
        return False
    if any(ch.isdigit() for ch in base):
        return any(ch.isupper() for ch in base)  # H5N1, 39C, COVID-19; not 16kg
    return base[:1].isupper() or sum(ch.isupper() for ch in base) >= 2


def _is_acronym(base: str) -> bool:
    return sum(ch.isupper() for ch in base) >= 2 or any(ch.isdigit() for ch in base)


def _exonym_forms(base: str, language: str, rules: NameRules) -> frozenset[str]:
    table = exonyms(language)
    extra = {fold(k): v for k, v in rules.exonyms}
    for form in sorted(_bare_forms(base, rules), key=len, reverse=True):
        key = source_key(form, language)
        if key in table:
            return table[key]
        if form in extra:
            return frozenset({form, *english_forms(extra[form])})
    return frozenset()


def _latin_names(text: str, language: str, rules: NameRules, context: str) -> list[SourceName]:
    tokens = _tokens(text, rules)
    uses = context_uses(context, rules.generic_words) if context else NO_USES
    # The sentence's own uses count too when the context lacks it (asked once, not per word:
    # linear time on a huge sentence).
    own = context_uses(text, rules.generic_words) if context and text not in context else None
    generic = rules.generic_words | _calendar_words(language) | language_names(language)
    keep: list[bool] = []
    for i, token in enumerate(tokens):
        folded = fold(token.base)
        ok = _looks_like_name(token) and folded not in rules.function_words
        if ok and len(folded) < 2:
            ok = False
        upper, alone = _uses_elsewhere(tokens, i, text, own, uses, rules) if context else (0, 0)
        if ok and not _is_acronym(token.base) and upper == 0 and _lower_use(
                folded, uses.lower, rules) and (token.initial or _standalone(tokens, i, text,
                                                                             rules)):
            ok = False  # the document also writes it in lower case: a common word
        if ok and token.initial and not _is_acronym(token.base):
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            ok = (token.suffixed or alone > 0 or folded in uses.named
                  or bool(_exonym_forms(token.base, language, rules))
                  or any(ch in rules.foreign_letters for ch in token.base.lower())
                  or (following is not None and _looks_like_name(following)
                      and not following.initial
                      and (folded_head(following, rules) if rules.head_suffixes
                           else fold(following.base) not in generic)))
        if ok and i > 0 and tokens[i - 1].suffixed and rules.head_suffixes \
                and folded.endswith(rules.head_suffixes):
            ok = False  # "Firavun'un Laneti": the possessed head of a name, translated
        if ok and rules.capitalized_nouns and not _is_acronym(token.base):
            ok = _german_evidence(tokens, i, rules, language)
        keep.append(ok)
    names: list[SourceName] = []
    i = 0
    while i < len(tokens):
        if not keep[i]:
            i += 1
            continue
        group = [tokens[i]]
        j, end = i + 1, tokens[i].end
        while j < len(tokens) and not group[-1].suffixed:
            gap = text[end:tokens[j].start]
            if keep[j] and re.fullmatch(r"[ \-]", gap or " ") and not tokens[j].initial:
                group.append(tokens[j])
                end = tokens[j].end
                j += 1
                continue
            if gap != " ":
                break
            after = j
            while after < len(tokens) and fold(tokens[after].base) in rules.particles \
                    and text[tokens[after].end:tokens[after].end + 1] == " ":
                after += 1  # particles inside a name: "Bartolomé de las Casas"
            if after > j and after < len(tokens) and keep[after] \
                    and not tokens[after].initial:
                end, j = tokens[after - 1].end, after
            elif (j + 1 < len(tokens) and fold(tokens[j].base) in rules.conjunctions
                  and _headed_run(tokens, keep, j + 1, text, rules, generic)):
                end, j = tokens[j].end, j + 1  # "Gözetim ve Soruşturmalar Alt Komitesi"
            else:
                break
        following = tokens[j] if j < len(tokens) else None
        if not (following is not None and rules.currency_words and not group[-1].suffixed
                and following.base[:1].islower()
                and fold(following.base).startswith(rules.currency_words)):
            names += _name(group, text, language, rules, generic,  # not "ABD doları": $
                           uses.named)
        i = j
    return names


def _uses_elsewhere(tokens: list[_Token], i: int, text: str, own: Uses | None, uses: Uses,
                    rules: NameRules) -> tuple[int, int]:
    """How often the document capitalizes the word of ``tokens[i]`` mid-sentence other than
    here: at all, and on its own (see :class:`~summarize.namecontext.Uses`); ``own``: the
    sentence's own uses, when the document's context does not contain the sentence."""
    token, folded = tokens[i], fold(tokens[i].base)
    upper, alone = uses.upper.get(folded, 0), uses.alone.get(folded, 0)
    if own is not None:
        upper, alone = upper + own.upper.get(folded, 0), alone + own.alone.get(folded, 0)
    previous = tokens[i - 1] if i > 0 else None
    after_name = previous is not None and previous.base[:1].isupper() \
        and not previous.suffixed and text[previous.end:token.start] == " " \
        and fold(previous.base) not in rules.generic_words
    mid = 0 if token.initial else 1
    return max(0, upper - mid), max(0, alone - (0 if after_name else mid))


def _standalone(tokens: list[_Token], i: int, text: str, rules: NameRules) -> bool:
    """Whether no name-like word is right before or after ``tokens[i]``."""
    for j, (left, right) in ((i - 1, (i - 1, i)), (i + 1, (i, i + 1))):
        if 0 <= j < len(tokens) and _looks_like_name(tokens[j]) \
                and fold(tokens[j].base) not in rules.function_words \
                and not tokens[left].suffixed \
                and text[tokens[left].end:tokens[right].start] == " ":
            return False
    return True


def _lower_use(folded: str, lower: frozenset[str], rules: NameRules) -> bool:
    """Whether the document writes the word in lower case, bare or with one of the
    language's inflection endings (``çeviriler``, ``çeviriye`` for ``Çeviri``)."""
    return folded in lower or (len(folded) >= 4 and any(
        folded + ending in lower for ending in rules.lower_endings))


def _headed_run(tokens: list[_Token], keep: list[bool], j: int, text: str, rules: NameRules,
                generic: frozenset[str]) -> bool:
    """Whether the name words from ``j`` on end in a generic head (``Alt Komitesi``)."""
    run = [tokens[j]] if keep[j] and not tokens[j].initial else []
    k = j + 1
    while run and not run[-1].suffixed and k < len(tokens) and keep[k] \
            and text[run[-1].end:tokens[k].start] == " ":
        run.append(tokens[k])
        k += 1
    return any(_generic(t, rules, generic, True) for t in run[1:])


def _german_evidence(tokens: list[_Token], i: int, rules: NameRules, language: str) -> bool:
    """Whether a capitalized German word is a name: an acronym (checked before), a CLDR place
    or a word right after a title ("Kanzler Scholz", "Präsidentin Ursula von der Leyen")."""
    token = tokens[i]
    if _exonym_forms(token.base, language, rules):
        return True
    if token.before in rules.title_words:
        return True
    if i > 0 and fold(tokens[i - 1].base) in rules.title_words:
        return True

    # After a name that has evidence ("Kanzler Olaf Scholz"): the following capitalized word.
    return i > 1 and fold(tokens[i - 2].base) in rules.title_words and \
        tokens[i - 1].base[:1].isupper() and text_gap_is_space(tokens[i - 1], token)


def text_gap_is_space(left: _Token, right: _Token) -> bool:
    """Whether two tokens are adjacent words (one space or hyphen between them)."""
    return 0 < right.start - left.end <= 1


def _name(group: list[_Token], text: str, language: str, rules: NameRules,
          generic: frozenset[str], named: frozenset[str] = frozenset()) -> list[SourceName]:
    units: list[Unit] = []
    k = 0
    has_head = False
    while k < len(group):
        for size in range(len(group) - k, 0, -1):  # the longest run CLDR knows: "Yeni Zelanda"
            phrase = " ".join(t.base for t in group[k:k + size])
            forms = _exonym_forms(phrase, language, rules)
            if forms:
                units.append(Unit(phrase, forms | {fold(phrase)}, skeleton(phrase)))
                k += size
                break
        else:
            token = group[k]
            head = _generic(token, rules, generic, k > 0)
            has_head = has_head or (head and k > 0)
            units.append(Unit(token.base, frozenset(_bare_forms(token.base, rules)),
                              skeleton(token.base), required=not head))
            k += 1
    titled = [i for i, u in enumerate(units) if fold(u.text) in rules.title_words]
    if titled:  # "Sağlık Bakanı": the words before a title are its complement, not a name
        last = titled[-1]
        units = [Unit(u.text, u.forms, u.skeleton, required=False) if i <= last else u
                 for i, u in enumerate(units)]
    if has_head:  # an institution's name, translated word by word: only its places and
        # acronyms can be checked ("İngiltere Hükümeti", "ABD Donanması"), and words the
        # document names on their own ("Komen Vakfı" where it also writes "Komen'in")
        units = [u if u.required and (len(u.forms) > len(_bare_forms(u.text, rules))
                                      or _is_acronym(u.text) or fold(u.text) in named) else
                 Unit(u.text, u.forms, u.skeleton, required=False) for u in units]
    if not any(u.required for u in units):
        return []
    start, end = group[0].start, group[-1].end
    return [SourceName(text[start:end], start, end, tuple(units),
                       any_word=has_head or not rules.every_word)]


def folded_head(token: _Token, rules: NameRules) -> bool:
    """Whether a word ends like the possessed head of a name (``Üniversitesi``)."""
    return fold(token.base).endswith(rules.head_suffixes)


def _generic(token: _Token, rules: NameRules, generic: frozenset[str], inside: bool) -> bool:
    """Whether a capitalized word is a title, a calendar word or the generic head of a name
    (``Üniversitesi`` after another capitalized word; ``Güneyinde``: ``güney`` + ending)."""
    folded = fold(token.base)
    if folded in generic:
        return True
    if inside and rules.head_suffixes and folded.endswith(rules.head_suffixes):
        return True
    if rules.glued_case and not token.suffixed and glued_case(token.base):
        return True
    return any(folded.startswith(word) and len(folded) - len(word) <= 6
               for word in rules.generic_words if len(word) >= 4)


def _arabic_names(text: str, language: str, rules: NameRules,
                  memory: frozenset[str] = frozenset()) -> list[SourceName]:
    names: list[SourceName] = []
    table = exonyms(language)
    stems = _exonym_stems(language)
    words = list(ARABIC_WORD.finditer(text))
    taken: set[int] = set()
    for i, match in enumerate(words):
        word = normalize_arabic(match.group())
        bare = strip_clitics(word, rules.clitics)
        if bare in rules.function_words:  # "مالي": financial, not Mali
            continue
        adjective = bare.endswith(NISBA) and len(_stem(bare)) >= 5
        forms = (table.get(word) or table.get(bare)
                 or (stems.get(_stem(bare)) if adjective else None)) if len(bare) >= 4 else None
        if i + 1 < len(words):
            pair = f"{word} {normalize_arabic(words[i + 1].group())}"
            if pair in table:
                forms = table[pair]
        if forms:
            taken.add(i)
            names.append(SourceName(match.group(), match.start(), match.end(),
                                    (Unit(match.group(), forms, arabic_skeleton(bare),
                                          script="arabic"),), evidence="exonym"))
    for i, match in enumerate(words[:-1]):
        word = normalize_arabic(match.group())
        cue = word[1:] if word[:1] in ("و", "ف", "ب", "ل", "ك") else word
        if word not in rules.cue_words and cue not in rules.cue_words:
            continue  # "مطار هيثرو", "السيد فيدال"; not "المطار أمام" (the article: no name)
        nxt = words[i + 1]
        raw = normalize_arabic(nxt.group())
        if i + 1 in taken or raw.startswith("ال") or raw in rules.function_words \
                or raw in rules.cue_words or text[match.end():nxt.start()].strip() \
                or len(strip_clitics(raw, rules.clitics)) < 3:
            continue
        taken.add(i + 1)
        names.append(_arabic_unit_name(nxt.group(), nxt.start(), "cue", rules))
    if memory:  # a word the document's translations render as a name elsewhere ("ما", Ma)
        for i, match in enumerate(words):
            if i not in taken and strip_clitics(normalize_arabic(match.group()),
                                                rules.clitics) in memory:
                names.append(_arabic_unit_name(match.group(), match.start(), "document",
                                               rules))
    return names


def _arabic_unit_name(word: str, start: int, evidence: str, rules: NameRules) -> SourceName:
    bare = strip_clitics(normalize_arabic(word), rules.clitics)
    unit = Unit(word, frozenset(), arabic_skeleton(bare), script="arabic")
    return SourceName(word, start, start + len(word), (unit,), evidence=evidence)


def _stem(word: str) -> str:
    """A country's stem (``المانيا`` → ``المان``) or an adjective's (``المانيه`` → ``المان``)."""
    word = word[2:] if word.startswith("ال") and len(word) > 4 else word
    for ending in (*NISBA, "يا", "ا"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[:-len(ending)]
    return word


@lru_cache(maxsize=8)
def _exonym_stems(language: str) -> dict[str, frozenset[str]]:
    """Single-word CLDR names by stem, for nisba adjectives (``الألمانية`` → Germany)."""
    found: dict[str, frozenset[str]] = {}
    for key, forms in exonyms(language).items():
        if " " not in key and len(_stem(key)) >= 3:
            found.setdefault(_stem(key), forms)
    return found


def source_names(text: str, language: str, *, context: str = "",
                 memory: frozenset[str] = frozenset()) -> list[SourceName]:
    """The proper names of a source sentence, in text order.

    Args:
        text: The sentence.
        language: Its ISO 639-1 code (its profile's ``names`` rules apply).
        context: The document's source text, for lower-case and capitalized uses of words.
        memory: Arabic-script words the document's translations render as a name
            (``summarize.names.document_memory``): names in this sentence too.
    """
    rules = profile(language).names
    if is_arabic(text):
        latin_rules = NameRules(function_words=rules.function_words)
        latin = [n for n in _latin_names(text, "en", latin_rules, "")
                 if not any(is_arabic(u.text) for u in n.units)]
        names = latin + _arabic_names(text, language, rules, memory)
    else:
        names = _latin_names(text, language, rules, context)
    return sorted(names, key=lambda n: n.start)
