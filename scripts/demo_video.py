#!/usr/bin/env python3
"""A short captioned video per demo municipality (``content/<id>/presentation/<id>-video-
2026.mp4``): four five-second scenes (the coat of arms or a news photo) with the captions burnt
in, Russian above English, so that they show in every player; the same words are the
transcript on the presentation pages (demo_kit_data.VIDEO).

    python scripts/demo_video.py          (also run by scripts/make_demo_media.py)

Developer step: needs Debian's ffmpeg (``apt-get install -y --no-install-recommends ffmpeg``)
and the DejaVu fonts. The videos are committed; building the demo does not need ffmpeg.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parent))

import demo_kit_data as kit  # noqa: E402
import make_demo_media as media  # noqa: E402

SIZE = (640, 360)
SECONDS = 5


def frame(mid: str, photo: str | None, ru: str, en: str) -> Image.Image:
    w, h = SIZE
    if photo:
        img = Image.open(media.CONTENT / photo).convert("RGB")
        img = img.resize((w, round(img.height * w / img.width)), Image.LANCZOS)
        top = max(0, (img.height - h) // 2)
        img = img.crop((0, top, w, top + h))
    else:
        accent = media.MUNI[mid]["accent"]
        img = media.vgradient(SIZE, media.shade(accent, 1.15), media.shade(accent, 0.6))
        arms = Image.open(media.MUNICIPALITIES / f"{mid}.png").convert("RGBA")
        arms = arms.resize((arms.width * 3 // 4, arms.height * 3 // 4), Image.LANCZOS)
        img.paste(arms, ((w - arms.width) // 2, 28), arms)
    d = ImageDraw.Draw(img, "RGBA")
    big, small = media.font(20, "bold"), media.font(17)
    lines = [(t, big) for t in media.wrap(ru, big, w - 48)]
    lines += [(t, small) for t in media.wrap(en, small, w - 48)]
    height = sum(26 if f is big else 22 for _, f in lines) + 16
    d.rectangle([0, h - height, w, h], fill=(0, 0, 0, 200))
    y = h - height + 8
    for text, fnt in lines:
        x = (w - fnt.getlength(text)) / 2
        d.text((x, y), text, font=fnt, fill=(255, 255, 255) if fnt is big else (255, 236, 170))
        y += 26 if fnt is big else 22
    return img


def make_video(mid: str, ffmpeg: str) -> Path:
    target = media.CONTENT / mid / "presentation" / f"{mid}-video-2026.mp4"
    with tempfile.TemporaryDirectory() as tmp:
        listing = []
        for n, (photo, ru, en) in enumerate(kit.VIDEO[mid]):
            path = Path(tmp) / f"{n:02d}.png"
            frame(mid, photo, ru, en).save(path)
            listing += [f"file '{path}'", f"duration {SECONDS}"]
        listing.append(f"file '{path}'")  # the concat demuxer needs the last one twice
        concat = Path(tmp) / "scenes.txt"
        concat.write_text("\n".join(listing) + "\n", encoding="utf-8")
        subprocess.run(
            [ffmpeg, "-y", "-loglevel", "error", "-f", "concat", "-safe", "0", "-i", str(concat),
             "-vf", "fps=5,format=yuv420p", "-c:v", "libx264", "-preset", "veryslow",
             "-tune", "stillimage", "-crf", "30", "-movflags", "+faststart",
             "-metadata", f"title={media.MUNI[mid]['name']} / {media.MUNI[mid]['name_en']}",
             "-metadata", f"comment={media.DEMO_NOTE_RU} / {media.DEMO_NOTE_EN}",
             "-fflags", "+bitexact", "-flags:v", "+bitexact", "-map_metadata", "-1",
             str(target)],
            check=True)
    media.report(target)
    return target


def main() -> int:
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        sys.exit("ffmpeg not found: apt-get install -y --no-install-recommends ffmpeg")
    for mid in kit.VIDEO:
        make_video(mid, ffmpeg)
    return 0


if __name__ == "__main__":
    sys.exit(main())
