"""The translation stage: cache, token-budget pieces, batched generation, guards and retries.

For each (translator, language) group, every distinct source sentence is looked up in the cache;
the rest are cut into pieces that fit the model's input limit, translated in length-sorted
batches across all documents, and saved to the cache batch by batch. Each English sentence is
then checked (``summarize.checks``); one that looks wrong is retried once, with safer decoding
or, when it hit the length cap, in smaller pieces, and the better attempt is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from summarize.checks import check_translation, needs_retry, severity
from summarize.records import Flag, SentenceRecord
from summarize.segment import chunk_to_budget
from summarize.translate.base import Generation, Translator
from summarize.translate.cache import CachedTranslation, TranslationCache, cache_key

Progress = Callable[[int], object]


@dataclass
class Group:
    """The sentences of one source language that one translator handles."""

    translator: Translator
    language: str
    records: list[SentenceRecord]
    keys: dict[str, str]
    done: dict[str, CachedTranslation]

    @property
    def todo(self) -> list[str]:
        """Distinct source sentences not yet translated."""
        return [source for source in self.keys if source not in self.done]


def make_group(translator: Translator, language: str, records: list[SentenceRecord],
               cache: TranslationCache | None) -> Group:
    """Look the group's sentences up in the cache."""
    signature = translator.cache_signature()
    keys = {source: cache_key(signature, language, source)
            for source in dict.fromkeys(r.source for r in records)}
    found = cache.get_many(list(keys.values())) if cache is not None else {}
    done = {source: found[key] for source, key in keys.items() if key in found}
    return Group(translator, language, records, keys, done)


def budget_for(translator: Translator, max_input_tokens: int | None) -> int | None:
    """The input budget per piece: the model's limit, or the option when smaller."""
    limits = [x for x in (translator.max_input_tokens, max_input_tokens) if x]
    return min(limits) if limits else None


def plan_pieces(group: Group, budget: int | None, sources: Sequence[str],
                ) -> dict[str, list[str]]:
    """Cut each source sentence into pieces within ``budget`` tokens."""
    if budget is None:
        return {source: [source] for source in sources}

    def count(text: str) -> int:
        return group.translator.count_tokens(text, group.language)

    return {source: chunk_to_budget(source, count, budget) for source in sources}


def translate_group(group: Group, *, budget: int | None, batch_size: int,
                    cache: TranslationCache | None, progress: Progress | None,
                    batch_tokens: int | None = None) -> None:
    """Translate what the cache lacked, committing each finished sentence batch by batch."""
    pieces = plan_pieces(group, budget, group.todo)
    outputs = _run_pieces(group, pieces, batch_size=batch_size, safer=False, cache=cache,
                          progress=progress, retried=False, batch_tokens=batch_tokens)
    group.done.update(outputs)


def _run_pieces(group: Group, pieces: dict[str, list[str]], *, batch_size: int, safer: bool,
                cache: TranslationCache | None, progress: Progress | None,
                retried: bool, batch_tokens: int | None = None) -> dict[str, CachedTranslation]:
    unique = list(dict.fromkeys(p for parts in pieces.values() for p in parts))
    index = {piece: i for i, piece in enumerate(unique)}
    finished: dict[int, Generation] = {}
    results: dict[str, CachedTranslation] = {}
    waiting = dict(pieces)

    def on_batch(indices: Sequence[int], generations: Sequence[Generation]) -> None:
        finished.update(zip(indices, generations, strict=True))
        ready = [s for s, parts in waiting.items() if all(index[p] in finished for p in parts)]
        entries = []
        for source in ready:
            parts = [finished[index[p]] for p in waiting.pop(source)]
            entry = CachedTranslation(" ".join(g.text for g in parts).strip(),
                                      any(g.hit_cap for g in parts), len(parts), retried)
            results[source] = entry
            entries.append((group.keys[source], entry))
        if cache is not None:
            cache.put_many(entries)
        if progress is not None and ready:
            progress(len(ready))

    group.translator.translate(unique, group.language, batch_size=batch_size, safer=safer,
                               on_batch=on_batch, batch_tokens=batch_tokens)
    return results


def check_and_retry(group: Group, *, budget: int | None, batch_size: int,
                    cache: TranslationCache | None, retry_flagged: bool = True) -> None:
    """Check every sentence; retry the ones that look wrong once and keep the better attempt."""
    flags = {source: check_translation(source, entry.english, group.language,
                                       hit_cap=entry.hit_cap)
             for source, entry in group.done.items()}
    retry = [s for s, f in flags.items()
             if retry_flagged and needs_retry(f) and not group.done[s].retried]
    capped = [s for s in retry if group.done[s].hit_cap]
    others = [s for s in retry if not group.done[s].hit_cap]
    attempts: dict[str, CachedTranslation] = {}
    if capped:
        smaller = None if budget is None else max(8, budget // 2)
        halves = {s: _halve(group, s, smaller) for s in capped}
        attempts.update(_run_pieces(group, halves, batch_size=batch_size, safer=False,
                                    cache=None, progress=None, retried=True))
    if others:
        same = plan_pieces(group, budget, others)
        attempts.update(_run_pieces(group, same, batch_size=batch_size, safer=True, cache=None,
                                    progress=None, retried=True))
    kept: list[tuple[str, CachedTranslation]] = []
    for source, attempt in attempts.items():
        new_flags = check_translation(source, attempt.english, group.language,
                                      hit_cap=attempt.hit_cap)
        old = group.done[source]
        better = severity(new_flags) < severity(flags[source])
        chosen = attempt if better else CachedTranslation(old.english, old.hit_cap,
                                                          old.pieces, True)
        group.done[source] = chosen
        flags[source] = new_flags if better else flags[source]
        kept.append((group.keys[source], chosen))
    if cache is not None:
        cache.put_many(kept)
    for record in group.records:
        entry = group.done[record.source]
        record.english = entry.english
        record.flags.extend(flags[record.source])
        if entry.pieces > 1:
            record.flags.append(Flag("split", f"longer than the model's input limit: "
                                              f"translated in {entry.pieces} pieces", 0))
        if entry.retried:
            record.flags.append(Flag("retried", "retried once with safer settings; the "
                                                "better attempt is kept", 0))


def _halve(group: Group, source: str, budget: int | None) -> list[str]:
    if budget is None:
        words = source.split()
        middle = max(1, len(words) // 2)
        return [" ".join(words[:middle]), " ".join(words[middle:])] if len(words) > 1 else [source]
    pieces = plan_pieces(group, budget, [source])[source]
    if len(pieces) == 1:
        count = group.translator.count_tokens(source, group.language)
        pieces = plan_pieces(group, max(4, count // 2), [source])[source]
    return pieces
