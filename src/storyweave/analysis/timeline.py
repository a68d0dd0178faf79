"""Timeline: dated events, in order, with the sources that report them.

Dates are read from each sentence (see ``dates``). Reports of the same event on the same date by several
articles become one entry: sentences with the same date of which one supports the other.
"""

from __future__ import annotations

from datetime import date

from storyweave.analysis.support import Support
from storyweave.models import TimelineEvent


def build_timeline(support: Support) -> list[TimelineEvent]:
    """Dated events, one entry for the reports of one event on one date: sentences with the same date of which
    one supports the other (the support decision)."""
    matrix = support.matrix
    entries: list[tuple[date, date, str, str, list[int]]] = []
    for flat, atoms in enumerate(support.atoms):
        for start, end, precision, written, _ in atoms.dates:
            same = next(
                (e for e in entries if (e[0], e[1]) == (start, end) and support.linked(e[4][0], flat)),
                None,
            )
            if same is not None:
                if all(int(matrix.owner[i]) != int(matrix.owner[flat]) for i in same[4]):
                    same[4].append(flat)
            else:
                entries.append((start, end, precision, written, [flat]))
    entries.sort(key=lambda e: (e[0], e[1], e[4][0]))
    return [
        TimelineEvent(
            start=start.isoformat(),
            end=end.isoformat(),
            precision=precision,
            when=written,
            text=matrix.sentences[flats[0]].text,
            sources=sorted(int(matrix.owner[i]) + 1 for i in flats),
            evidence=[matrix.evidence(flats[0])]
            + [
                matrix.evidence(i, float(matrix.match[flats[0], i]), support.linked(flats[0], i) or "full")
                for i in flats[1:]
            ],
        )
        for start, end, precision, written, flats in entries
    ]
