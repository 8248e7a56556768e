"""One review of one run folder: its items, the store, the memory and rebuilds.

:class:`ReviewSession` is what the web app (``summarize.review.app``) serves, and all of its
state: the run read from ``run.json``, the review store and the translation memory of the
run's cache folder. Nothing here knows about HTTP; every input a person typed is checked
here (:func:`clean_edit`, :func:`clean_reviewer`).
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.errors import InputError, ReviewError
from summarize.records import RunResult, SentenceRecord
from summarize.review.apply import current_state, evidence_of, reviewed_run
from summarize.review.items import ACTIONS, STATUS, ReviewItem, collect_items
from summarize.review.store import ConflictError, ItemState, ReviewStore
from summarize.translate.memory import MemoryEntry, Suggestion, TranslationMemory, now_iso

#: The longest English sentence an edit may give, in characters.
MAX_TEXT = 5000
#: The longest reviewer name.
MAX_REVIEWER = 100
#: Item id of the run itself in the store (rebuilds are logged under it).
RUN_ITEM = "run"

_SPACE = re.compile(r"\s+")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class UnknownItemError(ReviewError):
    """No item of the run has this id."""


class BusyError(ReviewError):
    """A rebuild is already running."""


def _check_text(text: str, what: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ReviewError(f"{what} is not valid Unicode (a lone surrogate)") from exc
    for ch in text:
        if unicodedata.category(ch) == "Cc" or ch in _BIDI_CONTROLS:
            raise ReviewError(f"{what} contains the control character U+{ord(ch):04X}")


def clean_edit(text: object) -> str:
    """A reviewer's English as it will be kept: NFC, whitespace runs as one space, stripped.

    Raises:
        ReviewError: not text, empty, longer than :data:`MAX_TEXT` characters, or holding
            control characters (bidirectional overrides included) or lone surrogates.
    """
    if not isinstance(text, str):
        raise ReviewError("the English must be text")
    cleaned = _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    if not cleaned:
        raise ReviewError("the English is empty: write the sentence, or mark it for "
                          "retranslation")
    if len(cleaned) > MAX_TEXT:
        raise ReviewError(f"the English is {len(cleaned)} characters long; at most "
                          f"{MAX_TEXT} are kept for one sentence")
    _check_text(cleaned, "the English")
    return cleaned


def clean_reviewer(name: object) -> str | None:
    """A reviewer's name (None when not given or blank).

    Raises:
        ReviewError: not text, longer than :data:`MAX_REVIEWER`, or holding control
            characters.
    """
    if name is None:
        return None
    if not isinstance(name, str):
        raise ReviewError("the reviewer's name must be text")
    cleaned = _SPACE.sub(" ", unicodedata.normalize("NFC", name)).strip()
    if len(cleaned) > MAX_REVIEWER:
        raise ReviewError(f"the reviewer's name is longer than {MAX_REVIEWER} characters")
    _check_text(cleaned, "the reviewer's name")
    return cleaned or None


@dataclass(frozen=True)
class ItemView:
    """An item as a reviewer sees it now.

    Attributes:
        item: The item.
        status: ``unreviewed``, ``approved``, ``corrected``, ``needs_retranslation``,
            ``rejected``, or ``human`` (a sentence the run already has from a person: the
            translation memory or an earlier rebuild).
        text: Its English now (a correction not yet rebuilt included).
        version: How many actions it has had (what the next action must name).
        reviewer: Who acted last.
        at: When.
        stale: A review exists but was made on other content (see
            ``summarize.review.apply.current_state``).
    """

    item: ReviewItem
    status: str
    text: str
    version: int
    reviewer: str | None = None
    at: str | None = None
    stale: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The JSON the web app answers with."""
        return {"id": self.item.id, "kind": self.item.kind, "status": self.status,
                "text": self.text, "version": self.version, "reviewer": self.reviewer,
                "at": self.at, "stale": self.stale}


