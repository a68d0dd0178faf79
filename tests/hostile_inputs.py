"""Hostile inputs, made on demand: oversized, malformed, bombs and special files.

Each maker writes one input under ``folder`` and returns its path. ``scale`` shrinks the full
size the issue measured (1.0) to what a unit test can afford; the fuzz tests use small scales
with lowered limits, ``benchmarks/hostile.py`` the full sizes with the default limits.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable
from pathlib import Path

# Two small good articles that should be used whatever bad input sits beside them.
GOOD = {
    "good-gazette.txt": (
        "Title: Harbour wall repaired after winter storms\nOutlet: Harbour Gazette\n\n"
        "Workers finished repairing the harbour wall at Port Lenning on Monday, six weeks after storms broke it.\n\n"
        "The council said the repair cost 1.2 million pounds and was paid from its emergency fund.\n\n"
        '"The wall is stronger than it was," said engineer Dana Whitlow.\n'
    ),
    "good-courier.txt": (
        "Title: Port Lenning harbour wall reopens\nOutlet: Coast Courier\n\n"
        "The harbour wall at Port Lenning reopened on Monday after repairs to storm damage.\n\n"
        "According to the council, the work cost 1.2 million pounds from the emergency fund.\n\n"
        "Engineer Dana Whitlow said the new wall would withstand larger waves.\n"
    ),
}
GOOD_OUTLETS = ("Harbour Gazette", "Coast Courier")


def write_good(folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    return paths


def _txt(folder: Path, name: str, body: str) -> str:
    path = folder / name
    with path.open("w", encoding="utf-8") as out:
        out.write("Title: A hostile article\nOutlet: Hostile Herald\n\n")
        out.write(body)
    return str(path)


def long_token(folder: Path, scale: float) -> str:
    return _txt(folder, "token.txt", "x" * int(1_000_000 * scale) + "\n")


def long_sentence(folder: Path, scale: float) -> str:
    return _txt(folder, "sentence.txt", "word " * int(200_000 * scale) + "\n")


def many_short_sentences(folder: Path, scale: float) -> str:
    return _txt(folder, "sentences.txt", "It rained. " * int(100_000 * scale) + "\n")


def abbreviation_run(folder: Path, scale: float) -> str:
    # every break Punkt makes after "Prop." is undone by a rule: one long sentence grown break by break (the
    # splitter was quadratic on it: 5.5 s for 60 KB at stop 25)
    body = " ".join(f"Prop. {n} went to Rd. {n + 7} and" for n in range(max(2, int(2_400 * scale))))
    return _txt(folder, "references.txt", body + " the council met.\n")


def huge_line(folder: Path, scale: float) -> str:
    path = folder / "line.txt"
    block = "The storm went on. " * 1000
    with path.open("w", encoding="utf-8") as out:
        out.write("Title: A hostile article\nOutlet: Hostile Herald\n\n")
        for _ in range(max(1, int(50_000_000 * scale) // len(block))):
            out.write(block)
        out.write("\n")
    return str(path)


def _gzip_nul(folder: Path, scale: float, name: str) -> str:
    # NUL bytes compress about 1,000 to 1: 200 KB of gzip unpacks to some 200 MB.
    path = folder / name
    with gzip.open(path, "wb", compresslevel=9) as out:
        chunk = b"\x00" * (1 << 20)
        for _ in range(max(1, int(200 * scale))):
            out.write(chunk)
    return str(path)


def gzip_nul_warc(folder: Path, scale: float) -> str:
    return _gzip_nul(folder, scale, "bomb.warc.gz")


def jsonl_bad_records(folder: Path, scale: float) -> str:
    """Bad lines (a 400-digit date, a lone surrogate, a raw NUL byte) between good ones."""
    good = {"text": "The ferry left Port Lenning at noon on Monday with 80 passengers.", "outlet": "Line Post"}
    lines = [
        json.dumps({"text": "A story with an absurd date.", "published": "9" * 400}),
        '{"text": "A story with a lone surrogate \\ud800 in it.", "title": "\\udfff"}',
        json.dumps({"text": "A story with a raw NUL byte.\u0000 In it."}, ensure_ascii=False).replace(
            "\\u0000", "\x00"
        ),
        json.dumps(good),
    ]
    path = folder / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    return str(path)


def feed_surrogate(folder: Path, scale: float) -> str:
    path = folder / "surrogate.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile Herald</title>'
        "<item><title>Bad &#xD800; entry</title><description>Text with &#xD800; a lone surrogate in it, "
        "long enough to count as an article about the harbour.</description></item>"
        "<item><title>Good entry</title><description>The ferry service to Port Lenning resumed on Tuesday "
        "after the harbour wall was repaired.</description></item></channel></rss>",
        encoding="utf-8",
    )
    return str(path)


def huge_feed(folder: Path, scale: float) -> str:
    path = folder / "huge.rss"
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile Herald</title>')
        for n in range(max(2, int(10_000 * scale))):
            out.write(
                f"<item><title>Entry {n}</title><link>https://hostile.example/{n}</link><description>"
                f"Item {n} says the council met on day {n} to discuss the harbour budget of {n} pounds."
                "</description></item>"
            )
        out.write("</channel></rss>")
    return str(path)


def many_articles(folder: Path, scale: float) -> str:
    target = folder / "many"
    target.mkdir()
    for n in range(max(2, int(5_000 * scale))):
        (target / f"a{n:05d}.txt").write_text(
            f"Title: Council item {n}\nOutlet: Outlet {n % 50}\n\n"
            f"The council approved item {n} on Monday, worth {n} thousand pounds, after a short debate.\n",
            encoding="utf-8",
        )
    return str(target)


def many_quotes(folder: Path, scale: float) -> str:
    body = ('He said "yes" and "no" again. ' * int(2_500 * scale)) + "\n"
    return _txt(folder, "quotes.txt", body)


def fifo(folder: Path, scale: float) -> str:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return str(path)


def dev_zero(folder: Path, scale: float) -> str:
    path = folder / "zero.txt"
    path.symlink_to("/dev/zero")
    return str(path)


def control_characters(folder: Path, scale: float) -> str:
    path = folder / "controls.txt"
    path.write_text(
        "Title: Bell \x07 and escape \x1b[31mred\x1b[0m title\nOutlet: Hostile Herald\n\n"
        "The harbour wall at Port Lenning \x1b]0;owned\x07 reopened on Monday after repairs to storm damage.\n",
        encoding="utf-8",
    )
    return str(path)


# name -> (maker, what it is)
MAKERS: dict[str, tuple[Callable[[Path, float], str], str]] = {
    "long-token": (long_token, "a 1 MB token"),
    "long-sentence": (long_sentence, "a 200,000-word sentence"),
    "short-sentences": (many_short_sentences, "100,000 short sentences in one paragraph"),
    "abbreviation-run": (abbreviation_run, "a 75 KB paragraph of 2,400 'Prop. 4 went to Rd. 11 and'"),
    "huge-line": (huge_line, "a 50 MB line"),
    "gzip-nul-warc": (gzip_nul_warc, "200 MB of NUL bytes gzipped and named .warc.gz"),
    "jsonl-bad-records": (jsonl_bad_records, "JSONL: a 400-digit date, lone surrogates, a raw NUL, a good line"),
    "feed-surrogate": (feed_surrogate, "a feed entry with &#xD800;"),
    "huge-feed": (huge_feed, "a 10,000-entry feed"),
    "many-articles": (many_articles, "a folder of 5,000 articles"),
    "many-quotes": (many_quotes, "an article with 10,000 quotation marks"),
    "fifo": (fifo, "a FIFO named .txt"),
    "dev-zero": (dev_zero, "a link to /dev/zero named .txt"),
    "control-characters": (control_characters, "ESC and BEL in a title and text"),
}
