"""News feed and events calendar, read back with real parsers (feedparser; icalendar, vobject)."""

from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest
import vobject
from factories import make_entry, make_municipality
from lxml import etree

from extrel.core.feeds import event_uid, events_calendar, news_feed, region_calendar, region_feed
from extrel.core.loader import load_region
from extrel.core.model import Municipality

TZ = ZoneInfo("Europe/Ulyanovsk")
TODAY = dt.date(2026, 11, 23)
SITE = "https://example.org/inza/"
SITE_EN = "https://example.org/inza/en/"

NEWS = {
    "2026-10-20-minsk": (
        {"title": "Делегация из Минска", "date": "2026-10-20"},
        {"title": "Delegation from Minsk"},
    ),
    "2026-11-05-kutaisi": (
        {"title": "Побратимы из Кутаиси", "date": "2026-11-05", "summary": "Договор подписан."},
        {"title": "Twin town Kutaisi", "summary": "The agreement is signed."},
    ),
    # untranslated, and the newest
    "2026-11-10-yarmarka": ({"title": "Ярмарка в Инзе", "date": "2026-11-10"}, None),
}

ANNOUNCEMENTS = {
    "2026-12-01-forum": (
        {
            "title": "Форум породнённых городов",
            "start": "2026-12-01",
            "end": "2026-12-03",
            "place": "Инза, Дом культуры",
        },
        {"title": "Twin towns forum", "place": "Inza, House of Culture"},
    ),
    "2026-11-25-visit": (
        {"title": "Визит делегации", "start": "2026-11-25T10:00:00", "end": "2026-11-25T15:30:00"},
        {"title": "Delegation visit"},
    ),
    "2026-11-27-expo": (
        {"title": "Выставка", "start": "2026-11-27T09:00:00", "end": "2026-11-28"},
        {"title": "Exhibition"},
    ),
    "2026-12-10-den-druzhby": ({"title": "День дружбы", "start": "2026-12-10"}, None),
    "2025-12-20-last-year": ({"title": "Прошлогодний форум", "start": "2025-12-20"}, None),
    "2024-05-01-old": ({"title": "Давний визит", "start": "2024-05-01"}, None),
}


def _page(fields: dict[str, str]) -> str:
    lines = ["---", *(f"{key}: {value}" for key, value in fields.items()), "---", "", "Текст.", ""]
    return "\n".join(lines)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _region(root: Path, news: dict, announcements: dict) -> Municipality:
    _write(
        root / "municipalities/inza.yml",
        "name: {ru: Инзенский район, en: Inza District}\nkind: district\n",
    )
    for section, entries in (("news", news), ("announcements", announcements)):
        for slug, (ru, en) in entries.items():
            _write(root / f"content/inza/{section}/{slug}.ru.md", _page(ru))
            if en is not None:
                _write(root / f"content/inza/{section}/{slug}.en.md", _page(en))
    region = load_region(root)
    assert region.problems == []
    return region.municipalities["inza"]


@pytest.fixture
def inza(tmp_path: Path) -> Municipality:
    return _region(tmp_path, NEWS, ANNOUNCEMENTS)


def _feed(m: Municipality, lang: str, site_url: str | None = None, **kw: object) -> bytes:
    title = {"ru": "Новости: Инзенский район", "en": "News: Inza District"}[lang]
    return news_feed(m, lang, tz=TZ, site_url=site_url, feed_url_path="feed.xml", title=title, **kw)


def _parse_feed(data: bytes) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    return parsed


# --- news feed ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "titles"),
    [
        ("ru", ["Ярмарка в Инзе", "Побратимы из Кутаиси", "Делегация из Минска"]),
        # untranslated: the Russian title, and a visible note saying so
        ("en", ["Ярмарка в Инзе (in Russian)", "Twin town Kutaisi", "Delegation from Minsk"]),
    ],
)
def test_feed_titles_in_the_language_newest_first(inza, lang, titles):
    parsed = _parse_feed(_feed(inza, lang))
    assert parsed.feed.language == lang
    assert [e.title for e in parsed.entries] == titles


def test_feed_dates_are_midnight_in_the_site_zone(inza):
    parsed = _parse_feed(_feed(inza, "en"))
    dates = [parsedate_to_datetime(e.published) for e in parsed.entries]
    assert dates == [
        dt.datetime(2026, 11, 10, tzinfo=TZ),
        dt.datetime(2026, 11, 5, tzinfo=TZ),
        dt.datetime(2026, 10, 20, tzinfo=TZ),
    ]
    assert [d.utcoffset() for d in dates] == [dt.timedelta(hours=4)] * 3
    assert parsedate_to_datetime(parsed.feed.updated) == dt.datetime(2026, 11, 10, tzinfo=TZ)


