"""The web editor's configuration, generated from the front matter's schemas (core/cms.py),
and the admin folder a build publishes (editor/admin.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extrel.core import cms
from extrel.core.jsonschema import section_schema
from extrel.core.languages import REQUIRED
from extrel.core.options import parse_options
from extrel.core.schema import LANG_FIELDS
from extrel.core.sections import SCHEMAS, SUBSECTION_IDS
from extrel.editor import admin

NAMES = {"inza": "Инзенский район", "novo-spassk": "Новоспасский район"}
GITLAB = {"backend": "gitlab", "repo": "region/site", "base_url": "https://git.region.example",
          "app_id": "abc123"}


def _config() -> dict:
    return cms.config(NAMES, local_url="http://127.0.0.1:9/api/v1")


def test_every_subsection_of_every_municipality_is_a_collection_in_the_suffix_layout() -> None:
    collections = {c["name"]: c for c in _config()["collections"]}
    assert set(collections) == {f"{m}-{s}" for m in NAMES for s in SUBSECTION_IDS}
    for mid in NAMES:
        for section in SUBSECTION_IDS:
            c = collections[f"{mid}-{section}"]
            assert c["folder"] == f"content/{mid}/{section}"
            assert c["extension"] == "md" and c["i18n"] is True
            assert c["slug"] == "{{fields." + cms.FILE_KEY + "}}"
            assert c["media_folder"] == "" and c["public_folder"] == ""  # beside the page
    assert collections["inza-presentation"]["limit"] == 1
    partner = {f["name"]: f for f in collections["novo-spassk-news"]["fields"]}["partner"]
    assert partner["widget"] == "relation" and partner["collection"] == "novo-spassk-partners"
    assert partner["value_field"] == "{{slug}}" and partner["required"] is False
    i18n = _config()["i18n"]
    assert i18n == {"structure": "multiple_files", "locales": list(REQUIRED),
                    "default_locale": "ru"}
    # a region's further language (mkdocs.yml's i18n block) gets its side too
    wider = cms.config(NAMES, local_url="x", languages=("ru", "en", "zh"))["i18n"]
    assert wider["locales"] == ["ru", "en", "zh"] and wider["default_locale"] == "ru"
    assert _config()["locale"] == "ru"


@pytest.mark.parametrize("section", SUBSECTION_IDS)
def test_fields_follow_the_schema(section: str) -> None:
    schema = section_schema(section, "ru")
    fields = {f["name"]: f for f in cms.section_fields(section)}
    assert set(fields) == set(schema["properties"]) | {"body"}
    for name, prop in schema["properties"].items():
        f = fields[name]
        assert f["required"] is (name in schema.get("required", [])), name
        if name in LANG_FIELDS:
            assert f["i18n"] is True, name
        else:  # edited once, written to the Russian file only
            assert f.get("i18n", "none") == "none", name
        values = prop.get("enum") or next(
            (o.get("enum") for o in prop.get("anyOf", []) if "enum" in o), None)
        if values and name not in cms.FILE_WIDGETS:
            assert f["widget"] == "select"
            assert [o["value"] for o in f["options"]] == values
            assert all(re.search(r"[а-я]", o["label"]) for o in f["options"]), f["options"]
        assert f["label"] and (f.get("hint") or f["label"] == prop.get("description"))


def test_lists_files_dates_and_patterns() -> None:
    news = {f["name"]: f for f in cms.section_fields("news")}
    assert news["image"]["widget"] == "image" and news["tags"]["widget"] == "list"
    assert news["date"]["widget"] == "datetime" and news["date"]["format"] == "YYYY-MM-DD"
    assert news["date"]["time_format"] is False
    partners = {f["name"]: f for f in cms.section_fields("partners")}
    assert partners["agreement"]["widget"] == "file"
    assert partners["directions"]["widget"] == "list" and partners["directions"]["i18n"]
    assert re.fullmatch(partners["country"]["pattern"][0], "BY")
    assert not re.fullmatch(partners["country"]["pattern"][0], "by")
    files = {f["name"]: f for f in cms.section_fields("presentation")}["files"]
    inner = {f["name"]: f for f in files["fields"]}
    assert inner["file"]["widget"] == "file" and inner["kind"]["widget"] == "select"
    assert inner["title"]["i18n"] is True  # each language names the file
    assert inner["file"]["i18n"] == inner["kind"]["i18n"] == "duplicate"
    plan = {f["name"]: f for f in cms.section_fields("plan")}
    assert plan["year"]["widget"] == "number" and plan["year"]["min"] == 2000


def test_file_name_rules_cover_every_subsection_and_name_real_fields() -> None:
    rules = cms.rules()
    assert set(rules["sections"]) == set(SCHEMAS)
    for section, rule in rules["sections"].items():
        fields = SCHEMAS[section].model_fields
        for key in ("date", "year"):
            if key in rule:
                assert rule[key] in fields and fields[rule[key]].is_required()
    assert rules["sections"]["presentation"] == {"fixed": "index"}
    assert {s for s, r in rules["sections"].items() if "date" in r} == \
        {"news", "announcements", "participation"}


def test_gitlab_and_forgejo_backends() -> None:
    backend = cms.config(NAMES, editor=GITLAB)["backend"]
    assert backend == {"name": "gitlab", "repo": "region/site", "branch": "main",
                       "base_url": "https://git.region.example", "app_id": "abc123",
                       "auth_type": "pkce", "api_root": "https://git.region.example/api/v4",
                       "auth_endpoint": "oauth/authorize"}
    forgejo = cms.config(NAMES, editor={**GITLAB, "backend": "forgejo"})["backend"]
    assert forgejo["name"] == "forgejo"
    assert forgejo["api_root"] == "https://git.region.example/api/v1"


def test_the_editor_option() -> None:
    options, problems = parse_options({"editor": GITLAB})
    assert not problems and options.editor is not None and options.editor.branch == "main"
    assert parse_options({})[0].editor is None
    _, problems = parse_options({"editor": {**GITLAB, "base_url": "http://git.example"}})
    assert problems and "base_url" in problems[0].ru


def test_the_policy_allows_only_the_site_and_the_git_host() -> None:
    policy = admin.policy(["https://git.region.example"])
    hosts = set(re.findall(r"https?://[^\s;]+", policy))
    assert hosts == {"https://git.region.example"}
    assert "default-src 'none'" in policy and "'unsafe-inline'" not in policy.split(
        "script-src")[1].split(";")[0]


def test_publish_writes_nothing_without_the_option(tmp_path: Path) -> None:
    assert admin.publish(tmp_path, NAMES, None) == []
    assert not (tmp_path / "admin").exists()


def test_publish_writes_the_admin_folder(tmp_path: Path) -> None:
    try:
        admin.require_cms()
    except admin.MissingCMS as exc:
        pytest.skip(f"vendored Decap CMS missing (scripts/setup --test): {exc}")
    assert admin.publish(tmp_path, NAMES, GITLAB) == []
    page = (tmp_path / "admin/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in page
    assert "https://git.region.example" in page and "cdn" not in page.lower()
    payload = json.loads((tmp_path / "admin/extrel.json").read_text(encoding="utf-8"))
    assert payload["config"]["backend"]["name"] == "gitlab"
    assert (tmp_path / "admin/decap-cms.js").is_file()
    assert (tmp_path / "admin/yaml/index.js").is_file()
    assert not list((tmp_path / "admin").glob("*.map"))


def test_edit_says_in_russian_how_to_install_a_missing_editor(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from click.testing import CliRunner
    from regions import make_region

    from extrel.cli import cli

    config = make_region(tmp_path / "region")
    monkeypatch.setenv("EXTREL_CMS_DIR", str(tmp_path / "nothing"))
    result = CliRunner().invoke(cli, ["edit", "alpha", "-f", str(config)])
    assert result.exit_code == 2
    assert "Редактор не установлен" in result.output and "scripts/setup" in result.output


def test_the_forms_words_are_the_catalogues_in_the_editors_language() -> None:
    from extrel.core.messages import t

    lang = cms.EDITOR_LANG
    assert _config()["locale"] == lang == "ru"
    collections = {c["name"]: c for c in _config()["collections"]}
    news = collections["inza-news"]
    assert news["label"] == f"Инзенский район: {t('cms.title.news', lang)}"
    assert news["label_singular"] == t("cms.title.news", lang) == "Новости"
    fields = {f["name"]: f for f in news["fields"]}
    assert (fields["body"]["label"], fields["body"]["hint"]) == (
        t("cms.body.label", lang), t("cms.body.hint", lang))
    assert fields["partner"]["label"] == t("cms.partner.label", lang)
    partners = {f["name"]: f for f in collections["inza-partners"]["fields"]}
    assert partners["type"]["label"] == t("cms.label.type", lang) == "Вид связи"
    assert partners["country"]["pattern"][1].startswith(t("cms.bad_format", lang))
    # a label is the catalogue's own words, without the description's examples
    assert fields["tags"]["label"] == "Метки"


def test_the_admin_page_and_the_scripts_words(tmp_path: Path) -> None:
    """The admin page's title and the checks extrel.js shows are the catalogue's."""
    from importlib import resources

    from extrel.core.messages import t

    template = (resources.files("extrel.editor") / "static/index.html").read_text("utf-8")
    html = admin.page(template, "default-src 'none'")
    assert '<html lang="ru">' in html and "__" not in html
    assert f"<title>{t('editor.page.title', 'ru')}</title>" in html
    assert t("editor.page.noscript", "ru") in html
    words = admin.script_messages()
    assert words["alt_missing_in"] == t("editor.check.alt_missing_in", "ru", locale="{locale}")
    assert "{locale}" in words["alt_missing_in"]
    assert words["end_before_start"] == t("editor.check.end_before_start", "ru")
    script = (resources.files("extrel.editor") / "static/extrel.js").read_text("utf-8")
    assert all(f"messages.{key}" in script for key in words)
