"""Write the demo crawl `src/thresher/samples/demo-crawl.warc.gz`: small synthetic pages that exercise a corpus run.

Every page is made up here (no crawled page is shipped). The crawl holds three sites whose pages share a menu and a
footer line (site boilerplate), an exact copy and a lightly edited copy of one article under other URLs (dedup),
pages the quality filters should reject (too short, repetitive, link lists), a German page, a page with contact
details (PII masking), a WET-style text record, and records a reader must reject: a 404, a redirect, an image and
a PDF. The output is byte-for-byte reproducible (fixed record ids, dates and gzip timestamps).

    python scripts/make_demo_crawl.py [OUTPUT]
"""

from __future__ import annotations

import gzip
import random
import sys
import uuid
from pathlib import Path

DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "src" / "thresher" / "samples" / "demo-crawl.warc.gz"
SEED = 20240101  # fixed: the demo crawl must come out the same every time

# Articles are built sentence by sentence from these parts (subject, what they said, when or why), each part used at
# most once per article, so pages of one site read differently (no accidental near duplicates) and no article
# repeats itself (the repetition filters would reject it).
SUBJECTS = [
    "The harbour master", "A retired teacher", "The new ferry captain", "Two local fishermen", "The council engineer",
    "A visiting geologist", "The owner of the corner bakery", "Several young volunteers", "The lifeboat coxswain",
    "An old boat builder", "The head of the parish council", "A farmer from the upper valley",
]
VERBS = [
    "explained on Monday that", "told a crowded meeting that", "wrote in a long letter that", "argued firmly that",
    "noticed only last week that", "recalled with a smile that", "warned the committee that", "admitted quietly that",
    "pointed out during the visit that", "said over coffee that",
]
ENDINGS = [
    "", " after the spring storms", " before the summer season began", " despite the rising costs",
    " according to the parish records", " for the first time in years", " while the road was closed",
    " as the evenings grew longer", " once the survey was complete", " in spite of several complaints",
]
TOPICS = {
    "harbour": [
        "the new breakwater had changed how the tide moves through the bay",
        "crews now leave the quay on mornings they would once have lost",
        "concrete could only be poured in calm weather",
        "sensors along the wall measure the energy each wave carries",
        "families have kept boats at the same moorings for generations",
        "the museum by the slipway shows photographs of the wooden pier",
        "summer visitors rent kayaks from a shed that once stored nets",
        "ferries to the islands might run through the winter",
        "calmer water could fill the inner basin with silt",
        "dredging the channel costs more every year",
        "the lighthouse keeper's cottage is to become a hostel",
        "gulls have learnt to open the bins behind the fish market",
    ],
    "orchard": [
        "the hill orchard grows eleven kinds of apple",
        "cuttings from the old trees are grafted onto young rootstock",
        "a late frost took almost a third of the crop",
        "the bees at the edge of the field give a pale honey",
        "pickers start at first light when the fruit bruises less",
        "windfalls are pressed for juice in the stone barn",
        "a walnut avenue will be planted along the track",
        "children learn to tell a cooking apple from an eating one",
        "pruning in midwinter shows where the light cannot reach",
        "the drought killed some of the oldest trees",
        "a cider maker from the coast buys the sour varieties",
        "deer jumped the fence twice during the autumn",
    ],
    "library": [
        "the reading room has reopened after repairs to its roof",
        "the oldest linen maps are kept in drawers that shut out the damp",
        "students fill the tables late in the afternoon",
        "members can now borrow drills and sewing machines for a week",
        "the architect wanted every reader to see the sky",
        "historians are typing up the parish registers",
        "the evening talks fill every chair in the upstairs hall",
        "the boiler from the sixties must be replaced soon",
        "donated books now need a second sale every spring",
        "Saturday story hours are always full",
        "a local printer gave the library its first press",
        "the card catalogue has finally been scanned",
    ],
}
SENTENCES_PER_ARTICLE = 10
SENTENCES_PER_PARAGRAPH = 3

GERMAN = [
    "Die Bibliothek hat ihren Lesesaal nach einem Jahr der Renovierung wieder geöffnet.",
    "Die ältesten Karten wurden gereinigt und in Schubladen gelagert, die Licht und Feuchtigkeit fernhalten.",
    "Am Nachmittag kommen die meisten Studierenden, wenn ihre Vorlesungen vorbei sind.",
    "Ein neues Angebot erlaubt es, Werkzeuge für eine Woche auszuleihen, von Bohrmaschinen bis zu Nähmaschinen.",
    "Ehrenamtliche lesen am Samstagmorgen kleinen Kindern vor, und die Stunden sind immer ausgebucht.",
    "Die Heizung stammt aus den sechziger Jahren und soll als Nächstes erneuert werden.",
]


class Site:
    def __init__(self, host: str, name: str) -> None:
        self.host = host
        self.name = name

    def page(self, path: str, title: str, paragraphs: list[str], extra: str = "") -> bytes:
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        return (
            "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{title} | {self.name}</title></head><body>"
            f"<header><a href='/'>{self.name}</a><nav><a href='/'>Home</a> <a href='/local'>Local</a> "
            "<a href='/sport'>Sport</a> <a href='/about'>About us</a></nav></header>"
            f"<main><article><h1>{title}</h1><p class='byline'>By Demo Writer, 3 March 2024</p>{body}"
            f"<p>{self.name} is an independent newsletter written by volunteers who live in the valley.</p>"
            f"</article>{extra}</main>"
            f"<footer><p>Copyright 2024 {self.name}. All rights reserved.</p></footer></body></html>"
        ).encode()


