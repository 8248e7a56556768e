"""Quality guards on every translated sentence.

Each guard returns flags with a short machine name and a human reason. Severity 2 means the
English is likely wrong, severity 1 asks a reviewer to look, severity 0 is information. A
sentence with a flag in ``RETRY_CODES`` (degenerate output and missing glossary terms, where
other decoding settings can help) is retried once with safer settings; number and name flags
are not retried, since a second decoding seldom restores a figure or a name.

Length-ratio bands are part of each language's profile (``summarize.lang``) and come from the
FLORES-200 dev sets in ``data/flores``: the English/source character-length ratio of the human
references, from 0.85 × its 0.5th percentile to 1.2 × its 99.5th percentile, so about 1 % of
correct references fall outside. Languages without a measured band get :data:`DEFAULT_BAND`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from summarize.digest.text import STOPWORDS
from summarize.lang import profile
from summarize.records import Flag

if TYPE_CHECKING:
    from summarize.glossary import Glossary

COMMON_ENGLISH = STOPWORDS

#: (low, high) English/source character-length ratio of a language without a measured band.
DEFAULT_BAND = (0.45, 2.2)
#: Texts longer than this together are compared by word multisets (see :func:`similarity`).
EXACT_SIMILARITY_CHARS = 10_000
MIN_CHARS_FOR_RATIO = 20

#: Flags that make the pipeline retry a segment once with safer settings.
RETRY_CODES = frozenset({"empty", "repetition", "too_long", "length_cap", "not_english",
                         "term_missing"})

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_WORD = re.compile(r"\w+", re.UNICODE)


def length_ratio_flag(source: str, english: str, src_lang: str) -> Flag | None:
    """Flag output far longer or shorter than the source for its language pair."""
    if len(source) < MIN_CHARS_FOR_RATIO or not english:
        return None
    low, high = profile(src_lang).length_band or DEFAULT_BAND
    ratio = len(english) / len(source)
    if ratio > high:
        return Flag("too_long", f"English is {ratio:.2f}× the source length (usual for "
                                f"{src_lang}: {low:.2f}–{high:.2f}): possible hallucination", 2)
    if ratio < low:
        return Flag("too_short", f"English is {ratio:.2f}× the source length (usual for "
                                 f"{src_lang}: {low:.2f}–{high:.2f}): content may be missing", 2)
    return None


def repetition_flag(english: str) -> Flag | None:
    """Flag degenerate repetition.

    Either a phrase of one to four words repeated back to back (a word four times, a longer
    phrase three times: "blah, blah, blah, blah", "what they want, what they want, what they
    want"), or one three-word phrase four times anywhere. Parallel structure such as "the Aegean
    Sea to the west, the Black Sea to the north" stays unflagged.
    """
    tokens = [t.lower() for t in _WORD.findall(english)]
    for n in (1, 2, 3, 4):
        needed = 4 if n == 1 else 3
        for start in range(len(tokens) - n * needed + 1):
            gram = tokens[start:start + n]
            if all(tokens[start + k * n:start + (k + 1) * n] == gram for k in range(needed)):
                if n == 1 and gram[0].isdigit():
                    continue
                return Flag("repetition", f"{' '.join(gram)!r} repeats back to back", 2)
    trigrams = Counter(zip(tokens, tokens[1:], tokens[2:], strict=False))
    if trigrams:
        gram3, count = trigrams.most_common(1)[0]
        if count >= 4:
            return Flag("repetition", f"the phrase {' '.join(gram3)!r} repeats {count} times", 2)
    return None


def similarity(a: str, b: str) -> float:
    """How alike two texts are, 0–1, ignoring case, in time near-linear in their length.

    Up to :data:`EXACT_SIMILARITY_CHARS` characters together: the normalized Indel similarity
    of rapidfuzz (``2 × longest common subsequence / total length``, bit-parallel). Beyond
    that: the Dice overlap of their word multisets (linear), which a copied text still
    scores near 1 and a translation near 0.
    """
    a, b = a.lower(), b.lower()
    if len(a) + len(b) <= EXACT_SIMILARITY_CHARS:
        from rapidfuzz.fuzz import ratio

        return float(ratio(a, b)) / 100
    left, right = Counter(_WORD.findall(a)), Counter(_WORD.findall(b))
    total = sum(left.values()) + sum(right.values())
    return 2 * sum((left & right).values()) / total if total else 1.0


def untranslated_flag(source: str, english: str, src_lang: str) -> Flag | None:
    """Flag output that is nearly the source itself (the model copied instead of translating)."""
    if src_lang == "en" or len(_WORD.findall(source)) < 4:
        return None
    alike = similarity(source, english)
    if alike >= 0.8:
        return Flag("untranslated", f"output is {alike:.0%} identical to the source", 2)
    return None


def english_flag(english: str, src_lang: str) -> Flag | None:
    """Flag output that reads as the source language, or as no language at all.

    The detector is asked a narrow question, source language or English, which keeps
    name-heavy English ("Protests took place in Paris, Sofia and Vilnius") from being taken for
    a third language. Output with almost no common English words (gibberish) is flagged too.
    """
    words = [w.lower() for w in _WORD.findall(english)]
    if len(words) < 4:
        return None
    from summarize.languages import detect_between

    if src_lang != "en":
        found = detect_between(english, (src_lang, "en"))
        if found is not None and found.language == src_lang and found.confidence >= 0.6:
            return Flag("not_english", f"output reads as {src_lang} (confidence "
                                       f"{found.confidence:.2f}): left untranslated in part", 2)
    common = sum(word in COMMON_ENGLISH for word in words) / len(words)
    if len(words) >= 6 and common < 0.08:
        return Flag("not_english", f"only {common:.0%} of the words are common English words: "
                                   "output looks like gibberish", 2)
    return None


def url_flag(source: str, english: str) -> Flag | None:
    """Flag URLs or e-mail addresses of the source that do not appear verbatim in English."""
    missing = [u.rstrip(".,;:)") for u in _URL.findall(source)
               if u.rstrip(".,;:)") not in english]
    if missing:
        return Flag("url_changed", f"not kept verbatim: {', '.join(missing)}", 1)
    return None


def number_flags(source: str, english: str, src_lang: str) -> list[Flag]:
    """Flags for numbers lost, changed or added in translation (see ``summarize.numbers``)."""
    from summarize.numbers import audit_numbers

    return [Flag(f"number_{issue.kind}", issue.reason, 2 if issue.kind != "added" else 1)
            for issue in audit_numbers(source, english, src_lang)]


def name_flags(source: str, english: str, src_lang: str, context: str = "",
               memory: frozenset[str] = frozenset()) -> list[Flag]:
    """Flags for proper names lost or replaced in translation (see ``summarize.names``),
    severity 2; ``context`` is the document's source text, ``memory`` the source words its
    translations render as names (``summarize.names.document_memory``)."""
    from summarize.names import audit_names

    return [Flag(f"name_{issue.kind}", issue.reason, 2)
            for issue in audit_names(source, english, src_lang, context=context,
                                     memory=memory)]


def confidence_flag(score: float | None, min_score: float | None) -> Flag | None:
    """Flag a sentence the model itself was unsure of (its mean token log-probability below
    ``min_score``; the threshold is uncalibrated until measured with real weights)."""
    if score is None or min_score is None or score >= min_score:
        return None
    return Flag("low_confidence", f"the model's own score is {score:.2f} per token, below "
                                  f"{min_score:.2f} (uncalibrated threshold)", 1)


def check_translation(source: str, english: str, src_lang: str, *,
                      hit_cap: bool = False, score: float | None = None,
                      min_score: float | None = None,
                      glossary: Glossary | None = None) -> list[Flag]:
    """Run every guard on one translated sentence (``score``: the model's confidence;
    ``glossary``: required renderings)."""
    if not source.strip():
        return []
    if not english.strip():
        return [Flag("empty", "the model returned nothing for non-empty input", 2)]
    flags: list[Flag | None] = [
        Flag("length_cap", "output reached the generation length cap and may be cut off", 2)
        if hit_cap else None,
        repetition_flag(english),
        length_ratio_flag(source, english, src_lang),
        untranslated_flag(source, english, src_lang),
        english_flag(english, src_lang),
        url_flag(source, english),
        confidence_flag(score, min_score),
    ]
    found = [flag for flag in flags if flag is not None]
    terms = glossary.flags(source, english, src_lang) if glossary is not None else []
    return found + number_flags(source, english, src_lang) + terms


def severity(flags: Sequence[Flag]) -> int:
    """The total severity of a set of flags (lower is better)."""
    return sum(flag.severity for flag in flags)


def needs_retry(flags: Sequence[Flag]) -> bool:
    """Whether any flag calls for a retry with safer settings."""
    return any(flag.code in RETRY_CODES for flag in flags)
