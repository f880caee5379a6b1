#!/usr/bin/env python3
"""The demo's presentation kit as tagged PDFs (PDF/UA-1), the model editors copy.

    python scripts/demo_documents.py      (also run by scripts/make_demo_media.py)

Every document is HTML rendered by WeasyPrint with ``pdf_variant="pdf/ua-1"``: a structure
tree (headings, lists, tables, figures with their alternative text), the language of each
part, the title shown by readers, fonts embedded. That is what "tagged" means to extrel's
check (core/documents.py) and what a screen reader needs.

For each municipality: a 16-slide overview and (Inza) an investment deck, in Russian; an
investment sheet (the others), a tourism leaflet, an export offer with a product catalogue
and the information sheet, each a Russian page and an English page. Photos are the demo's
news photos, downsampled; charts are vector drawings with a text equivalent.

Developer step: needs WeasyPrint (``pip install -e ".[demo-media]"``) and Debian's Pango
(``apt-get install -y libpango-1.0-0 libpangoft2-1.0-0``) and the DejaVu fonts. The PDFs
are committed; building the demo does not need any of this.
"""

from __future__ import annotations

import html
import sys
from collections.abc import Sequence
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

import demo_kit_data as kit  # noqa: E402
import make_demo_media as media  # noqa: E402

CONTENT = media.CONTENT
E = html.escape

CSS_COMMON = """
@font-face { font-family: Sans; src: local("DejaVu Sans"); }
html { font-family: "DejaVu Sans", sans-serif; color: #1e1e28; }
h1, h2, h3 { margin: 0; line-height: 1.2; }
ul { margin: 0; padding-left: 1.2em; }
li { margin: 0 0 .35em; }
.note { color: #8a4a4a; }
.muted { color: #5a5a66; }
figure { margin: 0; }
figcaption { font-size: 8pt; color: #5a5a66; margin-top: 2pt; }
table { border-collapse: collapse; width: 100%; }
th, td { border: .5pt solid #b8b8c0; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #eef0f3; }
"""

CSS_SLIDES = """
@page { size: 254mm 142.875mm; margin: 0;
  @bottom-left { content: element(footer); } }
body { margin: 0; }
section.slide { page-break-after: always; height: 142.875mm; box-sizing: border-box;
  padding: 12mm 14mm 16mm 18mm; border-left: 4mm solid var(--accent); position: relative;
  font-size: 15pt; }
section.slide:last-of-type { page-break-after: auto; }
section.slide h2 { font-size: 24pt; margin-bottom: 3mm; }
section.slide h2::after { content: ""; display: block; width: 24mm; height: 1.2mm;
  background: var(--accent); margin-top: 3mm; }
.cols { display: flex; gap: 8mm; }
.cols > ul { flex: 1 1 55%; margin-top: 4mm; }
.cols > figure { flex: 0 0 42%; }
.cols > figure img { width: 100%; }
section.title { background: var(--accent); color: #fff; border-left: 0; display: flex;
  align-items: center; gap: 12mm; padding-left: 22mm; }
section.title h1 { font-size: 30pt; margin-bottom: 6mm; }
section.title p { font-size: 16pt; margin: 0 0 2mm; }
section.title .note { color: #f0f0f0; font-size: 10pt; margin-top: 8mm; }
footer.slide-foot { position: absolute; left: 18mm; right: 14mm; bottom: 6mm; font-size: 9pt;
  color: #5a5a66; display: flex; justify-content: space-between;
  border-top: .4pt solid #d0d0d6; padding-top: 1.5mm; }
footer.slide-foot .note { color: #8a4a4a; }
footer.slide-foot strong { color: var(--accent); }
.chart { width: 100%; }
"""

