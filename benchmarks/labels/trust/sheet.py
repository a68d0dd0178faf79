"""Reviewers' tool for the trust labels: print a story's sentences, check a labelling, build the label files.

    python benchmarks/labels/trust/sheet.py list
    python benchmarks/labels/trust/sheet.py show STORY          # the articles, every sentence numbered
    python benchmarks/labels/trust/sheet.py check STORY         # is WORK/STORY.*.jsonl complete and valid?
    python benchmarks/labels/trust/sheet.py build               # WORK/*.jsonl -> support.jsonl, quotes.jsonl
    python benchmarks/labels/trust/sheet.py append STORY...     # add finished stories to those files

WORK is ``$TRUST_WORK`` (default ``/work/labelwork/out``): the reviewers' own files, which hold
the words they looked for (to place quotes) and stay out of the repository. The built files hold
ids, offsets and labels only.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from labels.trust.stories import HERE, LabelStory, Row, load_stories, segment

WORK = Path(os.environ.get("TRUST_WORK", "/work/labelwork/out"))
LABELS = {"full", "partial", "none", "contradicts"}
KINDS = {"person", "organisation", "unknown", "group"}
CUES = {"said", "told", "wrote", "according to", "other"}
CONFLICT_KINDS = {"name", "value", "event"}
APART = {"full", "partial", "none"}


def _story(story_id: str) -> LabelStory:
    stories = load_stories()
    if stories is None:
        sys.exit("../shared/data is absent")
    for story in stories:
        if story.id == story_id:
            return story
    sys.exit(f"no story {story_id}")


def show(story: LabelStory) -> None:
    print(f"STORY {story.id}: {len(story.articles)} articles (docs 0..{len(story.articles) - 1})")
    for d, article in enumerate(story.articles):
        print(
            f"\n=== DOC {d} · outlet: {article.outlet} · title: {article.title or '-'} · "
            f"published: {article.published or '-'}"
        )
        text, last_line = article.text, None
        for s, (start, end) in enumerate(segment(text)):
            line = text.count("\n", 0, start)
            if last_line is not None and line != last_line:
                print()
            last_line = line
            print(f"[{d}.{s}] {text[start:end]}")


def _locate(text: str, start: int, row: Row) -> tuple[int, int] | str:
    """Offsets of a quotation from its exact words, or from its first and last words."""
    if "quote" in row:
        at = text.find(row["quote"], start)
        return (at, at + len(row["quote"])) if at >= 0 else f"quote not found verbatim after sentence start: {row}"
    begin = text.find(row.get("from", "\x00"), start)
    if begin < 0:
        return f"'from' words not found verbatim after sentence start: {row}"
    end = text.find(row.get("to", "\x00"), begin)
    if end < 0:
        return f"'to' words not found verbatim after 'from': {row}"
    return begin, end + len(row["to"])


def _read(path: Path) -> list[Row]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _conflict_ids(conflict: Row) -> str | list[str] | None:
    """The disagreements a pair of sentences holds: one id, or a list when it holds two (a vote and a day given
    differently); ``also`` names a second one as some reviewers wrote it. None when malformed."""
    ids: list[object] = []
    for key in ("id", "also"):
        value = conflict.get(key)
        ids += value if isinstance(value, list) else [value] if value is not None else []
    if not all(isinstance(i, str) for i in ids):
        return None
    unique = [str(i) for i in dict.fromkeys(ids)]
    return unique[0] if len(unique) == 1 else unique or None  # type: ignore[return-value]


def check(story: LabelStory) -> tuple[list[str], list[Row], list[Row]]:
    """(problems, support rows, quote rows) of a story's work files."""
    problems: list[str] = []
    sentences = [segment(a.text) for a in story.articles]
    docs = range(len(story.articles))
    given = {(r.get("doc"), r.get("sent")): r for r in _read(WORK / f"{story.id}.support.jsonl")}
    support_rows = []
    for d in docs:
        for s, (start, end) in enumerate(sentences[d]):
            row = given.pop((d, s), None)
            if row is None:
                problems.append(f"sentence {d}.{s} not judged")
                continue
            info = row.get("info")
            if info not in (True, False):
                problems.append(f"{d}.{s}: info must be true or false")
                continue
            support: dict[str, dict[str, object]] = {}
            if info:
                judged = row.get("support") or {}
                for other in docs:
                    if other == d:
                        continue
                    verdict = judged.get(str(other))
                    if not (isinstance(verdict, list) and len(verdict) == 2 and verdict[0] in LABELS):
                        problems.append(f"{d}.{s}: support for doc {other} must be [label, [sentence numbers]]")
                        continue
                    label, by = verdict
                    if label == "none" and by:
                        problems.append(f"{d}.{s}: 'none' for doc {other} lists sentences")
                    if label != "none" and not by:
                        problems.append(f"{d}.{s}: '{label}' for doc {other} names no sentence")
                    if any(not isinstance(b, int) or not 0 <= b < len(sentences[other]) for b in by):
                        problems.append(f"{d}.{s}: doc {other} has no sentence {by}")
                    entry: dict[str, object] = {"label": label, "by": sorted(by)}
                    via = (row.get("via") or {}).get(str(other))
                    if via:
                        entry["via"] = via
                    conflict = (row.get("conflict") or {}).get(str(other)) or {}
                    if label == "contradicts":
                        if conflict.get("kind") not in CONFLICT_KINDS or conflict.get("apart") not in APART:
                            problems.append(f"{d}.{s}: contradicts doc {other} needs conflict kind and apart")
                        ids = _conflict_ids(conflict)
                        if ids is None:
                            problems.append(f"{d}.{s}: a conflict id must be a string or a list of strings")
                        entry.update(kind=conflict.get("kind"), apart=conflict.get("apart"), conflict=ids)
                    support[str(other)] = entry
            support_rows.append(
                {"story": story.id, "doc": d, "sent": s, "start": start, "end": end, "info": info, "support": support}
            )
    problems.extend(f"no sentence {key}" for key in given)
    quote_rows = []
    for row in _read(WORK / f"{story.id}.quotes.jsonl"):
        d, s = row.get("doc"), row.get("sent")
        if d not in docs or not isinstance(s, int) or not 0 <= s < len(sentences[d]):
            problems.append(f"quote with a bad doc/sent: {row}")
            continue
        found = _locate(story.articles[d].text, sentences[d][s][0], row)
        if isinstance(found, str):
            problems.append(found)
            continue
        if row.get("speaker_kind") not in KINDS or row.get("cue") not in CUES:
            problems.append(f"quote with a bad speaker_kind or cue: {row}")
            continue
        quote_rows.append(
            {
                "story": story.id,
                "doc": d,
                "start": found[0],
                "end": found[1],
                "speaker": row.get("speaker"),
                "speaker_kind": row["speaker_kind"],
                "cue": row["cue"],
            }
        )
    return problems, support_rows, quote_rows


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else "list"
    if command == "list":
        for story in load_stories() or []:
            print(story.id, story.dataset, story.split, len(story.articles))
    elif command == "show":
        show(_story(sys.argv[2]))
    elif command == "check":
        problems, support, quotes = check(_story(sys.argv[2]))
        print("\n".join(problems) or f"ok: {len(support)} sentences, {len(quotes)} quotes")
        sys.exit(1 if problems else 0)
    elif command == "append":  # add finished stories to the built files, beside the ones already there
        support_all, quotes_all = [], []
        for story_id in sys.argv[2:]:
            problems, support, quotes = check(_story(story_id))
            if problems:
                sys.exit(f"{story_id}: {len(problems)} problems, e.g. {problems[0]}")
            support_all += support
            quotes_all += quotes
        done = {json.loads(line)["story"] for line in (HERE / "support.jsonl").read_text("utf-8").splitlines()}
        if done & set(sys.argv[2:]):
            sys.exit(f"already built: {sorted(done & set(sys.argv[2:]))}")
        for name, rows in (("support.jsonl", support_all), ("quotes.jsonl", quotes_all)):
            with (HERE / name).open("a", encoding="utf-8") as out:
                out.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
        print(f"{len(support_all)} sentences, {len(quotes_all)} quotes appended")
    elif command == "build":
        support_all, quotes_all, bad = [], [], 0
        for story in load_stories() or []:
            problems, support, quotes = check(story)
            if problems:
                bad += 1
                print(f"{story.id}: {len(problems)} problems, e.g. {problems[0]}")
                continue
            support_all += support
            quotes_all += quotes
        for name, rows in (("support.jsonl", support_all), ("quotes.jsonl", quotes_all)):
            (HERE / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
        print(f"{len(support_all)} sentences, {len(quotes_all)} quotes; {bad} stories incomplete")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
