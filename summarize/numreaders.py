"""The two readers of number words (``summarize.numspell``): text2num and the place-value
grammar, each turning the words of a text into spans read as one number.

- :func:`text2num_spans`: text2num (``text_to_num.find_numbers``) over a stream of the text's
  words, for the languages it knows; words it leaves are tried once more alone, respelled, with
  an elided vowel restored or without an ending (``veintiún``, ``quarant'anni``, ``dreimal``).
- :func:`grammar_spans`: ``summarize.numgrammar`` over the words of the profile's lexicon,
  after glued prefixes, endings, glued compounds, the conjunction and decimal words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from summarize.numgrammar import Word, is_scale, split_numbers
from summarize.nummention import Kind
from summarize.numvocab import Vocabulary, vocabulary

__all__ = ["Span", "Token", "between", "grammar_spans", "new_span", "text2num",
           "text2num_spans", "words_of"]

#: A word, with its combining marks (Arabic tanween and harakat: ``ألفاً``).
_MARKS = "\u0300-\u036f\u064b-\u065f\u0670"
_WORD = re.compile(rf"[^\W\d_]+(?:[{_MARKS}]+[^\W\d_]*)*")
_HARAKAT = re.compile(r"[\u064b-\u065f\u0670]")
_JOINS = frozenset({"", "-", "–"})


@dataclass(frozen=True)
class Token:
    """A word of the text: its offsets and its lower-case form (tatweel removed)."""

    start: int
    end: int
    word: str


@dataclass
class Span:
    """Words read as one number (before what follows it is read)."""

    start: int
    end: int
    value: float
    kind: Kind = "plain"
    scale: float = 1.0
    bare: bool = False
    words: tuple[str, ...] = ()
    decimals: int = 0
    count: bool = False
    vague: bool = False


class _Stream:
    """A token of the stream handed to text2num (its ``Token`` protocol)."""

    __slots__ = ("content",)

    def __init__(self, content: str) -> None:
        self.content = content

    def text(self) -> str:
        return self.content

    def nt_separated(self, previous: object) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


def words_of(text: str, taken: bytearray) -> list[Token]:
    """The words of ``text`` not ``taken`` by another reader."""
    return [Token(m.start(), m.end(), m.group(0).lower().replace("ـ", ""))
            for m in _WORD.finditer(text) if not taken[m.start()]]


def between(text: str, left: Token, right: Token) -> str:
    """What stands between two words, stripped of spaces."""
    return text[left.end:right.start].strip()


@lru_cache(maxsize=8192)
def text2num(word: str, lang: str) -> float | None:
    """One word read by text2num alone, or None."""
    from text_to_num import text2num

    try:
        return float(text2num(word, lang))
    except (ValueError, TypeError):
        return None


def _respelled(word: str, respellings: Mapping[str, str]) -> str:
    for old, new in respellings.items():
        word = word.replace(old, new)
    return word


@lru_cache(maxsize=65536)
def _alone(word: str, apostrophe: bool, lang: str) -> float | None:
    """A word text2num did not read in its run, read alone: respelled, with an elided vowel
    restored, or without an ending (``dreimal``)."""
    vocab = vocabulary(lang)
    words, lang = vocab.words, vocab.words.reader
    if word in words.cardinals:
        return words.cardinals[word]
    if word in vocab.scales and (vocab.scales[word] >= 100 or word in vocab.bare_small_scales):
        return vocab.scales[word]  # a bare scale word text2num leaves: "milione", "Mrd"
    stems = [(_respelled(word, words.respellings), apostrophe)]
    stems += [(word[:-len(e)], True) for e in vocab.endings
              if word.endswith(e) and len(word) - len(e) >= 3]
    for stem, elided in stems:
        for candidate in (stem, *(stem + v for v in words.elided_vowels if elided)):
            value = text2num(candidate, lang)
            if value is not None and candidate not in words.not_numbers:
                return value
    return None


def text2num_spans(text: str, tokens: list[Token], skip: set[int],
                    vocab: Vocabulary) -> list[Span]:
    from text_to_num import find_numbers

    words = vocab.words
    stream: list[_Stream] = []
    owners: list[int] = []
    for i, token in enumerate(tokens):
        gap = between(text, tokens[i - 1], token) if i else ""
        if i in skip or (stream and gap not in _JOINS):
            stream.append(_Stream(","))
            owners.append(-1)
        elif gap:
            stream.append(_Stream("-"))
            owners.append(-1)
        if i not in skip:
            stream.append(_Stream(_respelled(token.word, words.respellings)))
            owners.append(i)
    spans, read = [], set()
    for found in find_numbers(stream, words.reader, 0.0):
        index = [owners[k] for k in range(found.start, found.end) if owners[k] >= 0]
        said = tuple(tokens[k].word for k in index)
        if not index or all(w in words.not_numbers for w in said):
            continue
        read.update(index)
        digits = str(found.text)
        decimals = len(re.split(r"[.,]", digits)[1]) if re.search(r"\d[.,]\d", digits) else 0
        spans.append(new_span(tokens[index[0]].start, tokens[index[-1]].end, float(found.value),
                           said, vocab, "ordinal" if found.is_ordinal else "plain", decimals))
    for i, token in enumerate(tokens):
        if i in read or i in skip:
            continue
        value = _alone(token.word, text[token.end:token.end + 1] in "'’", vocab.code)
        if value is not None:
            spans.append(new_span(token.start, token.end, value, (token.word,), vocab))
    return spans


def _trailing_scale(word: str, vocab: Vocabulary) -> float:
    """The multiplier of a scale word ending a number, 1 for any other word (a dual scale
    word is two of its scale: ``مليارا`` ends on 1e9)."""
    if word in vocab.scales:
        return vocab.scales[word]
    value = vocab.lexicon.get(word, 0.0)
    return value / 2 if is_scale(value / 2) else 1.0


def new_span(start: int, end: int, value: float, said: tuple[str, ...], vocab: Vocabulary,
          kind: Kind = "plain", decimals: int = 0) -> Span:
    last = _trailing_scale(said[-1], vocab) if said else 1.0
    # Scale words alone state no count: "Milliarden", "hundred million" (several…).
    bare = bool(said) and all(w in vocab.scales for w in said) and (
        value >= 100 or said[0] in vocab.bare_small_scales)
    return Span(start, end, value, kind, value if bare else last, bare, said, decimals)


@lru_cache(maxsize=65536)
def _morphemes(word: str, lang: str) -> tuple[tuple[str, ...], str, bool] | None:
    """The lexicon words inside a word, its ending (``""`` if none) and whether it is glued to
    the conjunction (``وعشرون``); None if it is not a number word."""
    vocab = vocabulary(lang)
    words = vocab.words
    bare = _HARAKAT.sub("", word)
    if word in words.not_numbers or bare in words.not_numbers:
        return None
    if bare != word and word not in vocab.lexicon:
        return _morphemes(bare, lang)
    for prefix in ("", *words.glued_prefixes):
        rest = word[len(prefix):]
        if not word.startswith(prefix) or len(rest) < (3 if prefix else 1):
            continue  # "لست" (I am not) is no ل + ست (six)
        found = _split(rest, vocab, words.glued_compounds)
        if found is not None:
            joined = bool(prefix) and bool(words.conjunction) and prefix.startswith(
                words.conjunction)
            return tuple(found[0]), found[1], joined
    return None


def _split(rest: str, vocab: Vocabulary, glued: bool) -> tuple[list[str], str] | None:
    lexicon, words = vocab.lexicon, vocab.words
    if rest in lexicon:
        return [rest], ""
    for head in (w for w in vocab.heads.get(rest[:1], ()) if rest.startswith(w) and w != rest):
        tail = rest[len(head):]
        is_scale = head in words.scales
        if head not in words.unsuffixed and (
                tail in vocab.endings or (is_scale and tail in words.scale_suffixes)):
            return [head], tail
        deeper = _split(tail, vocab, glued) if glued else None
        if deeper is not None:
            return [head, *deeper[0]], deeper[1]
    return None


def grammar_spans(text: str, tokens: list[Token], skip: set[int],
                   vocab: Vocabulary) -> list[Span]:
    words = vocab.words
    spans: list[Span] = []
    run: list[tuple[int, str, str]] = []  # token index, lexicon word, ending

    def flush() -> None:
        said = [vocab.lexicon[w] for _, w, _ in run]
        ordinal = [w in words.ordinals and w not in words.cardinals
                   or e in words.ordinal_suffixes for _, w, e in run]
        grouped = split_numbers([Word(v, o) for v, o in zip(said, ordinal, strict=True)],
                                words.units_before_tens)
        for first, end, value in grouped:
            left, right = tokens[run[first][0]], tokens[run[end - 1][0]]
            kind: Kind = "ordinal" if any(ordinal[first:end]) else "plain"
            span = new_span(left.start, right.end, value, tuple(w for _, w, _ in run[first:end]),
                         vocab, kind)
            span.vague = run[end - 1][2] in words.vague_endings
            spans.append(span)
        run.clear()

    for i, token in enumerate(tokens):
        found = _morphemes(token.word, vocab.code) if i not in skip else None
        if found is None:
            if not (run and token.word == words.conjunction):
                flush()
            continue
        parts, ending, _ = found
        gap = between(text, tokens[run[-1][0]], token) if run else ""
        gap = "" if words.conjunction and gap == words.conjunction else gap
        if run and (gap not in _JOINS or run[-1][2]):
            flush()
        run += [(i, part, "") for part in parts[:-1]] + [(i, parts[-1], ending)]
    flush()
    return _decimals(text, spans, vocab)


def _decimals(text: str, spans: list[Span], vocab: Vocabulary) -> list[Span]:
    """Join ``iki virgül beş`` (2.5): a whole number, a decimal word, its decimals."""
    if not vocab.words.decimal_words:
        return spans
    joined: list[Span] = []
    for span in spans:
        last = joined[-1] if joined else None
        between = text[last.end:span.start].strip().lower() if last else ""
        if last is not None and between in vocab.words.decimal_words and span.value.is_integer():
            places = len(str(int(span.value)))
            last.value += span.value / 10 ** places
            last.end, last.decimals = span.end, places
        else:
            joined.append(span)
    return joined


def covered_tokens(tokens: list[Token], spans: list[Span]) -> set[int]:
    """Indexes of the tokens that start inside any span, in n log n time (spans sorted by
    start, with the farthest end reached so far): a long text's thousands of numbers are
    not compared with each of its words."""
    ordered = sorted(spans, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    reach: list[int] = []
    for span in ordered:
        reach.append(max(span.end, reach[-1]) if reach else span.end)
    found: set[int] = set()
    for i, token in enumerate(tokens):
        k = bisect.bisect_right(starts, token.start) - 1
        if k >= 0 and token.start < reach[k]:
            found.add(i)
    return found
