#!/usr/bin/env python3
"""Generate the binary media of the demo region (Ulyanovsk Oblast).

    python scripts/make_demo_media.py

rewrites, deterministically:

- ``municipalities/<id>.png``  coats of arms (simple heraldic shields);
- ``content/<id>/news/*.jpg``   news photos (drawn scenes, 1600x1067);
- ``content/<id>/presentation/*.pdf``  the presentation kit as tagged PDFs (PDF/UA-1):
  overview decks (16 slides), investment, tourism, export offers with a product catalogue,
  information sheets (scripts/demo_documents.py, WeasyPrint);
- ``content/<id>/presentation/*.mp4``  short videos with burnt-in captions
  (scripts/demo_video.py, ffmpeg);
- ``content/inza/partners/burabay-agreement.pdf``  a sample agreement, tagged too.

Pictures are drawn with Pillow and need a TrueType font with Cyrillic glyphs (DejaVu:
``apt-get install fonts-dejavu-core``); documents need WeasyPrint and Debian's Pango
(``apt-get install -y libpango-1.0-0 libpangoft2-1.0-0``), videos Debian's ffmpeg.
All data shown is sample data and every document says so.
"""

from __future__ import annotations

import math
import random
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageEnhance, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
MUNICIPALITIES = ROOT / "municipalities"
CONTENT = ROOT / "content"

PHOTO_SIZE = (1600, 1067)
SS = 2  # supersampling factor for drawn scenes
SLIDE_SIZE = (1280, 720)
A4_SIZE = (1240, 1754)  # 150 dpi
PDF_DATE = time.strptime("2026-01-15 09:00:00", "%Y-%m-%d %H:%M:%S")
DEMO_NOTE_RU = "Демонстрационный материал: сведения условные"
DEMO_NOTE_EN = "Demonstration material: sample data"

Color = tuple[int, int, int]

# --------------------------------------------------------------------------- fonts

FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
    "/Library/Fonts",
    "C:/Windows/Fonts",
)
_font_cache: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}


def font(size: int, style: str = "sans") -> ImageFont.FreeTypeFont:
    names = {
        "sans": "DejaVuSans.ttf",
        "bold": "DejaVuSans-Bold.ttf",
        "cond": "DejaVuSansCondensed.ttf",
        "condbold": "DejaVuSansCondensed-Bold.ttf",
        "serif": "DejaVuSerif.ttf",
        "serifbold": "DejaVuSerif-Bold.ttf",
        "serifitalic": "DejaVuSerif-Italic.ttf",
    }
    key = (style, size)
    if key not in _font_cache:
        for d in FONT_DIRS:
            p = Path(d) / names[style]
            if p.exists():
                _font_cache[key] = ImageFont.truetype(str(p), size)
                break
        else:
            sys.exit(
                f"Font {names[style]} not found in {', '.join(FONT_DIRS)}; "
                "install it, e.g. `apt-get install -y fonts-dejavu-core`."
            )
    return _font_cache[key]


def wrap(text: str, fnt: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Greedy word wrap by rendered width."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            trial = f"{line} {word}".strip()
            if fnt.getlength(trial) <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


# --------------------------------------------------------------------------- colours


def shade(c: Color, f: float) -> Color:
    return tuple(max(0, min(255, int(v * f))) for v in c)  # type: ignore[return-value]


def mix(a: Color, b: Color, t: float) -> Color:
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))  # type: ignore[return-value]


def vgradient(size: tuple[int, int], top: Color, bottom: Color) -> Image.Image:
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


# --------------------------------------------------------------------------- coats of arms

ARMS = {
    # id: (field, charge colour, design)
    "inza": ((30, 110, 60), (235, 190, 60), "spruce"),
    "dimitrovgrad": ((25, 80, 160), (240, 200, 70), "atom"),
    "novospasskoe": ((230, 180, 50), (40, 120, 60), "ears"),
}
SILVER = (236, 236, 236)


def shield_outline(w: float, h: float, m: float) -> list[tuple[float, float]]:
    """A "French" shield: straight top and sides, rounded base with a small point."""
    cx = w / 2
    y0 = h * 0.6
    hw = cx - m
    pts = [(m, m), (w - m, m), (w - m, y0)]
    n = 40
    for i in range(1, n + 1):  # right half of the base, down to the point
        a = i / n * math.pi / 2
        x = cx + hw * math.cos(a)
        y = y0 + (h - m - y0) * math.sin(a) ** 1.15 * 0.94
        pts.append((x, y))
    pts.append((cx, h - m))
    for i in range(n, -1, -1):  # left half, mirrored
        a = i / n * math.pi / 2
        pts.append((cx - hw * math.cos(a), y0 + (h - m - y0) * math.sin(a) ** 1.15 * 0.94))
    return pts


def wavy_band(
    d: ImageDraw.ImageDraw,
    x0: float,
    x1: float,
    y: float,
    amp: float,
    thick: float,
    fill: Color,
    waves: int = 3,
) -> None:
    top = []
    bottom = []
    n = 80
    for i in range(n + 1):
        x = x0 + (x1 - x0) * i / n
        dy = amp * math.sin(i / n * waves * 2 * math.pi)
        top.append((x, y + dy))
        bottom.append((x, y + dy + thick))
    d.polygon(top + bottom[::-1], fill=fill)


def make_arms(mid: str) -> None:
    k = 4
    w, h = 224 * k, 256 * k
    field, charge, design = ARMS[mid]
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    outline = shield_outline(w, h, 6 * k)
    d.polygon(outline, fill=(60, 45, 20))  # dark rim
    inner = shield_outline(w, h, 14 * k)
    d.polygon(inner, fill=(205, 160, 40))  # gold border
    field_poly = shield_outline(w, h, 24 * k)
    mask = Image.new("L", (w, h), 0)
    ImageDraw.Draw(mask).polygon(field_poly, fill=255)
    layer = Image.new("RGBA", (w, h), field + (255,))
    ld = ImageDraw.Draw(layer)
    cx = w / 2
    if design == "spruce":
        # a golden spruce above a silver wavy bar (the river Inza)
        for ty, half in [(0.16, 0.10), (0.28, 0.17), (0.40, 0.24)]:
            top = h * ty
            ld.polygon(
                [(cx, top), (cx - w * half, top + h * 0.20), (cx + w * half, top + h * 0.20)],
                fill=charge,
            )
            ld.polygon(
                [
                    (cx, top + h * 0.03),
                    (cx - w * half * 0.3, top + h * 0.20),
                    (cx + w * half * 0.3, top + h * 0.20),
                ],
                fill=shade(charge, 0.85),
            )
        ld.rectangle([cx - w * 0.03, h * 0.60, cx + w * 0.03, h * 0.66], fill=(130, 80, 30))
        wavy_band(ld, 0, w, h * 0.70, h * 0.02, h * 0.07, SILVER, 3)
        wavy_band(ld, 0, w, h * 0.82, h * 0.02, h * 0.05, SILVER, 3)
    elif design == "atom":
        # three golden orbits around a silver core, a silver wavy base (the Cheremshan)
        cy = h * 0.38
        for ang in (0, 60, 120):
            orb = Image.new("RGBA", (w, h), (0, 0, 0, 0))
            od = ImageDraw.Draw(orb)
            od.ellipse(
                [cx - w * 0.30, cy - h * 0.09, cx + w * 0.30, cy + h * 0.09],
                outline=charge,
                width=int(9 * k),
            )
            orb = orb.rotate(ang, center=(cx, cy), resample=Image.BICUBIC)
            layer.alpha_composite(orb)
        ld.ellipse([cx - w * 0.06, cy - w * 0.06, cx + w * 0.06, cy + w * 0.06], fill=SILVER)
        for i in range(4):
            wavy_band(ld, 0, w, h * (0.66 + i * 0.075), h * 0.015, h * 0.035, SILVER, 4)
    else:
        # three green wheat ears on gold, an azure chief with a silver star
        ld.rectangle([0, 0, w, h * 0.27], fill=(30, 80, 160))
        star = []
        for i in range(10):
            r = w * 0.09 if i % 2 == 0 else w * 0.036
            a = -math.pi / 2 + i * math.pi / 5
            star.append((cx + r * math.cos(a), h * 0.15 + r * math.sin(a)))
        ld.polygon(star, fill=SILVER)
        for dx, rot in ((-0.17, 18), (0, 0), (0.17, -18)):
            ear = Image.new("RGBA", (w, h), (0, 0, 0, 0))
            ed = ImageDraw.Draw(ear)
            ex = cx
            ed.line([(ex, h * 0.42), (ex, h * 0.86)], fill=charge, width=int(5 * k))
            for j in range(6):
                yy = h * (0.36 + j * 0.055)
                for side in (-1, 1):
                    ed.ellipse(
                        [
                            ex + side * w * 0.045 - w * 0.028,
                            yy - h * 0.026,
                            ex + side * w * 0.045 + w * 0.028,
                            yy + h * 0.026,
                        ],
                        fill=charge,
                    )
            ed.ellipse([ex - w * 0.025, h * 0.30, ex + w * 0.025, h * 0.37], fill=charge)
            ear = ear.rotate(rot, center=(cx, h * 0.86), resample=Image.BICUBIC)
            layer.alpha_composite(ear, (int(w * dx), 0))
    img.paste(layer, (0, 0), mask)
    # a soft highlight, as on enamel
    hl = Image.new("L", (w, h), 0)
    ImageDraw.Draw(hl).ellipse([-w * 0.3, -h * 0.4, w * 0.7, h * 0.35], fill=40)
    hl = hl.filter(ImageFilter.GaussianBlur(30 * k))
    hl = Image.composite(hl, Image.new("L", (w, h), 0), mask)
    white = Image.new("RGBA", (w, h), (255, 255, 255, 0))
    white.putalpha(hl)
    img.alpha_composite(white)
    small = img.resize((224, 256), Image.LANCZOS)
    out = small.quantize(colors=48, method=Image.Quantize.FASTOCTREE)
    path = MUNICIPALITIES / f"{mid}.png"
    out.save(path, optimize=True)
    report(path)


# --------------------------------------------------------------------------- flags