def test_feed_links_absolute_with_site_url(inza):
    parsed = _parse_feed(_feed(inza, "en", SITE_EN))
    assert [e.link for e in parsed.entries] == [
        f"{SITE_EN}news/2026-11-10-yarmarka/",
        f"{SITE_EN}news/2026-11-05-kutaisi/",
        f"{SITE_EN}news/2026-10-20-minsk/",
    ]
    assert parsed.feed.link == f"{SITE_EN}news/"
    self_links = [link.href for link in parsed.feed.links if link.rel == "self"]
    assert self_links == [f"{SITE_EN}feed.xml"]


def test_feed_site_url_without_final_slash(inza):
    parsed = _parse_feed(_feed(inza, "en", SITE_EN.rstrip("/")))
    assert parsed.entries[0].link == f"{SITE_EN}news/2026-11-10-yarmarka/"


def test_feed_links_relative_without_site_url(inza):
    parsed = _parse_feed(_feed(inza, "ru"))
    assert [e.link for e in parsed.entries][:1] == ["news/2026-11-10-yarmarka/"]
    # a reader that knows where the feed lives resolves them to the right pages
    resolved = feedparser.parse(_feed(inza, "ru"), response_headers={"content-location": SITE})
    assert resolved.entries[0].link == f"{SITE}news/2026-11-10-yarmarka/"


def test_feed_guid_is_the_site_path_not_the_host(inza):
    ru = _parse_feed(_feed(inza, "ru", SITE))
    en = _parse_feed(_feed(inza, "en", SITE_EN))
    moved = _parse_feed(_feed(inza, "en", "https://inza.example.ru/external/en/"))
    assert ru.entries[1].id == "inza/news/2026-11-05-kutaisi/"
    assert en.entries[1].id == "inza/en/news/2026-11-05-kutaisi/"
    assert [e.id for e in moved.entries] == [e.id for e in en.entries]
    assert all(e.guidislink is False for e in en.entries)


def test_feed_summary_and_item_language(inza):
    en = _parse_feed(_feed(inza, "en"))
    fair, kutaisi, minsk = en.entries
    assert kutaisi.summary == "The agreement is signed."
    assert "summary" not in minsk
    # the untranslated item keeps its Russian text and says so
    assert fair.language == "ru"
    assert kutaisi.language == minsk.language == "en"
    ru = _parse_feed(_feed(inza, "ru"))
    assert ru.entries[1].summary == "Договор подписан."
    assert {e.language for e in ru.entries} == {"ru"}


def test_feed_limit_keeps_the_newest(inza):
    parsed = _parse_feed(_feed(inza, "ru", limit=2))
    assert [e.title for e in parsed.entries] == ["Ярмарка в Инзе", "Побратимы из Кутаиси"]


def test_feed_is_deterministic(inza):
    assert _feed(inza, "en", SITE_EN) == _feed(inza, "en", SITE_EN)


def test_empty_feed_has_no_clock_date(tmp_path):
    m = _region(tmp_path, {}, {})
    data = _feed(m, "en", SITE_EN)
    parsed = _parse_feed(data)
    assert parsed.entries == []
    assert parsed.feed.title == "News: Inza District"
    channel = etree.fromstring(data).find("channel")
    assert channel.find("lastBuildDate") is None
    assert channel.find("pubDate") is None


# --- events calendar ---------------------------------------------------------------------------


def _ics(m: Municipality, lang: str, site_url: str | None = None, **kw: object) -> bytes:
    return events_calendar(m, lang, tz=TZ, site_url=site_url, today=TODAY, **kw)


def _events(data: bytes) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def _uid(slug: str) -> str:
    return f"inza-{slug}@extrel"


def test_calendar_parses_with_icalendar(inza):
    data = _ics(inza, "en", SITE_EN)
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"])
    assert str(cal["X-WR-CALNAME"]) == "Inza District"
    ru = icalendar.Calendar.from_ical(_ics(inza, "ru"))
    assert str(ru["X-WR-CALNAME"]) == "Инзенский район"
    events = cal.walk("VEVENT")
    assert all("DTSTAMP" in e for e in events)
    assert {e["DTSTAMP"].dt for e in events} == {dt.datetime(2026, 11, 22, 20, tzinfo=dt.UTC)}


