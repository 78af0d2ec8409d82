"""The timeline as a calendar (``timeline.ics``) and as an Atom feed (``feed.xml``).

Dates are only as precise as the sources. The two formats treat that honestly:

* **iCalendar.** A day-precision event is an all-day event on its day (to its
  ``end`` day, if it has one). A month-precision event spans the whole month,
  with "day unknown" in its title and a description that says the event did
  not last the month: a calendar has no way to say "some day in November",
  and putting it on the 1st would invent a date. A year-precision event is
  left out, because a year-long bar on every day of a calendar would mislead
  more than it tells; the calendar's own description names what it leaves
  out, and the timeline page and the Atom feed keep every entry. All events
  are ``TRANSP:TRANSPARENT`` (they never make the reader look busy).
* **Atom.** Every entry, newest first, with the date in words at its
  precision. Atom requires an ``updated`` instant for the feed and each
  entry; both are the date of the data (the last change to ``data/``),
  which is when any entry last changed, at the latest.

Ids (Atom) and UIDs (iCalendar) are the entries' permanent URLs, so they never
change. Nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from feedgen.feed import FeedGenerator
from icalendar import Calendar, Event
from lxml import etree

from ..datefmt import spell, spell_span
from ..kinds import Kind, role
from ..site import Site
from .citations import Publication, for_entry

ATOM = "feed.xml"
ICS = "timeline.ics"
TITLE = "New quality productive forces (新质生产力): timeline"


def feed_kind() -> Kind:
    """The kind whose entries the feeds carry (the registry marks it ``feed=True``)."""
    return role("feed")


def _events(site: Site) -> list[dict[str, Any]]:
    return site.entries(feed_kind().name)


def _midnight(day: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(0, 0), dt.UTC)


def when(event: dict[str, Any]) -> str:
    """The date in words, saying what is unknown: ``November 2023 (day unknown)``."""
    text = spell_span(str(event["date"]), event.get("end"))
    unknown = {"month": "day unknown", "year": "month and day unknown"}.get(str(event["precision"]))
    return f"{text} ({unknown})" if unknown else text


def calendar_span(event: dict[str, Any]) -> tuple[dt.date, dt.date] | None:
    """All-day ``DTSTART`` and exclusive ``DTEND``, or ``None`` for an event a calendar cannot show honestly."""
    precision, date = event["precision"], str(event["date"])
    if precision == "day":
        start = dt.date.fromisoformat(date)
        last = dt.date.fromisoformat(str(event["end"])) if event.get("end") else start
        return start, last + dt.timedelta(days=1)
    if precision == "month":
        year, month = (int(p) for p in date.split("-"))
        start = dt.date(year, month, 1)
        return start, dt.date(year + month // 12, month % 12 + 1, 1)
    return None


def _sources_text(event: dict[str, Any], pub: Publication) -> str:
    cite = for_entry(feed_kind().name, event, pub)
    return "; ".join(f"{o.outlet}, {o.title_text}, {spell(o.published)}" for o in cite.originals)


def _line(value: Any) -> str:
    """A one-line calendar property (a summary, a location): data text with its line breaks made spaces,
    since a line break there would end the property and start another."""
    return " ".join(str(value).split())


def left_out(site: Site) -> list[dict[str, Any]]:
    return [e for e in _events(site) if calendar_span(e) is None]


def calendar(site: Site, pub: Publication) -> bytes:
    page = feed_kind().url
    omitted = left_out(site)
    about = ("The dated events of the timeline of new quality productive forces. Events the sources date to a day are "
             "all-day events; events they date only to a month span that month and say \"day unknown\" (they did not "
             "last the month).")
    if omitted:
        names = "; ".join(f"{_line(e['title'])} ({e['date']})" for e in omitted)
        about += f" Left out, because the sources give only the year: {names}."
    about += f" The full timeline: {pub.url(page)}"
    cal = Calendar()
    cal.add("prodid", "-//nqpf//New quality productive forces timeline//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", TITLE)
    cal.add("x-wr-calname", TITLE)
    cal.add("description", about)
    cal.add("x-wr-caldesc", about)
    cal.add("url", pub.url(page))
    stamp = _midnight(pub.data_date)
    for event in _events(site):
        span = calendar_span(event)
        if span is None:
            continue
        url = pub.url(page, str(event["id"]))
        title = _line(event["title"])
        description = [str(event["summary"]), f"Date: {when(event)}."]
        if event["precision"] == "month":
            title += f" ({spell(str(event['date']))}, day unknown)"
            description.append("The sources give only the month, so this entry spans the month; the event itself did not last a month.")
        if event.get("date_basis"):
            description.append(f"How it is dated: {' '.join(str(event['date_basis']).split())}")
        description.append(f"Sources: {_sources_text(event, pub)}.")
        description.append(url)
        item = Event()
        item.add("uid", url)
        item.add("dtstamp", stamp)
        item.add("dtstart", span[0])
        item.add("dtend", span[1])
        item.add("summary", title)
        item.add("description", "\n\n".join(description))
        if event.get("place"):
            item.add("location", _line(event["place"]["name"]))
        item.add("url", url)
        item.add("categories", [str(event["category"])])
        item.add("transp", "TRANSPARENT")
        item.add("class", "PUBLIC")
        cal.add_component(item)
    return cal.to_ical()


def atom(site: Site, pub: Publication) -> bytes:
    page = feed_kind().url
    feed = FeedGenerator()
    feed.id(pub.url(page))
    feed.title(TITLE)
    feed.subtitle("Each dated event in the rise of new quality productive forces, with the news articles it rests on.")
    feed.link(href=pub.url(ATOM), rel="self", type="application/atom+xml")
    feed.link(href=pub.url(page), rel="alternate", type="text/html")
    for author in pub.authors:
        name = author.get("name") or " ".join(p for p in (author.get("given-names"), author.get("family-names")) if p)
        feed.author({"name": name})
    feed.rights("Data and text CC BY 4.0")
    feed.language("en")
    feed.updated(_midnight(pub.data_date))
    # Newest first, as readers list them: timeline.yaml is curated oldest first, and
    # places an entry known only to its year or month where it most likely belongs.
    for event in reversed(_events(site)):
        url = pub.url(page, str(event["id"]))
        entry = feed.add_entry(order="append")
        entry.id(url)
        entry.title(f"{when(event)}: {event['title']}")
        entry.link(href=url, rel="alternate", type="text/html")
        entry.updated(_midnight(pub.data_date))
        # type="html" with the text escaped: many readers render summaries as HTML
        # whatever their declared type, so data never reaches them as markup.
        text = f"{' '.join(str(event['summary']).split())} Sources: {_sources_text(event, pub)}."
        entry.summary(html.escape(text, quote=False), type="html")
        entry.category(term=str(event["category"]))
    return _titles_as_html(feed.atom_str(pretty=True))


def _titles_as_html(atom: bytes) -> bytes:
    """Entry titles as escaped HTML, like the summaries: feedgen writes them as text,
    which careless readers render as HTML anyway."""
    root = etree.fromstring(atom)
    for title in root.iterfind("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}title"):
        title.set("type", "html")
        title.text = html.escape(title.text or "", quote=False)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