def make_flag(code: str, w: int, h: int) -> Image.Image:
    img = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(img)

    def stripes(colors: Sequence[Color], weights: Sequence[float] | None = None) -> None:
        weights = weights or [1] * len(colors)
        total = sum(weights)
        y = 0.0
        for c, wt in zip(colors, weights, strict=True):
            y1 = y + h * wt / total
            d.rectangle([0, int(y), w, int(y1) + 1], fill=c)
            y = y1

    if code == "ru":
        stripes([(255, 255, 255), (0, 57, 166), (213, 43, 30)])
    elif code == "bg":
        stripes([(255, 255, 255), (0, 150, 110), (214, 38, 18)])
    elif code == "rs":
        stripes([(198, 54, 60), (12, 64, 118), (255, 255, 255)])
    elif code == "by":
        stripes([(200, 49, 62), (67, 176, 42)], [2, 1])
        d.rectangle([0, 0, w * 0.11, h], fill=(255, 255, 255))
        for i in range(8):
            y = h * i / 8
            d.polygon(
                [
                    (w * 0.055, y + h * 0.01),
                    (w * 0.1, y + h / 16),
                    (w * 0.055, y + h / 8 - h * 0.01),
                    (w * 0.01, y + h / 16),
                ],
                fill=(200, 49, 62),
            )
    elif code == "kz":
        img.paste((0, 175, 202), (0, 0, w, h))
        cx, cy, r = w * 0.5, h * 0.45, h * 0.2
        for i in range(32):
            a = i * math.pi / 16
            d.line(
                [
                    (cx + r * 1.15 * math.cos(a), cy + r * 1.15 * math.sin(a)),
                    (cx + r * 1.6 * math.cos(a), cy + r * 1.6 * math.sin(a)),
                ],
                fill=(254, 197, 0),
                width=max(1, w // 120),
            )
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(254, 197, 0))
        d.rectangle([w * 0.04, h * 0.05, w * 0.09, h * 0.95], fill=(254, 197, 0))
    elif code == "uz":
        stripes(
            [(0, 153, 181), (200, 30, 40), (255, 255, 255), (200, 30, 40), (30, 181, 58)],
            [10, 1, 10, 1, 10],
        )
        d.ellipse([w * 0.06, h * 0.05, w * 0.2, h * 0.27], fill=(255, 255, 255))
        d.ellipse([w * 0.09, h * 0.05, w * 0.23, h * 0.27], fill=(0, 153, 181))
    elif code == "cn":
        img.paste((222, 41, 16), (0, 0, w, h))
        for cx, cy, r in (
            (0.17, 0.27, 0.16),
            (0.33, 0.1, 0.05),
            (0.4, 0.2, 0.05),
            (0.4, 0.35, 0.05),
            (0.33, 0.45, 0.05),
        ):
            pts = []
            for i in range(10):
                rr = h * r if i % 2 == 0 else h * r * 0.4
                a = -math.pi / 2 + i * math.pi / 5
                pts.append((w * cx + rr * math.cos(a), h * cy + rr * math.sin(a)))
            d.polygon(pts, fill=(255, 222, 0))
    elif code == "ulyanovsk":
        stripes([(255, 255, 255), (0, 80, 160)], [1, 3])
        d.ellipse([w * 0.42, h * 0.38, w * 0.58, h * 0.62], fill=(230, 190, 60))
    return img


def waved(flag: Image.Image, amp: float, periods: float, phase: float) -> Image.Image:
    """Bend a flag into a sine wave with light and shadow folds."""
    w, h = flag.size
    amp_i = int(amp) + 1
    out = Image.new("RGBA", (w, h + 2 * amp_i), (0, 0, 0, 0))
    rgba = flag.convert("RGBA")
    for x in range(w):
        t = x / w
        a = amp * t  # the hoist is fixed to the pole
        ang = periods * 2 * math.pi * t + phase
        dy = a * math.sin(ang)
        f = 1.0 + 0.22 * math.cos(ang) * min(1.0, t * 4)
        col = rgba.crop((x, 0, x + 1, h)).point(lambda v, f=f: min(255, int(v * f)))
        col.putalpha(255)
        out.paste(col, (x, int(amp_i + dy)))
    return out


def draw_pole_flag(
    img: Image.Image, code: str, x: float, top: float, bottom: float, fw: float, rng: random.Random
) -> None:
    d = ImageDraw.Draw(img)
    pw = max(3, fw * 0.03)
    d.rectangle([x - pw / 2, top, x + pw / 2, bottom], fill=(190, 190, 195))
    d.rectangle([x - pw / 2, top, x - pw / 6, bottom], fill=(235, 235, 238))
    d.ellipse([x - pw, top - pw * 1.5, x + pw, top + pw * 0.5], fill=(215, 190, 90))
    fl = waved(make_flag(code, int(fw), int(fw * 0.6)), fw * 0.06, 1.3, rng.uniform(0, 6))
    img.alpha_composite(fl, (int(x + pw / 2), int(top + pw)))


def draw_stand_flag(
    img: Image.Image, code: str, x: float, top: float, bottom: float, fw: float
) -> None:
    """A flag hanging from an indoor stand, with vertical folds."""
    d = ImageDraw.Draw(img)
    pw = max(3, fw * 0.05)
    d.rectangle([x - pw / 2, top, x + pw / 2, bottom], fill=(200, 170, 80))
    d.ellipse([x - pw, top - pw * 2, x + pw, top], fill=(220, 190, 90))
    fh = (bottom - top) * 0.62
    fl = make_flag(code, int(fh * 0.6), int(fh)).transpose(Image.Transpose.ROTATE_90)
    fl = fl.resize((int(fw), int(fh)))
    fl = fl.convert("RGBA")
    for i in range(int(fw)):
        f = 0.92 + 0.12 * math.sin(i / fw * 3 * math.pi)
        col = fl.crop((i, 0, i + 1, int(fh))).point(lambda v, f=f: min(255, int(v * f)))
        fl.paste(col, (i, 0))
    fl.putalpha(255)
    img.alpha_composite(fl, (int(x + pw / 2), int(top + pw)))


# --------------------------------------------------------------------------- scene parts

SKIN = [(236, 200, 170), (222, 180, 150), (200, 160, 125), (240, 210, 185), (180, 135, 100)]
HAIR = [
    (40, 30, 25),
    (70, 50, 35),
    (110, 80, 50),
    (170, 140, 90),
    (150, 150, 150),
    (30, 30, 30),
    (200, 180, 130),
]
COATS = [
    (40, 50, 80),
    (120, 30, 40),
    (50, 90, 60),
    (200, 200, 205),
    (90, 90, 95),
    (30, 30, 35),
    (170, 120, 60),
    (60, 110, 170),
    (210, 80, 60),
    (240, 230, 210),
    (120, 60, 110),
    (20, 60, 110),
]
TROUSERS = [(30, 30, 40), (40, 45, 60), (60, 60, 65), (80, 70, 60), (25, 35, 70)]


def face(d: ImageDraw.ImageDraw, x: float, top: float, r: float, skin: Color) -> None:
    """Eyes, brows, a nose shadow and a mouth, just enough to read at photo scale."""
    if r < 6:
        return
    ey = top + r * 1.05
    for sx in (-1, 1):
        ex = x + sx * r * 0.35
        d.ellipse([ex - r * 0.1, ey - r * 0.07, ex + r * 0.1, ey + r * 0.07], fill=(45, 35, 30))
        d.line(
            [(ex - r * 0.16, ey - r * 0.2), (ex + r * 0.14, ey - r * 0.22)],
            fill=shade(skin, 0.55),
            width=max(1, int(r * 0.07)),
        )
    d.line(
        [(x + r * 0.04, ey + r * 0.05), (x + r * 0.08, ey + r * 0.42)],
        fill=shade(skin, 0.8),
        width=max(1, int(r * 0.08)),
    )
    d.line(
        [(x - r * 0.22, top + r * 1.72), (x + r * 0.22, top + r * 1.72)],
        fill=shade(skin, 0.62),
        width=max(1, int(r * 0.09)),
    )


def person(
    d: ImageDraw.ImageDraw,
    x: float,
    feet: float,
    h: float,
    rng: random.Random,
    coat: Color | None = None,
    back: bool = False,
    helmet: Color | None = None,
    vest: Color | None = None,
    flag_in_hand: bool = False,
) -> None:
    coat = coat or rng.choice(COATS)
    trousers = rng.choice(TROUSERS)
    skin = rng.choice(SKIN)
    hair = rng.choice(HAIR)
    skirt = rng.random() < 0.3
    head_r = h * 0.068
    hip = feet - h * 0.46
    leg = h * 0.065
    sh = h * 0.12 * rng.uniform(0.9, 1.1)
    torso_top = feet - h + head_r * 2.2
    # legs and shoes
    if skirt:
        d.polygon(
            [
                (x - sh * 0.9, hip - h * 0.02),
                (x + sh * 0.9, hip - h * 0.02),
                (x + sh * 1.15, feet - h * 0.2),
                (x - sh * 1.15, feet - h * 0.2),
            ],
            fill=shade(coat, 0.8),
        )
        for s in (-1, 1):
            d.rectangle(
                [
                    x + s * leg * 0.6 - leg * 0.3,
                    feet - h * 0.2,
                    x + s * leg * 0.6 + leg * 0.3,
                    feet,
                ],
                fill=shade(skin, 0.75),
            )
    else:
        for s in (-1, 1):
            d.rounded_rectangle(
                [x + s * leg * 0.6 - leg * 0.5, hip, x + s * leg * 0.6 + leg * 0.5, feet],
                radius=leg * 0.4,
                fill=trousers,
            )
    for s in (-1, 1):
        d.ellipse(
            [
                x + s * leg * 0.7 - leg * 0.7,
                feet - leg * 0.45,
                x + s * leg * 0.7 + leg * 0.7,
                feet + leg * 0.2,
            ],
            fill=(20, 18, 18),
        )
    # arms
    arm = h * 0.055
    for s in (-1, 1):
        ax = x + s * (sh + arm * 0.1)
        if flag_in_hand and s == 1:
            d.rounded_rectangle(
                [ax - arm / 2, torso_top - h * 0.12, ax + arm / 2, torso_top + h * 0.12],
                radius=arm * 0.4,
                fill=shade(coat, 0.85),
            )
        else:
            d.rounded_rectangle(
                [ax - arm / 2, torso_top + h * 0.02, ax + arm / 2, hip + h * 0.06],
                radius=arm * 0.45,
                fill=shade(coat, 0.85),
            )
            d.ellipse([ax - arm * 0.45, hip + h * 0.04, ax + arm * 0.45, hip + h * 0.1], fill=skin)
    # torso
    d.rounded_rectangle([x - sh, torso_top, x + sh, hip + h * 0.07], radius=sh * 0.5, fill=coat)
    if vest:
        d.rounded_rectangle(
            [x - sh * 0.85, torso_top + h * 0.03, x + sh * 0.85, hip + h * 0.05],
            radius=sh * 0.3,
            fill=vest,
        )
        d.rectangle(
            [x - sh * 0.85, hip - h * 0.06, x + sh * 0.85, hip - h * 0.045], fill=(230, 230, 230)
        )
    elif not back and rng.random() < 0.5:
        d.polygon(
            [(x - sh * 0.25, torso_top), (x + sh * 0.25, torso_top), (x, torso_top + h * 0.12)],
            fill=(235, 235, 240),
        )
    # neck and head
    d.rectangle(
        [x - head_r * 0.4, torso_top - head_r * 0.5, x + head_r * 0.4, torso_top + 2], fill=skin
    )
    hx0, hy0, hx1, hy1 = x - head_r * 0.85, feet - h, x + head_r * 0.85, feet - h + head_r * 2.2
    d.ellipse([hx0, hy0, hx1, hy1], fill=skin)
    if helmet:
        face(d, x, hy0, head_r, skin)
        d.chord(
            [hx0 - head_r * 0.15, hy0 - head_r * 0.25, hx1 + head_r * 0.15, hy1 - head_r * 0.6],
            180,
            360,
            fill=helmet,
        )
        d.rectangle(
            [hx0 - head_r * 0.25, hy0 + head_r * 0.6, hx1 + head_r * 0.25, hy0 + head_r * 0.8],
            fill=helmet,
        )
    elif back:
        d.ellipse([hx0 - 1, hy0 - 1, hx1 + 1, hy1 - head_r * 0.2], fill=hair)
    else:
        face(d, x, hy0, head_r, skin)
        d.chord([hx0 - 1, hy0 - 2, hx1 + 1, hy1 - head_r * 0.6], 180, 360, fill=hair)
        if rng.random() < 0.35:  # long hair
            d.rectangle(
                [hx0 - 1, hy0 + head_r * 0.7, hx0 + head_r * 0.3, hy1 + head_r * 0.3], fill=hair
            )
            d.rectangle(
                [hx1 - head_r * 0.3, hy0 + head_r * 0.7, hx1 + 1, hy1 + head_r * 0.3], fill=hair
            )


