"""What a visitor downloads: extrel's own stylesheets and scripts published minified.

The sources under templates/assets/extrel/ stay readable (comments, indentation); the copies
MkDocs writes into the site lose comments and whitespace, which is about a third of their
bytes on a cold page load (the page-weight budget of issue 16: 300 KB uncompressed, images
aside). rcssmin and rjsmin only drop what the CSS and JavaScript grammars say carries no
meaning (comments, whitespace between tokens); strings, regular expressions and ``/*!``
licence comments are kept."""

from __future__ import annotations

import rcssmin
import rjsmin
from mkdocs.structure.files import Files

FOLDER = "assets/extrel/"
"""Where extrel's own theme assets are published (the theme's custom_dir files)."""


def minified(name: str, text: str) -> str | None:
    """``text`` minified by its kind (from ``name``), or None for a kind left as it is."""
    if name.endswith(".css"):
        return rcssmin.cssmin(text, keep_bang_comments=True)
    if name.endswith(".js"):
        return rjsmin.jsmin(text, keep_bang_comments=True)
    return None


def lighten(files: Files) -> None:
    """Have MkDocs write extrel's own CSS and JavaScript minified (the sources untouched)."""
    for file in files:
        if file.src_uri.startswith(FOLDER) and not file.is_documentation_page():
            light = minified(file.src_uri, file.content_string)
            if light is not None:
                file.content_string = light
