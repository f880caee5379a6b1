"""Phone photos made light: resized WebP and JPEG/PNG variants, EXIF orientation applied and
every piece of metadata (GPS coordinates included) dropped, cached by content hash so an
unchanged image is never processed twice.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image, ImageOps

log = logging.getLogger(__name__)

WIDTHS: tuple[int, ...] = (480, 960, 1600)
"""Variant widths: a phone list thumbnail, a phone-width or desktop column, a full-width cover."""
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp"})
MAX_PIXELS = 50_000_000
"""Larger images are refused (decompression bombs); a 48-megapixel phone photo passes."""
WEBP_QUALITY = 78
JPEG_QUALITY = 82


@dataclass(frozen=True)
class Variant:
    name: str
    """File name of the variant, e.g. ``photo.960.webp`` (placed beside the original)."""
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class ImageSet:
    width: int
    height: int
    """Size of the (oriented) original."""
    variants: tuple[Variant, ...]

    def of(self, mime: str) -> list[Variant]:
        return [v for v in self.variants if v.mime == mime]

    @property
    def fallback_mime(self) -> str:
        return next(v.mime for v in self.variants if v.mime != "image/webp")

    def fallback(self) -> Variant:
        """The variant for ``src``: the middle JPEG/PNG width, good on most screens."""
        candidates = self.of(self.fallback_mime)
        return candidates[min(1, len(candidates) - 1)]

    def largest(self) -> Variant:
        return self.of(self.fallback_mime)[-1]


class ImageError(Exception):
    pass


def digest(path: Path) -> str:
    with open(path, "rb") as fd:
        return hashlib.file_digest(fd, "sha1").hexdigest()


def publish(source: Path, cache: Path) -> tuple[ImageSet, Path]:
    """Variants of ``source``: the set and the cache folder holding the files.

    Processed once per content hash; later calls read the cached description.
    """
    key = digest(source)
    folder = cache / key[:2] / key
    manifest = folder / "image.json"
    stem = source.stem
    if manifest.is_file():
        data = json.loads(manifest.read_text(encoding="utf-8"))
        variants = tuple(
            Variant(v["name"].replace("{stem}", stem), v["width"], v["height"], v["mime"])
            for v in data["variants"]
        )
        return ImageSet(data["width"], data["height"], variants), folder
    image_set = _process(source, folder)
    generic = ImageSet(
        image_set.width,
        image_set.height,
        tuple(Variant(v.name.replace(stem, "{stem}", 1), v.width, v.height, v.mime)
              for v in image_set.variants),
    )
    tmp = manifest.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(asdict(generic)), encoding="utf-8")
    os.replace(tmp, manifest)
    return image_set, folder


def cached_file(folder: Path, variant: Variant, stem: str) -> Path:
    """Where the cache keeps a variant (file names there do not depend on the page's name)."""
    return folder / variant.name.replace(stem, "v", 1)


def _process(source: Path, folder: Path) -> ImageSet:
    folder.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(source) as opened:
                if opened.width * opened.height > MAX_PIXELS:
                    raise ImageError(f"{opened.width}×{opened.height} pixels")
                image = ImageOps.exif_transpose(opened)
                image.load()
        except (OSError, Image.DecompressionBombError, Image.DecompressionBombWarning,
                SyntaxError, ValueError) as exc:
            raise ImageError(str(exc)) from None
    transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    image = image.convert("RGBA" if transparent else "RGB")
    fallback_ext, fallback_mime = (".png", "image/png") if transparent else (".jpg",
                                                                             "image/jpeg")
    widths = [w for w in WIDTHS if w < image.width] + [min(image.width, WIDTHS[-1])]
    variants: list[Variant] = []
    stem = source.stem
    for width in sorted(set(widths)):
        height = max(1, round(image.height * width / image.width))
        resized = image if width == image.width else image.resize((width, height),
                                                                  Image.Resampling.LANCZOS)
        for ext, mime in ((".webp", "image/webp"), (fallback_ext, fallback_mime)):
            variant = Variant(f"{stem}.{width}{ext}", width, height, mime)
            target = cached_file(folder, variant, stem)
            tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            # no exif=, no icc_profile=: nothing of the camera's metadata is written
            if mime == "image/webp":
                resized.save(tmp, "WEBP", quality=WEBP_QUALITY, method=4)
            elif mime == "image/jpeg":
                resized.save(tmp, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
            else:
                resized.save(tmp, "PNG", optimize=True)
            os.replace(tmp, target)
            variants.append(variant)
    log.debug("processed %s into %d variants", source, len(variants))
    return ImageSet(image.width, image.height, tuple(variants))
