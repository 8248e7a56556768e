"""A few hundred concurrent edits through the HTTP API lose nothing: every accepted edit is in
the store, in order, and every refusal is a conflict (409)."""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict

from summarize.review.store import ReviewStore
from tests.review.conftest import RunFolder
from tests.review.reviewserver import ReviewServer

THREADS = 30
EDITS_PER_THREAD = 10  # 300 edits on 10 sentences: most race with another
DEADLINE = 60.0


def test_concurrent_edits_lose_nothing(run_copy: RunFolder) -> None:
    record = json.loads((run_copy.out / "run.json").read_text(encoding="utf-8"))
    items = [f"sentence:{s['id']}" for s in record["documents"][0]["sentences"][:10]]
    accepted: list[tuple[str, int, str]] = []
    refused: list[int] = []
    lock = threading.Lock()
    with ReviewServer(run_copy.out, run_copy.cache) as server:
        csrf = server.csrf()

        def work(number: int) -> None:
            for i in range(EDITS_PER_THREAD):
                item = items[(number + i) % len(items)]
                version = server.item(item)["version"]
                text = f"Edit {i} of worker {number} for {item}."
                answer = server.act(item, "edit", version, csrf, text=text)
                with lock:
                    if answer.status == 200:
                        saved = answer.json()["item"]
                        assert saved["text"] == text and saved["version"] == version + 1
                        accepted.append((item, saved["version"], text))
                    else:
                        refused.append(answer.status)

        started = time.monotonic()
        workers = [threading.Thread(target=work, args=(n,)) for n in range(THREADS)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=max(1.0, DEADLINE - (time.monotonic() - started)))
        assert not any(w.is_alive() for w in workers), "the edits did not finish in time"
        elapsed = time.monotonic() - started
        finals = {item: server.item(item) for item in items}
    assert len(accepted) + len(refused) == THREADS * EDITS_PER_THREAD
    assert set(refused) <= {409}, refused
    assert len(accepted) >= len(items) and elapsed < DEADLINE
    store = ReviewStore(run_copy.cache, run_copy.out)
    logged = [(a.item, a.version, a.new) for a in store.actions()]
    store.close()
    assert sorted(logged) == sorted(accepted)  # every accepted edit, and nothing else
    versions: dict[str, list[int]] = defaultdict(list)
    for item, version, _ in logged:
        versions[item].append(version)
    for item, seen in versions.items():
        assert sorted(seen) == list(range(1, len(seen) + 1)), item  # no version twice or lost
        last = max(accepted, key=lambda a: (a[0] == item, a[1]))
        assert finals[item]["text"] == last[2] and finals[item]["version"] == len(seen)
