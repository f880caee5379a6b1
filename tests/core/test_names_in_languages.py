"""A registry name (``Localized``: a municipality's, its coordinator's, its search group's) in
Russian, English and any further language of the region, and what each language shows."""

from __future__ import annotations

from factories import make_municipality

from extrel.core import regionsearch, schema
from extrel.core.schema import Localized, MunicipalityMeta

ZH = ("ru", "en", "zh")


def entry(name: dict[str, object], **more: object) -> dict[str, object]:
    return {"name": name, "kind": "district", **more}


def test_a_further_language_shows_its_own_name_and_the_rest_english() -> None:
    m = make_municipality(name={"ru": "Инзенский район", "en": "Inza District",
                                "zh": "因扎区"})
    assert [m.name(lang) for lang in ("ru", "en", "zh", "kk")] == [
        "Инзенский район", "Inza District", "因扎区", "Inza District"]


def test_names_are_read_in_the_regions_languages() -> None:
    lines = {"name": 1, "name.ru": 1, "name.zh": 1}
    model, found = schema.validate(MunicipalityMeta, entry(
        {"ru": "Инза", "en": "Inza", "zh": "  因扎  "}), lines, ZH)
    assert found == []
    assert isinstance(model, MunicipalityMeta)
    assert [model.name.get(lang) for lang in ZH] == ["Инза", "Inza", "因扎"]


def test_a_name_in_a_language_the_region_lacks_is_told_with_its_line() -> None:
    lines = {"name": 1, "coordinator": 2, "coordinator.name": 3, "coordinator.name.eng": 4}
    model, found = schema.validate(MunicipalityMeta, entry(
        {"ru": "Инза", "en": "Inza"},
        coordinator={"name": {"ru": "Анна", "en": "Anna", "eng": "Anna"}}), lines, ZH)
    assert model is None
    assert [(f.line, f.field) for f in found] == [(4, "coordinator")]
    assert found[0].ru == ("поле «coordinator.name.eng»: языка «eng» нет среди языков сайта "
                           "(ru, en, zh); исправьте код языка или добавьте язык в блок i18n "
                           "файла mkdocs.yml")
    assert "'eng' is not one of the site's languages (ru, en, zh)" in found[0].en
    # Chinese is not one of a Russian and English region's languages
    model, found = schema.validate(MunicipalityMeta, entry(
        {"ru": "Инза", "en": "Inza", "zh": "因扎"}), {"name.zh": 5}, ("ru", "en"))
    assert model is None and [(f.line, f.key) for f in found] == [
        (5, "problem.localized.language")]


def test_an_empty_name_in_a_further_language_is_told() -> None:
    model, found = schema.validate(MunicipalityMeta, entry(
        {"ru": "Инза", "en": "Inza", "zh": " "}), {"name.zh": 2}, ZH)
    assert model is None
    assert [(f.line, f.ru) for f in found] == [(2, "поле «name.zh»: ожидается непустой текст")]


def test_russian_and_english_stay_required() -> None:
    model, found = schema.validate(MunicipalityMeta, entry({"ru": "Инза", "zh": "因扎"}),
                                   {}, ZH)
    assert model is None and [f.key for f in found] == ["problem.field.missing"]
    assert found[0].params["name"] == "name.en"


def test_a_name_read_back_without_the_languages_keeps_them() -> None:
    """The load cache stores a validated entry and reads it back without the region's
    languages (they were checked when the entry was first read)."""
    name = Localized.model_validate({"ru": "Инза", "en": "Inza", "zh": "因扎"},
                                    context={"languages": ZH})
    again = Localized.model_validate(name.model_dump())
    assert again == name and again.get("zh") == "因扎"


def test_a_search_groups_name_in_a_further_language() -> None:
    alpha = make_municipality("alpha")
    beta = make_municipality("beta")
    grouped = {
        "alpha": alpha.__class__(alpha.id, MunicipalityMeta.model_validate(entry(
            {"ru": "Альфа", "en": "Alpha"},
            group={"ru": "Ульяновская область", "en": "Ulyanovsk Oblast",
                   "zh": "乌里扬诺夫斯克州"})), alpha.registry_path, alpha.content_path),
        "beta": beta,
    }
    found = regionsearch.groups_of(grouped)
    assert [(g.name("zh"), g.name("kk"), g.name("ru")) for g in found] == [
        ("乌里扬诺夫斯克州", "Ulyanovsk Oblast", "Ульяновская область"),
        ("Other municipalities", "Other municipalities", "Другие муниципалитеты")]
