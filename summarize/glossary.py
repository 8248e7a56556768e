"""A glossary of required renderings: a source term must come out as its English term.

``--glossary FILE`` is a TSV or CSV file, one term a line: the source term, the English term,
and optionally the ISO 639-1 language the term is for (empty: every language). A first line
``source<TAB>english[<TAB>language]`` is a header and skipped; lines starting with ``#`` are
comments. An English term equal to the source term means "do not translate" (a product or
party name). From Python, :class:`~summarize.options.TranslationOptions` takes the path or a
mapping (``{"yapay zeka": "artificial intelligence"}``, or per language
``{"tr": {"yapay zeka": "artificial intelligence"}}``).

Matching is accent- and case-insensitive and inflection-tolerant in the source: each word of a
term matches a word of the sentence that starts with it (Turkish ``Mistral'in``,
``Ankara'da``, ``yatırımları``), differs from it only in its last two letters (German
``Rechenzentren`` for ``Rechenzentrum``, Turkish ``merkezleri`` for ``merkezi``; words of five
letters or more) or has the same Snowball stem in the term's language (Italian ``centri`` for
``centro``), the words in order, at most one other word between two of them. In the English,
the required term is looked for case-insensitively as whole words, a plural or possessive
ending allowed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from summarize.errors import InputError
from summarize.records import Flag

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
#: Snowball stemmers by ISO 639-1 code (the languages snowballstemmer has).
STEMMERS = {"ar": "arabic", "da": "danish", "de": "german", "el": "greek", "en": "english",
            "es": "spanish", "fi": "finnish", "fr": "french", "hu": "hungarian",
            "id": "indonesian", "it": "italian", "nl": "dutch", "nb": "norwegian",
            "pt": "portuguese", "ro": "romanian", "ru": "russian", "sv": "swedish",
            "tr": "turkish"}


@dataclass(frozen=True)
class Term:
    """One glossary entry.

    Attributes:
        source: The term as written in the source language.
        english: Its required English rendering (equal to ``source``: not to be translated).
        language: The ISO 639-1 code it applies to, or ``None`` for every language.
    """

    source: str
    english: str
    language: str | None = None


def _fold(text: str) -> str:
    """Lower case without accents (``zekâ`` = ``zeka``; Turkish dotted capital İ as i)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("İ", "i"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@cache
def _stemmer(language: str) -> Any:
    import snowballstemmer

    name = STEMMERS.get(language)
    return snowballstemmer.stemmer(name) if name else None


def _stem(word: str, language: str) -> str:
    stemmer = _stemmer(language)
    bare = re.split(r"['’]", word, maxsplit=1)[0]
    return str(stemmer.stemWord(bare)) if stemmer is not None else bare


class Glossary:
    """Terms to enforce, looked up per sentence.

    Args:
        terms: The entries.
        origin: Where they come from, for messages (a path, or ``"options"``).
    """

    def __init__(self, terms: list[Term], origin: str = "options") -> None:
        self.terms = terms
        self.origin = origin

    @classmethod
    def load(cls, value: str | Path | Mapping[str, Any]) -> Glossary:
        """A glossary from a TSV/CSV file or a mapping (see the module docstring).

        Raises:
            InputError: the file cannot be read or a line is malformed (its number is named).
        """
        if isinstance(value, Mapping):
            terms: list[Term] = []
            for key, english in value.items():
                if isinstance(english, Mapping):
                    terms += [Term(str(s), str(e), str(key).lower()) for s, e in english.items()]
                else:
                    terms.append(Term(str(key), str(english)))
            return cls([t for t in terms if t.source.strip() and t.english.strip()])
        path = Path(value)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the glossary ({exc})", str(path)) from exc
        delimiter = "\t" if "\t" in text.split("\n", 1)[0] or path.suffix == ".tsv" else ","
        terms = []
        for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter),
                                     start=1):
            cells = [cell.strip() for cell in row]
            if not any(cells) or cells[0].startswith("#"):
                continue
            if number == 1 and [c.lower() for c in cells[:2]] == ["source", "english"]:
                continue
            if len(cells) < 2 or not cells[0] or not cells[1] or len(cells) > 3:
                raise InputError(f"glossary line {number}: expected source term, English term "
                                 "and an optional language, separated by tabs or commas",
                                 str(path))
            language = cells[2].lower() if len(cells) == 3 and cells[2] else None
            terms.append(Term(cells[0], cells[1], language))
        return cls(terms, str(path))

    def fingerprint(self) -> str:
        """A short hash of the entries (keys the cache: a glossary changes retries)."""
        text = "\n".join(f"{t.source}\t{t.english}\t{t.language or ''}" for t in self.terms)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    def found_in(self, source: str, language: str) -> list[Term]:
        """The terms of ``language`` that occur in a source sentence."""
        words = _WORD.findall(_fold(source))
        return [t for t in self.terms if t.language in (None, language)
                and _occurs(_WORD.findall(_fold(t.source)), words, language)]

    def missing(self, source: str, english: str, language: str) -> list[Term]:
        """The terms the source uses whose required English rendering is not in ``english``."""
        return [t for t in self.found_in(source, language) if not rendered(t.english, english)]

    def flags(self, source: str, english: str, language: str) -> list[Flag]:
        """``term_missing`` flags (severity 2) for :meth:`missing`."""
        flags = []
        for term in self.missing(source, english, language):
            keep = " (not to be translated)" if term.english == term.source else ""
            flags.append(Flag("term_missing", f'glossary: "{term.source}" must be rendered '
                                              f'"{term.english}"{keep}; it is not in the '
                                              "English", 2))
        return flags


def _occurs(term: list[str], words: list[str], language: str) -> bool:
    if not term:
        return False
    for start, word in enumerate(words):
        if not _same(term[0], word, language):
            continue
        position, ok = start, True
        for part in term[1:]:
            window = words[position + 1:position + 3]
            hit = next((i for i, w in enumerate(window) if _same(part, w, language)), None)
            if hit is None:
                ok = False
                break
            position += hit + 1
        if ok:
            return True
    return False


def _same(term_word: str, word: str, language: str) -> bool:
    if word == term_word or word.startswith(term_word) and len(term_word) >= 3:
        return True
    if len(term_word) >= 5 and len(_common_prefix(word, term_word)) >= len(term_word) - 2:
        return True  # Zentrum/Zentren, merkezi/merkezleri: an ending changed
    return len(term_word) >= 4 and _stem(word, language) == _stem(term_word, language)


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def rendered(required: str, english: str) -> bool:
    """Whether ``required`` occurs in ``english`` as whole words, ignoring case (a plural or
    possessive ending allowed)."""
    pattern = r"\s+".join(re.escape(w) for w in required.split())
    return re.search(rf"(?<![^\W_]){pattern}(?:e?s|['’]s)?(?![^\W_])", english,
                     re.IGNORECASE) is not None
