"""Halves in and around numbers, for the number-word reader (``summarize.numspell``) and the
digit reader (``summarize.numparse``).

- after a number, its scale word or its counted noun (``iki buçuk milyar``, ``due milioni e
  mezzo``, ``2 milioni e mezzo``, ``an hour and a half``, ``ساعة ونصف``): :func:`add_half`,
  :func:`noun_halves`;
- glued to a number word, or a word of its own (``zweieinhalb``, ``anderthalb``):
  :func:`glued_halves`;
- before a scale word (``half a million``, ``yarım milyon``, ``eine halbe Million``):
  :func:`half_before`.
"""

from __future__ import annotations

from summarize.numreaders import Span, Token, between, covered_tokens, text2num
from summarize.numvocab import Vocabulary

__all__ = ["add_half", "glued_halves", "half_before", "noun_halves"]


def glued_halves(tokens: list[Token], vocab: Vocabulary) -> dict[int, Span]:
    """Words with a half in them: ``anderthalb`` (1.5), ``zweieinhalb`` (2.5)."""
    words, found = vocab.words, {}
    for i, token in enumerate(tokens):
        value = words.halves.get(token.word)
        match = vocab.half_suffix.fullmatch(token.word) if vocab.half_suffix else None
        if value is None and match is not None:
            whole = text2num(match.group(1), words.reader) if words.reader else (
                vocab.lexicon.get(match.group(1)))
            value = None if whole is None else whole + 0.5
        if value is not None:
            found[i] = Span(token.start, token.end, value, words=(token.word,), decimals=1)
    return found


def add_half(text: str, end: int, value: float, scale: float,
             vocab: Vocabulary) -> tuple[float, int, bool]:
    """A half phrase right after ``end`` adds half of the scale word before it (``due milioni
    e mezzo``) or a half (``iki buçuk``): the new value and end, and whether one was found."""
    match = vocab.half_after.match(text, end) if vocab.half_after else None
    if match is None:
        return value, end, False
    return value + 0.5 * (scale if scale > 1 else 1.0), match.end(), True


def half_before(text: str, tokens: list[Token], spans: list[Span],
                 vocab: Vocabulary) -> None:
    """``half a million``, ``yarım milyon``, ``eine halbe Million``: a half word, an article
    between them or not, before a bare scale word (in place)."""
    words = vocab.words
    index = {token.start: i for i, token in enumerate(tokens)}
    for span in spans:
        i = index.get(span.start)
        if not span.bare or i is None:
            continue
        first = i
        while first > max(0, i - 3) and not between(text, tokens[first - 1], tokens[first]):
            first -= 1
        before = [t.word for t in tokens[first:i]]
        step = 2 if before[-2:-1] and before[-1] in words.articles else 1
        if len(before) >= step and before[-step] in words.half_words:
            first = i - step - (1 if i - step > 0 and tokens[i - step - 1].word
                                in words.articles else 0)
            span.value, span.bare, span.start, span.decimals = (
                0.5 * span.value, False, tokens[first].start, 1)


def noun_halves(text: str, tokens: list[Token], spans: list[Span],
                 vocab: Vocabulary) -> list[Span]:
    """``an hour and a half``, ``due ore e mezza``, ``ساعة ونصف``: a counted noun and a half."""
    if vocab.half_after is None:
        return []
    words = vocab.words
    ends = {span.end: span for span in spans}
    covered = covered_tokens(tokens, spans)
    found = []
    for i, noun in enumerate(tokens):
        match = vocab.half_after.match(text, noun.end)
        if match is None or i in covered:
            continue
        previous = tokens[i - 1] if i and between(text, tokens[i - 1], noun) in {
            "", "'", "’"} else None  # un'ora e mezza
        counted = ends.get(previous.end) if previous else None
        dual = vocab.count_pattern is not None and vocab.count_pattern.fullmatch(noun.word)
        if counted is not None and not counted.bare:
            counted.value, counted.end, counted.decimals = counted.value + 0.5, match.end(), 1
        elif previous is not None and previous.word in words.articles:
            found.append(Span(previous.start, match.end(), 1.5, words=(previous.word,),
                               decimals=1))
        elif words.bare_noun_half:
            found.append(Span(noun.start, match.end(), 2.5 if dual else 1.5,
                               words=(noun.word,), decimals=1))
    return found
