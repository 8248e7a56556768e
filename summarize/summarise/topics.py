"""Topics for brief items: funding, infrastructure, partnerships … by keyword stems.

A fixed, readable lexicon rather than a model: a reviewer can see why an item was filed where
it was (:func:`topic_of` returns the words that decided it), and the result does not change
between runs or machines. Stems are Snowball stems (``summarize.summarise.text.stem``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from summarize.summarise.text import content_terms

OTHER = "other"

#: How each topic is headed in the brief.
TITLES = {"funding": "Funding", "infrastructure": "Infrastructure",
          "partnerships": "Partnerships and deals", "products": "Products",
          "policy": "Policy and regulation", "company": "The company",
          "competition": "Competition", OTHER: "Other"}

#: Topic → keyword stems, in the order topics are listed when counts tie.
TOPICS: dict[str, frozenset[str]] = {
    "funding": frozenset("""
        fund fundrais rais round valuat valu invest investor financ capit ipo stake backer
        unicorn equiti lend loan
    """.split()),
    "infrastructure": frozenset("""
        data datacent centr center comput gpu chip cluster supercomput server cloud energi
        power megawatt mw gigawatt gw infrastructur facil nvidia
    """.split()),
    "partnerships": frozenset("""
        partner partnership agreement deal collabor allianc contract sign cooper joint
        acquisit acquir merger buy purchas takeov
    """.split()),
    "products": frozenset("""
        model launch releas assist chatbot product app version feature open-sourc
        languag multimod reason agent
    """.split()),
    "policy": frozenset("""
        regul law govern minist ministri parliament act sovereignti sovereign commiss polici
        presid senat legisl
    """.split()),
    "company": frozenset("""
        founder found ceo employe staff hire headquart team
    """.split()),
    "competition": frozenset("""
        competitor rival compet market openai anthrop googl meta race
    """.split()),
}


def topic_of(texts: Iterable[str]) -> tuple[str, tuple[str, ...]]:
    """The topic of a fact given its sentences, and the keywords that decided it.

    Each sentence votes with its distinct keyword stems; the topic with the most votes wins,
    ties going to the earlier topic of :data:`TOPICS`; with no keyword the topic is ``other``.
    """
    votes: Counter[str] = Counter()
    matched: dict[str, set[str]] = {}
    for text in texts:
        terms = set(content_terms(text))
        for topic, keywords in TOPICS.items():
            hits = terms & keywords
            votes[topic] += len(hits)
            matched.setdefault(topic, set()).update(hits)
    order = list(TOPICS)
    best = max(order, key=lambda t: (votes[t], -order.index(t)))
    if votes[best] == 0:
        return OTHER, ()
    return best, tuple(sorted(matched[best]))


def sections(topics: Sequence[str | None]) -> list[tuple[str, list[int]]]:
    """Ranked items grouped by topic: ``(title, item indices)``, topics in the order of their
    best-ranked item (how the brief is laid out)."""
    grouped: dict[str, list[int]] = {}
    for index, topic in enumerate(topics):
        grouped.setdefault(topic or OTHER, []).append(index)
    return [(TITLES.get(topic, topic.capitalize()), indices) for topic, indices in grouped.items()]
