"""The Markdown sections of the cross-source analysis: claims, facts, quotes, people, timeline, coverage and
how each outlet put it.

Each section returns ``None`` when the brief has no analysis or nothing for it, so a
brief made without analysis reads exactly as before.
"""

from __future__ import annotations

from storyweave.models import Analysis, Brief, Claim, FactGroup, Framing, Quote
from storyweave.render import _analysis_view as view
from storyweave.render._md import cite, escape, plural, shorten

MORE = "- … and {} more (see --format json)"


def _section(heading: str, lines: list[str]) -> str | None:
    return f"## {heading}\n\n" + "\n".join(lines) if lines else None


CLAIM_MARKS = {
    "disputed": "⚠ disputed",
    "corroborated": "✔ corroborated",
    "partly corroborated": "◐ partly corroborated",
    "single-source": "◦ only",
    "unconfirmed": "? not found elsewhere",
}


def _claim_line(claim: Claim, analysis: Analysis) -> str:
    lead = CLAIM_MARKS.get(claim.status, claim.status)
    if claim.status == "corroborated":
        lead += f" by {plural(claim.independent_sources, 'outlet')}"
    lead += f" {cite(claim.sources)}"
    notes = []
    if claim.partial_sources:
        notes.append(f"part in {cite(claim.partial_sources)}")
    if claim.contradicted_by:
        notes.append(f"differs in {cite(claim.contradicted_by)}")
    notes += [f"[{source}] credits [{via}]" for source, via in view.credited(claim)]
    if notes:
        lead += " (" + "; ".join(notes) + ")"
    return f"- {lead}: {escape(view.speaker_named(claim.text, claim.evidence, analysis))}"


def claims(brief: Brief) -> str | None:
    analysis = brief.analysis
    if analysis is None or not analysis.claims:
        return None
    lines = []
    for _status, group in view.claim_groups(analysis):
        lines += [_claim_line(c, analysis) for c in group[: view.CLAIMS_SHOWN]]
        if len(group) > view.CLAIMS_SHOWN:
            lines.append(MORE.format(len(group) - view.CLAIMS_SHOWN))
    return "\n\n".join(["## Claims", "\n".join(lines), *view.syndication_notes(analysis)])


def _fact_lines(group: FactGroup) -> list[str]:
    values = " · ".join(f"[{f.source}] {escape(f.text)}" for f in group.facts)
    lines = [f"- **{escape(view.fact_label(group))}**: {values}"]
    if group.status == "conflict":
        lines += [f"  - [{f.source}] “{escape(f.evidence.text)}”" for f in group.facts]
    return lines


def facts(brief: Brief) -> str | None:
    if brief.analysis is None:
        return None
    groups, hidden = view.shown_fact_groups(brief.analysis)
    lines = [line for group in groups for line in _fact_lines(group)]
    if lines and hidden:
        lines.append(MORE.format(hidden))
    return _section("Facts and conflicts", lines)


def _quote_block(quote: Quote) -> str:
    speaker = f" — **{escape(quote.speaker)}**" if quote.speaker and quote.speaker.strip() else ""
    lines = [f'> "{escape(quote.text)}"{speaker} {cite(quote.sources)}']
    for v in view.differing_variants(quote):
        cue = f" ({escape(v.cue)})" if v.cue and v.cue.strip() else ""
        lines.append(f'> - [{v.source}] "{escape(v.text)}"{cue}')
    if quote.attribution_differs:
        ways = " · ".join(f"{cite(numbers)} {escape(words)}" for words, numbers in view.attributions(quote))
        lines.append(f"> - attribution differs: {ways}")
    if quote.paraphrased_in:
        lines.append(f"> - paraphrased in {cite(e.source for e in quote.paraphrased_in)}")
    return "\n".join(lines)


def quotes(brief: Brief) -> str | None:
    if brief.analysis is None or not brief.analysis.quotes:
        return None
    blocks = [_quote_block(q) for q in brief.analysis.quotes[: view.QUOTES_SHOWN]]
    if len(brief.analysis.quotes) > view.QUOTES_SHOWN:
        blocks.append(MORE.format(len(brief.analysis.quotes) - view.QUOTES_SHOWN))
    return "## Quotes\n\n" + "\n\n".join(blocks)


def entities(brief: Brief) -> str | None:
    if brief.analysis is None:
        return None
    lines = []
    for entity in brief.analysis.entities[: view.ENTITIES_SHOWN]:
        head = f"- **{escape(entity.name)}** ({escape(entity.kind)}) {cite(entity.sources)}".rstrip()
        parts = [f"{escape(r.text)} {cite(r.sources)}" for r in view.merged_roles(entity)]
        if other := view.aliases(entity):
            parts.append("also " + ", ".join(f'"{escape(a)}"' for a in other))
        lines.append(f"{head} — {'; '.join(parts)}" if parts else head)
    if len(brief.analysis.entities) > view.ENTITIES_SHOWN:
        lines.append(MORE.format(len(brief.analysis.entities) - view.ENTITIES_SHOWN))
    return _section("People and organisations", lines)


