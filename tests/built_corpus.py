"""A corpus the tests build: invented events, each told by several outlets, as JSON Lines and a WARC file.

One event is reported on both sides of a time-partition edge, so the corpus job must join it across the
edge; one article is a wire copy run by a second site.
"""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PARTITION_DAYS = 7
# a partition edge (partitions are counted from the Unix epoch), and a day either side of it
EDGE = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(days=PARTITION_DAYS * (20_510 // PARTITION_DAYS))

EVENTS: dict[str, list[str]] = {
    "ferry": [
        "The ferry Saltmarsh Star ran aground on a sandbank outside Kelby harbour on Monday morning.",
        "All 143 passengers were taken off by lifeboat crews, the coastguard said.",
        "Captain Ines Marrow told reporters the tide had fallen faster than the charts predicted.",
        "The operator, Greyline Ferries, has suspended the Kelby crossing until the hull is inspected.",
        "Harbour master Tomas Reyle said the channel would be dredged before the summer season.",
    ],
    "library": [
        "Fire destroyed the east wing of the Orland city library late on Tuesday night.",
        "Firefighters from three stations fought the blaze for six hours before it was under control.",
        "Librarian Beatrix Hollam said most of the rare map collection had been moved to a vault last year.",
        "Police said the cause of the fire was not yet known and that an investigation had begun.",
        "The city council promised to rebuild the wing and reopen the reading rooms within two years.",
    ],
    "strike": [
        "Bus drivers in Denholm walked out on Wednesday in a dispute over shift patterns.",
        "The Transit Workers Guild said 900 of its members had joined the strike.",
        "Guild secretary Owen Caddick said drivers were working thirteen-hour days without proper breaks.",
        "Denholm Transport said it had offered a new rota and called the walkout unnecessary.",
        "Schools warned parents that pupils might arrive late while the buses were off the road.",
    ],
    "orchard": [
        "A late frost has wiped out most of the apple blossom in the Vell valley orchards.",
        "Growers estimate the harvest will be a third of last year's crop.",
        "Farmer Greta Lund said she had never seen frost so late in the spring in forty years.",
        "The growers' cooperative asked the regional government for emergency support.",
        "Cider makers in the valley said they would have to buy apples from abroad this autumn.",
    ],
}

# outlet -> (which sentences it carries, how it opens its headline)
OUTLETS: dict[str, tuple[list[int], str]] = {
    "Coast Courier": ([0, 1, 2, 3], "Latest:"),
    "Valley Post": ([0, 1, 3, 4], "Report:"),
    "Evening Ledger": ([0, 2, 3, 4], "News:"),
}

# event -> days from the edge each outlet published on (the ferry straddles the edge)
DAYS: dict[str, list[float]] = {"ferry": [-1.0, -0.5, 1.0], "library": [-5, -4.5, -4], "strike": [2, 2.5, 3]}
DAYS["orchard"] = [10, 10.5, 11]


def articles() -> list[dict[str, object]]:
    """The corpus as JSON records, each with its gold story."""
    records: list[dict[str, object]] = []
    for event, sentences in EVENTS.items():
        for (outlet, (chosen, lead)), day in zip(OUTLETS.items(), DAYS[event], strict=True):
            text = " ".join(sentences[i] for i in chosen)
            slug = outlet.lower().replace(" ", "-")
            records.append(
                {
                    "title": f"{lead} {sentences[0].split(',')[0][:70]}",
                    "text": text,
                    "outlet": outlet,
                    "url": f"https://{slug}.example/{event}",
                    "published": (EDGE + timedelta(days=day)).isoformat(),
                    "story": event,
                }
            )
    return records


def write_corpus(folder: Path) -> dict[str, str]:
    """Write the corpus (JSON Lines, plus the strike reports and a wire copy in a WARC file); url -> gold story."""
    folder.mkdir(parents=True, exist_ok=True)
    records = articles()
    in_warc = [r for r in records if r["story"] == "strike"]
    with open(folder / "articles.jsonl", "w", encoding="utf-8") as out:
        for record in records:
            if record not in in_warc:
                out.write(json.dumps(record) + "\n")
    copy = dict(in_warc[0], url="https://reprint.example/strike", outlet="Reprint Daily")
    with open(folder / "crawl.warc.gz", "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for record in [*in_warc, copy]:
            page = (
                f"<html><head><title>{record['title']}</title>"
                f'<meta property="article:published_time" content="{record["published"]}">'
                f'<meta property="og:site_name" content="{record["outlet"]}"></head>'
                f"<body><article><h1>{record['title']}</h1><p>{record['text']}</p></article></body></html>"
            ).encode()
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            warc = writer.create_warc_record(
                str(record["url"]),
                "response",
                payload=io.BytesIO(page),
                http_headers=http,
                warc_headers_dict={"WARC-Date": str(record["published"])[:19] + "Z"},
            )
            writer.write_record(warc)
    gold = {str(r["url"]): str(r["story"]) for r in records}
    gold[str(copy["url"])] = "strike"
    return gold