def test_calendar_holds_upcoming_events_and_the_archive_the_ended_ones(inza):
    uids = list(_events(_ics(inza, "ru")))
    assert uids == [
        _uid("2026-11-25-visit"),
        _uid("2026-11-27-expo"),
        _uid("2026-12-01-forum"),
        _uid("2026-12-10-den-druzhby"),
    ]
    archive = _ics(inza, "ru", archive=True)
    assert list(_events(archive)) == [_uid("2024-05-01-old"), _uid("2025-12-20-last-year")]
    assert str(icalendar.Calendar.from_ical(archive)["X-WR-CALNAME"]) == "Инзенский район (архив)"
    last_year = list(_events(_ics(inza, "ru", past_days=365)))
    assert last_year == [
        _uid("2025-12-20-last-year"),
        _uid("2026-11-25-visit"),
        _uid("2026-11-27-expo"),
        _uid("2026-12-01-forum"),
        _uid("2026-12-10-den-druzhby"),
    ]
    everything = _events(_ics(inza, "ru", past_days=None))
    assert _uid("2024-05-01-old") in everything
    only_upcoming = _events(_ics(inza, "ru", past_days=0))
    assert _uid("2025-12-20-last-year") not in only_upcoming
    assert len(only_upcoming) == 4


def test_all_day_events_have_exclusive_date_end(inza):
    events = _events(_ics(inza, "ru"))
    forum = events[_uid("2026-12-01-forum")]
    assert forum["DTSTART"].params["VALUE"] == "DATE"
    assert forum["DTSTART"].dt == dt.date(2026, 12, 1)
    assert forum["DTEND"].dt == dt.date(2026, 12, 4)
    day = events[_uid("2026-12-10-den-druzhby")]
    assert (day["DTSTART"].dt, day["DTEND"].dt) == (dt.date(2026, 12, 10), dt.date(2026, 12, 11))
    for event in (forum, day):
        assert not isinstance(event["DTSTART"].dt, dt.datetime)
        assert not isinstance(event["DTEND"].dt, dt.datetime)


def test_timed_events_in_the_site_zone_with_vtimezone(inza):
    data = _ics(inza, "ru")
    cal = icalendar.Calendar.from_ical(data)
    zones = cal.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Europe/Ulyanovsk"]
    events = _events(data)
    visit = events[_uid("2026-11-25-visit")]
    assert visit["DTSTART"].params["TZID"] == "Europe/Ulyanovsk"
    assert visit["DTEND"].params["TZID"] == "Europe/Ulyanovsk"
    assert visit["DTSTART"].dt == dt.datetime(2026, 11, 25, 10, tzinfo=TZ)
    assert visit["DTEND"].dt == dt.datetime(2026, 11, 25, 15, 30, tzinfo=TZ)
    assert visit["DTSTART"].dt.utcoffset() == dt.timedelta(hours=4)
    # a timed start with a date end runs to the end of that day
    expo = events[_uid("2026-11-27-expo")]
    assert expo["DTSTART"].dt == dt.datetime(2026, 11, 27, 9, tzinfo=TZ)
    assert expo["DTEND"].dt == dt.datetime(2026, 11, 29, 0, tzinfo=TZ)


def test_calendar_without_timed_events_has_no_vtimezone(tmp_path):
    m = _region(tmp_path, {}, {"2026-12-01-forum": ANNOUNCEMENTS["2026-12-01-forum"]})
    cal = icalendar.Calendar.from_ical(_ics(m, "en"))
    assert cal.walk("VTIMEZONE") == []
    assert len(cal.walk("VEVENT")) == 1


def test_calendar_parses_with_vobject(inza):
    cal = vobject.readOne(_ics(inza, "en", SITE_EN, past_days=365).decode("utf-8"))
    assert cal.x_wr_calname.value == "Inza District"
    events = {e.uid.value: e for e in cal.vevent_list}
    assert len(events) == 5
    assert all(hasattr(e, "dtstamp") for e in events.values())
    forum = events[_uid("2026-12-01-forum")]
    assert forum.dtstart.value == dt.date(2026, 12, 1)
    assert forum.dtend.value == dt.date(2026, 12, 4)
    assert forum.location.value == "Inza, House of Culture"
    assert forum.url.value == f"{SITE_EN}announcements/2026-12-01-forum/"
    assert forum.description.value.splitlines() == [
        forum.summary.value, "Inza, House of Culture",
        f"Details: {SITE_EN}announcements/2026-12-01-forum/"]
    visit = events[_uid("2026-11-25-visit")]
    start = visit.dtstart.value
    # vobject reads the zone from our VTIMEZONE and keeps the TZID under its own name
    assert [z.tzid.value for z in cal.vtimezone_list] == ["Europe/Ulyanovsk"]
    assert visit.dtstart.params["X-VOBJ-ORIGINAL-TZID"] == ["Europe/Ulyanovsk"]
    assert start.utcoffset() == dt.timedelta(hours=4)
    assert start.astimezone(TZ) == dt.datetime(2026, 11, 25, 10, tzinfo=TZ)