def article_paragraphs(rng: random.Random, topic: str) -> list[str]:
    n = SENTENCES_PER_ARTICLE
    parts = zip(rng.sample(SUBJECTS, n), rng.sample(VERBS, n), rng.sample(TOPICS[topic], n), rng.sample(ENDINGS, n))
    sentences = [f"{subject} {verb} {clause}{ending}." for subject, verb, clause, ending in parts]
    return [" ".join(sentences[i : i + SENTENCES_PER_PARAGRAPH]) for i in range(0, n, SENTENCES_PER_PARAGRAPH)]


def record(url: str, payload: bytes, status: int = 200, content_type: str = "text/html; charset=utf-8",
           extra_headers: str = "", record_type: str = "response") -> bytes:
    reasons = {200: "OK", 301: "Moved Permanently", 404: "Not Found"}
    record_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{record_type}:{url}")
    if record_type == "response":
        block = (f"HTTP/1.1 {status} {reasons[status]}\r\nContent-Type: {content_type}\r\n{extra_headers}\r\n").encode()
        block += payload
        warc_type = "application/http; msgtype=response"
    else:
        block, warc_type = payload, content_type
    header = (
        f"WARC/1.0\r\nWARC-Type: {record_type}\r\nWARC-Record-ID: <urn:uuid:{record_id}>\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Date: 2024-03-03T12:00:00Z\r\nContent-Type: {warc_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    return header + block + b"\r\n\r\n"


def build() -> list[bytes]:
    rng = random.Random(SEED)
    sites = [Site("valley-news.example", "Valley News"), Site("coast-post.example", "Coast Post"),
             Site("town-notes.example", "Town Notes")]
    out: list[bytes] = []
    first_article: tuple[str, list[str]] | None = None
    for site, topic in zip(sites, TOPICS):
        for i in range(7):
            title = f"{topic.capitalize()} notes, part {i + 1}"
            paragraphs = article_paragraphs(rng, topic)
            if first_article is None:
                first_article = (title, paragraphs)
            out.append(record(f"https://{site.host}/{topic}/{i + 1}", site.page(f"/{topic}/{i + 1}", title, paragraphs)))
    assert first_article is not None
    title, paragraphs = first_article
    # The same article republished by another site: an exact duplicate of the body text.
    out.append(record("https://mirror.example/copy/harbour", sites[0].page("/copy", title, paragraphs)))
    # A light edit: a changed closing sentence and an added line: a near duplicate.
    edited = paragraphs[:-1] + [paragraphs[-1].rsplit(".", 2)[0] + ". The mayor welcomed the report on Friday."]
    out.append(record("https://valley-news.example/harbour/updated", sites[0].page("/u", title + " (updated)", edited)))
    # Pages the quality filters should turn away.
    out.append(record("https://town-notes.example/short", sites[2].page("/short", "Closed today", ["Closed today."])))
    repeated = ["Buy cheap tickets now. Buy cheap tickets now. Buy cheap tickets now."] * 12
    out.append(record("https://spam.example/tickets", Site("spam.example", "Tickets").page("/t", "Tickets", repeated)))
    links = "".join(f"<li><a href='/p/{i}'>Product {i}</a></li>" for i in range(60))
    out.append(record("https://shop.example/list", f"<html><body><ul>{links}</ul></body></html>".encode()))
    # Another language, and a page with contact details for PII masking.
    out.append(record("https://stadt.example/bibliothek", Site("stadt.example", "Stadtblatt").page(
        "/b", "Bibliothek wieder offen", [" ".join(GERMAN[:3]), " ".join(GERMAN[3:])]).replace(b"lang='en'", b"lang='de'")))
    contact = article_paragraphs(rng, "library") + [
        "Questions about the lending scheme can go to the desk at lending.desk@library.example or 555-014-2398."]
    out.append(record("https://town-notes.example/library/contact", sites[2].page("/c", "Borrowing tools", contact)))
    # A WET-style text record, and records a reader must reject with a reason.
    text = "\n".join(article_paragraphs(rng, "orchard")).encode()
    out.append(record("https://coast-post.example/orchard/text", text, content_type="text/plain", record_type="conversion"))
    out.append(record("https://valley-news.example/missing", b"<html><body>Not found</body></html>", status=404))
    out.append(record("https://valley-news.example/old", b"", status=301,
                      extra_headers="Location: https://valley-news.example/harbour/1\r\n"))
    out.append(record("https://valley-news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(64)),
                      content_type="image/png"))
    out.append(record("https://coast-post.example/report.pdf", b"%PDF-1.4\n% demo\n", content_type="application/pdf"))
    return out


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUTPUT
    records = build()
    target.write_bytes(b"".join(gzip.compress(r, mtime=0) for r in records))
    print(f"wrote {len(records)} records to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