CSS_A4 = """
@page { size: A4; margin: 16mm 16mm 18mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #5a5a66; } }
body { font-size: 10pt; line-height: 1.45; }
article { page-break-after: always; }
article:last-of-type { page-break-after: auto; }
header.band { background: var(--accent); color: #fff; padding: 6mm 8mm; display: flex;
  align-items: center; gap: 8mm; margin-bottom: 6mm; }
header.band img { width: 20mm; }
header.band h1 { font-size: 20pt; }
header.band p { margin: 1mm 0 0; font-size: 10pt; }
h2 { font-size: 13pt; color: var(--accent-dark); margin: 5mm 0 2mm; }
dl.facts { display: flex; flex-wrap: wrap; gap: 3mm; margin: 0; }
dl.facts div { flex: 0 0 48%; background: var(--accent-light); padding: 2mm 3mm;
  box-sizing: border-box; }
dl.facts dt { font-size: 8pt; color: #5a5a66; }
dl.facts dd { margin: 0; font-weight: bold; }
figure.photo img { width: 100%; height: 75mm; object-fit: cover; }
p.note { margin-top: 6mm; font-size: 8pt; border-top: .5pt solid #d0d0d6; padding-top: 2mm; }
"""


def _hex(c: Sequence[int]) -> str:
    return "#" + "".join(f"{v:02x}" for v in c)


def _accent_css(mid: str) -> str:
    accent = media.MUNI[mid]["accent"]
    dark = media.shade(accent, 0.75)
    light = media.mix(accent, (255, 255, 255), 0.9)
    return (f":root {{ --accent: {_hex(accent)}; --accent-dark: {_hex(dark)}; "
            f"--accent-light: {_hex(light)}; }}")


def photo_alt(path: str, lang: str = "ru") -> str:
    """The alternative text of a news photo, as its news page gives it."""
    photo = CONTENT / path
    for page in photo.parent.glob(f"{photo.stem}*.{lang}.md"):
        meta = yaml.safe_load(page.read_text(encoding="utf-8").split("---")[1])
        if meta.get("image") == photo.name and meta.get("image_alt"):
            return str(meta["image_alt"])
    for page in photo.parent.glob(f"*.{lang}.md"):
        meta = yaml.safe_load(page.read_text(encoding="utf-8").split("---")[1])
        if meta.get("image") == photo.name and meta.get("image_alt"):
            return str(meta["image_alt"])
    raise SystemExit(f"no image_alt for {path} in its news page")


def chart_svg(caption: str, data: Sequence[tuple[str, float]], accent: str) -> str:
    """A horizontal bar chart as SVG, with the figures in a text equivalent (figcaption)."""
    vmax = max(v for _, v in data)
    rows = []
    for i, (label, value) in enumerate(data):
        y = 10 + i * 34
        w = 260 * value / vmax
        rows.append(
            f'<text x="0" y="{y + 10}" font-size="11" fill="#3c3c46">{E(label)}</text>'
            f'<rect x="0" y="{y + 14}" width="{w:.0f}" height="12" fill="{accent}"/>'
            f'<text x="{w + 6:.0f}" y="{y + 24}" font-size="11" font-weight="bold" '
            f'fill="#28283a">{value:g}</text>')
    height = 20 + len(data) * 34
    text = "; ".join(f"{label} — {value:g}" for label, value in data)
    return (f'<figure><img class="chart" alt="{E(caption)}: {E(text)}" '
            f'src="data:image/svg+xml;utf8,{E(_svg_doc(rows, height))}">'
            f"<figcaption>{E(caption)}</figcaption></figure>")


def _svg_doc(rows: list[str], height: int) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 {height}" '
            f'width="320" height="{height}" font-family="DejaVu Sans">{"".join(rows)}</svg>')


def _doc(lang: str, title: str, css: str, body: str) -> str:
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{E(title)}</title>"
            f'<meta name="author" content="Демонстрационный регион extrel">'
            f'<meta name="description" content="{E(media.DEMO_NOTE_RU)}">'
            f'<meta name="dcterms.created" content="2026-01-15T09:00:00Z">'
            f'<meta name="dcterms.modified" content="2026-01-15T09:00:00Z">'
            f'<meta name="generator" content="scripts/demo_documents.py">'
            f"<style>{CSS_COMMON}{css}</style></head><body>{body}</body></html>")


