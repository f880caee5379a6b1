"""Bad input through the command line: the demo region broken in many ways at once, English
messages, the JSON Schemas editors use, and the pre-commit hook."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from regions import REPO, write

from extrel.cli import cli
from extrel.core.frontmatter import load_yaml, parse
from extrel.core.jsonschema import all_schemas, dump


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """The demo region's Inza District, outside git (pages dated by modification time)."""
    root = tmp_path / "demo"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "content/inza", root / "content/inza")
    for name in ("index.ru.md", "index.en.md"):
        shutil.copy(REPO / "content" / name, root / "content" / name)
    (root / "municipalities").mkdir()
    for name in ("inza.yml", "inza.png"):
        shutil.copy(REPO / "municipalities" / name, root / "municipalities" / name)
    return root / "mkdocs.yml"


def test_the_demo_is_valid_before_it_is_broken(demo: Path) -> None:
    code, output = run("check", "-f", str(demo), "--format", "json")
    assert code in (0, 1), output
    assert [p for p in json.loads(output)["problems"] if p["severity"] == "error"] == []


def test_demo_broken_in_many_ways_reports_everything_and_exits_2(demo: Path) -> None:
    root = demo.parent
    news = root / "content/inza/news"
    first = sorted(news.glob("*.ru.md"))[0]
    text = first.read_text(encoding="utf-8")
    first.write_text(text.replace("title:", "titel:", 1), encoding="utf-8")
    write(root, "content/inza/news/2026-11-21-script.ru.md",
          "---\ntitle: Скрипт\ndate: 2026-11-21\n---\n\n<script>alert(1)</script>\n")
    write(root, "content/inza/news/2026-11-22-iframe.ru.md",
          "---\ntitle: Видео\ndate: 2026-11-22\n---\n\n"
          "<iframe src=\"https://evil.example/v\"></iframe>\n")
    write(root, "content/inza/news/2026-11-23-date.ru.md",
          "---\ntitle: Дата\ndate: 2026-02-30\n---\n")
    (news / "broken.jpg").write_bytes(b"\xff\xd8\xff not really")
    write(root, "content/inza/news/2026-11-24-photo.ru.md",
          "---\ntitle: Фото\ndate: 2026-11-24\n---\n\n![](broken.jpg)\n"
          "[пароли](../../../../etc/passwd)\n")
    (root / "content/inza/plan/2027.ru.md").write_bytes("---\ntitle: План\n".encode("cp1251")
                                                       + "год: 2027\n---\n".encode("cp1251"))
    write(root, "content/inza/partners/Riga.ru.md", "---\ntitle: Рига\n---\n")
    write(root, "municipalities/inza.yml",
          (REPO / "municipalities/inza.yml").read_text(encoding="utf-8").replace(
              "kind: district", "kind: raion"))
    code, output = run("check", "-f", str(demo), "--format", "json")
    assert code == 2, output
    problems = {(p["file"], p["line"], p["message"].split(";")[0])
                for p in json.loads(output)["problems"] if p["severity"] == "error"}
    rel = first.relative_to(root).as_posix()
    expected = {
        (rel, 2, "неизвестное поле «titel»"),
        (rel, 1, "нет обязательного поля «title»"),
        ("content/inza/news/2026-11-21-script.ru.md", 6,
         "тег <script> запрещён на страницах раздела (он может запускать сценарии или уводить "
         "посетителей)"),
        ("content/inza/news/2026-11-22-iframe.ru.md", 6,
         "вставка <iframe> с сайта «evil.example» не разрешена"),
        ("content/inza/news/2026-11-23-date.ru.md", 3,
         "поле «date»: дата «2026-02-30» не существует или записана неверно"),
        ("content/inza/news/2026-11-24-photo.ru.md", 6,
         "у изображения ![](broken.jpg) нет описания: напишите в квадратных скобках, что на "
         "снимке, например ![Участники встречи](photo.jpg) — его прочтут незрячие посетители"),
        ("content/inza/news/2026-11-24-photo.ru.md", 6,
         "изображение «broken.jpg» повреждено или это не изображение (формат не распознан)"),
        ("content/inza/news/2026-11-24-photo.ru.md", 7,
         "путь «../../../../etc/passwd» выходит за пределы репозитория сайта"),
        ("content/inza/plan/2027.ru.md", 2, "файл не в кодировке UTF-8"),
        ("content/inza/partners/Riga.ru.md", None,
         "имя файла «Riga.ru.md» не по правилу подраздела: нужно «код-партнёра.ru.md» "
         "(латиница в нижнем регистре, цифры, дефис"),
        ("municipalities/inza.yml", 3,
         "поле «kind»: значение «raion» не допускается"),
    }
    missing = {e for e in expected if not any(
        p[0] == e[0] and p[1] == e[1] and p[2].startswith(e[2])
        for p in problems)}
    assert not missing, "\n".join(sorted(map(str, problems)))

    code, output = run("check", "-f", str(demo), "--lang", "en")
    assert code == 2
    assert "content/inza/news/2026-11-21-script.ru.md:6: the <script> tag is not allowed" in output
    assert "did you mean 'title'?" in output
    assert "is not a real date; use YYYY-MM-DD, for example 2026-11-17" in output


