"""Opening images the way a browser would have to: corrupt files and decompression bombs."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from struct import error as struct_error

from ..messages import worded
from ..problems import Verdict
from .scan import short

MAX_PIXELS = 50_000_000
"""More pixels than this: a decompression bomb, or a photo far too big for the web."""

RASTER_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff"})


class ImageChecker:
    """Opens each image once per build (by real path, modification time and size)."""

    def __init__(self, max_pixels: int = MAX_PIXELS) -> None:
        self.max_pixels = max_pixels
        self._seen: dict[tuple[str, int, int], Verdict | None] = {}

    def check(self, path: Path, shown: str) -> Verdict | None:
        """What is wrong when the image is corrupt or absurdly large (``shown``: its name as
        the page writes it)."""
        try:
            stat = path.stat()
        except OSError:
            return None
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        if key not in self._seen:
            self._seen[key] = self._open(path)
        verdict = self._seen[key]
        if verdict is None:
            return None
        return Verdict(verdict.key, {**verdict.params, "image": shown})

    def _open(self, path: Path) -> Verdict | None:
        from PIL import Image, UnidentifiedImageError  # only when an image is checked

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            try:
                with Image.open(path) as image:
                    width, height = image.size
                    if width * height > self.max_pixels:
                        return _too_big(width, height, self.max_pixels)
                    # decoded whole, as the build will: verify() read only a JPEG's headers,
                    # and a truncated photo passed (published as it was, GPS and all)
                    image.load()
            except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
                size = re.findall(r"\d+", str(exc))
                return _too_big(int(size[0]), 1, self.max_pixels) if size else _too_big(
                    0, 0, self.max_pixels)
            except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError,
                    IndexError, TypeError, KeyError, ZeroDivisionError, MemoryError,
                    struct_error) as exc:
                reason: str | dict[str, str]
                if isinstance(exc, UnidentifiedImageError):
                    reason = worded("problem.image.unknown_format")
                else:  # Pillow's own words, without the path
                    text = str(exc).replace(str(path), path.name) or type(exc).__name__
                    reason = short(text, 60)
                return Verdict("problem.image.corrupt", {"reason": reason})
        return None


def _too_big(width: int, height: int, limit: int) -> Verdict:
    return Verdict("problem.image.too_large", {
        "size": f"{width}×{height}, " if height > 1 else "",
        "pixels": width * height / 1e6, "limit": limit // 1_000_000})