def load_run(out_dir: str | Path) -> RunResult:
    """The run in a run folder (its ``run.json``).

    Raises:
        ReviewError: the folder is not one summarize wrote, or its run.json cannot be read.
    """
    from summarize.outdir import is_run_folder

    folder = Path(out_dir)
    if not folder.is_dir() or not is_run_folder(folder) or not (folder / "run.json").is_file():
        raise ReviewError(f"{out_dir} is not a run folder (no run.json written by summarize)")
    try:
        record = json.loads((folder / "run.json").read_text(encoding="utf-8"))
        return RunResult.from_dict(record)
    except (OSError, ValueError, InputError) as exc:
        raise ReviewError(f"cannot read {folder / 'run.json'}: {exc}") from exc


def cache_folder(result: RunResult, cache: str | Path | None = None) -> Path:
    """Where a run's review store and memory live: ``cache`` when given, else the cache
    folder the run recorded (``settings["cache"]``; a relative one is taken from the current
    folder, as the run took it), else the user cache folder."""
    from summarize.translate.cache import default_cache_dir

    chosen = cache or result.settings.get("cache")
    return Path(chosen).expanduser() if chosen else default_cache_dir()


class ReviewSession:
    """The review of one run folder (see the module docstring).

    Args:
        out_dir: The run folder.
        cache: The cache folder (see :func:`cache_folder`).
        reviewer: The name recorded with actions that give none.

    Raises:
        ReviewError: the folder is not a run folder, or ``reviewer`` cannot be used.
    """

    def __init__(self, out_dir: str | Path, *, cache: str | Path | None = None,
                 reviewer: str | None = None) -> None:
        self.out_dir = Path(out_dir)
        self.result = load_run(self.out_dir)
        self.reviewer = clean_reviewer(reviewer)
        self.cache = cache_folder(self.result, cache)
        self.store = ReviewStore(self.cache, self.out_dir)
        self.memory = TranslationMemory(self.cache)
        self._rebuilding = threading.Lock()
        self.items: dict[str, ReviewItem] = {}
        self.sentences: dict[str, SentenceRecord] = {}
        self._refresh()
        self.sync_memory()  # what a killed server had recorded but not yet remembered

    def _refresh(self) -> None:
        result = self.result
        sentences = {s.id: s for d in result.documents for s in d.sentences}
        doc_of = {s.id: d.id for d in result.documents for s in d.sentences}
        items = collect_items(result)
        for state in self.store.states().values():  # rejected lines stay, to be restored
            if state.status == "rejected" and state.item not in items:
                evidence = evidence_of(state)
                items[state.item] = ReviewItem(
                    state.item, state.kind, state.text or "",
                    doc_of.get(evidence[0]) if evidence and state.kind == "digest" else None,
                    evidence=evidence, present=False)
        self.items, self.sentences = items, sentences

    def _view(self, item: ReviewItem, state: ItemState | None) -> ItemView:
        fresh = current_state(item, state)
        version = state.version if state is not None else 0
        if fresh is None:
            status = "human" if item.origin == "human" else "unreviewed"
            return ItemView(item, status, item.text, version, stale=state is not None)
        text = fresh.text if fresh.text is not None else item.text
        return ItemView(item, fresh.status, text, version, fresh.reviewer, fresh.at)

    def item(self, item_id: str) -> ReviewItem:
        """The item with this id.

        Raises:
            UnknownItemError: no item has it.
        """
        found = self.items.get(item_id) if isinstance(item_id, str) else None
        if found is None:
            raise UnknownItemError(f"no item {str(item_id)[:200]!r} in this run")
        return found

    def sentence(self, item: ReviewItem) -> SentenceRecord | None:
        """The run's sentence of a sentence item (None for other kinds)."""
        if item.kind != "sentence":
            return None
        return self.sentences.get(item.id.removeprefix("sentence:"))

    def view(self, item_id: str) -> ItemView:
        """One item as it stands (see :class:`ItemView`)."""
        item = self.item(item_id)
        return self._view(item, self.store.state(item_id))

    def views(self) -> list[ItemView]:
        """Every item as it stands, in page order."""
        states = self.store.states()
        return [self._view(item, states.get(item_id)) for item_id, item in self.items.items()]

    def act(self, item_id: str, action: str, *, version: int, text: object = None,
            reviewer: object = None) -> ItemView:
        """Record one action on one item (one transaction) and update the memory.

        Args:
            item_id: The item.
            action: One of the item kind's actions (``summarize.review.items.ACTIONS``).
            version: The version the reviewer saw.
            text: The new English, for ``edit``.
            reviewer: Who acts (else the session's reviewer).

        Raises:
            UnknownItemError: no such item.
            ConflictError: the item changed since ``version``; nothing was recorded.
            ReviewError: the action does not apply to the item, or the text or name
                cannot be used.
        """
        item = self.item(item_id)
        if action not in ACTIONS[item.kind]:
            raise ReviewError(f"the actions of a {item.kind} are "
                              f"{', '.join(ACTIONS[item.kind])}; not {str(action)[:40]!r}")
        who = clean_reviewer(reviewer) or self.reviewer
        current = self.view(item_id).text
        new = clean_edit(text) if action == "edit" else current
        source = item.source if item.kind == "sentence" else json.dumps(list(item.evidence))
        state = self.store.record(item_id, item.kind, action, STATUS[action],
                                  expected=version, previous=current, new=new, source=source,
                                  language=item.language, reviewer=who)
        if item.kind == "sentence":
            self._remember(state)
        return self._view(item, state)

    def _remember(self, state: ItemState) -> None:
        if not state.language or state.language == "en" or not state.source or not state.text:
            return
        if state.status in ("approved", "corrected"):
            self.memory.put(MemoryEntry(state.language, state.source, state.text,
                                        state.status, state.reviewer, state.at, state.at),
                            newer_only=True)
        elif state.status == "needs_retranslation":
            self.memory.remove(state.language, state.source, english=state.text)

    def sync_memory(self) -> None:
        """Put every approved and corrected sentence of the store into the memory (and take
        out those marked for retranslation), where the memory has nothing newer."""
        for state in self.store.states().values():
            if state.kind == "sentence":
                self._remember(state)

    def suggestions(self, views: list[ItemView]) -> dict[str, list[Suggestion]]:
        """Near matches from the memory for sentences, leaving out what they already say."""
        wanted = {v.item.id: (v.item.language or "", v.item.source or "") for v in views
                  if v.item.kind == "sentence" and v.item.language not in (None, "en")}
        found = self.memory.suggest(list(dict.fromkeys(wanted.values())))
        texts = {v.item.id: v.text for v in views}
        return {item_id: kept for item_id, pair in wanted.items()
                if (kept := [s for s in found.get(pair, []) if s.entry.english != texts[item_id]])}

    def rebuild(self, reviewer: object = None) -> dict[str, Any]:
        """Apply every review to the run, rebuild its digests and brief and rewrite its
        files (Markdown, run.json, report.html) through ``write_outputs``.

        Returns:
            What was done: the files written and the counts of reviewed sentences.

        Raises:
            BusyError: another rebuild is running.
            OutputError: the run folder cannot be written; it is left as it was.
        """
        from summarize.outputs import write_outputs

        who = clean_reviewer(reviewer) or self.reviewer
        if not self._rebuilding.acquire(blocking=False):
            raise BusyError("a rebuild is already running")
        try:
            new = reviewed_run(self.result, self.store.states())
            new.settings["review"].update(store=str(self.store.path), rebuilt=now_iso())
            stages = new.settings.get("stages", ["translate", "digest"])
            written = write_outputs(new, self.out_dir, translations="translate" in stages,
                                    digests="digest" in stages)
            self.result = new
            self._refresh()
            self._log_rebuild(who)
            self.sync_memory()
        finally:
            self._rebuilding.release()
        return {"written": [str(p) for p in written], **new.settings["review"]}

    def _log_rebuild(self, reviewer: str | None) -> None:
        for _ in range(5):  # another server on this run may log one at the same moment
            run = self.store.state(RUN_ITEM)
            try:
                self.store.record(RUN_ITEM, "run", "rebuild", "rebuilt",
                                  expected=run.version if run is not None else 0,
                                  previous=None, new=None, reviewer=reviewer)
                return
            except ConflictError:
                continue

    def close(self) -> None:
        """Close the store and the memory."""
        self.store.close()
        self.memory.close()