def test_build_refuses_script_and_keeps_no_site(demo: Path) -> None:
    root = demo.parent
    write(root, "content/inza/news/2026-11-21-script.ru.md",
          "---\ntitle: Скрипт\ndate: 2026-11-21\n---\n\n<p onclick=\"steal()\">x</p>\n")
    code, output = run("build", "-f", str(demo), "--workers", "1")
    assert code == 2
    assert ("content/inza/news/2026-11-21-script.ru.md:6: атрибут «onclick» у тега <p> "
            "запускает сценарий и запрещён; удалите его") in output
    assert not (root / "site").exists()


# --- JSON Schemas ------------------------------------------------------------------------------


def test_schema_has_help() -> None:
    code, output = run("schema", "--help")
    assert code == 0 and "--output" in output


def test_committed_schemas_are_what_the_command_writes(tmp_path: Path) -> None:
    code, output = run("schema", "--output", str(tmp_path / "s"))
    assert code == 0, output
    written = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "s").iterdir()}
    committed = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "schemas").iterdir()}
    assert written == committed, "run `extrel schema` and commit schemas/"
    code, _ = run("schema", "--check", "--output", str(REPO / "schemas"))
    assert code == 0
    (tmp_path / "s/news.schema.json").write_text("{}", encoding="utf-8")
    code, output = run("schema", "--check", "--output", str(tmp_path / "s"))
    assert code == 1 and "news.schema.json" in output


def test_every_field_has_a_russian_description() -> None:
    for name, schema in all_schemas().items():
        models = [schema, *schema.get("$defs", {}).values()]
        for model in models:
            for field, prop in model["properties"].items():
                assert re.search("[а-яё]", prop.get("description", ""), re.I), (name, field)
        assert json.loads(dump(schema)) == schema


def _schema_for(page: Path) -> dict:
    lang = page.name.split(".")[-2]
    section = page.parent.name
    return all_schemas()[f"{section}.schema.json" if lang == "ru"
                         else f"{section}.{lang}.schema.json"]


def test_schemas_accept_the_demo_content() -> None:
    pages = sorted((REPO / "content/inza").glob("*/*.md"))
    assert len(pages) > 20
    for page in pages:
        meta = parse(page.read_text(encoding="utf-8")).meta
        jsonschema.validate(meta, _schema_for(page), cls=jsonschema.Draft7Validator)
    for path in sorted((REPO / "municipalities").glob("*.yml")):
        data, _ = load_yaml(path.read_text(encoding="utf-8"))
        jsonschema.validate(data, all_schemas()["municipality.schema.json"],
                            cls=jsonschema.Draft7Validator)


@pytest.mark.parametrize(("section", "meta", "word"), [
    ("news", {"titel": "x", "date": "2026-11-17"}, "titel"),
    ("news", {"title": "x", "date": "2026-11-17", "image": "a.jpg"}, "image_alt"),
    ("partners", {"title": "x", "country": "Georgia", "type": "twin", "status": "active"},
     "Georgia"),
    ("partners", {"title": "x", "country": "GE", "type": "twin", "status": "sleeping"},
     "sleeping"),
    ("announcements", {"title": "x", "start": "17.11.2026"}, "17.11.2026"),
    ("organizations", {"title": "x", "url": "javascript:alert(1)"}, "javascript"),
])
def test_schemas_reject_what_the_loader_rejects(section: str, meta: dict, word: str) -> None:
    validator = jsonschema.Draft7Validator(all_schemas()[f"{section}.schema.json"])
    errors = " ".join(e.message for e in validator.iter_errors(meta))
    assert word in errors


def test_english_schema_leaves_shared_fields_to_the_russian_file() -> None:
    schemas = all_schemas()
    assert schemas["news.schema.json"]["required"] == ["title", "date"]
    assert schemas["news.en.schema.json"]["required"] == ["title"]


def test_vscode_settings_name_existing_schemas() -> None:
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    for schema in settings["yaml.schemas"]:
        assert (REPO / schema).is_file(), schema


# --- pre-commit ------------------------------------------------------------------------------


def test_pre_commit_hook_runs_extrel_check_on_content_changes() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "extrel-check")
    assert hook["entry"].split()[:2] == ["extrel", "check"]
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    pattern = re.compile(hook["files"])
    for path in ("content/inza/news/2026-11-05-x.ru.md", "municipalities/inza.yml",
                 "mkdocs.yml"):
        assert pattern.search(path), path
    for path in ("README.md", "src/extrel/cli.py", "theme/main.html", "docs/mkdocs.yml"):
        assert not pattern.search(path), path
