#!/usr/bin/env python3
"""Consistency checker for the second blind brief set, blind2 (standard library only).

Adapted from the checker of the first blind set (data/brief_eval_blind/check.py).

Checks:
  * every story lists 3+ articles that exist, come from different outlets, and have
    front matter (date ISO, title, outlet, url, author), a '# headline' line equal to the title,
    4-12 paragraphs and 8-15 sentences; no outlet is used twice in the whole set;
  * every article has an article record with 3-5 key facts, each found exactly once in its body;
  * every figure: unique id, known doc, context found exactly once in the body, text inside
    the context;
  * every pair: both figures exist, belong to different articles of the same story, the verdict
    is known, non-'unrelated' verdicts share subject and measure, 'unrelated' ones do not;
  * every cross-article pair of figures of one story with the same subject and measure is
    labelled, and no pair is labelled twice.
Then prints counts, and (as warnings, not errors) numbers in the bodies that no figure covers,
so that a forgotten figure is easy to spot (the headline line is not searched: its figures
repeat figures of the body and are not labelled separately).

Usage: python3 data/brief_eval_blind2/check.py   (exit status 1 on any error)
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
VERDICTS = {"same_fact", "disagreement", "update", "not_comparable", "unrelated"}
FIELDS = {
    "story": {"type", "story", "domain", "split", "articles"},
    "article": {"type", "doc", "story", "key_facts"},
    "figure": {"type", "id", "doc", "text", "context", "subject", "measure", "note"},
    "pair": {"type", "story", "a", "b", "verdict", "note"},
}
FRONT_KEYS = ["date", "title", "outlet", "url", "author"]

errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def read_article(path: Path) -> tuple[dict, str]:
    raw = path.read_text(encoding="utf-8")
    m = re.match(r"---\n(.*?)\n---\n(.*)\Z", raw, re.S)
    if not m:
        err(f"{path.name}: no front matter")
        return {}, raw
    meta = {}
    for line in m.group(1).splitlines():
        key, _, value = line.partition(":")
        value = value.strip()
        if value.startswith('"') and value.endswith('"'):
            value = value[1:-1]
        meta[key.strip()] = value
    return meta, m.group(2)


def main(folder: Path = HERE, split: str = "blind2", first: bool = False) -> int:
    """Check one set (this folder by default; the checkers of blind, blind3 and blind4 run it
    on their own folders with their own split names). ``first``: the looser limits the first
    blind set was written to (4-9 paragraphs, 2-5 key facts, no sentence, url or outlet checks,
    headline numbers counted as uncovered)."""
    articles = folder / "articles"
    labels = folder / "labels.jsonl"
    records = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_type = defaultdict(list)
    for rec in records:
        t = rec.get("type")
        if t not in FIELDS:
            err(f"unknown record type: {rec}")
            continue
        if set(rec) != FIELDS[t]:
            err(f"{t} record has fields {sorted(rec)}, expected {sorted(FIELDS[t])}: {rec}")
        by_type[t].append(rec)

    # --- stories and articles -------------------------------------------------------------
    bodies: dict[str, str] = {}
    doc_story: dict[str, str] = {}
    story_domain: dict[str, str] = {}
    all_outlets: set = set()
    for s in by_type["story"]:
        if s["split"] != split:
            err(f"story {s['story']}: split {s['split']!r}")
        story_domain[s["story"]] = s["domain"]
        outlets = []
        if len(s["articles"]) < 3:
            err(f"story {s['story']}: fewer than 3 articles")
        for doc in s["articles"]:
            if doc in doc_story:
                err(f"{doc} in two stories")
            doc_story[doc] = s["story"]
            path = articles / f"{doc}.md"
            if not path.exists():
                err(f"{doc}: file missing")
                continue
            meta, body = read_article(path)
            if list(meta) != FRONT_KEYS:
                err(f"{doc}: front matter keys {list(meta)}")
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.get("date", "")):
                err(f"{doc}: date {meta.get('date')!r} not ISO")
            outlets.append(meta.get("outlet"))
            paras = [p for p in re.split(r"\n\s*\n", body.strip()) if p.strip()]
            if not paras or not paras[0].startswith("# "):
                err(f"{doc}: no '# headline' line")
            elif paras[0][2:].strip() != meta.get("title"):
                err(f"{doc}: headline differs from title")
            if not 4 <= len(paras) - 1 <= (9 if first else 12):
                err(f"{doc}: {len(paras) - 1} paragraphs")
            bodies[doc] = body
            if first:
                continue
            text = "\n".join(paras[1:])
            text = re.sub(r"\b(?:a\.m|p\.m|Sept|Dr|U\.S|S)\.", "X", text)
            n_sent = len(re.findall(r"[.!?][\"\u201d]?(?=\s|$)", text))
            if not 8 <= n_sent <= 15:
                err(f"{doc}: {n_sent} sentences (want 8-15)")
            if meta.get("url", "").rsplit("/", 1)[-1] != doc:
                err(f"{doc}: url does not end with the doc name")
            if meta.get("outlet") in all_outlets:
                err(f"{doc}: outlet {meta.get('outlet')!r} used twice in the set")
            all_outlets.add(meta.get("outlet"))
        if len(set(outlets)) != len(outlets):
            err(f"story {s['story']}: two articles from one outlet")
    for path in articles.glob("*.md"):
        if path.stem not in doc_story:
            err(f"{path.name}: not in any story")

    key_fact_count = 0
    seen_article = set()
    for a in by_type["article"]:
        doc = a["doc"]
        seen_article.add(doc)
        if doc_story.get(doc) != a["story"]:
            err(f"article {doc}: story {a['story']} does not list it")
        if not (2 if first else 3) <= len(a["key_facts"]) <= 5:
            err(f"article {doc}: {len(a['key_facts'])} key facts")
        for kf in a["key_facts"]:
            key_fact_count += 1
            n = bodies.get(doc, "").count(kf)
            if n != 1:
                err(f"article {doc}: key fact {kf!r} found {n} times in the body (want exactly once)")
    for doc in doc_story:
        if doc not in seen_article:
            err(f"{doc}: no article record")

    # --- figures --------------------------------------------------------------------------
    figs: dict[str, dict] = {}
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for f in by_type["figure"]:
        fid, doc = f["id"], f["doc"]
        if fid in figs:
            err(f"figure id {fid} twice")
        figs[fid] = f
        if not fid.startswith(doc + "."):
            err(f"figure {fid}: id does not start with its doc")
        body = bodies.get(doc)
        if body is None:
            err(f"figure {fid}: unknown doc {doc}")
            continue
        n = body.count(f["context"])
        if n != 1:
            err(f"figure {fid}: context {f['context']!r} found {n} times in {doc}")
        if f["text"] not in f["context"]:
            err(f"figure {fid}: text {f['text']!r} not in context {f['context']!r}")
        if n == 1:
            start = body.index(f["context"]) + f["context"].index(f["text"])
            covered[doc].append((start, start + len(f["text"])))
        for k in ("subject", "measure"):
            if not f[k].strip():
                err(f"figure {fid}: empty {k}")

    # --- pairs ----------------------------------------------------------------------------
    labelled: dict[frozenset, dict] = {}
    for p in by_type["pair"]:
        a, b = figs.get(p["a"]), figs.get(p["b"])
        if a is None or b is None:
            err(f"pair {p['a']} / {p['b']}: unknown figure")
            continue
        key = frozenset((p["a"], p["b"]))
        if key in labelled:
            err(f"pair {p['a']} / {p['b']} labelled twice")
        labelled[key] = p
        if a["doc"] == b["doc"]:
            err(f"pair {p['a']} / {p['b']}: same article")
        if not (doc_story.get(a["doc"]) == doc_story.get(b["doc"]) == p["story"]):
            err(f"pair {p['a']} / {p['b']}: not both in story {p['story']}")
        if p["verdict"] not in VERDICTS:
            err(f"pair {p['a']} / {p['b']}: verdict {p['verdict']!r}")
        same = a["subject"] == b["subject"] and a["measure"] == b["measure"]
        if p["verdict"] == "unrelated" and same:
            err(f"pair {p['a']} / {p['b']}: unrelated but same subject and measure")
        if p["verdict"] != "unrelated" and not same:
            err(f"pair {p['a']} / {p['b']}: {p['verdict']} but subject/measure differ "
                f"({a['subject']}/{a['measure']} vs {b['subject']}/{b['measure']})")

    groups = defaultdict(list)
    for f in figs.values():
        groups[(doc_story.get(f["doc"]), f["subject"], f["measure"])].append(f)
    missing = 0
    for (story, subj, meas), members in sorted(groups.items(), key=lambda kv: str(kv[0])):
        for x, y in combinations(members, 2):
            if x["doc"] != y["doc"] and frozenset((x["id"], y["id"])) not in labelled:
                missing += 1
                err(f"unlabelled pair in {story}: {x['id']} ({x['text']}) / {y['id']} ({y['text']})"
                    f" [{subj} | {meas}]")

    # --- coverage warnings ----------------------------------------------------------------
    warnings = []
    num = re.compile(r"\d[\d,.]*")
    for doc, body in sorted(bodies.items()):
        spans = covered[doc]
        head_end = -1 if first else body.find("\n", body.find("# "))
        for m in num.finditer(body):
            if m.start() < head_end:
                continue
            if not any(s <= m.start() < e for s, e in spans):
                line = body[max(0, m.start() - 30): m.end() + 30].replace("\n", " ")
                warnings.append(f"{doc}: uncovered number {m.group()!r} in …{line}…")

    # --- report ---------------------------------------------------------------------------
    verdicts = Counter(p["verdict"] for p in by_type["pair"])
    domains = Counter(story_domain.values())
    per_domain = defaultdict(Counter)
    for p in by_type["pair"]:
        per_domain[story_domain.get(p["story"])][p["verdict"]] += 1
    fig_domain = Counter(story_domain.get(doc_story.get(f["doc"])) for f in figs.values())

    print(f"stories: {len(by_type['story'])}  articles: {len(bodies)}  domains: {len(domains)}")
    print(f"figures: {len(figs)}  pairs: {len(by_type['pair'])}  key facts: {key_fact_count}")
    print("pairs per verdict: " + ", ".join(f"{v} {verdicts[v]}" for v in sorted(VERDICTS)))
    print("per domain (stories, figures, verdicts):")
    for d in sorted(domains):
        c = per_domain[d]
        print(f"  {d:<10} {domains[d]} stories, {fig_domain[d]:>3} figures; "
              + ", ".join(f"{v} {c[v]}" for v in sorted(VERDICTS)))
    if "-v" in sys.argv:
        for w in warnings:
            print("warning:", w)
    else:
        print(f"{len(warnings)} uncovered numbers (dates, clock times ...); -v lists them")
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} errors ({missing} unlabelled pairs)")
    return 1 if errors else 0


if __name__ == "__main__":
    # "check.py [-v]" checks this set; "check.py FOLDER SPLIT [--first] [-v]" another one
    # (data/brief_eval_blind, blind3 and blind4 call it so).
    named = [a for a in sys.argv[1:] if a not in {"-v", "--first"}]
    sys.exit(main(Path(named[0]).resolve(), named[1], "--first" in sys.argv)
             if len(named) == 2 else main())