def test_calendar_titles_and_languages(inza):
    en = _events(_ics(inza, "en"))
    ru = _events(_ics(inza, "ru"))
    forum = _uid("2026-12-01-forum")
    assert str(en[forum]["SUMMARY"]) == "Twin towns forum"
    assert en[forum]["SUMMARY"].params["LANGUAGE"] == "en"
    assert str(ru[forum]["SUMMARY"]) == "Форум породнённых городов"
    assert str(ru[forum]["LOCATION"]) == "Инза, Дом культуры"
    # untranslated: Russian text, marked Russian, in the English calendar too
    day = en[_uid("2026-12-10-den-druzhby")]
    assert str(day["SUMMARY"]) == "День дружбы (in Russian)"
    assert str(ru[_uid("2026-12-10-den-druzhby")]["SUMMARY"]) == "День дружбы"
    assert day["SUMMARY"].params["LANGUAGE"] == "ru"
    assert "URL" not in day
    assert "LOCATION" not in day


def test_uids_stable_across_builds_and_equal_between_languages(inza):
    first = _ics(inza, "en", SITE_EN)
    assert first == _ics(inza, "en", SITE_EN)
    assert list(_events(first)) == list(_events(_ics(inza, "ru", SITE)))
    entry = next(e for e in inza.entries["announcements"] if e.slug == "2026-12-01-forum")
    assert event_uid(inza, entry) == "inza-2026-12-01-forum@extrel"


def test_written_midnight_stays_timed_and_a_date_stays_all_day(tmp_path):
    m = _region(
        tmp_path,
        {},
        {
            "2026-11-30-night": ({"title": "Ночь", "start": "2026-11-30T00:00:00"}, None),
            "2026-12-01-day": ({"title": "День", "start": "'2026-12-01'"}, None),
        },
    )
    events = _events(_ics(m, "ru"))
    night = events[_uid("2026-11-30-night")]
    assert night["DTSTART"].dt == dt.datetime(2026, 11, 30, 0, 0, tzinfo=TZ)
    assert "DTEND" not in night
    day = events[_uid("2026-12-01-day")]
    assert day["DTSTART"].dt == dt.date(2026, 12, 1)
    assert day["DTEND"].dt == dt.date(2026, 12, 2)


def test_region_feed_and_calendar_mark_untranslated_items(inza):
    """The regional (portal) feed and calendar mark a Russian text among English ones too."""
    feed = _parse_feed(region_feed([inza], "en", tz=TZ, site_url=None, feed_url_path="feed.xml",
                                   title="News"))
    titles = {e.title: e.language for e in feed.entries}
    assert titles == {"Inza District: Ярмарка в Инзе (in Russian)": "ru",
                      "Inza District: Twin town Kutaisi": "en",
                      "Inza District: Delegation from Minsk": "en"}
    ru_feed = _parse_feed(region_feed([inza], "ru", tz=TZ, site_url=None,
                                      feed_url_path="feed.xml", title="Новости"))
    assert not [e.title for e in ru_feed.entries if "(" in e.title]
    events = _events(region_calendar([inza], "en", tz=TZ, site_url=None, today=TODAY,
                                     name="Events"))
    day = events[_uid("2026-12-10-den-druzhby")]["SUMMARY"]
    assert str(day) == "Inza District: День дружбы (in Russian)"
    assert day.params["LANGUAGE"] == "ru"


def test_feeds_link_every_language_through_the_addresses_without_files() -> None:
    """Entries made in memory (tests/factories.py): the regional feed and calendar of a
    third language link into ``<id>/zh/``, one level up from the ``zh`` portal."""
    news = make_entry("news", "forum", date=dt.date(2026, 11, 5),
                      title={"ru": "Форум", "en": "Forum", "zh": "论坛"})
    event = make_entry("announcements", "fair", start=dt.date(2026, 12, 1),
                       title={"ru": "Ярмарка", "en": "Fair"})
    m = make_municipality("inza", news, event)
    feed = feedparser.parse(region_feed([m], "zh", tz=TZ, site_url="https://example.org/zh/",
                                        feed_url_path="feed.xml", title="Region"))
    assert [e.link for e in feed.entries] == [
        "https://example.org/zh/../inza/zh/news/2026-11-05-forum/"]
    assert feed.entries[0].title.endswith("论坛")
    cal = icalendar.Calendar.from_ical(region_calendar(
        [m], "zh", tz=TZ, site_url="https://example.org/zh/", today=TODAY, name="Region"))
    assert [str(e["url"]) for e in cal.walk("VEVENT")] == [
        "https://example.org/zh/../inza/zh/announcements/2026-12-01-fair/"]
