"""The rules beyond the pages' dates: translations, drafts, the year's plan, future dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from extrel.core.coverage import apply, future_updates, missing_plan, page_name, plan_deadline
from extrel.core.freshness import Thresholds, freshness_to_dict, municipality_freshness

LANGS = ("ru", "en")
C = "content/inza"


def files(section: str, **by_lang: list[str]) -> dict[str, dict[str, list[str]]]:
    return {section: {lang: [f"{C}/{section}/{stem}.{lang}.md" for stem in stems]
                      for lang, stems in by_lang.items()}}


def rated(page_files: dict[str, dict[str, list[str]]], today: date, last: date,
          drafts: tuple[str, ...] = (), grace: int = 31, th: Thresholds | None = None):
    dates = {sid: {lang: [last] * len(paths) for lang, paths in by_lang.items()}
             for sid, by_lang in page_files.items()}
    m = municipality_freshness("inza", dates, today, th or Thresholds())
    return apply(m, page_files, drafts, today, grace)


def test_page_name() -> None:
    assert page_name("content/inza/news/2026-11-05-kutaisi.en.md") == (
        "news", "2026-11-05-kutaisi", "en")
    assert page_name("content/inza/plan/2027.ru.md") == ("plan", "2027", "ru")


# --- translations ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ru", "en", "untranslated"),
    [
        (["a", "b", "c"], ["a", "b", "c"], 0),
        (["a", "b", "c"], ["a"], 2),
        (["a"], [], 1),
        ([], ["a"], 0),  # an English-only item is nothing to translate
        (["a", "b"], ["b", "x"], 1),
    ],
)
def test_untranslated_counts_russian_items_without_a_page(ru, en, untranslated) -> None:
    m = rated(files("news", ru=ru, en=en), date(2026, 11, 23), date(2026, 11, 20))
    news = m.sections[0].languages
    assert news["en"].untranslated == untranslated
    assert news["ru"].untranslated is None
    assert "untranslated" not in freshness_to_dict(date(2026, 11, 23), "UTC", [m], [])[
        "municipalities"][0]["sections"][0]["languages"]["ru"]


def test_untranslated_for_every_language_given() -> None:
    page_files = {"news": {"ru": [f"{C}/news/a.ru.md", f"{C}/news/b.ru.md"],
                           "en": [f"{C}/news/a.en.md"], "zh": []}}
    m = municipality_freshness("inza", {}, date(2026, 11, 23), Thresholds())
    # a third language: the freshness made elsewhere carries it; the rule loops over it
    from extrel.core.freshness import language_freshness

    m.sections[0].languages["zh"] = language_freshness([], date(2026, 11, 23), Thresholds())
    apply(m, page_files, (), date(2026, 11, 23), 31)
    assert m.sections[0].languages["en"].untranslated == 1
    assert m.sections[0].languages["zh"].untranslated == 2


# --- drafts --------------------------------------------------------------------------------


def test_drafts_are_counted_as_unfinished_not_as_pages() -> None:
    drafts = (f"{C}/news/2026-11-20-visit.ru.md", f"{C}/news/2026-11-20-visit.en.md",
              f"{C}/partners/tbilisi.en.md")
    m = rated(files("news", ru=["a"], en=["a"]), date(2026, 11, 23), date(2026, 9, 1), drafts)
    news, partners = m.sections[0].languages, m.sections[1].languages
    assert (news["ru"].unfinished, news["en"].unfinished, partners["en"].unfinished) == (1, 1, 1)
    assert news["ru"].pages == 1 and news["ru"].status == "stale"  # the draft refreshed nothing
    assert partners["en"].status == "missing"


# --- the year's plan -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "grace", "years", "status", "due_by"),
    [
        # January: the grace period; last year's plan, updated recently, is still fresh
        (date(2027, 1, 20), 31, ["2026"], "fresh", date(2027, 1, 31)),
        (date(2027, 1, 31), 31, ["2026"], "fresh", date(2027, 1, 31)),
        # from plan_grace_days after 1 January: stale without this year's plan
        (date(2027, 2, 1), 31, ["2026"], "stale", date(2027, 1, 31)),
        (date(2027, 11, 23), 31, ["2025", "2026"], "stale", date(2027, 1, 31)),
        (date(2027, 1, 1), 0, ["2026"], "stale", date(2026, 12, 31)),
        (date(2027, 3, 1), 90, ["2026"], "fresh", date(2027, 3, 31)),
        # with the year's plan the dates rule as usual
        (date(2027, 2, 1), 31, ["2026", "2027"], "fresh", date(2027, 2, 20)),
    ],
)
def test_plan_without_this_years_plan(today, grace, years, status, due_by) -> None:
    last = today - timedelta(days=12)  # updated recently: fresh by its dates
    th = Thresholds(max_age_days=31)
    m = rated(files("plan", ru=years, en=years), today, last, grace=grace, th=th)
    plan = m.sections[2]
    assert plan.id == "plan"
    for lang in LANGS:
        assert plan.languages[lang].status == status
        assert plan.languages[lang].due_by == min(due_by, last + timedelta(days=31))
    assert plan.status == status


def test_plan_missing_stays_missing_with_no_due_date() -> None:
    m = rated(files("plan", ru=["2026"], en=[]), date(2027, 2, 1), date(2027, 1, 20))
    assert m.sections[2].languages["en"].status == "missing"
    assert m.sections[2].languages["en"].due_by is None
    assert m.sections[2].languages["ru"].status == "stale"
    assert m.status == "missing"


def test_plan_deadline() -> None:
    assert plan_deadline(2027, 31) == date(2027, 1, 31)
    assert plan_deadline(2027, 1) == date(2027, 1, 1)


@pytest.mark.parametrize(
    ("today", "ru", "en", "expected"),
    [
        (date(2027, 1, 31), ["2026"], ["2026"], None),
        (date(2027, 2, 1), ["2026", "2027"], ["2026", "2027"], None),
        (date(2027, 2, 1), ["2026"], ["2026"], f"{C}/plan/2027.ru.md"),
        (date(2027, 2, 1), ["2027"], [], f"{C}/plan/2027.en.md"),
    ],
)
def test_missing_plan_is_named(today, ru, en, expected) -> None:
    found = missing_plan("inza", C, files("plan", ru=ru, en=en), today, 31, LANGS)
    if expected is None:
        assert found == []
        return
    [problem] = found
    assert problem.file == expected and problem.severity == "warning"
    assert problem.ru.startswith(f"нет плана на 2027 год: создайте {expected}")
    assert ("extrel new plan -m inza" in problem.ru) == expected.endswith(".ru.md")
    assert problem.en.startswith(f"no plan for 2027: create {expected}")


def test_missing_plan_names_every_language() -> None:
    [problem] = missing_plan("inza", C, files("plan", ru=["2026"], en=["2026"]),
                             date(2027, 2, 1), 31, LANGS)
    assert f"{C}/plan/2027.ru.md, {C}/plan/2027.en.md" in problem.ru


# --- dates after the check date ------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "warned"),
    [(date(2026, 11, 23), False), (date(2026, 11, 22), False), (date(2026, 11, 24), True),
     (date(2027, 6, 1), True)],
)
def test_a_last_update_after_the_check_date_is_a_warning(when: date, warned: bool) -> None:
    found = future_updates({f"{C}/news/a.ru.md": when}, date(2026, 11, 23))
    assert bool(found) == warned
    if warned:
        assert found[0].file == f"{C}/news/a.ru.md" and found[0].severity == "warning"
        assert f"датировано {when.isoformat()}, позже даты проверки 2026-11-23" in found[0].ru


# --- due_by --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("max_age", "last", "due_by"),
    [(31, date(2026, 11, 5), "2026-12-06"), (365, date(2026, 1, 1), "2027-01-01"),
     (31, None, None)],
)
def test_due_by_in_the_json(max_age: int, last: date | None, due_by: str | None) -> None:
    dates = {"news": {"ru": [last] if last else []}}
    m = municipality_freshness("inza", dates, date(2026, 11, 23), Thresholds(max_age, 7))
    entry = freshness_to_dict(date(2026, 11, 23), "UTC", [m], [])[
        "municipalities"][0]["sections"][0]["languages"]["ru"]
    assert entry["due_by"] == due_by
