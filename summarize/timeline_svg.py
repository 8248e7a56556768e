"""A story's timeline of figures as a small inline SVG chart (no script, no external assets).

One row per measure (and unit): its dated figures as dots on a time axis shared by all rows,
higher values higher within the row, joined by a line, each labelled with the figure as
written. Disputed figures are drawn as hollow red dots. Figures without a date are not drawn
(the list beside the chart shows them). Built from a story's typed timeline entries (a loaded
``run.json`` is read back into them), so a run and ``summarize report run.json`` draw the same
chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from summarize.records import TimelineEntry

WIDTH = 640
LABEL_WIDTH = 150
ROW_HEIGHT = 64
TOP = 14
AXIS = 30
PALETTE = ("#1f6feb", "#8250df", "#1a7f37", "#bc4c00", "#0a7ea4", "#6e7781")


def _day(entry: TimelineEntry) -> date | None:
    raw = entry.date
    try:
        return date.fromisoformat(str(raw)) if raw else None
    except ValueError:
        return None


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def timeline_svg(entries: Sequence[TimelineEntry], title: str = "") -> str:
    """The chart of a story's timeline entries, or ``""`` when fewer than two are dated.

    Args:
        entries: A story's timeline entries (``measure``, ``date``, ``figure``, ``value``,
            ``unit``, ``note`` …).
        title: The story's title, for the chart's accessible name.
    """
    dated = [(e, d) for e in entries if (d := _day(e)) is not None]
    if len(dated) < 2:
        return ""
    rows: dict[tuple[str, str], list[tuple[TimelineEntry, date]]] = {}
    for entry, day in dated:
        rows.setdefault((str(entry.measure), str(entry.unit or "")), []).append(
            (entry, day))
    first = min(d for _, d in dated)
    last = max(d for _, d in dated)
    span = max((last - first).days, 1)
    plot = WIDTH - LABEL_WIDTH - 40
    height = TOP + ROW_HEIGHT * len(rows) + AXIS

    def x(day: date) -> float:
        if first == last:
            return LABEL_WIDTH + plot / 2
        return LABEL_WIDTH + 10 + plot * (day - first).days / span

    parts = [f'<svg class="timeline" role="img" '
             f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
             f'font-family="system-ui, sans-serif" font-size="11">',
             f"<title>{_e('Figures over time: ' + title if title else 'Figures over time')}"
             "</title>"]
    for index, ((measure, unit), points) in enumerate(rows.items()):
        color = PALETTE[index % len(PALETTE)]
        top = TOP + index * ROW_HEIGHT
        values = [float(e.value or 0.0) for e, _ in points]
        low, high = min(values), max(values)

        def y(value: float, top: int = top, low: float = low, high: float = high) -> float:
            if high == low:
                return top + ROW_HEIGHT / 2
            return top + ROW_HEIGHT - 14 - (ROW_HEIGHT - 28) * (value - low) / (high - low)

        label = measure + (f" ({unit})" if unit else "")
        parts.append(f'<text x="4" y="{top + ROW_HEIGHT / 2 + 4:.1f}" fill="#344054">'
                     f"{_e(label[:24])}</text>")
        parts.append(f'<line x1="{LABEL_WIDTH}" y1="{top + ROW_HEIGHT - 4}" x2="{WIDTH - 20}" '
                     f'y2="{top + ROW_HEIGHT - 4}" stroke="#d0d5dd"/>')
        ordered = sorted(points, key=lambda p: (p[1], float(p[0].value or 0.0)))
        coords = [(x(d), y(float(e.value or 0.0))) for e, d in ordered]
        if len(coords) > 1:
            path = " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in coords)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" '
                         'stroke-width="1.5"/>')
        seen: dict[date, int] = {}
        for (entry, day), (cx, cy) in zip(ordered, coords, strict=True):
            nth = seen.get(day, 0)  # figures of one day: labels alternate above and below
            seen[day] = nth + 1
            disputed = "disputed" in str(entry.note or "")
            fill, stroke = ("#fff", "#b42318") if disputed else (color, color)
            tip = f"{entry.figure} · {day.isoformat()} · {', '.join(entry.sources)}"
            parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" fill="{fill}" '
                         f'stroke="{stroke}" stroke-width="2"><title>{_e(tip)}</title>'
                         "</circle>")
            dy = -7 - 11 * (nth // 2) if nth % 2 == 0 else 15 + 11 * (nth // 2)
            anchor = "start" if cx < LABEL_WIDTH + 60 else "end" if cx > WIDTH - 80 else "middle"
            parts.append(f'<text x="{cx:.1f}" y="{cy + dy:.1f}" text-anchor="{anchor}" '
                         f'fill="#101828">{_e(str(entry.figure)[:22])}</text>')
    axis_y = TOP + ROW_HEIGHT * len(rows) + 16
    parts.append(f'<text x="{LABEL_WIDTH + 10}" y="{axis_y}" fill="#475467">'
                 f"{_e(first.isoformat())}</text>")
    if last != first:
        parts.append(f'<text x="{WIDTH - 20}" y="{axis_y}" text-anchor="end" fill="#475467">'
                     f"{_e(last.isoformat())}</text>")
    parts.append("</svg>")
    return "".join(parts)