def timeline(brief: Brief) -> str | None:
    if brief.analysis is None:
        return None
    events, hidden = view.timeline_events(brief.analysis)
    lines = []
    for event in events:
        when = f" ({escape(event.when)})" if event.when.strip() else ""
        span = view.date_span(event.start, event.end)
        lines.append(f"- {span}{when} — {escape(event.text)} {cite(event.sources)}".rstrip())
    if lines and hidden:
        lines.append(MORE.format(hidden))
    return _section("Timeline", lines)


def _quoted(ids: list[str], claims_by_id: dict[str, Claim]) -> list[str]:
    return [f"“{escape(shorten(claims_by_id[i].text))}”" if i in claims_by_id else escape(i) for i in ids]


def _coverage_lines(analysis: Analysis, outlets: dict[int, str]) -> list[str]:
    claims_by_id = {c.id: c for c in analysis.claims}
    lines = []
    for cov in sorted(analysis.coverage, key=lambda c: c.source):
        lines.append(f"- [{cov.source}] {escape(outlets.get(cov.source, f'Source {cov.source}'))}")
        if cov.only_here:
            shown = _quoted(cov.only_here[: view.ONLY_HERE_SHOWN], claims_by_id)
            rest = len(cov.only_here) - len(shown)
            lines.append("  - only here: " + " · ".join(shown) + (f" (+{rest} more)" if rest > 0 else ""))
        if cov.missing:
            shown = _quoted(cov.missing[: view.MISSING_SHOWN], claims_by_id)
            lead = f"  - leaves out {plural(len(cov.missing), 'corroborated claim')}"
            lines.append(f"{lead}, e.g. {' · '.join(shown)}" if len(cov.missing) > 1 else f"{lead}: {shown[0]}")
        if cov.syndicated_with:
            lines.append(f"  - ran the same copy as {cite(cov.syndicated_with)}")
        if not (cov.only_here or cov.missing or cov.syndicated_with):
            lines.append("  - carries every corroborated claim and nothing of its own")
    return lines


def coverage(brief: Brief) -> str | None:
    if brief.analysis is None:
        return None
    outlets = {s.number: s.outlet.strip() or "Unknown outlet" for s in brief.sources}
    return _section("Coverage by source", _coverage_lines(brief.analysis, outlets))


def _spaced(run: str) -> str:
    """A run of a headline escaped, with the spaces at its ends kept (they part it from the words in bold)."""
    return (" " if run[:1].isspace() else "") + escape(run) + (" " if run[-1:].isspace() and run.strip() else "")


def _framing_lines(framing: Framing, outlets: dict[int, str], claims_by_id: dict[str, Claim]) -> list[str]:
    lines = []
    if framing.headlines:
        lines.append("Headlines (in bold, words no other outlet uses in its headline or lead):\n")
        for headline in framing.headlines:
            text = "".join(f"**{escape(run)}**" if own else _spaced(run) for run, own in view.headline_runs(headline))
            lines.append(f"- [{headline.source}] {escape(outlets.get(headline.source, ''))}: {text}")
    if framing.wording:
        lines.append("\nSaid in other words:\n")
        for difference in framing.wording[: view.WORDING_SHOWN]:
            ways = " / ".join(f'"{escape(w.text)}" {cite(w.sources)}' for w in difference.wordings)
            claim = claims_by_id.get(difference.claim)
            lines.append(f"- {ways}" + (f" — in “{escape(shorten(claim.text))}”" if claim else ""))
        if len(framing.wording) > view.WORDING_SHOWN:
            lines.append(MORE.format(len(framing.wording) - view.WORDING_SHOWN))
    if framing.pieces:
        lines.append(
            "\nNot straight news (a summary sentence taken from one is quoted and labelled as its writer's words):\n"
        )
        for piece in framing.pieces:
            kind = view.PIECE_KINDS.get(piece.kind, piece.kind)
            lines.append(f"- [{piece.source}] {kind}: {escape('; '.join(piece.reasons))}")
    return lines


def framing(brief: Brief) -> str | None:
    if brief.analysis is None:
        return None
    outlets = {s.number: s.outlet.strip() or "Unknown outlet" for s in brief.sources}
    claims_by_id = {c.id: c for c in brief.analysis.claims}
    return _section("How each outlet put it", _framing_lines(brief.analysis.framing, outlets, claims_by_id))
