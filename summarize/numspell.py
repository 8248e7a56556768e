"""Numbers written in words, for the number parser (``summarize.numparse``).

**Readers** (``summarize.numreaders``). Two specialists turn runs of words into numbers, chosen
by the language profile (``summarize.lang``):

- *text2num* (``text_to_num.find_numbers``, the Rust parser of allo-media) for the languages
  it knows (``NumberWords.reader``: German, Italian, English, Spanish, French): compounds
  (``fünfundzwanzig``, ``tremilaseicento``, ``ciento veinte``), teens, ordinals
  (``einundzwanzigster``), decimals in words (``drei Komma fünf``). Words it does not read are
  tried once more alone after a respelling (``veintiún``), with an elided vowel restored
  (``quarant'anni``) or without an ending (``dreimal``, ``zwölfjährige``, ``trentenne``).
- the *grammar* of ``summarize.numgrammar`` over the profile's ``cardinals``, ``ordinals``
  and ``scales`` (Turkish and Arabic, generated from num2words: ``summarize.lang.lexicons``),
  after glued prefixes (``والخمسين``), endings (``üçüncü``, ``yirmiden``), glued compounds
  (``onbeş``), the conjunction (``خمسة وعشرون``) and decimal words (``iki virgül beş``).

**Around the number** (both readers; halves in ``summarize.numhalves``): a half after it,
after its scale word or after its counted noun (``iki buçuk milyar``, ``due milioni e mezzo``,
``an hour and a half``, ``ساعة ونصف``), glued (``zweieinhalb``) or before a scale word
(``half a million``, ``yarım milyon``); scale words after it (``zwei Mio.``, ``four dozen``);
a percent or currency.

**Firm or optional.** Words from two up count like digits (*firm*: reported when lost), except
bare scale words (``Milliarden``; ``مليار`` counts), ambiguous words (Italian ``sei``),
ordinals (a century's excepted) and vague phrases (``her iki``). English words, and *count
words* (``beide``, Arabic duals such as ``ساعتين``, two hours), are optional: they confirm an
English number but are never reported.
"""

from __future__ import annotations

import re

from summarize.numcontext import scale_after, unit_after
from summarize.numhalves import add_half, glued_halves, half_before, noun_halves
from summarize.nummention import NumberMention
from summarize.numreaders import (
    Span,
    Token,
    covered_tokens,
    grammar_spans,
    text2num_spans,
    words_of,
)
from summarize.numvocab import Vocabulary, vocabulary

__all__ = ["FIRM_WORDS_FROM", "word_numbers"]

#: Source number words from this value up count like digits; smaller ones only confirm.
FIRM_WORDS_FROM = 2


def _counts(tokens: list[Token], spans: list[Span], vocab: Vocabulary) -> list[Span]:
    """Count words (``beide``, Arabic duals): optional mentions of the count they state."""
    words = vocab.words
    covered = {tokens[i].start for i in covered_tokens(tokens, spans)}
    found = []
    for token in tokens:
        value = words.count_words.get(token.word)
        if value is None and vocab.count_pattern and vocab.count_pattern.fullmatch(token.word):
            value = 2.0
        if value is not None and token.start not in covered:
            found.append(Span(token.start, token.end, value, words=(token.word,), count=True))
    return found


def _vague(text: str, span: Span, vocab: Vocabulary) -> bool:
    for phrase in vocab.words.vague_phrases:
        pattern = r"\s+".join(re.escape(w) for w in phrase.split())
        for match in re.finditer(rf"(?<![^\W\d_]){pattern}(?![^\W\d_])", text, re.IGNORECASE):
            if match.start() <= span.start < match.end():
                return True
    return False


def _counts_like_digits(text: str, span: Span, value: float, vocab: Vocabulary) -> bool:
    """Whether a number in words counts like digits (reported when missing)."""
    words = vocab.words
    if not words.firm or span.count or span.vague:
        return False
    if span.bare:
        return span.words[0] in words.firm_bare_scales
    if value < FIRM_WORDS_FROM or (len(span.words) == 1 and span.words[0] in words.ambiguous):
        return False
    before = text[max(0, span.start - 12):span.start]
    if span.kind == "ordinal":  # "القرن الخامس عشر", the fifteenth century
        return vocab.century_before is not None and bool(vocab.century_before.search(before))
    return not _vague(text, span, vocab)


def _century(text: str, span: Span, tokens: list[Token], vocab: Vocabulary) -> None:
    """``il Trecento`` (the 14th century), ``nel Novecento``, ``il Mille`` (the 11th): a round
    hundred after a century article, read as the century's ordinal (in place)."""
    words = vocab.words
    before = re.search(r"([^\W\d_]+)\s+$", text[max(0, span.start - 12):span.start])
    hundreds = span.value in {1000.0, 1100.0} or (200 <= span.value <= 900
                                                 and span.value % 100 == 0)
    if (before is None or before.group(1).lower() not in words.century_articles
            or len(span.words) != 1 or not hundreds or unit_after(text, span.start, span.end,
                                                                   vocab.code)[0]):
        return
    year = span.value if span.value >= 1000 else 1000 + span.value
    span.value, span.kind = year // 100 + 1, "ordinal"


def _couples(text: str, tokens: list[Token], vocab: Vocabulary) -> list[Span]:
    """``a couple of`` (two, roughly)."""
    found = []
    for token in tokens:
        if token.word in vocab.words.couple_words:
            of = vocab.couple_of.match(text, token.end) if vocab.couple_of else None
            found.append(Span(token.start, of.end() if of else token.end, 2.0,
                               words=(token.word,)))
    return found


def word_numbers(text: str, lang: str, taken: bytearray) -> list[NumberMention]:
    """The numbers written in words in ``text`` (normalized by ``numparse``), skipping the
    offsets already ``taken`` by other readers; marks what it reads as taken."""
    vocab = vocabulary(lang)
    tokens = words_of(text, taken)
    if not tokens:
        return []
    halves = glued_halves(tokens, vocab)
    read = text2num_spans if vocab.words.reader else grammar_spans
    spans = [*read(text, tokens, set(halves), vocab), *halves.values(),
             *_couples(text, tokens, vocab)]
    half_before(text, tokens, spans, vocab)
    spans += noun_halves(text, tokens, spans, vocab)
    spans += _counts(tokens, spans, vocab)
    found: list[NumberMention] = []
    done = 0
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    for index, span in enumerate(ordered):
        if span.start < done:
            continue
        _century(text, span, tokens, vocab)
        total, end, halved = add_half(text, span.end, span.value, span.scale, vocab)
        multiplier, scaled = scale_after(text, end, lang, False, below=total)
        after = next((s for s in ordered[index + 1:] if s.start >= end), None)
        if after is not None and after.start < scaled and not after.bare:
            multiplier, scaled = 1.0, end  # the reader split them: "one point two | hundred…"
        total, end = total * multiplier, scaled
        if multiplier > 1 and not halved:
            total, end, halved = add_half(text, end, total, multiplier, vocab)
        decimals = span.decimals or int(halved)
        kind, currency, unit_end = unit_after(text, span.start, end, lang)
        firm = _counts_like_digits(text, span, total, vocab)
        found.append(NumberMention(total, kind or span.kind, "", span.start, end, currency,
                                   decimals, optional=not firm, scale=span.scale * multiplier))
        taken[span.start:unit_end] = b"\1" * (unit_end - span.start)
        done = unit_end
    return found
