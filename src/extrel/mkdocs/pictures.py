"""Images in the built pages: variants as MkDocs files, and ``<picture>`` for Markdown images."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..core.images import IMAGE_SUFFIXES, ImageError, ImageSet, cached_file, publish

SIZES = "(max-width: 45em) 100vw, 45em"


def publish_files(files: Files, config: MkDocsConfig, cache: Path) -> tuple[
        dict[str, ImageSet], list[str]]:
    """Replace every image of the docs folder by its variants; returns the sets by the
    original's URI, and the errors. An original is never published: one that cannot be
    processed (truncated, corrupt) is dropped from the files, metadata and all."""
    sets: dict[str, ImageSet] = {}
    errors: list[str] = []
    docs = Path(config.docs_dir)
    for file in list(files):
        if Path(file.src_uri).suffix.lower() not in IMAGE_SUFFIXES or file.generated_by:
            continue
        if not file.abs_src_path or not Path(file.abs_src_path).is_relative_to(docs):
            continue
        source = Path(file.abs_src_path)
        try:
            image_set, folder = publish(source, cache)
        except ImageError as exc:
            errors.append(f"{file.src_uri}: {exc}")
            files.remove(file)
            continue
        sets[file.src_uri] = image_set
        directory = posixpath.dirname(file.src_uri)
        for variant in image_set.variants:
            uri = posixpath.join(directory, variant.name)
            files.append(File.generated(
                config, uri, abs_src_path=str(cached_file(folder, variant, source.stem))))
    return sets, errors


def picture(url: str, image_set: ImageSet) -> dict[str, Any]:
    """Template data for ``<picture>``: ``url`` is the original's URL (any base)."""
    directory = posixpath.dirname(url)

    def src(name: str) -> str:
        return posixpath.join(directory, name) if directory else name

    def srcset(mime: str) -> str:
        return ", ".join(f"{src(v.name)} {v.width}w" for v in image_set.of(mime))

    fallback = image_set.fallback()
    return {
        "webp": srcset("image/webp"),
        "srcset": srcset(image_set.fallback_mime),
        "src": src(fallback.name),
        "largest": src(image_set.largest().name),
        "width": fallback.width,
        "height": fallback.height,
        "sizes": SIZES,
    }


class _PictureProcessor(Treeprocessor):
    """Turns ``<img src="../photo.jpg">`` into a ``<picture>`` of its variants.

    Runs after MkDocs has made image paths relative to the page (priority below 0).
    """

    def __init__(self, md: Markdown, owner: PictureExtension) -> None:
        super().__init__(md)
        self.owner = owner

    def run(self, root: etree.Element) -> None:
        page_url = self.owner.page_url
        if page_url is None:
            return
        parents = {child: parent for parent in root.iter() for child in parent}
        for img in list(root.iter("img")):
            src = img.get("src", "")
            if "://" in src or src.startswith(("/", "data:")):
                continue
            uri = posixpath.normpath(posixpath.join(page_url, src))
            image_set = self.owner.sets.get(uri)
            parent = parents.get(img)
            if image_set is None or parent is None:
                continue
            data = picture(src, image_set)
            pic = etree.Element("picture")
            etree.SubElement(pic, "source", {"type": "image/webp", "srcset": data["webp"],
                                             "sizes": data["sizes"]})
            index = list(parent).index(img)
            parent.remove(img)
            img.set("src", data["src"])
            img.set("srcset", data["srcset"])
            img.set("sizes", data["sizes"])
            img.set("width", str(data["width"]))
            img.set("height", str(data["height"]))
            img.set("loading", "lazy")
            img.set("decoding", "async")
            pic.append(img)
            pic.tail, img.tail = img.tail, None
            parent.insert(index, pic)


class PictureExtension(Extension):
    def __init__(self) -> None:
        super().__init__()
        self.sets: dict[str, ImageSet] = {}
        self.page_url: str | None = None
        """Directory URL of the page being rendered (set by the plugin before each page)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_PictureProcessor(md, self), "extrel_picture", -5)
