"""Which URLs of the preview get a page of problems (extrel serve, issue 15): a page file of
the section with no page of its own, never a subsection's list or another municipality's."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from extrel.core.problems import Problem
from extrel.mkdocs import preview


@pytest.fixture
def serving() -> Any:
    preview.SESSION = preview.Session(tell=lambda problems: None)
    yield
    preview.SESSION = None


def snapshot(*files: str) -> Any:
    return SimpleNamespace(problems=[Problem(f, 2, "ошибка", "error") for f in files])


def test_problem_pages(serving: None) -> None:
    snap = snapshot("content/alpha/news/2026-11-21-visit.ru.md",
                    "content/alpha/news/2026-11-21-visit.en.md",
                    "content/alpha/news/2026-10-01-forum.ru.md",
                    "content/alpha/news/index.ru.md",
                    "content/alpha/presentation/index.ru.md",
                    "content/beta/news/2026-11-21-visit.ru.md",
                    "municipalities/alpha.yml")
    pages = preview.problem_pages(snap, "content", "alpha", {"news/2026-10-01-forum.md"})
    assert sorted(pages) == ["news/2026-11-21-visit.md", "presentation/index.md"]
    assert [p.file for p in pages["news/2026-11-21-visit.md"]] == [
        "content/alpha/news/2026-11-21-visit.ru.md", "content/alpha/news/2026-11-21-visit.en.md"]


def test_no_problem_pages_outside_a_preview() -> None:
    assert preview.problem_pages(snapshot("content/alpha/news/2026-11-21-visit.ru.md"),
                                 "content", "alpha", set()) == {}
