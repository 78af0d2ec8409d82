"""timeline.ics and feed.xml parse with real parsers, and say honestly what they do not know."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import feedparser
import icalendar
import pytest

from publishkit import page

ATOM_NS = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(published_site):
    return published_site


@pytest.fixture(scope="module")
def events(real_model):
    return real_model.entries("event")


@pytest.fixture(scope="module")
def calendar(site):
    return icalendar.Calendar.from_ical((site.site / "timeline.ics").read_bytes())


def vevents(calendar):
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_calendar_has_one_event_per_entry_dated_to_a_day_or_month(calendar, events, site):
    got = vevents(calendar)
    expected = [e for e in events if e["precision"] in ("day", "month")]
    assert set(got) == {f"{site.url}timeline/#{e['id']}" for e in expected}
    assert len(got) == len(expected) > 10


def test_day_events_are_all_day_on_their_day(calendar, events, site):
    got = vevents(calendar)
    for event in (e for e in events if e["precision"] == "day"):
        vevent = got[f"{site.url}timeline/#{event['id']}"]
        start, end = vevent["DTSTART"].dt, vevent["DTEND"].dt
        assert type(start) is dt.date and type(end) is dt.date, "all-day events are DATE values, not DATE-TIME"
        assert vevent["DTSTART"].params["VALUE"] == vevent["DTEND"].params["VALUE"] == "DATE"
        assert start.isoformat() == event["date"]
        assert end == dt.date.fromisoformat(event.get("end", event["date"])) + dt.timedelta(days=1)
        assert "day unknown" not in str(vevent["SUMMARY"])


def test_month_events_span_the_month_and_say_the_day_is_unknown(calendar, site):
    vevent = vevents(calendar)[f"{site.url}timeline/#2023-11-politburo-study-foreign-related-law"]
    assert (vevent["DTSTART"].dt, vevent["DTEND"].dt) == (dt.date(2023, 11, 1), dt.date(2023, 12, 1))
    assert str(vevent["SUMMARY"]) == "Politburo study session on foreign-related legal systems (November 2023, day unknown)"
    assert "the event itself did not last a month" in str(vevent["DESCRIPTION"])
    # Dated to its days since (11–12 December 2023): all-day events, the end exclusive.
    december = vevents(calendar)[f"{site.url}timeline/#2023-12-central-economic-work-conference"]
    assert (december["DTSTART"].dt, december["DTEND"].dt) == (dt.date(2023, 12, 11), dt.date(2023, 12, 13))


def test_year_events_are_left_out_and_the_calendar_says_so(calendar, events):
    description = str(calendar["X-WR-CALDESC"])
    assert str(calendar["DESCRIPTION"]) == description
    for event in (e for e in events if e["precision"] == "year"):
        assert f"{event['title']} ({event['date']})" in description


def test_calendar_events_carry_their_permalink_sources_and_a_fixed_stamp(calendar, site):
    for uid, vevent in vevents(calendar).items():
        assert str(vevent["URL"]) == uid
        assert uid in str(vevent["DESCRIPTION"])
        assert "Sources: " in str(vevent["DESCRIPTION"])
        assert str(vevent["TRANSP"]) == "TRANSPARENT"
        assert vevent["DTSTAMP"].dt.tzinfo is not None and vevent["DTSTAMP"].dt.time() == dt.time(0, 0)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"])


def test_atom_feed_parses_and_lists_every_event_newest_first(site, events):
    feed = feedparser.parse((site.site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.id == f"{site.url}timeline/"
    assert [e.id for e in feed.entries] == [f"{site.url}timeline/#{e['id']}" for e in reversed(events)]
    for entry in feed.entries:
        assert entry.link == entry.id
        assert entry.updated == feed.feed.updated
    first_mention = next(e for e in feed.entries if e.id.endswith("#2023-09-heilongjiang-first-mention"))
    assert first_mention.title == '6–8 September 2023: Xi first raises "new quality productive forces" in Heilongjiang'
    year_only = next(e for e in feed.entries if e.id.endswith("#2023-two-sessions-three-meetings"))
    assert year_only.title.startswith("2023 (month and day unknown): ")


def test_atom_feed_is_well_formed_xml_with_permanent_ids(site):
    root = ET.fromstring((site.site / "feed.xml").read_bytes())
    assert root.tag == f"{ATOM_NS}feed"
    self_link = [link.get("href") for link in root.findall(f"{ATOM_NS}link") if link.get("rel") == "self"]
    assert self_link == [f"{site.url}feed.xml"]
    for entry in root.findall(f"{ATOM_NS}entry"):
        assert entry.findtext(f"{ATOM_NS}id").startswith(f"{site.url}timeline/#")
        assert entry.findtext(f"{ATOM_NS}updated").endswith("T00:00:00+00:00")


@pytest.mark.parametrize("path", ["index.html", "sources/index.html", "data/index.html", "404.html"])
def test_feeds_are_linked_from_head(site, path):
    rels = [link for link in page(site.site / path).link_rels if "alternate" in link.get("rel", "").split()]
    types = {link["type"]: link["href"] for link in rels}
    assert types["application/atom+xml"].endswith("feed.xml")
    assert types["text/calendar"].endswith("timeline.ics")
    # Not rel="alternate" alone: Material's script would fetch a sitemap.xml beside each such link.
    assert all(link["rel"] != "alternate" for link in rels)


def test_feeds_are_linked_from_the_timeline_page(site):
    timeline = site.site / "timeline" / "index.html"
    hrefs = {url for tag, _, url in page(timeline).links if tag == "a"}
    assert "../feed.xml" in hrefs and "../timeline.ics" in hrefs