def bust(
    d: ImageDraw.ImageDraw,
    x: float,
    y: float,
    s: float,
    rng: random.Random,
    back: bool = True,
    coat: Color | None = None,
) -> None:
    """Head and shoulders (audience from behind, people at a table)."""
    coat = coat or rng.choice(COATS)
    hair = rng.choice(HAIR)
    skin = rng.choice(SKIN)
    d.rounded_rectangle(
        [x - s * 1.25, y + s * 0.85, x + s * 1.25, y + s * 3.2], radius=s * 0.7, fill=coat
    )
    d.rectangle([x - s * 0.3, y + s * 0.6, x + s * 0.3, y + s * 1.0], fill=skin)
    d.ellipse([x - s * 0.5, y - s * 0.55, x + s * 0.5, y + s * 0.75], fill=skin)
    if back:
        d.ellipse([x - s * 0.53, y - s * 0.58, x + s * 0.53, y + s * 0.7], fill=hair)
    else:
        face(d, x, y - s * 0.55, s * 0.6, skin)
        d.chord([x - s * 0.53, y - s * 0.6, x + s * 0.53, y + s * 0.35], 180, 360, fill=hair)
        if rng.random() < 0.5:
            d.polygon(
                [(x - s * 0.18, y + s * 0.85), (x + s * 0.18, y + s * 0.85), (x, y + s * 1.6)],
                fill=(235, 235, 240),
            )


def _shade_mask(size: tuple[int, int], side: float = 0.32, down: float = 0.18) -> Image.Image:
    """Multiply mask: light from the upper left, shadow to the right and towards the feet."""
    gh = Image.linear_gradient("L").rotate(90).resize(size).point(lambda v: 255 - int(v * side))
    gv = Image.linear_gradient("L").resize(size).point(lambda v: 255 - int(v * down))
    m = ImageChops.multiply(gh, gv)
    return Image.merge("RGB", (m, m, m))


