"""Every mistake PRODUCT.md's "Bad input" lists, one at a time: which file, which line, what
message. Each case breaks one thing in a small, otherwise valid region."""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from regions import image, make_region, page, write

from extrel.core.loader import load_region
from extrel.core.problems import Problem

A = "content/alpha"
NEWS = f"{A}/news/2026-11-20-visit.ru.md"


def news(body: str = "Текст.", **fields: object) -> str:
    return page({"title": "Визит", "date": "2026-11-20", **fields}, body)


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares its size and holds nothing: cheap to write, absurd to decode."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def symlink_out(root: Path, link: str, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        target.write_text("---\ntitle: x\ndate: 2026-11-01\n---\n", encoding="utf-8")
    os.symlink(target, root / link)


Case = tuple[Callable[[Path], None], str, int | None, str]
"""Break the region; then the file, line and start of the Russian message expected."""

CASES: dict[str, Case] = {
    # front matter
    "invalid-yaml": (lambda r: write(r, NEWS, "---\ntitle: [oops\ndate: 2026-11-20\n---\n"),
                     NEWS, 2, "ошибка в записи свойств (YAML)"),
    "no-front-matter": (lambda r: write(r, NEWS, "Просто текст\n"),
                        NEWS, 1, "нет блока свойств страницы"),
    "missing-field": (lambda r: write(r, NEWS, page({"title": "Визит"})),
                      NEWS, 1, "нет обязательного поля «date»; добавьте в блок свойств строку"),
    "unknown-field": (lambda r: write(r, NEWS, news(titel="x")),
                      NEWS, 4, "неизвестное поле «titel»; возможно, имелось в виду «title»"),
    "value-outside-list": (lambda r: write(r, f"{A}/partners/kutaisi.ru.md", page(
        {"title": "Кутаиси", "country": "GE", "type": "twin", "status": "sleeping"})),
        f"{A}/partners/kutaisi.ru.md", 5,
        "поле «status»: значение «sleeping» не допускается; допустимые значения: active"),
    "impossible-date": (lambda r: write(r, NEWS, news(date="2026-13-45")),
                        NEWS, 3, "поле «date»: дата «2026-13-45» не существует или записана "
                                 "неверно; формат ГГГГ-ММ-ДД, например 2026-11-17"),
    "english-contradicts": (lambda r: write(r, f"{A}/news/2026-10-01-forum.en.md", page(
        {"title": "Forum", "date": "2026-10-02"})),
        f"{A}/news/2026-10-01-forum.en.md", 3,
        "поле «date» (2026-10-02) противоречит русской версии"),
    "yaml-aliases": (lambda r: write(r, NEWS, news(tags="&t [a, b]", summary="*t")),
                     NEWS, 5, "ошибка в записи свойств (YAML): ссылки «&…» и «*…» не "
                              "поддерживаются"),
    "html-in-title": (lambda r: write(r, NEWS, page({"title": "Визит <script>x()</script>",
                                                     "date": "2026-11-20"})),
                      NEWS, 2, "поле «title»: HTML-разметка"),
    "quote-breaks-attribute": (lambda r: (image(r / f"{A}/news/p.jpg"), write(r, NEWS, news(
        image="p.jpg", image_alt="'Фото\" onerror=\"alert(1)'"))),
        NEWS, 5, "поле «image_alt»: HTML-разметка и конструкции вида"),
    "registry-invalid-yaml": (lambda r: write(r, "municipalities/beta.yml",
                                              "kind: district\nname: {ru: Бета, en: Beta\n"),
                              "municipalities/beta.yml", 2, "ошибка в записи YAML"),
    "script-website": (lambda r: write(r, "municipalities/beta.yml",
                                       "name: {ru: Бета, en: Beta}\nkind: district\n"
                                       "website: javascript:alert(1)\n"),
                       "municipalities/beta.yml", 3,
                       "поле «website»: «javascript:alert(1)» — не адрес сайта"),
    # files
    "not-utf8": (lambda r: (r / NEWS).write_bytes(
        "---\ntitle: Визит\n".encode() + "date: 2026-11-20 Москва\n---\n".encode("cp1251")),
        NEWS, 3, "файл не в кодировке UTF-8"),
    "empty-file": (lambda r: write(r, NEWS, "  \n"), NEWS, None, "файл пуст"),
    "misnamed-file": (lambda r: write(r, f"{A}/news/visit.ru.md", news()),
                      f"{A}/news/visit.ru.md", None,
                      "имя файла «visit.ru.md» не по правилу подраздела: нужно "
                      "«ГГГГ-ММ-ДД-название.ru.md»"),
    "no-language-suffix": (lambda r: write(r, f"{A}/news/2026-11-20-visit.md", news()),
                           f"{A}/news/2026-11-20-visit.md", None,
                           "в имени файла нет суффикса языка"),
    "bad-folder-id": (lambda r: write(r, "content/Gamma_1/news/2026-11-20-x.ru.md", news()),
                      "content/Gamma_1", None,
                      "имя папки «Gamma_1» не годится как код муниципалитета"),
    "bad-registry-id": (lambda r: write(r, "municipalities/Gamma.yml", "kind: city\n"),
                        "municipalities/Gamma.yml", None,
                        "имя файла «Gamma.yml» не годится как код муниципалитета"),
    "runnable-file": (lambda r: write(r, f"{A}/news/page.html", "<script>x()</script>"),
                      f"{A}/news/page.html", None,
                      "файлы «.html» публикуются как есть и могут запускать сценарии"),
    "svg-with-script": (lambda r: write(r, f"{A}/news/logo.svg",
                                        "<svg xmlns='http://www.w3.org/2000/svg'>\n"
                                        "<script>alert(1)</script>\n</svg>\n"),
                        f"{A}/news/logo.svg", 2, "тег <script> запрещён"),
    "page-symlink-out": (lambda r: symlink_out(r, f"{A}/news/2026-11-21-x.ru.md",
                                               r.parent / "outside" / "x.md"),
                         f"{A}/news/2026-11-21-x.ru.md", None,
                         "это символическая ссылка, ведущая за пределы папки content/alpha"),
    "folder-symlink-out": (lambda r: os.symlink(r.parent, r / f"{A}/news/up"),
                           f"{A}/news/up", None,
                           "это символическая ссылка, ведущая за пределы папки content/alpha"),
    # assets named in the front matter
    "missing-asset": (lambda r: write(r, NEWS, news(image="nophoto.jpg", image_alt="Фото")),
                      NEWS, 4, "файл «nophoto.jpg» не найден"),
    "image-without-alt": (lambda r: write(r, NEWS, news(image="../news/photo.jpg")),
                          NEWS, 4, "у изображения нет описания: добавьте поле «image_alt»"),
    "asset-outside-municipality": (lambda r: (image(r / "content/beta/news/b.jpg"), write(
        r, NEWS, news(image="../../beta/news/b.jpg", image_alt="Фото"))),
        NEWS, 4, "путь «../../beta/news/b.jpg» выходит за пределы папки content/alpha"),
    "absolute-asset": (lambda r: write(r, f"{A}/partners/kutaisi.ru.md", page(
        {"title": "Кутаиси", "country": "GE", "type": "twin", "status": "active",
         "agreement": "/etc/passwd"})),
        f"{A}/partners/kutaisi.ru.md", 6, "путь «/etc/passwd» абсолютный"),
    "corrupt-image": (lambda r: ((r / f"{A}/news/bad.jpg").write_bytes(b"\xff\xd8 not a jpeg"),
                                 write(r, NEWS, news(image="bad.jpg", image_alt="Фото"))),
                      NEWS, 4, "изображение «bad.jpg» повреждено или это не изображение"),
    "decompression-bomb": (lambda r: ((r / f"{A}/news/bomb.png").write_bytes(
        png_header(100_000, 100_000)), write(r, NEWS, news(image="bomb.png", image_alt="Фото"))),
        NEWS, 4, "изображение «bomb.png» слишком велико"),
    "too-many-pixels": (lambda r: ((r / f"{A}/news/huge.png").write_bytes(
        png_header(10_000, 6_000)), write(r, NEWS, news(image="huge.png", image_alt="Фото"))),
        NEWS, 4, "изображение «huge.png» слишком велико (10000×6000, 60 Мп при допустимых "
                 "50 Мп)"),
    "corrupt-coat-of-arms": (lambda r: (r / "municipalities/alpha.png").write_bytes(b"GIF89a"),
                             "municipalities/alpha.yml", 3,
                             "изображение «alpha.png» повреждено"),
    # the body: links and images
    "link-outside-repository": (lambda r: write(r, NEWS, news(
        "Первая строка.\n[пароли](../../../../../etc/passwd)")),
        NEWS, 7, "путь «../../../../../etc/passwd» выходит за пределы репозитория сайта"),
    "link-to-other-municipality": (lambda r: write(r, NEWS, news(
        "[бета](../../beta/news/2026-08-01-hello.ru.md)")),
        NEWS, 6, "путь «../../beta/news/2026-08-01-hello.ru.md» выходит за пределы папки "
                 "content/alpha; храните файлы рядом со страницей, а на другие разделы"),
    "absolute-link": (lambda r: write(r, NEWS, news("<a href=\"/etc/passwd\">пароли</a>")),
                      NEWS, 6, "путь «/etc/passwd» абсолютный"),
    "file-url": (lambda r: write(r, NEWS, news("[x](file:///etc/passwd)")),
                 NEWS, 6, "путь «file:///etc/passwd» абсолютный"),
    "missing-page": (lambda r: write(r, NEWS, news("См. [Ригу](../partners/riga.md).")),
                     NEWS, 6, "файл «../partners/riga.md» не найден"),
    "body-image-symlink-out": (lambda r: (os.symlink("/etc/hostname", r / f"{A}/news/h.jpg"),
                                          write(r, NEWS, news("![Фото](h.jpg)"))),
                               NEWS, 6, "«h.jpg» — символическая ссылка, ведущая за пределы "
                                        "папки content/alpha"),
    "body-image-without-alt": (lambda r: write(r, NEWS, news("Текст\n\n![](photo.jpg)")),
                               NEWS, 8, "у изображения ![](photo.jpg) нет описания"),
    "html-image-without-alt": (lambda r: write(r, NEWS, news("<img src=\"photo.jpg\">")),
                               NEWS, 6, "у изображения <img src=\"photo.jpg\"> нет описания"),
    "body-image-missing": (lambda r: write(r, NEWS, news("![Фото](nophoto.png)")),
                           NEWS, 6, "файл «nophoto.png» не найден"),
    "body-image-corrupt": (lambda r: ((r / f"{A}/news/c.png").write_bytes(b"\x89PNG\r\n\x1a\n"),
                                      write(r, NEWS, news("![Фото](c.png)"))),
                           NEWS, 6, "изображение «c.png» повреждено"),
    "external-image": (lambda r: write(r, NEWS, news("![Фото](https://example.com/x.jpg)")),
                       NEWS, 6, "«https://example.com/x.jpg» загружается с другого сайта"),
    # the body: raw HTML that runs script
    "script": (lambda r: write(r, NEWS, news("Текст\n<script>alert(1)</script>")),
               NEWS, 7, "тег <script> запрещён"),
    "on-attribute": (lambda r: write(r, NEWS, news("<p onmouseover=\"alert(1)\">x</p>")),
                     NEWS, 6, "атрибут «onmouseover» у тега <p> запускает сценарий"),
    "javascript-url": (lambda r: write(r, NEWS, news("[нажми](javascript:alert(1))")),
                       NEWS, 6, "адрес «javascript:alert(1)» запускает сценарий"),
    "encoded-javascript-url": (lambda r: write(r, NEWS, news(
        "<a href=\"jav&#x61;script:alert(1)\">x</a>")),
        NEWS, 6, "адрес «javascript:alert(1)» запускает сценарий"),
    "vbscript-url": (lambda r: write(r, NEWS, news("[x](vbscript:msgbox)")),
                     NEWS, 6, "адрес «vbscript:msgbox» запускает сценарий"),
    "data-html-url": (lambda r: write(r, NEWS, news(
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>")),
        NEWS, 6, "адрес «data:text/html,<script>alert(1)</script>» запускает сценарий"),
    "reference-javascript": (lambda r: write(r, NEWS, news("[x][r]\n\n[r]: javascript:alert(1)")),
                             NEWS, 8, "адрес «javascript:alert(1)» запускает сценарий"),
    "attr-list-handler": (lambda r: write(r, NEWS, news("[x](photo.jpg){: onclick=\"a()\" }")),
                          NEWS, 6, "атрибут «onclick» в фигурных скобках {…} запускает сценарий"),
    "iframe-not-allowed": (lambda r: write(r, NEWS, news(
        "<iframe src=\"https://evil.example/embed\"></iframe>")),
        NEWS, 6, "вставка <iframe> с сайта «evil.example» не разрешена; разрешены только видео "
                 "с сайтов: rutube.ru"),
    "iframe-srcdoc": (lambda r: write(r, NEWS, news(
        "<iframe src=\"https://rutube.ru/x\" srcdoc=\"<script>x</script>\"></iframe>")),
        NEWS, 6, "вставка <iframe> с сайта «https://rutube.ru/x» не разрешена"),
    "object": (lambda r: write(r, NEWS, news("<object data=\"x.swf\"></object>")),
               NEWS, 6, "тег <object> запрещён"),
    "embed": (lambda r: write(r, NEWS, news("<embed src=\"x.swf\">")),
              NEWS, 6, "тег <embed> запрещён"),
    "form": (lambda r: write(r, NEWS, news("<form action=\"https://evil.example\"></form>")),
             NEWS, 6, "тег <form> запрещён"),
    "base": (lambda r: write(r, NEWS, news("<base href=\"https://evil.example/\">")),
             NEWS, 6, "тег <base> запрещён"),
    "meta-refresh": (lambda r: write(r, NEWS, news(
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">")),
        NEWS, 6, "тег <meta http-equiv=\"refresh\"> перенаправляет посетителей"),
    "script-in-comment": (lambda r: write(r, NEWS, news("<!--\n\n<script>alert(1)</script>")),
                          NEWS, 8, "тег <script> запрещён"),
    "portal-runnable-file": (lambda r: write(r, "content/_extra/x.js", "alert(1)"),
                             "content/_extra/x.js", None,
                             "файлы «.js» публикуются как есть"),
    "portal-symlink-out": (lambda r: os.symlink("/etc/hostname", r / "content/hostname.txt"),
                           "content/hostname.txt", None,
                           "это символическая ссылка, ведущая за пределы папки content"),
    "portal-page-script": (lambda r: write(r, "content/index.ru.md", page(
        {"title": "Портал"}, "<script>alert(1)</script>")),
        "content/index.ru.md", 5, "тег <script> запрещён"),
}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "r"
    make_region(root)
    return root


def test_the_region_is_valid_before_it_is_broken(root: Path) -> None:
    assert load_region(root).problems == []


@pytest.mark.parametrize("name", list(CASES))
def test_each_mistake_is_reported_with_file_line_and_fix(root: Path, name: str) -> None:
    breaking, file, line, message = CASES[name]
    breaking(root)
    problems = load_region(root).problems
    assert all(isinstance(p, Problem) for p in problems)
    found = [p for p in problems if p.file == file and p.ru.startswith(message)]
    assert found, "\n".join(p.format() for p in problems)
    assert found[0].line == line, found[0].format()
    assert found[0].severity == "error"
    assert found[0].en and found[0].en != found[0].ru


@pytest.mark.parametrize("name", ["script", "javascript-url", "missing-field", "corrupt-image",
                                  "iframe-not-allowed", "unknown-field"])
def test_english_messages(root: Path, name: str) -> None:
    CASES[name][0](root)
    english = " ".join(p.format("en") for p in load_region(root).problems)
    expected = {
        "script": "the <script> tag is not allowed on section pages",
        "javascript-url": "the address 'javascript:alert(1)' runs script and is not allowed",
        "missing-field": "the required field 'date' is missing",
        "corrupt-image": "the image 'bad.jpg' is corrupt or not an image",
        "iframe-not-allowed": "an <iframe> from 'evil.example' is not allowed",
        "unknown-field": "unknown field 'titel'; did you mean 'title'?",
    }[name]
    assert expected in english


def test_allowed_iframes_and_links_inside_pass(root: Path) -> None:
    write(root, NEWS, news(
        "<iframe src=\"https://rutube.ru/play/embed/1\" title=\"Видео\"></iframe>\n"
        "[партнёр](../partners/kutaisi.md), [он же](../partners/kutaisi.ru.md), "
        "[план](../plan/), [раздел](../), [архив](../news/2026/), [якорь](#x), "
        "[сайт](https://example.org), [почта](mailto:a@example.org)\n"
        "![Участники](photo.jpg) <img src=\"photo.jpg\" alt=\"Участники\">\n"
        "[презентация](../presentation/overview.pdf \"PDF\")"
    ))
    assert load_region(root).problems == []


def test_allowed_iframe_hosts_come_from_the_option(root: Path) -> None:
    write(root, NEWS, news("<iframe src=\"https://video.example.org/1\"></iframe>\n"
                           "<iframe src=\"https://rutube.ru/1\"></iframe>"))
    problems = load_region(root, allowed_iframe_hosts=["video.example.org"]).problems
    assert [(p.line, p.ru.split(";")[0]) for p in problems] == [
        (7, "вставка <iframe> с сайта «rutube.ru» не разрешена")]


def test_every_problem_at_once(root: Path) -> None:
    """One run reports every broken file, however many."""
    expected = set()
    for i, name in enumerate(["invalid-yaml", "not-utf8", "script", "corrupt-image",
                              "value-outside-list", "bad-registry-id", "runnable-file",
                              "missing-page", "svg-with-script"]):
        breaking, file, _, _ = CASES[name]
        breaking(root)
        if file == NEWS:  # the news cases all write one file: give each its own
            file = f"{A}/news/2026-11-0{i + 1}-case.ru.md"
            (root / NEWS).rename(root / file)
        expected.add(file)
    assert expected <= {p.file for p in load_region(root).problems}


def test_each_image_is_opened_once_per_load(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    opened: list[str] = []
    original = Image.open

    def counting(fp: object, *args: object, **kwargs: object) -> object:
        opened.append(str(fp))
        return original(fp, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Image, "open", counting)
    for day in range(1, 6):
        write(root, f"{A}/news/2026-11-0{day}-more.ru.md", news(
            "![Участники](photo.jpg)\n<img src=\"photo.jpg\" alt=\"Участники\">",
            date=f"2026-11-0{day}", image="photo.jpg", image_alt="Участники"))
    assert load_region(root).problems == []
    assert sum(p.endswith("news/photo.jpg") for p in opened) == 1


def test_a_mistake_two_checks_find_is_told_once(root: Path) -> None:
    """``date: 2026-13-45`` is refused by the strict YAML reading and by the schema, in the
    same words: the editor reads it once, beside the page's other mistakes."""
    write(root, NEWS, news(date="2026-13-45", kind="вечеринка"))
    problems = [p for p in load_region(root).problems if p.file == NEWS]
    dates = [p for p in problems if "2026-13-45" in p.ru]
    assert len(dates) == 1, "\n".join(p.format() for p in problems)
    assert any("вечеринка" in p.ru for p in problems)


def test_a_field_written_twice_is_named_with_both_lines(root: Path) -> None:
    """YAML keeps the last of two ``kind:`` lines silently; the editor is told instead."""
    write(root, NEWS, "---\ntitle: Визит\nkind: conference\ndate: 2026-11-20\n"
                      "kind: вечеринка\n---\n\nТекст.\n")
    (problem,) = [p for p in load_region(root).problems if p.file == NEWS]
    assert problem.line == 5, problem.format()
    assert "поле «kind» записано второй раз (первый — в строке 3)" in problem.ru
    assert "the field “kind” is written a second time (the first is on line 3)" in problem.en
