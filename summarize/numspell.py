"""Numbers written in words, for the number parser (``summarize.numparse``).

**Readers.** Two specialists turn runs of words into numbers, chosen by the language profile
(``summarize.lang``):

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

**Around the number** (both readers): a half after it, after its scale word or after its
counted noun (``iki buçuk milyar``, ``due milioni e mezzo``, ``an hour and a half``,
``ساعة ونصف``), glued (``zweieinhalb``) or before a scale word (``half a million``, ``yarım
milyon``); scale words after it (``zwei Mio.``, ``four dozen``); a percent or currency.

**Firm or optional.** Words from two up count like digits (*firm*: reported when lost), except
bare scale words (``Milliarden``; ``مليار`` counts), ambiguous words (Italian ``sei``),
ordinals (a century's excepted) and vague phrases (``her iki``). English words, and *count
words* (``beide``, Arabic duals such as ``ساعتين``, two hours), are optional: they confirm an
English number but are never reported.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from summarize.numcontext import scale_after, unit_after
from summarize.numgrammar import Word, is_scale, split_numbers
from summarize.nummention import Kind, NumberMention
from summarize.numvocab import Vocabulary, vocabulary

__all__ = ["FIRM_WORDS_FROM", "add_half", "word_numbers"]

#: Source number words from this value up count like digits; smaller ones only confirm.
FIRM_WORDS_FROM = 2

#: A word, with its combining marks (Arabic tanween and harakat: ``ألفاً``).
_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f\u064b-\u065f\u0670])+")
_HARAKAT = re.compile(r"[\u064b-\u065f\u0670]")
_JOINS = frozenset({"", "-", "–"})


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    word: str


@dataclass
class _Span:
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


def _tokens(text: str, taken: bytearray) -> list[_Token]:
    return [_Token(m.start(), m.end(), m.group(0).lower().replace("ـ", ""))
            for m in _WORD.finditer(text) if not taken[m.start()]]


def _gap(text: str, left: _Token, right: _Token) -> str:
    return text[left.end:right.start].strip()


@lru_cache(maxsize=8192)
def _text2num(word: str, lang: str) -> float | None:
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


def _alone(word: str, apostrophe: bool, vocab: Vocabulary) -> float | None:
    """A word text2num did not read in its run, read alone: respelled, with an elided vowel
    restored, or without an ending (``dreimal``)."""
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
            value = _text2num(candidate, lang)
            if value is not None and candidate not in words.not_numbers:
                return value
    return None


def _text2num_spans(text: str, tokens: list[_Token], skip: set[int],
                    vocab: Vocabulary) -> list[_Span]:
    from text_to_num import find_numbers

    words = vocab.words
    stream: list[_Stream] = []
    owners: list[int] = []
    for i, token in enumerate(tokens):
        gap = _gap(text, tokens[i - 1], token) if i else ""
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
        spans.append(_span(tokens[index[0]].start, tokens[index[-1]].end, float(found.value),
                           said, vocab, "ordinal" if found.is_ordinal else "plain", decimals))
    for i, token in enumerate(tokens):
        if i in read or i in skip:
            continue
        value = _alone(token.word, text[token.end:token.end + 1] in "'’", vocab)
        if value is not None:
            spans.append(_span(token.start, token.end, value, (token.word,), vocab))
    return spans


def _trailing_scale(word: str, vocab: Vocabulary) -> float:
    """The multiplier of a scale word ending a number, 1 for any other word (a dual scale
    word is two of its scale: ``مليارا`` ends on 1e9)."""
    if word in vocab.scales:
        return vocab.scales[word]
    value = vocab.lexicon.get(word, 0.0)
    return value / 2 if is_scale(value / 2) else 1.0


def _span(start: int, end: int, value: float, said: tuple[str, ...], vocab: Vocabulary,
          kind: Kind = "plain", decimals: int = 0) -> _Span:
    last = _trailing_scale(said[-1], vocab) if said else 1.0
    # Scale words alone state no count: "Milliarden", "hundred million" (several…).
    bare = bool(said) and all(w in vocab.scales for w in said) and (
        value >= 100 or said[0] in vocab.bare_small_scales)
    return _Span(start, end, value, kind, value if bare else last, bare, said, decimals)


@lru_cache(maxsize=16384)
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
    for head in (w for w in vocab.heads if rest.startswith(w) and w != rest):
        tail = rest[len(head):]
        is_scale = head in words.scales
        if head not in words.unsuffixed and (
                tail in vocab.endings or (is_scale and tail in words.scale_suffixes)):
            return [head], tail
        deeper = _split(tail, vocab, glued) if glued else None
        if deeper is not None:
            return [head, *deeper[0]], deeper[1]
    return None


def _grammar_spans(text: str, tokens: list[_Token], skip: set[int],
                   vocab: Vocabulary) -> list[_Span]:
    words = vocab.words
    spans: list[_Span] = []
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
            span = _span(left.start, right.end, value, tuple(w for _, w, _ in run[first:end]),
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
        gap = _gap(text, tokens[run[-1][0]], token) if run else ""
        gap = "" if words.conjunction and gap == words.conjunction else gap
        if run and (gap not in _JOINS or run[-1][2]):
            flush()
        run += [(i, part, "") for part in parts[:-1]] + [(i, parts[-1], ending)]
    flush()
    return _decimals(text, spans, vocab)


def _decimals(text: str, spans: list[_Span], vocab: Vocabulary) -> list[_Span]:
    """Join ``iki virgül beş`` (2.5): a whole number, a decimal word, its decimals."""
    if not vocab.words.decimal_words:
        return spans
    joined: list[_Span] = []
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


def _glued_halves(tokens: list[_Token], vocab: Vocabulary) -> dict[int, _Span]:
    """Words with a half in them: ``anderthalb`` (1.5), ``zweieinhalb`` (2.5)."""
    words, found = vocab.words, {}
    for i, token in enumerate(tokens):
        value = words.halves.get(token.word)
        match = vocab.half_suffix.fullmatch(token.word) if vocab.half_suffix else None
        if value is None and match is not None:
            whole = _text2num(match.group(1), words.reader) if words.reader else (
                vocab.lexicon.get(match.group(1)))
            value = None if whole is None else whole + 0.5
        if value is not None:
            found[i] = _Span(token.start, token.end, value, words=(token.word,), decimals=1)
    return found


def add_half(text: str, end: int, value: float, scale: float,
             vocab: Vocabulary) -> tuple[float, int, bool]:
    """A half phrase right after ``end`` adds half of the scale word before it (``due milioni
    e mezzo``) or a half (``iki buçuk``): the new value and end, and whether one was found."""
    match = vocab.half_after.match(text, end) if vocab.half_after else None
    if match is None:
        return value, end, False
    return value + 0.5 * (scale if scale > 1 else 1.0), match.end(), True


def _half_before(text: str, tokens: list[_Token], spans: list[_Span],
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
        while first > max(0, i - 3) and not _gap(text, tokens[first - 1], tokens[first]):
            first -= 1
        before = [t.word for t in tokens[first:i]]
        step = 2 if before[-2:-1] and before[-1] in words.articles else 1
        if len(before) >= step and before[-step] in words.half_words:
            first = i - step - (1 if i - step > 0 and tokens[i - step - 1].word
                                in words.articles else 0)
            span.value, span.bare, span.start, span.decimals = (
                0.5 * span.value, False, tokens[first].start, 1)


def _noun_halves(text: str, tokens: list[_Token], spans: list[_Span],
                 vocab: Vocabulary) -> list[_Span]:
    """``an hour and a half``, ``due ore e mezza``, ``ساعة ونصف``: a counted noun and a half."""
    if vocab.half_after is None:
        return []
    words = vocab.words
    ends = {span.end: span for span in spans}
    covered = {i for i, t in enumerate(tokens) for s in spans if s.start <= t.start < s.end}
    found = []
    for i, noun in enumerate(tokens):
        match = vocab.half_after.match(text, noun.end)
        if match is None or i in covered:
            continue
        previous = tokens[i - 1] if i and _gap(text, tokens[i - 1], noun) in {
            "", "'", "’"} else None  # un'ora e mezza
        counted = ends.get(previous.end) if previous else None
        dual = vocab.count_pattern is not None and vocab.count_pattern.fullmatch(noun.word)
        if counted is not None and not counted.bare:
            counted.value, counted.end, counted.decimals = counted.value + 0.5, match.end(), 1
        elif previous is not None and previous.word in words.articles:
            found.append(_Span(previous.start, match.end(), 1.5, words=(previous.word,),
                               decimals=1))
        elif words.bare_noun_half:
            found.append(_Span(noun.start, match.end(), 2.5 if dual else 1.5,
                               words=(noun.word,), decimals=1))
    return found


def _counts(tokens: list[_Token], spans: list[_Span], vocab: Vocabulary) -> list[_Span]:
    """Count words (``beide``, Arabic duals): optional mentions of the count they state."""
    words = vocab.words
    covered = {t.start for t in tokens for s in spans if s.start <= t.start < s.end}
    found = []
    for token in tokens:
        value = words.count_words.get(token.word)
        if value is None and vocab.count_pattern and vocab.count_pattern.fullmatch(token.word):
            value = 2.0
        if value is not None and token.start not in covered:
            found.append(_Span(token.start, token.end, value, words=(token.word,), count=True))
    return found


def _vague(text: str, span: _Span, vocab: Vocabulary) -> bool:
    for phrase in vocab.words.vague_phrases:
        pattern = r"\s+".join(re.escape(w) for w in phrase.split())
        for match in re.finditer(rf"(?<![^\W\d_]){pattern}(?![^\W\d_])", text, re.IGNORECASE):
            if match.start() <= span.start < match.end():
                return True
    return False


def _firm(text: str, span: _Span, value: float, vocab: Vocabulary) -> bool:
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


def _century(text: str, span: _Span, tokens: list[_Token], vocab: Vocabulary) -> None:
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


def _couples(text: str, tokens: list[_Token], vocab: Vocabulary) -> list[_Span]:
    """``a couple of`` (two, roughly)."""
    found = []
    for token in tokens:
        if token.word in vocab.words.couple_words:
            of = vocab.couple_of.match(text, token.end) if vocab.couple_of else None
            found.append(_Span(token.start, of.end() if of else token.end, 2.0,
                               words=(token.word,)))
    return found


def word_numbers(text: str, lang: str, taken: bytearray) -> list[NumberMention]:
    """The numbers written in words in ``text`` (normalised by ``numparse``), skipping the
    offsets already ``taken`` by other readers; marks what it reads as taken."""
    vocab = vocabulary(lang)
    tokens = _tokens(text, taken)
    if not tokens:
        return []
    halves = _glued_halves(tokens, vocab)
    read = _text2num_spans if vocab.words.reader else _grammar_spans
    spans = [*read(text, tokens, set(halves), vocab), *halves.values(),
             *_couples(text, tokens, vocab)]
    _half_before(text, tokens, spans, vocab)
    spans += _noun_halves(text, tokens, spans, vocab)
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
        found.append(NumberMention(total, kind or span.kind, "", span.start, end, currency,
                                   decimals, optional=not _firm(text, span, total, vocab),
                                   scale=span.scale * multiplier))
        taken[span.start:unit_end] = b"\1" * (unit_end - span.start)
        done = unit_end
    return found
