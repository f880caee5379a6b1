"""``extrel new``'s scaffolds and the drafts they make: nothing that passes for real."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from regions import make_region, page, write

from extrel.core.loader import load_region
from extrel.core.scaffold import DRAFT_MARK, DraftLine, draft_lines, new_page
from extrel.core.sections import SUBSECTION_IDS

WHEN = dt.date(2026, 11, 21)


@pytest.mark.parametrize("section", SUBSECTION_IDS)
@pytest.mark.parametrize("title_en", [None, "Forum in Kazan"])
def test_every_scaffold_is_a_draft_in_every_language(section: str, title_en: str | None) -> None:
    made = new_page(section, "Форум в Казани", title_en, WHEN, languages=("ru", "en", "zh"))
    assert list(made.files) == ["ru", "en", "zh"]
    for lang, text in made.files.items():
        assert draft_lines(text), (lang, text)
        # what is written (commented-out examples are only hints)
        live = "".join(line + "\n" for line in text.splitlines()
                       if not line.lstrip().startswith("#"))
        for real_looking in ("[EN]", "Venue", "country: BY", "type: twin", "status: active",
                             "country: KZ\n", "kind: conference\n", '"Город"', '"City"'):
            assert real_looking not in live, (lang, real_looking)
    title_line = made.files["en"].splitlines()[1]
    if title_en:
        assert title_line == 'title: "Forum in Kazan"'
    else:
        assert title_line.startswith(f'title: "{DRAFT_MARK}')
    assert made.files["zh"].splitlines()[1].startswith(f'title: "{DRAFT_MARK}')


def test_partner_scaffold_names_the_fields_to_fill() -> None:
    text = new_page("partners", "Кутаиси", "Kutaisi", WHEN).files["ru"]
    fields = [d.field for d in draft_lines(text)]
    assert fields == ["country", "type", "status", None]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("---\ntitle: Визит\n---\n\nНастоящий текст.\n", []),
        ("---\ntitle: Визит\n---\n\n", [DraftLine(4, None, empty=True)]),
        ("---\ntitle: Визит\n---\n<!-- потом -->\n\n", [DraftLine(4, None, empty=True)]),
        (f"---\ntitle: Визит\nsummary: \"{DRAFT_MARK} — кратко\"\n---\n\nТекст.\n",
         [DraftLine(3, "summary")]),
        (f"---\ntitle: Visit\n---\n\n{DRAFT_MARK} — translate here\n", [DraftLine(5, None)]),
        # written, and the placeholder left in: still a draft, its line named
        (f"---\ntitle: Визит\n---\n\nТекст.\n<!-- {DRAFT_MARK} — удалите -->\n",
         [DraftLine(6, None)]),
    ],
)
def test_draft_lines(text: str, found: list[DraftLine]) -> None:
    from extrel.core.frontmatter import parse

    doc = parse(text)
    assert draft_lines(text, doc.body, doc.body_line) == found


def test_drafts_in_the_loader(tmp_path: Path) -> None:
    root = tmp_path / "r"
    make_region(root)
    a = "content/alpha"
    # a presentation may be its files alone, the translation inheriting them: not a draft
    write(root, f"{a}/presentation/index.en.md", "---\ntitle: About\n---\n")
    write(root, f"{a}/presentation/index.ru.md",
          '---\ntitle: О районе\nfiles: [{file: overview.pdf, title: "Обзор", kind: overview}]'
          "\n---\n")
    # an empty partner page: a draft, and its mistakes are still reported now
    write(root, f"{a}/partners/riga.ru.md",
          "---\ntitle: Рига\ncountry: LV\ntype: twin\nstatus: sleeping\n---\n")
    write(root, f"{a}/news/2026-11-20-draft.ru.md", page({"title": "Визит", "date": "2026-11-20"},
                                                         f"{DRAFT_MARK} — текст"))
    region = load_region(root)
    alpha = region.municipalities["alpha"]
    assert sorted(alpha.drafts) == [f"{a}/news/2026-11-20-draft.ru.md",
                                    f"{a}/partners/riga.ru.md"]
    assert f"{a}/news/2026-11-20-draft.ru.md" not in alpha.page_files["news"]["ru"]
    assert "draft" not in {e.slug[11:] for e in alpha.entries["news"]}
    assert "riga" not in {e.slug for e in alpha.entries["partners"]}
    assert "overview" in {f.kind for e in alpha.entries["presentation"]
                          for f in e.meta("ru").files}
    problems = {(p.file, p.severity, p.ru.split(":")[0]) for p in region.problems}
    assert (f"{a}/partners/riga.ru.md", "warning", "черновик") in problems
    assert (f"{a}/news/2026-11-20-draft.ru.md", "warning", "черновик") in problems
    assert any(p.file == f"{a}/partners/riga.ru.md" and p.severity == "error"
               and "sleeping" in p.ru for p in region.problems)
    assert not any(p.file.startswith(f"{a}/presentation/") for p in region.problems)


BODY_HINTS = {"news": "scaffold.news.body", "partners": "scaffold.partners.body",
              "plan": "scaffold.plan.columns", "announcements": "scaffold.announcements.body",
              "organizations": "scaffold.organizations.body",
              "participation": "scaffold.participation.body",
              "presentation": "scaffold.presentation.body"}


@pytest.mark.parametrize("section", SUBSECTION_IDS)
def test_the_hints_are_the_catalogues_each_in_its_files_language(section: str) -> None:
    """The default language's file carries the Russian hints of the catalogue, a translation
    the hints in its own language (English where the catalogue has none: zh), and every
    file is still told apart as an unedited scaffold."""
    from extrel.core.messages import t

    made = new_page(section, "Форум в Казани", None, WHEN, languages=("ru", "en", "zh"))
    ru, en, zh = made.files["ru"], made.files["en"], made.files["zh"]
    assert t(BODY_HINTS[section], "ru") in ru
    assert t(BODY_HINTS[section], "en") not in ru
    for text in (en, zh):
        assert f'"{DRAFT_MARK} — {t("scaffold.translate_title", "en", title="Форум в Казани")}"' \
            in text
        assert f"{DRAFT_MARK} — {t('scaffold.translate_text', 'en')}" in text
        assert t("scaffold.translate_text", "ru") not in text
    for text in made.files.values():
        assert draft_lines(text)
    if section == "news":
        assert t("scaffold.news.summary", "ru") in ru and t("scaffold.news.summary", "en") in en