def deck_html(mid: str, slides: Sequence[media.Slide], deck: str, title: str) -> str:
    info = media.MUNI[mid]
    accent = _hex(info["accent"])
    parts = []
    total = len(slides)
    for n, (heading, bullets, extra) in enumerate(slides, start=1):
        if n == 1:
            arms = (media.MUNICIPALITIES / f"{mid}.png").as_uri()
            parts.append(
                f'<section class="slide title"><img src="{arms}" '
                f'alt="Герб: {E(info["name"])}" width="180">'
                f"<div><h1>{E(heading)}</h1>"
                + "".join(f"<p>{E(b)}</p>" for b in bullets)
                + f'<p class="note">{E(media.DEMO_NOTE_RU)}</p></div></section>')
            continue
        items = "".join(f"<li>{E(b)}</li>" for b in bullets)
        side = ""
        if extra and extra[0] == "chart":
            side = chart_svg(extra[1], extra[2], accent)
        elif extra and extra[0] == "photo":
            side = (f'<figure><img src="{(CONTENT / extra[1]).as_uri()}" '
                    f'alt="{E(photo_alt(extra[1]))}"><figcaption>Фото: пресс-служба '
                    "администрации (демонстрационное изображение)</figcaption></figure>")
        parts.append(
            f'<section class="slide"><h2>{E(heading)}</h2><div class="cols"><ul>{items}</ul>'
            f"{side}</div>"
            f'<footer class="slide-foot"><span>{E(info["name"])} · {E(deck)}</span>'
            f'<span class="note">{E(media.DEMO_NOTE_RU)}</span>'
            f"<strong>{n} / {total}</strong></footer></section>")
    return _doc("ru", title, _accent_css(mid) + CSS_SLIDES, "".join(parts))


def a4_html(mid: str, title: str, pages: Sequence[tuple[str, str]]) -> str:
    """``pages``: (lang, inner HTML) — each language an <article> with its own lang."""
    body = "".join(f'<article lang="{lang}">{inner}</article>' for lang, inner in pages)
    return _doc("ru", title, _accent_css(mid) + CSS_A4, body)


def band(mid: str, heading: str, sub: str, lang: str) -> str:
    name = media.MUNI[mid]["name" if lang == "ru" else "name_en"]
    alt = f"Герб: {name}" if lang == "ru" else f"Coat of arms: {name}"
    return (f'<header class="band"><img src="{(media.MUNICIPALITIES / f"{mid}.png").as_uri()}" '
            f'alt="{E(alt)}"><div><h1>{E(heading)}</h1><p>{E(sub)}</p></div></header>')


def note(lang: str) -> str:
    return f'<p class="note">{E(media.DEMO_NOTE_RU if lang == "ru" else media.DEMO_NOTE_EN)}</p>'


def info_sheet_page(mid: str, lang: str) -> str:
    data = media.INFO_SHEET[mid][lang]
    facts = "".join(f"<div><dt>{E(k)}</dt><dd>{E(v)}</dd></div>" for k, v in data["facts"])
    sections = "".join(f"<h2>{E(h)}</h2><p>{E(t)}</p>" for h, t in data["sections"])
    return (band(mid, data["heading"], data["sub"], lang) + f'<dl class="facts">{facts}</dl>'
            + sections + note(lang))


def kit_page(mid: str, kind: str, lang: str) -> str:
    """A tourism leaflet, export offer or investment sheet page from demo_kit_data."""
    data = getattr(kit, kind.upper())[mid][lang]
    out = [band(mid, data["heading"], data["sub"], lang)]
    if data.get("intro"):
        out.append(f"<p>{E(data['intro'])}</p>")
    if data.get("photo"):
        caption = "Фото: демонстрационное изображение" if lang == "ru" else "Photo: sample image"
        out.append(f'<figure class="photo"><img src="{(CONTENT / data["photo"]).as_uri()}" '
                   f'alt="{E(photo_alt(data["photo"], lang))}"><figcaption>{caption}'
                   "</figcaption></figure>")
    for heading, text in data.get("sections", []):
        out.append(f"<h2>{E(heading)}</h2><p>{E(text)}</p>")
    if data.get("table"):
        head, rows, caption = data["table"]
        out.append(f"<h2>{E(caption)}</h2><table><thead><tr>"
                   + "".join(f'<th scope="col">{E(h)}</th>' for h in head) + "</tr></thead><tbody>"
                   + "".join("<tr>" + "".join(f"<td>{E(c)}</td>" for c in row) + "</tr>"
                             for row in rows)
                   + "</tbody></table>")
    if data.get("contact"):
        heading = "Контакты" if lang == "ru" else "Contact"
        out.append(f"<h2>{heading}</h2><p>{E(data['contact'])}</p>")
    out.append(note(lang))
    return "".join(out)