def place_people(
    img: Image.Image,
    people: Sequence[dict],
    rng: random.Random,
    near_blur: float = 0.0,
    far_blur: float = 0.0,
    shadows: bool = True,
) -> None:
    """Draw people back to front as shaded sprites with soft ground shadows.

    Each dict has x, feet, h and optional person() keyword arguments. People taller than
    the median go on the near layer (blurred by near_blur), the rest on the far layer.
    """
    W, H = img.size
    people = sorted(people, key=lambda p: p["feet"])
    if not people:
        return
    median = sorted(p["h"] for p in people)[len(people) // 2]
    if shadows:
        sh = Image.new("RGBA", (W, H), (0, 0, 0, 0))
        sd = ImageDraw.Draw(sh)
        for p in people:
            x, f, h = p["x"], p["feet"], p["h"]
            sd.ellipse(
                [x - h * 0.12, f - h * 0.025, x + h * 0.42, f + h * 0.03], fill=(0, 0, 0, 70)
            )
        img.alpha_composite(sh.filter(ImageFilter.GaussianBlur(4 * SS)))
    layers = {
        "far": Image.new("RGBA", (W, H), (0, 0, 0, 0)),
        "near": Image.new("RGBA", (W, H), (0, 0, 0, 0)),
    }
    for p in people:
        h = p["h"]
        sw, shh = int(h * 0.7) + 4, int(h * 1.08) + 4
        sprite = Image.new("RGBA", (sw, shh), (0, 0, 0, 0))
        kw = {k: v for k, v in p.items() if k not in ("x", "feet", "h")}
        person(ImageDraw.Draw(sprite), sw / 2, h * 1.03, h, rng, **kw)
        alpha = sprite.getchannel("A")
        rgb = ImageChops.multiply(sprite.convert("RGB"), _shade_mask((sw, shh)))
        rgb.putalpha(alpha)
        layer = layers["near" if h > median * 1.15 else "far"]
        layer.alpha_composite(rgb, (int(p["x"] - sw / 2), int(p["feet"] - h * 1.03)))
    for name, blur in (("far", far_blur), ("near", near_blur)):
        layer = layers[name]
        if blur > 0:
            layer = layer.filter(ImageFilter.GaussianBlur(blur))
        img.alpha_composite(layer)


def texture(size: tuple[int, int], seed: int, cell: int = 24, strength: int = 40) -> Image.Image:
    """Smooth blotchy multiply texture (worn asphalt, plaster, carpet)."""
    w, h = size
    sw, sh = max(2, w // cell), max(2, h // cell)
    r = random.Random(seed)
    small = Image.frombytes("L", (sw, sh), r.randbytes(sw * sh))
    big = small.resize(size, Image.BICUBIC).filter(ImageFilter.GaussianBlur(cell * 0.6))
    big = big.point(lambda v: min(255, max(0, 255 - int((v - 64) * strength / 128))))
    fine = Image.frombytes("L", size, r.randbytes(w * h)).point(
        lambda v: 255 - int(v * strength / 600)
    )
    m = ImageChops.multiply(big, fine)
    return Image.merge("RGB", (m, m, m))


def apply_texture(
    img: Image.Image, box: tuple[int, int, int, int], seed: int, cell: int = 24, strength: int = 40
) -> None:
    region = img.crop(box).convert("RGB")
    region = ImageChops.multiply(region, texture(region.size, seed, cell, strength))
    img.paste(region.convert("RGBA"), box[:2])


def tree(
    d: ImageDraw.ImageDraw,
    x: float,
    base: float,
    h: float,
    rng: random.Random,
    green: Color = (60, 110, 55),
) -> None:
    d.rectangle([x - h * 0.03, base - h * 0.4, x + h * 0.03, base], fill=(80, 60, 45))
    for _ in range(14):
        cx = x + rng.uniform(-h * 0.28, h * 0.28)
        cy = base - h * rng.uniform(0.45, 0.95)
        r = h * rng.uniform(0.13, 0.22)
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=shade(green, rng.uniform(0.75, 1.15)))


def clouds(size: tuple[int, int], rng: random.Random, n: int, ymax: float) -> Image.Image:
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    w, h = size
    for _ in range(n):
        cx, cy = rng.uniform(0, w), rng.uniform(0, h * ymax)
        for _ in range(7):
            r = rng.uniform(w * 0.03, w * 0.07)
            ox, oy = rng.uniform(-r * 1.5, r * 1.5), rng.uniform(-r * 0.3, r * 0.3)
            d.ellipse(
                [cx + ox - r * 1.6, cy + oy - r * 0.6, cx + ox + r * 1.6, cy + oy + r * 0.6],
                fill=(255, 255, 255, 120),
            )
    return layer.filter(ImageFilter.GaussianBlur(w * 0.012))


def block_building(
    d: ImageDraw.ImageDraw,
    x0: float,
    base: float,
    w: float,
    h: float,
    color: Color,
    rng: random.Random,
    win: Color = (120, 150, 175),
) -> None:
    d.rectangle([x0, base - h, x0 + w, base], fill=color)
    d.rectangle([x0, base - h, x0 + w, base - h + h * 0.03], fill=shade(color, 0.8))
    floors = max(2, int(h / (w * 0.18 + 1)))
    floors = min(floors, 12)
    cols = max(2, int(w / (h / floors * 1.2)))
    fh = h * 0.9 / floors
    cw = w / cols
    for i in range(floors):
        for j in range(cols):
            wx = x0 + j * cw + cw * 0.25
            wy = base - h + h * 0.07 + i * fh + fh * 0.2
            c = shade(win, rng.uniform(0.8, 1.2))
            d.rectangle([wx, wy, wx + cw * 0.5, wy + fh * 0.55], fill=c)


def admin_building(
    d: ImageDraw.ImageDraw,
    cx: float,
    base: float,
    w: float,
    h: float,
    rng: random.Random,
    wall: Color = (228, 214, 186),
    banner: str | None = None,
) -> None:
    x0, x1 = cx - w / 2, cx + w / 2
    top = base - h
    d.rectangle([x0, top, x1, base], fill=wall)
    d.rectangle([x0, top, x1, top + h * 0.06], fill=shade(wall, 0.85))
    d.polygon(
        [(x0 - w * 0.02, top), (x1 + w * 0.02, top), (x1, top - h * 0.08), (x0, top - h * 0.08)],
        fill=(110, 120, 125),
    )
    # portico with pediment
    pw = w * 0.36
    d.polygon(
        [
            (cx - pw / 2 - w * 0.01, top + h * 0.06),
            (cx + pw / 2 + w * 0.01, top + h * 0.06),
            (cx, top - h * 0.22),
        ],
        fill=shade(wall, 1.05),
    )
    d.polygon(
        [
            (cx - pw / 2 + w * 0.02, top + h * 0.03),
            (cx + pw / 2 - w * 0.02, top + h * 0.03),
            (cx, top - h * 0.16),
        ],
        fill=shade(wall, 0.9),
    )
    for i in range(3):
        for j in range(10):
            wx = x0 + w * 0.04 + j * w * 0.094
            if abs(wx + w * 0.025 - cx) < pw / 2:
                continue
            wy = top + h * 0.14 + i * h * 0.27
            d.rectangle([wx, wy, wx + w * 0.045, wy + h * 0.17], fill=(255, 255, 250))
            d.rectangle(
                [wx + w * 0.005, wy + h * 0.01, wx + w * 0.04, wy + h * 0.16],
                fill=shade((100, 130, 150), rng.uniform(0.8, 1.15)),
            )
    d.rectangle([cx - pw / 2, top + h * 0.06, cx + pw / 2, base], fill=shade(wall, 0.78))
    for i in range(6):
        colx = cx - pw / 2 + pw * (i + 0.5) / 6
        d.rectangle(
            [colx - w * 0.012, top + h * 0.07, colx + w * 0.012, base - h * 0.05],
            fill=(245, 240, 230),
        )
        d.rectangle(
            [colx - w * 0.004, top + h * 0.07, colx + w * 0.002, base - h * 0.05],
            fill=(255, 255, 252),
        )
    for i in range(4):
        d.rectangle(
            [
                cx - pw / 2 - i * w * 0.01,
                base - h * 0.05 + i * h * 0.0125,
                cx + pw / 2 + i * w * 0.01,
                base - h * 0.05 + (i + 1) * h * 0.0125,
            ],
            fill=shade((200, 200, 195), 1 - i * 0.05),
        )
    if banner:
        bw, bh = pw * 1.25, h * 0.13
        by = top + h * 0.3
        d.rectangle([cx - bw / 2, by, cx + bw / 2, by + bh], fill=(30, 70, 150))
        f = font(int(bh * 0.42), "bold")
        tw = f.getlength(banner)
        if tw > bw * 0.92:
            f = font(int(bh * 0.42 * bw * 0.92 / tw), "bold")
            tw = f.getlength(banner)
        d.text((cx - tw / 2, by + bh * 0.22), banner, font=f, fill=(255, 255, 255))


def tractor(
    d: ImageDraw.ImageDraw, x: float, base: float, s: float, color: Color = (40, 120, 60)
) -> None:
    d.rectangle([x, base - s * 0.55, x + s * 1.2, base - s * 0.25], fill=color)
    d.rectangle(
        [x + s * 0.65, base - s * 1.0, x + s * 1.15, base - s * 0.5], fill=shade(color, 0.9)
    )
    d.rectangle([x + s * 0.7, base - s * 0.95, x + s * 1.1, base - s * 0.65], fill=(170, 200, 215))
    d.rectangle([x + s * 0.2, base - s * 0.8, x + s * 0.26, base - s * 0.55], fill=(60, 60, 60))
    d.ellipse([x + s * 0.75, base - s * 0.55, x + s * 1.3, base], fill=(30, 30, 30))
    d.ellipse([x + s * 0.92, base - s * 0.38, x + s * 1.13, base - s * 0.17], fill=(200, 170, 40))
    d.ellipse([x + s * 0.05, base - s * 0.35, x + s * 0.4, base], fill=(30, 30, 30))
    d.ellipse([x + s * 0.16, base - s * 0.24, x + s * 0.29, base - s * 0.11], fill=(200, 170, 40))


def banner_text(
    d: ImageDraw.ImageDraw,
    box: Sequence[float],
    lines: Sequence[str],
    bg: Color,
    fg: Color = (255, 255, 255),
    accent: Color | None = None,
) -> None:
    x0, y0, x1, y1 = box
    d.rectangle(box, fill=bg)
    if accent:
        d.rectangle([x0, y1 - (y1 - y0) * 0.08, x1, y1], fill=accent)
    n = len(lines)
    lh = (y1 - y0) / (n + 1)
    for i, line in enumerate(lines):
        size = int(lh * (0.55 if i == 0 else 0.4))
        f = font(size, "bold" if i == 0 else "sans")
        tw = f.getlength(line)
        if tw > (x1 - x0) * 0.9:
            f = font(int(size * (x1 - x0) * 0.9 / tw), "bold" if i == 0 else "sans")
            tw = f.getlength(line)
        d.text(((x0 + x1) / 2 - tw / 2, y0 + lh * (i + 0.55)), line, font=f, fill=fg)


# --------------------------------------------------------------------------- scenes


def scene_square(rng: random.Random, flags: Sequence[str], banner: str, season: str) -> Image.Image:
    W, H = PHOTO_SIZE[0] * SS, PHOTO_SIZE[1] * SS
    img = vgradient((W, H), (70, 125, 195), (200, 222, 238)).convert("RGBA")
    img.alpha_composite(clouds((W, H), rng, 6, 0.35))
    horizon = H * 0.6
    far = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    fd = ImageDraw.Draw(far)
    x = -50.0
    while x < W:
        bw = rng.uniform(W * 0.05, W * 0.12)
        block_building(
            fd,
            x,
            horizon,
            bw,
            rng.uniform(H * 0.12, H * 0.3),
            shade((175, 180, 190), rng.uniform(0.85, 1.1)),
            rng,
        )
        x += bw + rng.uniform(0, W * 0.02)
    green = (
        (90, 140, 70)
        if season == "summer"
        else (160, 140, 60)
        if season == "autumn"
        else (110, 160, 80)
    )
    for _ in range(16):
        tree(fd, rng.uniform(0, W), horizon + H * 0.01, rng.uniform(H * 0.12, H * 0.2), rng, green)
    img.alpha_composite(far.filter(ImageFilter.GaussianBlur(2.5 * SS)))
    mid = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    md = ImageDraw.Draw(mid)
    admin_building(md, W * 0.55, horizon + H * 0.04, W * 0.62, H * 0.36, rng, banner=banner)
    for x in (W * 0.08, W * 0.92):
        tree(md, x, horizon + H * 0.08, H * 0.42, rng, green)
    img.alpha_composite(mid.filter(ImageFilter.GaussianBlur(0.8 * SS)))
    d = ImageDraw.Draw(img)
    ground_top = horizon + H * 0.04
    ground = vgradient((W, int(H - ground_top)), (165, 160, 155), (120, 115, 112))
    img.paste(ground, (0, int(ground_top)))
    for i in range(12):
        yy = ground_top + (H - ground_top) * (i / 12) ** 1.6
        d.line([(0, yy), (W, yy)], fill=(140, 136, 132), width=SS)
    # flagpoles in front of the building
    for i, code in enumerate(flags):
        fx = W * (0.17 + 0.06 * i)
        draw_pole_flag(img, code, fx, H * 0.18, ground_top + H * 0.02, W * 0.09, rng)
    apply_texture(img, (0, int(ground_top), W, H), rng.randrange(1 << 30), cell=40, strength=45)
    # the crowd, back to front
    people = []
    for _ in range(70):
        t = rng.random() ** 1.4
        people.append(
            {
                "x": rng.uniform(-W * 0.05, W * 1.05),
                "feet": ground_top + H * 0.05 + t * (H * 0.55),
                "h": H * (0.13 + 0.45 * t),
                "back": rng.random() < 0.5,
                "flag_in_hand": rng.random() < 0.08,
            }
        )
    place_people(img, people, rng, near_blur=2.2 * SS, far_blur=0.6 * SS)
    return img


def scene_hall(
    rng: random.Random, flags: Sequence[str], lines: Sequence[str], table: str
) -> Image.Image:
    """Conference hall (table="presidium") or negotiations (table="long")."""
    W, H = PHOTO_SIZE[0] * SS, PHOTO_SIZE[1] * SS
    img = vgradient((W, H), (120, 100, 85), (205, 190, 165)).convert("RGBA")
    d = ImageDraw.Draw(img)
    # wall panels
    for i in range(9):
        x = W * i / 8
        d.rectangle([x - W * 0.004, 0, x + W * 0.004, H * 0.62], fill=(170, 150, 125))
    d.rectangle([0, 0, W, H * 0.06], fill=(70, 60, 55))
    lights = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    ld = ImageDraw.Draw(lights)
    for i in range(7):
        x = W * (i + 0.5) / 7
        ld.ellipse([x - W * 0.05, H * 0.02, x + W * 0.05, H * 0.12], fill=(255, 240, 200, 150))
    img.alpha_composite(lights.filter(ImageFilter.GaussianBlur(18 * SS)))
    # screen / banner
    banner_text(
        d, [W * 0.25, H * 0.1, W * 0.75, H * 0.4], lines, (25, 70, 140), accent=(210, 170, 60)
    )
    floor_y = H * 0.62
    img.paste(vgradient((W, int(H - floor_y)), (140, 60, 55), (90, 35, 35)), (0, int(floor_y)))
    apply_texture(img, (0, 0, W, int(floor_y)), rng.randrange(1 << 30), cell=60, strength=30)
    apply_texture(img, (0, int(floor_y), W, H), rng.randrange(1 << 30), cell=10, strength=45)
    d = ImageDraw.Draw(img)
    for i, code in enumerate(flags):
        draw_stand_flag(img, code, W * (0.08 + 0.045 * i), H * 0.12, floor_y + H * 0.02, W * 0.04)
        draw_stand_flag(img, code, W * (0.84 + 0.045 * i), H * 0.12, floor_y + H * 0.02, W * 0.04)
    d = ImageDraw.Draw(img)
    if table == "presidium":
        d.rectangle([0, floor_y - H * 0.04, W, floor_y + H * 0.02], fill=(110, 80, 60))
        for i in range(5):
            bust(d, W * (0.3 + i * 0.1), H * 0.42, H * 0.05, rng, back=False)
        d.rectangle([W * 0.22, H * 0.5, W * 0.78, H * 0.6], fill=(30, 60, 120))
        d.rectangle([W * 0.22, H * 0.5, W * 0.78, H * 0.515], fill=(240, 240, 240))
        for i in range(5):
            x = W * (0.3 + i * 0.1)
            d.rectangle([x - W * 0.02, H * 0.475, x + W * 0.02, H * 0.5], fill=(250, 250, 250))
            d.line(
                [(x + W * 0.03, H * 0.5), (x + W * 0.015, H * 0.45)],
                fill=(30, 30, 30),
                width=2 * SS,
            )
        # audience from behind, increasingly out of focus
        for row in range(5):
            layer = Image.new("RGBA", (W, H), (0, 0, 0, 0))
            ldr = ImageDraw.Draw(layer)
            s = H * (0.035 + row * 0.02)
            y = H * (0.66 + row * 0.085)
            x = rng.uniform(-s, s)
            while x < W + s:
                bust(
                    ldr,
                    x,
                    y + rng.uniform(-s * 0.2, s * 0.2),
                    s * rng.uniform(0.9, 1.1),
                    rng,
                    coat=shade(rng.choice(COATS), 0.7),
                )
                x += s * rng.uniform(2.4, 2.9)
            img.alpha_composite(layer.filter(ImageFilter.GaussianBlur(max(0.1, row * 1.6 * SS))))
    else:
        # a long table in perspective with delegations on both sides
        t_far, t_near = H * 0.55, H * 1.05
        d.polygon(
            [(W * 0.42, t_far), (W * 0.58, t_far), (W * 0.85, t_near), (W * 0.15, t_near)],
            fill=(120, 80, 50),
        )
        d.polygon(
            [
                (W * 0.43, t_far + H * 0.005),
                (W * 0.57, t_far + H * 0.005),
                (W * 0.8, t_near),
                (W * 0.2, t_near),
            ],
            fill=(145, 100, 65),
        )
        for i, code in enumerate(flags):
            fx = W * (0.47 + 0.06 * i)
            d.line(
                [(fx, t_far + H * 0.04), (fx, t_far - H * 0.04)], fill=(200, 200, 200), width=2 * SS
            )
            fl = make_flag(code, int(W * 0.03), int(W * 0.02)).convert("RGBA")
            img.alpha_composite(fl, (int(fx), int(t_far - H * 0.04)))
        d = ImageDraw.Draw(img)
        for k in range(5):
            t = k / 4
            y = t_far + (t_near - t_far) * t - H * 0.08
            s = H * (0.03 + 0.045 * t)
            for side in (-1, 1):
                edge = W * 0.5 + side * (W * 0.08 + W * 0.35 * t)
                bust(d, edge + side * s * 1.2, y - s * 0.6, s, rng, back=False)
            # papers on the table
            for side in (-1, 1):
                px = W * 0.5 + side * (W * 0.05 + W * 0.27 * t)
                d.polygon(
                    [
                        (px - s * 0.6, y + s * 1.6),
                        (px + s * 0.6, y + s * 1.6),
                        (px + s * 0.7, y + s * 2.2),
                        (px - s * 0.7, y + s * 2.2),
                    ],
                    fill=(245, 245, 240),
                )
    return img


def scene_field(rng: random.Random, flags: Sequence[str], sign: str) -> Image.Image:
    W, H = PHOTO_SIZE[0] * SS, PHOTO_SIZE[1] * SS
    img = vgradient((W, H), (60, 120, 200), (215, 230, 240)).convert("RGBA")
    img.alpha_composite(clouds((W, H), rng, 9, 0.4))
    horizon = H * 0.46
    far = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    fd = ImageDraw.Draw(far)
    for _ in range(60):
        tree(
            fd,
            rng.uniform(0, W),
            horizon + H * 0.01,
            rng.uniform(H * 0.05, H * 0.09),
            rng,
            (60, 95, 60),
        )
    img.alpha_composite(far.filter(ImageFilter.GaussianBlur(2 * SS)))
    field = vgradient((W, int(H - horizon)), (190, 170, 90), (170, 140, 60))
    img.paste(field, (0, int(horizon)))
    d = ImageDraw.Draw(img)
    vx = W * 0.6
    for i in range(-30, 60):
        x = W * i / 25
        d.line([(vx, horizon), (x, H)], fill=(160, 135, 60), width=SS * 2)
    # green strip and dirt road
    d.polygon(
        [
            (0, horizon + H * 0.02),
            (W, horizon + H * 0.05),
            (W, horizon + H * 0.09),
            (0, horizon + H * 0.06),
        ],
        fill=(110, 140, 60),
    )
    d.polygon(
        [(vx - W * 0.005, horizon), (vx + W * 0.005, horizon), (W * 0.9, H), (W * 0.35, H)],
        fill=(150, 125, 95),
    )
    tractor(d, W * 0.08, horizon + H * 0.1, H * 0.1)
    # welcome sign with flags
    for i, code in enumerate(flags):
        draw_pole_flag(img, code, W * (0.72 + 0.07 * i), H * 0.3, horizon + H * 0.22, W * 0.08, rng)
    d = ImageDraw.Draw(img)
    d.rectangle([W * 0.76, horizon + H * 0.06, W * 0.765, horizon + H * 0.2], fill=(90, 70, 50))
    d.rectangle([W * 0.92, horizon + H * 0.06, W * 0.925, horizon + H * 0.2], fill=(90, 70, 50))
    banner_text(
        d,
        [W * 0.745, horizon + H * 0.02, W * 0.94, horizon + H * 0.1],
        [sign],
        (245, 245, 240),
        fg=(30, 90, 40),
    )
    apply_texture(img, (0, int(horizon), W, H), rng.randrange(1 << 30), cell=30, strength=50)
    people = []
    for _ in range(11):
        feet = horizon + H * rng.uniform(0.3, 0.42)
        t = (feet - horizon) / (H - horizon)
        people.append(
            {"x": rng.uniform(W * 0.28, W * 0.7), "feet": feet, "h": H * (0.15 + 0.55 * t)}
        )
    place_people(img, people, rng, near_blur=0.6 * SS, far_blur=0.6 * SS)
    return img


def scene_industrial(rng: random.Random, flags: Sequence[str]) -> Image.Image:
    W, H = PHOTO_SIZE[0] * SS, PHOTO_SIZE[1] * SS
    img = vgradient((W, H), (110, 150, 200), (220, 225, 230)).convert("RGBA")
    img.alpha_composite(clouds((W, H), rng, 5, 0.3))
    base = H * 0.66
    far = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    fd = ImageDraw.Draw(far)
    # chimney with steam
    fd.rectangle([W * 0.78, H * 0.12, W * 0.81, base], fill=(180, 175, 170))
    for i in range(4):
        fd.rectangle(
            [W * 0.78, H * (0.15 + i * 0.1), W * 0.81, H * (0.17 + i * 0.1)], fill=(190, 60, 50)
        )
    steam = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    sd = ImageDraw.Draw(steam)
    for i in range(10):
        r = W * (0.02 + i * 0.006)
        cx, cy = W * (0.795 - i * 0.025), H * (0.1 - i * 0.008)
        sd.ellipse([cx - r, cy - r * 0.7, cx + r, cy + r * 0.7], fill=(250, 250, 250, 170))
    far.alpha_composite(steam.filter(ImageFilter.GaussianBlur(10 * SS)))
    # silos
    for i in range(3):
        sx = W * (0.58 + i * 0.06)
        fd.rectangle([sx, H * 0.3, sx + W * 0.05, base], fill=(200, 200, 205))
        fd.rectangle([sx, H * 0.3, sx + W * 0.012, base], fill=(225, 225, 230))
        fd.ellipse([sx, H * 0.27, sx + W * 0.05, H * 0.33], fill=(185, 185, 190))
    fd.line([(W * 0.52, H * 0.34), (W * 0.76, H * 0.28)], fill=(90, 90, 95), width=6 * SS)
    img.alpha_composite(far.filter(ImageFilter.GaussianBlur(1.2 * SS)))
    d = ImageDraw.Draw(img)
    # halls with corrugated walls
    for x0, w, h, c in (
        (W * -0.02, W * 0.4, H * 0.3, (95, 120, 150)),
        (W * 0.36, W * 0.28, H * 0.22, (160, 165, 170)),
    ):
        d.rectangle([x0, base - h, x0 + w, base], fill=c)
        d.polygon(
            [
                (x0 - W * 0.01, base - h),
                (x0 + w + W * 0.01, base - h),
                (x0 + w * 0.5, base - h * 1.25),
            ],
            fill=shade(c, 0.8),
        )
        for i in range(int(w / (6 * SS))):
            xx = x0 + i * 6 * SS
            d.line([(xx, base - h), (xx, base)], fill=shade(c, 0.9), width=SS)
        d.rectangle([x0 + w * 0.35, base - h * 0.6, x0 + w * 0.6, base], fill=shade(c, 0.55))
        d.rectangle(
            [x0 + w * 0.05, base - h * 0.85, x0 + w * 0.95, base - h * 0.75], fill=(220, 230, 240)
        )
    d.text(
        (W * 0.02, base - H * 0.3 * 0.84),
        "ДИАТОМОВЫЙ КОМБИНАТ",
        font=font(int(H * 0.022), "bold"),
        fill=(30, 50, 90),
    )
    ground = vgradient((W, int(H - base)), (120, 118, 115), (85, 83, 80))
    img.paste(ground, (0, int(base)))
    d = ImageDraw.Draw(img)
    d.line([(0, base + H * 0.02), (W, base + H * 0.04)], fill=(230, 200, 60), width=4 * SS)
    for i, code in enumerate(flags):
        draw_pole_flag(img, code, W * (0.88 + 0.05 * i), H * 0.2, base + H * 0.03, W * 0.07, rng)
    d = ImageDraw.Draw(img)
    apply_texture(img, (0, int(base), W, H), rng.randrange(1 << 30), cell=36, strength=55)
    people = []
    for _ in range(10):
        feet = base + H * rng.uniform(0.1, 0.24)
        t = (feet - base) / (H - base)
        guide = rng.random() < 0.3
        people.append(
            {
                "x": rng.uniform(W * 0.42, W * 0.8),
                "feet": feet,
                "h": H * (0.2 + 0.35 * t),
                "helmet": (250, 200, 30) if guide else (250, 250, 250),
                "vest": (250, 120, 30) if guide else None,
            }
        )
    place_people(img, people, rng, near_blur=0.8 * SS, far_blur=0.5 * SS)
    return img


def scene_exhibition(
    rng: random.Random, stands: Sequence[tuple[str, Color]], flags: Sequence[str]
) -> Image.Image:
    W, H = PHOTO_SIZE[0] * SS, PHOTO_SIZE[1] * SS
    img = vgradient((W, H), (60, 65, 75), (180, 180, 185)).convert("RGBA")
    d = ImageDraw.Draw(img)
    for i in range(14):
        x = W * i / 13
        d.line(
            [(x, 0), (W * 0.5 + (x - W * 0.5) * 0.5, H * 0.22)], fill=(120, 125, 135), width=2 * SS
        )
    d.line([(0, H * 0.12), (W, H * 0.12)], fill=(120, 125, 135), width=3 * SS)
    lights = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    ld = ImageDraw.Draw(lights)
    for i in range(10):
        x = W * (i + 0.5) / 10
        ld.ellipse([x - W * 0.03, H * 0.08, x + W * 0.03, H * 0.15], fill=(255, 250, 230, 200))
    img.alpha_composite(lights.filter(ImageFilter.GaussianBlur(10 * SS)))
    floor = H * 0.68
    img.paste(vgradient((W, int(H - floor)), (110, 110, 120), (70, 70, 80)), (0, int(floor)))
    d = ImageDraw.Draw(img)
    n = len(stands)
    for i, (name, col) in enumerate(stands):
        x0 = W * (0.02 + i * 0.96 / n)
        x1 = x0 + W * 0.96 / n - W * 0.02
        banner_text(d, [x0, H * 0.26, x1, H * 0.36], [name], col)
        d.rectangle([x0, H * 0.36, x1, floor], fill=mix(col, (245, 245, 245), 0.75))
        d.rectangle(
            [x0 + (x1 - x0) * 0.1, H * 0.55, x1 - (x1 - x0) * 0.1, floor + H * 0.02],
            fill=(250, 250, 250),
        )
        d.rectangle([x0 + (x1 - x0) * 0.1, H * 0.55, x1 - (x1 - x0) * 0.1, H * 0.565], fill=col)
        # products on the counter
        px = x0 + (x1 - x0) * 0.14
        while px < x1 - (x1 - x0) * 0.18:
            kind = rng.random()
            if kind < 0.5:
                jc = rng.choice([(200, 140, 40), (180, 60, 50), (230, 220, 190), (120, 80, 40)])
                d.rounded_rectangle(
                    [px, H * 0.5, px + W * 0.018, H * 0.55], radius=W * 0.004, fill=jc
                )
                d.rectangle([px, H * 0.495, px + W * 0.018, H * 0.505], fill=(200, 190, 60))
                px += W * 0.024
            else:
                bc = rng.choice([(230, 230, 220), (90, 140, 70), (200, 170, 110)])
                d.rectangle([px, H * 0.485, px + W * 0.035, H * 0.55], fill=bc)
                d.rectangle([px, H * 0.5, px + W * 0.035, H * 0.51], fill=col)
                px += W * 0.042
    for i, code in enumerate(flags):
        draw_stand_flag(img, code, W * (0.45 + i * 0.04), H * 0.38, floor + H * 0.01, W * 0.03)
    d = ImageDraw.Draw(img)
    apply_texture(img, (0, int(floor), W, H), rng.randrange(1 << 30), cell=12, strength=40)
    people = []
    for _ in range(14):
        feet = floor + H * rng.uniform(0.04, 0.3)
        t = (feet - floor) / (H - floor)
        people.append(
            {
                "x": rng.uniform(-W * 0.02, W * 1.02),
                "feet": feet,
                "h": H * (0.3 + 0.35 * t),
                "back": rng.random() < 0.4,
            }
        )
    place_people(img, people, rng, near_blur=2.0 * SS, far_blur=0.5 * SS)
    return img


def finish_photo(img: Image.Image, seed: int, warm: float = 1.0) -> Image.Image:
    """Downsample, grade, vignette and add film grain so the drawing reads as a photo."""
    im = img.convert("RGB").resize(PHOTO_SIZE, Image.LANCZOS)
    im = im.filter(ImageFilter.GaussianBlur(0.5))
    im = ImageEnhance.Contrast(im).enhance(1.06)
    im = ImageEnhance.Color(im).enhance(0.92)
    if warm != 1.0:
        r, g, b = im.split()
        r = r.point(lambda v: min(255, int(v * warm)))
        b = b.point(lambda v: int(v / warm))
        im = Image.merge("RGB", (r, g, b))
    vignette = (
        Image.radial_gradient("L").resize(PHOTO_SIZE).point(lambda v: int(max(0, v - 90) * 0.9))
    )
    im = Image.composite(ImageEnhance.Brightness(im).enhance(0.55), im, vignette)
    noise_rng = random.Random(seed)
    w, h = PHOTO_SIZE
    noise = Image.frombytes("L", PHOTO_SIZE, noise_rng.randbytes(w * h)).filter(
        ImageFilter.GaussianBlur(0.6)
    )
    noise = noise.point(lambda v: int(128 + (v - 128) * 0.6))
    im = Image.blend(im, Image.merge("RGB", (noise, noise, noise)), 0.09)
    return ImageEnhance.Brightness(im).enhance(1.08)


PHOTOS: list[dict] = [
    {
        "path": "inza/news/2026-06-20-burabay-delegation.jpg",
        "scene": "industrial",
        "flags": ["ru", "kz"],
        "seed": 11,
    },
    {
        "path": "inza/news/2026-09-05-kobrin-friendship-day.jpg",
        "scene": "square",
        "flags": ["ru", "by"],
        "banner": "ДНИ ДРУЖБЫ · ИНЗА — КОБРИН",
        "season": "autumn",
        "seed": 12,
    },
    {
        "path": "dimitrovgrad/news/2026-05-22-bulgarian-delegation.jpg",
        "scene": "square",
        "flags": ["ru", "bg"],
        "banner": "24 МАЯ · ДЕНЬ СЛАВЯНСКОЙ ПИСЬМЕННОСТИ",
        "season": "spring",
        "seed": 21,
    },
    {
        "path": "dimitrovgrad/news/2026-08-27-nuclear-medicine-conference.jpg",
        "scene": "hall",
        "flags": ["ru", "kz", "by"],
        "table": "presidium",
        "lines": [
            "ЯДЕРНАЯ МЕДИЦИНА: НАУКА И ПРАКТИКА",
            "Международная научно-практическая конференция",
            "Димитровград · 26–28 августа 2026",
        ],
        "seed": 22,
    },
    {
        "path": "dimitrovgrad/news/2026-10-29-novopolotsk-business-mission.jpg",
        "scene": "hall",
        "flags": ["ru", "by"],
        "table": "long",
        "lines": ["ДИМИТРОВГРАД — НОВОПОЛОЦК", "Деловая миссия · октябрь 2026"],
        "seed": 23,
    },
    {
        "path": "novospasskoe/news/2026-06-05-kattakurgan-delegation.jpg",
        "scene": "field",
        "flags": ["ru", "uz"],
        "sign": "ДОБРО ПОЖАЛОВАТЬ!",
        "seed": 31,
    },
    {
        "path": "novospasskoe/news/2026-07-03-krichev-friendship-day.jpg",
        "scene": "square",
        "flags": ["ru", "by"],
        "banner": "НОВОСПАССКОЕ — КРИЧЕВ · ДНИ ДРУЖБЫ",
        "season": "summer",
        "seed": 32,
    },
    {
        "path": "novospasskoe/news/2026-10-16-export-presentation.jpg",
        "scene": "exhibition",
        "flags": ["ru", "ulyanovsk"],
        "stands": [
            ("НОВОСПАССКИЙ РАЙОН", (30, 110, 60)),
            ("МЁД · ПРИВОЛЖЬЕ", (200, 140, 30)),
            ("АГРОЭКСПОРТ", (30, 80, 150)),
        ],
        "seed": 33,
    },
]


def make_photo(spec: dict) -> None:
    rng = random.Random(spec["seed"])
    scene = spec["scene"]
    if scene == "square":
        img = scene_square(rng, spec["flags"], spec["banner"], spec["season"])
    elif scene == "hall":
        img = scene_hall(rng, spec["flags"], spec["lines"], spec["table"])
    elif scene == "field":
        img = scene_field(rng, spec["flags"], spec["sign"])
    elif scene == "industrial":
        img = scene_industrial(rng, spec["flags"])
    else:
        img = scene_exhibition(rng, spec["stands"], spec["flags"])
    warm = 1.04 if scene in ("hall", "exhibition") else 1.0
    out = finish_photo(img, spec["seed"], warm)
    path = CONTENT / spec["path"]
    path.parent.mkdir(parents=True, exist_ok=True)
    out.save(path, "JPEG", quality=80, optimize=True, progressive=True)
    report(path)


# --------------------------------------------------------------------------- slides

MUNI = {
    "inza": {
        "name": "Инзенский район",
        "full": "Муниципальное образование «Инзенский район»",
        "accent": (30, 110, 60),
        "name_en": "Inza District",
    },
    "dimitrovgrad": {
        "name": "Город Димитровград",
        "full": "Муниципальное образование «город Димитровград»",
        "accent": (25, 80, 160),
        "name_en": "Dimitrovgrad",
    },
    "novospasskoe": {
        "name": "Новоспасский район",
        "full": "Муниципальное образование «Новоспасский район»",
        "accent": (170, 110, 20),
        "name_en": "Novospasskoye District",
    },
}

# A slide: (title, bullets, extra) where extra is None, ("chart", caption, [(label, value), ...])
# or ("photo", path relative to content/).
Slide = tuple[str, list[str], tuple | None]

OVERVIEW: dict[str, list[Slide]] = {
    "inza": [
        (
            "Инзенский район Ульяновской области",
            ["Презентация муниципального образования", "2026"],
            None,
        ),
        (
            "Общие сведения",
            [
                "Административный центр — город Инза (статус города — с 1946 года)",
                "Площадь района — около 2,1 тыс. км², более 40 % территории занимают леса",
                "Население — около 28 тыс. человек, из них в Инзе — около 17 тыс.",
                "Расстояние до Ульяновска — 160 км, до Москвы — около 750 км",
                "Входит в зону железнодорожного узла Куйбышевской железной дороги",
            ],
            None,
        ),
        (
            "История",
            [
                (
                    "Посёлок возник в конце XIX века при строительстве "
                    "Московско-Казанской железной дороги"
                ),
                "Название — по реке Инзе, притоку Суры",
                "В XX веке — центр лесозаготовок и деревообработки Поволжья",
                "Сохранились усадебные парки и храмы XIX века в сёлах района",
            ],
            None,
        ),
        (
            "География и природа",
            [
                "Северо-запад Ульяновской области, граница с Пензенской областью и Мордовией",
                "Хвойные и смешанные леса, реки Инза, Сура, Сюнь",
                "Месторождения диатомита, строительных песков и глин",
                "Умеренно-континентальный климат, устойчивый снежный покров с ноября по март",
            ],
            None,
        ),
        (
            "Транспорт и логистика",
            [
                "Узловая станция Инза: направления на Москву, Казань, Ульяновск и Сызрань",
                "Автодорога регионального значения Ульяновск — Инза — Сурское",
                "Грузовые площадки с подъездными железнодорожными путями",
                "Ближайший международный аэропорт — Ульяновск, около 180 км",
            ],
            None,
        ),
        (
            "Население и кадры",
            [
                "Трудоспособное население — около 15 тыс. человек",
                "Подготовка кадров в техникуме отраслевых технологий",
                "Программы переобучения совместно с центром занятости",
            ],
            (
                "chart",
                "Структура занятости, %",
                [
                    ("Бюджетная сфера", 26),
                    ("Промышленность", 24),
                    ("Транспорт", 18),
                    ("Торговля, услуги", 18),
                    ("Сельское хозяйство", 14),
                ],
            ),
        ),
        (
            "Промышленность",
            [
                (
                    "Добыча и переработка диатомита: сорбенты, фильтрующие и "
                    "теплоизоляционные материалы"
                ),
                "Деревообработка, производство погонажа и мебельных заготовок",
                "Предприятия железнодорожного транспорта и ремонта подвижного состава",
                "Пищевая промышленность: хлебопекарное и молочное производство",
            ],
            ("photo", "inza/news/2026-06-20-burabay-delegation.jpg"),
        ),
        (
            "Сельское хозяйство",
            [
                "Зерновые, картофель и кормовые культуры",
                (
                    "Молочное животноводство в сельскохозяйственных предприятиях "
                    "и фермерских хозяйствах"
                ),
                "Пчеловодство, заготовка дикоросов и лекарственных трав",
                "Поддержка начинающих фермеров по областным программам",
            ],
            None,
        ),
        (
            "Инвестиционные площадки",
            [
                "Промышленная площадка «Инза-Северная» — 12 га, железнодорожный тупик, 10 кВ",
                "Территория бывшего лесокомбината — 6,5 га, производственные корпуса",
                "Участок под логистический центр у станции — 4 га",
                "Сопровождение инвесторов по принципу «одного окна»",
            ],
            None,
        ),
        (
            "Образование",
            [
                "Общеобразовательные школы в городе и сёлах района",
                "Техникум отраслевых технологий, экономики и права",
                "Детская школа искусств, станция юных техников",
                "Совместные дистанционные проекты со школами Кобрина и Щучинска",
            ],
            None,
        ),
        (
            "Культура и туризм",
            [
                "Районный краеведческий музей и Дом культуры",
                "Фестиваль народного творчества «Инзенские зори»",
                "Экологические маршруты по лесам и рекам района",
                "Паломнические маршруты: храмы XIX века",
            ],
            None,
        ),
        (
            "Спорт и молодёжь",
            [
                "Физкультурно-оздоровительный комплекс и лыжная база",
                "Молодёжный совет при главе администрации",
                "Волонтёрский центр, добровольческие акции памяти",
                "Молодёжные обмены с районами-партнёрами",
            ],
            None,
        ),
        (
            "Внешние связи: партнёры",
            [
                "Кобринский район (Беларусь) — побратимство с 2015 года",
                "Бурабайский район (Казахстан) — соглашение о сотрудничестве с 2019 года",
                "Община Парачин (Сербия) — переговоры о партнёрстве",
                "Членство в ОГМВ-Евразия с 2021 года",
            ],
            ("photo", "inza/news/2026-09-05-kobrin-friendship-day.jpg"),
        ),
        (
            "Итоги 2025–2026 годов",
            [
                "Дни дружбы с Кобринским районом — ежегодно",
                "Две деловые делегации из Казахстана",
                "Стажировки студентов в Бурабайском районе",
            ],
            (
                "chart",
                "Мероприятия, 2025–2026",
                [
                    ("Делегации", 5),
                    ("Конференции", 4),
                    ("Молодёжные обмены", 3),
                    ("Презентации", 3),
                    ("Дни дружбы", 2),
                ],
            ),
        ),
        (
            "Что мы предлагаем партнёрам",
            [
                "Кооперацию в переработке минерального сырья",
                "Поставки лесоматериалов и изделий из древесины",
                "Обмены школьников и студентов, стажировки",
                "Совместные культурные программы и Дни дружбы",
            ],
            None,
        ),
        (
            "Контакты",
            [
                "Администрация муниципального образования «Инзенский район»",
                "Координатор раздела «Внешние связи»: Сергеева Анна Викторовна",
                "E-mail: inza.external@example.org",
                "Телефон: +7 (84241) 2-51-37",
                "Сайт: https://example.org/inza",
            ],
            None,
        ),
    ],
    "dimitrovgrad": [
        (
            "Город Димитровград Ульяновской области",
            ["Презентация муниципального образования", "2026"],
            None,
        ),
        (
            "Общие сведения",
            [
                "Второй по величине город Ульяновской области, около 110 тыс. жителей",
                "Наукоград Российской Федерации с 2019 года",
                "Расположен при впадении Мелекесски в Большой Черемшан",
                "Расстояние до Ульяновска — 90 км, до Самары — около 170 км",
            ],
            None,
        ),
        (
            "История",
            [
                "Основан в 1698 году как слобода Мелекесс",
                "В 1919 году получил статус города",
                "В 1972 году переименован в Димитровград",
                "С 1950-х годов — центр атомной науки и машиностроения",
            ],
            None,
        ),
        (
            "Наука",
            [
                "Научно-исследовательский институт атомных реакторов",
                "Федеральный высокотехнологичный центр медицинской радиологии",
                "Исследовательские реакторы и радиохимический комплекс",
                "Производство радиоизотопов для медицины и промышленности",
            ],
            ("photo", "dimitrovgrad/news/2026-08-27-nuclear-medicine-conference.jpg"),
        ),
        (
            "Экономика",
            [
                "Машиностроение и производство автокомпонентов",
                "Атомная энергетика и наукоёмкие услуги",
                "Пищевая и лёгкая промышленность",
                "Малый бизнес: около 4 тыс. субъектов",
            ],
            (
                "chart",
                "Структура отгрузки, %",
                [
                    ("Машиностроение", 38),
                    ("Наука, атомная отрасль", 27),
                    ("Пищевая промышленность", 15),
                    ("Строительство", 11),
                    ("Прочее", 9),
                ],
            ),
        ),
        (
            "Территория опережающего развития",
            [
                "ТОР «Димитровград» создана в 2017 году",
                "Льготы по налогу на прибыль, имуществу и страховым взносам",
                "Свободные земельные участки с инженерной инфраструктурой",
                "Сопровождение проекта от заявки до ввода в эксплуатацию",
            ],
            None,
        ),
        (
            "Население и кадры",
            [
                "Трудоспособное население — около 60 тыс. человек",
                "Инженерный институт НИЯУ МИФИ и колледжи",
                "Целевая подготовка кадров для предприятий города",
            ],
            (
                "chart",
                "Выпуск специалистов в год",
                [
                    ("Инженеры", 420),
                    ("Рабочие профессии", 610),
                    ("Медицина", 180),
                    ("Экономика, право", 150),
                ],
            ),
        ),
        (
            "Транспорт",
            [
                "Железнодорожная станция на линии Ульяновск — Уфа",
                "Федеральная трасса М-5 «Урал» в 15 км",
                "Речной порт на Куйбышевском водохранилище — в 25 км",
                "Аэропорты Ульяновска и Самары — 1,5 часа пути",
            ],
            None,
        ),
        (
            "Здравоохранение",
            [
                "Центр ядерной медицины и протонной терапии",
                "Городская больница и поликлиники",
                "Медицинский туризм: пациенты из стран СНГ",
            ],
            None,
        ),
        (
            "Образование",
            [
                "Около 30 школ, гимназии и лицеи",
                "Инженерные классы совместно с научными институтами",
                "Сетевое взаимодействие со школами Новополоцка",
            ],
            None,
        ),
        (
            "Культура и туризм",
            [
                "Краеведческий музей и картинная галерея",
                "Драматический театр имени А. Н. Островского",
                "Фестиваль славянской культуры 24 мая",
                "Набережная Черемшана и городские парки",
            ],
            ("photo", "dimitrovgrad/news/2026-05-22-bulgarian-delegation.jpg"),
        ),
        (
            "Спорт и молодёжь",
            [
                "Ледовый дворец и плавательные бассейны",
                "Молодёжный парламент города",
                "Международные студенческие олимпиады по ядерным технологиям",
            ],
            None,
        ),
        (
            "Внешние связи: партнёры",
            [
                "Димитровград (Болгария) — город-побратим с 2008 года",
                "Новополоцк (Беларусь) — соглашение о партнёрстве с 2018 года",
                "Курчатов (Казахстан) — соглашение 2017 года, сотрудничество приостановлено",
                "Членство в ОГМВ-Евразия, участие в форумах ШОС",
            ],
            None,
        ),
        (
            "Итоги 2025–2026 годов",
            [
                "Ежегодные визиты делегаций городов-побратимов",
                "Международная конференция по ядерной медицине",
                "Деловая миссия предприятий в Беларусь",
            ],
            (
                "chart",
                "Мероприятия, 2025–2026",
                [
                    ("Делегации", 7),
                    ("Конференции", 5),
                    ("Презентации", 4),
                    ("Молодёжные обмены", 4),
                    ("Деловые миссии", 2),
                ],
            ),
        ),
        (
            "Предложения партнёрам",
            [
                "Научно-технические проекты в атомной медицине",
                "Кооперация машиностроительных предприятий",
                "Обмены школьников, студентов и молодых учёных",
                "Совместные культурные и спортивные события",
            ],
            None,
        ),
        (
            "Контакты",
            [
                "Администрация города Димитровграда",
                "Координатор раздела «Внешние связи»: Латыпов Ринат Ильдарович",
                "E-mail: dimitrovgrad.external@example.org",
                "Телефон: +7 (84235) 2-14-60",
                "Сайт: https://example.org/dimitrovgrad",
            ],
            None,
        ),
    ],
    "novospasskoe": [
        (
            "Новоспасский район Ульяновской области",
            ["Презентация муниципального образования", "2026"],
            None,
        ),
        (
            "Общие сведения",
            [
                "Административный центр — рабочий посёлок Новоспасское",
                "Площадь района — около 1,6 тыс. км²",
                "Население — около 22 тыс. человек",
                "Расстояние до Ульяновска — 150 км, до Сызрани — 60 км",
            ],
            None,
        ),
        (
            "История",
            [
                "Село Новоспасское известно с XVII века",
                "Район образован в 1928 году",
                "Купеческие усадьбы и храмы XIX века",
                "Традиции льноводства и хлебопашества",
            ],
            None,
        ),
        (
            "География",
            [
                "Юго-запад Ульяновской области, Приволжская возвышенность",
                "Чернозёмные почвы, реки Сызран и Томышевка",
                "Лесистость — около 20 % территории",
            ],
            None,
        ),
        (
            "Транспорт",
            [
                "Железнодорожная станция на линии Сызрань — Инза",
                "Автодорога Сызрань — Саранск",
                "Близость к федеральной трассе М-5 «Урал»",
            ],
            None,
        ),
        (
            "Сельское хозяйство",
            [
                "Зерновые, подсолнечник, сахарная свёкла",
                "Молочное животноводство, мясное скотоводство",
                "Пчеловодство: гречишный и липовый мёд",
                "Семейные фермы и сельскохозяйственные кооперативы",
            ],
            (
                "chart",
                "Посевные площади, тыс. га",
                [("Зерновые", 38), ("Подсолнечник", 14), ("Кормовые", 9), ("Сахарная свёкла", 3)],
            ),
        ),
        (
            "Переработка",
            [
                "Мукомольное производство и крупяной цех",
                "Молочный завод: масло, сыры, сухое молоко",
                "Фасовка мёда и продукции пчеловодства",
            ],
            ("photo", "novospasskoe/news/2026-10-16-export-presentation.jpg"),
        ),
        (
            "Экспорт",
            [
                "Поставки мёда, масла и крупы в Казахстан и Узбекистан",
                "Участие в выставках «Белагро» и CIIE",
                "Сопровождение экспортёров региональным центром поддержки экспорта",
            ],
            None,
        ),
        (
            "Инвестиционные площадки",
            [
                "Площадка под элеватор у железнодорожной станции — 8 га",
                "Бывший животноводческий комплекс — 15 га, газ, электричество",
                "Участок под тепличный комплекс — 10 га",
            ],
            None,
        ),
        (
            "Образование",
            [
                "Школы в посёлке и сёлах района",
                "Аграрный колледж: механизация, агрономия, ветеринария",
                "Обучение студентов из Узбекистана",
            ],
            None,
        ),
        (
            "Культура и туризм",
            [
                "Районный краеведческий музей",
                "Праздник урожая и ярмарка мёда",
                "Сельский туризм и гостевые дома",
            ],
            ("photo", "novospasskoe/news/2026-07-03-krichev-friendship-day.jpg"),
        ),
        (
            "Спорт и молодёжь",
            [
                "Стадион и физкультурно-оздоровительный комплекс",
                "Районный молодёжный совет",
                "Совместные уроки истории со школами Кричевского района",
            ],
            None,
        ),
        (
            "Внешние связи: партнёры",
            [
                "Кричевский район (Беларусь) — побратимство с 2017 года",
                "Каттакурганский район (Узбекистан) — партнёрство с 2023 года",
                "Баянский уезд (КНР) — протокол о намерениях 2026 года",
            ],
            None,
        ),
        (
            "Итоги 2025–2026 годов",
            [
                "Дни дружбы с Кричевским районом",
                "Делегация аграриев из Узбекистана",
                "Первые экспортные контракты на мёд",
            ],
            (
                "chart",
                "Мероприятия, 2025–2026",
                [
                    ("Делегации", 3),
                    ("Выставки", 3),
                    ("Дни дружбы", 2),
                    ("Молодёжные обмены", 2),
                    ("Новые партнёры", 1),
                ],
            ),
        ),
        (
            "Предложения партнёрам",
            [
                "Поставки сельскохозяйственной продукции и мёда",
                "Совместная переработка сои и подсолнечника",
                "Обучение студентов в аграрном колледже",
                "Культурные обмены и Дни дружбы",
            ],
            None,
        ),
        (
            "Контакты",
            [
                "Администрация муниципального образования «Новоспасский район»",
                "Координатор раздела «Внешние связи»: Кузнецова Ольга Николаевна",
                "E-mail: novospasskoe.external@example.org",
                "Телефон: +7 (84238) 2-20-45",
                "Сайт: https://example.org/novospasskoe",
            ],
            None,
        ),
    ],
}

INVESTMENT_INZA: list[Slide] = [
    ("Инвестиционный паспорт Инзенского района", ["Диатомит, древесина, логистика", "2026"], None),
    (
        "Почему Инза",
        [
            "Крупный железнодорожный узел на пути Москва — Казань — Урал",
            "Запасы диатомита и лесные ресурсы",
            "Свободные промышленные площадки с подключением к сетям",
            "Поддержка инвесторов на областном и районном уровне",
        ],
        None,
    ),
    (
        "Диатомит",
        [
            "Разведанное месторождение в непосредственной близости от города",
            "Сырьё для сорбентов, фильтров, теплоизоляции и кормовых добавок",
            "Действующее производство готово к расширению",
            "Возможности для экспорта в страны ЕАЭС",
        ],
        ("photo", "inza/news/2026-06-20-burabay-delegation.jpg"),
    ),
    (
        "Площадка «Инза-Северная»",
        [
            "12 га, категория — земли промышленности",
            "Железнодорожный тупик, автодорога с твёрдым покрытием",
            "Электроснабжение 10 кВ, газ — 300 м",
            "Аренда или выкуп, льготы по областному закону",
        ],
        None,
    ),
    (
        "Территория бывшего лесокомбината",
        [
            "6,5 га, производственные корпуса площадью 9 тыс. м²",
            "Подходит для деревообработки и производства мебели",
            "Собственная котельная",
        ],
        None,
    ),
    (
        "Логистический центр у станции",
        [
            "4 га рядом с грузовым двором станции Инза",
            "Перевалка с железной дороги на автотранспорт",
            "Склады временного хранения",
        ],
        None,
    ),
    (
        "Меры поддержки",
        [
            "Льготы по налогу на имущество для новых производств",
            "Субсидии Фонда развития промышленности области",
            "Сопровождение проекта «под ключ» — «одно окно»",
        ],
        (
            "chart",
            "Сроки согласований, дней",
            [("Земельный участок", 30), ("Техусловия", 20), ("Разрешение на строительство", 7)],
        ),
    ),
    (
        "Контакты для инвесторов",
        [
            "Отдел экономического развития администрации района",
            "E-mail: inza.invest@example.org",
            "Телефон: +7 (84241) 2-51-37",
        ],
        None,
    ),
]


# --------------------------------------------------------------------------- A4 documents

INFO_SHEET: dict[str, dict[str, dict]] = {
    "inza": {
        "ru": {
            "heading": "Инзенский район",
            "sub": "Ульяновская область, Российская Федерация · информационная справка 2026",
            "facts": [
                ("Административный центр", "г. Инза"),
                ("Площадь", "около 2,1 тыс. км²"),
                ("Население", "около 28 тыс. человек"),
                ("До Ульяновска", "160 км"),
                ("Часовой пояс", "UTC+4 (Europe/Ulyanovsk)"),
                ("Ключевые отрасли", "диатомит, деревообработка, транспорт"),
            ],
            "sections": [
                (
                    "Экономика",
                    (
                        "Район — крупный железнодорожный узел Куйбышевской железной "
                        "дороги. Основу промышленности составляют добыча и "
                        "переработка диатомита, деревообработка и ремонт подвижного "
                        "состава; в сельском хозяйстве — зерновые, картофель, "
                        "молочное животноводство."
                    ),
                ),
                (
                    "Внешние связи",
                    (
                        "Побратимство с Кобринским районом Брестской области "
                        "(Беларусь) с 2015 года; соглашение о сотрудничестве с "
                        "Бурабайским районом Акмолинской области (Казахстан) с 2019 "
                        "года; ведутся переговоры с общиной Парачин (Сербия). Район — "
                        "член ОГМВ-Евразия."
                    ),
                ),
                (
                    "Предложения",
                    (
                        "Кооперация в переработке минерального сырья, поставки "
                        "лесоматериалов, обмены школьников и студентов, совместные "
                        "Дни дружбы."
                    ),
                ),
                (
                    "Контакты",
                    (
                        "Сергеева Анна Викторовна, координатор раздела «Внешние "
                        "связи» · inza.external@example.org · +7 (84241) 2-51-37 · "
                        "https://example.org/inza"
                    ),
                ),
            ],
            "note": DEMO_NOTE_RU,
        },
        "en": {
            "heading": "Inza District",
            "sub": "Ulyanovsk Oblast, Russian Federation · fact sheet 2026",
            "facts": [
                ("Administrative centre", "Inza (town)"),
                ("Area", "about 2,100 km²"),
                ("Population", "about 28,000"),
                ("Distance to Ulyanovsk", "160 km"),
                ("Time zone", "UTC+4 (Europe/Ulyanovsk)"),
                ("Key industries", "diatomite, woodworking, railways"),
            ],
            "sections": [
                (
                    "Economy",
                    (
                        "The district is a major junction of the Kuibyshev Railway. "
                        "Its industry rests on diatomite mining and processing, "
                        "woodworking and rolling-stock repair; farms grow grain and "
                        "potatoes and keep dairy herds."
                    ),
                ),
                (
                    "External relations",
                    (
                        "Twinned with Kobrin District, Brest Region (Belarus) since "
                        "2015; cooperation agreement with Burabay District, Akmola "
                        "Region (Kazakhstan) since 2019; talks under way with the "
                        "municipality of Paraćin (Serbia). Member of UCLG Eurasia."
                    ),
                ),
                (
                    "What we offer",
                    (
                        "Cooperation in processing mineral raw materials, timber "
                        "supplies, school and student exchanges, joint Friendship "
                        "Days."
                    ),
                ),
                (
                    "Contact",
                    (
                        "Anna Sergeyeva, external relations coordinator · "
                        "inza.external@example.org · +7 84241 2-51-37 · "
                        "https://example.org/inza"
                    ),
                ),
            ],
            "note": DEMO_NOTE_EN,
        },
    },
    "dimitrovgrad": {
        "ru": {
            "heading": "Город Димитровград",
            "sub": "Ульяновская область, Российская Федерация · информационная справка 2026",
            "facts": [
                ("Статус", "наукоград Российской Федерации"),
                ("Основан", "1698 (Мелекесс)"),
                ("Население", "около 110 тыс. человек"),
                ("До Ульяновска", "90 км"),
                ("Часовой пояс", "UTC+4 (Europe/Ulyanovsk)"),
                ("Ключевые отрасли", "атомная наука, машиностроение"),
            ],
            "sections": [
                (
                    "Экономика",
                    (
                        "Центр атомной науки: исследовательские реакторы, "
                        "производство радиоизотопов, федеральный центр медицинской "
                        "радиологии. Машиностроение и производство автокомпонентов; с "
                        "2017 года действует территория опережающего развития."
                    ),
                ),
                (
                    "Внешние связи",
                    (
                        "Город-побратим — Димитровград (Болгария) с 2008 года; "
                        "партнёрство с Новополоцком (Беларусь) с 2018 года; "
                        "соглашение с Курчатовом (Казахстан), сотрудничество "
                        "приостановлено. Член ОГМВ-Евразия."
                    ),
                ),
                (
                    "Предложения",
                    (
                        "Научно-технические проекты в ядерной медицине, кооперация "
                        "машиностроителей, обмены студентов и молодых учёных."
                    ),
                ),
                (
                    "Контакты",
                    (
                        "Латыпов Ринат Ильдарович, координатор раздела «Внешние "
                        "связи» · dimitrovgrad.external@example.org · +7 (84235) "
                        "2-14-60"
                    ),
                ),
            ],
            "note": DEMO_NOTE_RU,
        },
        "en": {
            "heading": "Dimitrovgrad",
            "sub": "Ulyanovsk Oblast, Russian Federation · fact sheet 2026",
            "facts": [
                ("Status", "science city of the Russian Federation"),
                ("Founded", "1698 (as Melekess)"),
                ("Population", "about 110,000"),
                ("Distance to Ulyanovsk", "90 km"),
                ("Time zone", "UTC+4 (Europe/Ulyanovsk)"),
                ("Key industries", "nuclear research, engineering"),
            ],
            "sections": [
                (
                    "Economy",
                    (
                        "A centre of nuclear research: research reactors, "
                        "radioisotope production and a federal centre of medical "
                        "radiology. Engineering and automotive components; a priority "
                        "development area has operated since 2017."
                    ),
                ),
                (
                    "External relations",
                    (
                        "Twinned with Dimitrovgrad (Bulgaria) since 2008; partnership "
                        "with Novopolotsk (Belarus) since 2018; an agreement with "
                        "Kurchatov (Kazakhstan), currently paused. Member of UCLG "
                        "Eurasia."
                    ),
                ),
                (
                    "What we offer",
                    (
                        "Joint research in nuclear medicine, industrial cooperation, "
                        "exchanges of students and young scientists."
                    ),
                ),
                (
                    "Contact",
                    (
                        "Rinat Latypov, external relations coordinator · "
                        "dimitrovgrad.external@example.org · +7 84235 2-14-60"
                    ),
                ),
            ],
            "note": DEMO_NOTE_EN,
        },
    },
    "novospasskoe": {
        "ru": {
            "heading": "Новоспасский район",
            "sub": "Ульяновская область, Российская Федерация · информационная справка 2026",
            "facts": [
                ("Административный центр", "р. п. Новоспасское"),
                ("Площадь", "около 1,6 тыс. км²"),
                ("Население", "около 22 тыс. человек"),
                ("До Ульяновска", "150 км"),
                ("Часовой пояс", "UTC+4 (Europe/Ulyanovsk)"),
                ("Ключевые отрасли", "зерно, молоко, мёд"),
            ],
            "sections": [
                (
                    "Экономика",
                    (
                        "Аграрный район на юго-западе области: зерновые, "
                        "подсолнечник, сахарная свёкла, молочное животноводство и "
                        "пчеловодство. Переработка — мукомольное производство, "
                        "молочный завод, фасовка мёда."
                    ),
                ),
                (
                    "Внешние связи",
                    (
                        "Побратимство с Кричевским районом Могилёвской области "
                        "(Беларусь) с 2017 года; партнёрство с Каттакурганским "
                        "районом Самаркандской области (Узбекистан) с 2023 года; "
                        "подписан протокол о намерениях с Баянским уездом (КНР)."
                    ),
                ),
                (
                    "Предложения",
                    (
                        "Поставки сельскохозяйственной продукции и мёда, совместная "
                        "переработка, обучение студентов в аграрном колледже."
                    ),
                ),
                (
                    "Контакты",
                    (
                        "Кузнецова Ольга Николаевна, координатор раздела «Внешние "
                        "связи» · novospasskoe.external@example.org · +7 (84238) "
                        "2-20-45"
                    ),
                ),
            ],
            "note": DEMO_NOTE_RU,
        },
        "en": {
            "heading": "Novospasskoye District",
            "sub": "Ulyanovsk Oblast, Russian Federation · fact sheet 2026",
            "facts": [
                ("Administrative centre", "Novospasskoye (urban-type settlement)"),
                ("Area", "about 1,600 km²"),
                ("Population", "about 22,000"),
                ("Distance to Ulyanovsk", "150 km"),
                ("Time zone", "UTC+4 (Europe/Ulyanovsk)"),
                ("Key industries", "grain, dairy, honey"),
            ],
            "sections": [
                (
                    "Economy",
                    (
                        "A farming district in the south-west of the region: grain, "
                        "sunflower, sugar beet, dairy and beekeeping. Processing "
                        "includes a flour mill, a dairy plant and honey packing."
                    ),
                ),
                (
                    "External relations",
                    (
                        "Twinned with Krichev District, Mogilev Region (Belarus) "
                        "since 2017; partnership with Kattakurgan District, Samarkand "
                        "Region (Uzbekistan) since 2023; a protocol of intent signed "
                        "with Bayan County (China)."
                    ),
                ),
                (
                    "What we offer",
                    (
                        "Supplies of farm produce and honey, joint processing "
                        "projects, training of students at the agricultural college."
                    ),
                ),
                (
                    "Contact",
                    (
                        "Olga Kuznetsova, external relations coordinator · "
                        "novospasskoe.external@example.org · +7 84238 2-20-45"
                    ),
                ),
            ],
            "note": DEMO_NOTE_EN,
        },
    },
}


AGREEMENT_TITLE = (
    "Соглашение о сотрудничестве между администрацией муниципального образования "
    "«Инзенский район» Ульяновской области (Российская Федерация) и акиматом Бурабайского "
    "района Акмолинской области (Республика Казахстан)"
)
AGREEMENT_ARTICLES = [
    (
        "",
        "Администрация муниципального образования «Инзенский район» "
        "Ульяновской области Российской Федерации "
        "и акимат Бурабайского района Акмолинской области Республики "
        "Казахстан, далее именуемые «Стороны», "
        "руководствуясь принципами равноправия и взаимной выгоды, "
        "стремясь к развитию дружественных связей "
        "между жителями районов, договорились о нижеследующем.",
    ),
    (
        "Статья 1. Предмет соглашения",
        "Стороны развивают сотрудничество в торгово-экономической, научно-технической, "
        "образовательной, культурной и гуманитарной сферах, а также в "
        "области туризма и молодёжной политики.",
    ),
    (
        "Статья 2. Направления сотрудничества",
        "Стороны содействуют установлению прямых связей между предприятиями, "
        "учреждениями профессионального образования и организациями "
        "культуры; организуют взаимные визиты делегаций, "
        "стажировки студентов, выставки и ярмарки; обмениваются опытом муниципального управления.",
    ),
    (
        "Статья 3. Формы взаимодействия",
        "Стороны ежегодно согласовывают план совместных мероприятий, проводят "
        "рабочие встречи и видеоконференции, размещают информацию о "
        "сотрудничестве на официальных сайтах.",
    ),
    (
        "Статья 4. Координация",
        "Для реализации соглашения каждая Сторона назначает ответственное лицо. "
        "Стороны информируют друг друга об изменениях в течение тридцати дней.",
    ),
    (
        "Статья 5. Финансирование",
        "Стороны несут расходы, связанные с реализацией соглашения, в пределах средств, "
        "предусмотренных их бюджетами, если в каждом конкретном случае не будет согласовано иное.",
    ),
    (
        "Статья 6. Изменения и споры",
        "Изменения и дополнения оформляются протоколами, являющимися неотъемлемой частью "
        "соглашения. Споры разрешаются путём консультаций и переговоров.",
    ),
    (
        "Статья 7. Срок действия",
        "Соглашение вступает в силу с даты подписания и действует пять лет с автоматическим "
        "продлением на последующие пятилетние периоды, если ни одна "
        "из Сторон не уведомит другую о намерении прекратить "
        "его действие не позднее чем за шесть месяцев.",
    ),
    (
        "",
        "Совершено в г. Инзе 3 октября 2019 года в двух экземплярах, "
        "каждый на русском языке; оба текста "
        "имеют одинаковую силу.",
    ),
]


# --------------------------------------------------------------------------- main

_written: list[Path] = []


def report(path: Path) -> None:
    _written.append(path)
    print(f"{path.stat().st_size / 1024:8.1f} KB  {path.relative_to(ROOT)}")  # noqa: T201


def main(argv: Iterable[str] = ()) -> int:
    MUNICIPALITIES.mkdir(exist_ok=True)
    for mid in ARMS:
        make_arms(mid)
    for spec in PHOTOS:
        make_photo(spec)
    # the presentation kit (tagged PDFs) and the videos are drawn from these arms and photos
    import demo_documents
    import demo_video

    demo_documents.main()
    demo_video.main()
    total = sum(p.stat().st_size for p in _written)
    print(f"{total / 1024:8.1f} KB  total, {len(_written)} files")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