CSS_AGREEMENT = """
@page { size: A4; margin: 25mm 22mm 25mm 25mm;
  @bottom-center { content: "Образец · " counter(page) " / " counter(pages); font-size: 8pt; } }
body { font-family: "DejaVu Serif", serif; font-size: 11pt; line-height: 1.5; }
h1 { font-size: 13pt; text-align: center; margin-bottom: 8mm; }
h2 { font-size: 11pt; margin: 5mm 0 1mm; }
p { text-align: justify; margin: 0 0 2mm; }
table.sign, table.sign td { border: 0; width: 50%; padding-top: 8mm; }
"""


def agreement_html() -> str:
    body = [f"<h1>{E(media.AGREEMENT_TITLE)}</h1>"]
    for head, text in media.AGREEMENT_ARTICLES:
        if head:
            body.append(f"<h2>{E(head)}</h2>")
        body.append(f"<p>{E(text)}</p>")
    body.append('<table class="sign" role="presentation"><tr>'
                "<td>За администрацию МО «Инзенский район»<br>Глава администрации<br><br>"
                "____________________<br>М. П.</td>"
                "<td>За акимат Бурабайского района<br>Аким района<br><br>"
                "____________________<br>М. П.</td></tr></table>")
    body.append(f'<p class="note">{E(media.DEMO_NOTE_RU)}</p>')
    return _doc("ru", "Соглашение о сотрудничестве: Инзенский район — Бурабайский район "
                "(образец)", CSS_AGREEMENT, "".join(body))


def write_pdf(document: str, path: Path) -> None:
    from weasyprint import HTML

    HTML(string=document, base_url=str(CONTENT)).write_pdf(
        path, pdf_variant="pdf/ua-1", optimize_images=True, jpeg_quality=60, dpi=110,
        pdf_identifier=path.name.encode(), uncompressed_pdf=False)
    media.report(path)


def main() -> int:
    for mid, slides in media.OVERVIEW.items():
        name = media.MUNI[mid]["name"]
        folder = CONTENT / mid / "presentation"
        write_pdf(deck_html(mid, slides, "Презентация 2026",
                            f"{name}: презентация муниципального образования, 2026"),
                  folder / f"{mid}-overview-2026.pdf")
        name_en = media.MUNI[mid]["name_en"]
        write_pdf(a4_html(mid, f"{name}: информационная справка / {name_en}: fact sheet",
                          [(lang, info_sheet_page(mid, lang)) for lang in ("ru", "en")]),
                  folder / f"{mid}-info-sheet-2026.pdf")
        for kind, ru, en in (("tourism", "туристический буклет", "tourist leaflet"),
                             ("export", "экспортное предложение и каталог продукции",
                              "export offer and product catalogue"),
                             ("investment", "инвестиционное предложение",
                              "investment offer")):
            if mid not in getattr(kit, kind.upper()):
                continue
            write_pdf(a4_html(mid, f"{name}: {ru} / {name_en}: {en}",
                              [(lang, kit_page(mid, kind, lang)) for lang in ("ru", "en")]),
                      folder / f"{mid}-{kind}-2026.pdf")
    write_pdf(agreement_html(), CONTENT / "inza" / "partners" / "burabay-agreement.pdf")
    write_pdf(deck_html("inza", media.INVESTMENT_INZA, "Инвестиционный паспорт 2026",
                        "Инзенский район: инвестиционный паспорт, 2026"),
              CONTENT / "inza" / "presentation" / "inza-investment-2026.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
