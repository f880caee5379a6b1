"""What content may not do: run script, reach outside its folder, show an unreadable image.

``scan`` reads a page's text (no files), ``limits`` refuses a body that would cost Markdown
minutes, ``values`` reads front matter texts, ``urls`` reads addresses as a browser does,
``images`` opens images once per build, ``files`` checks what pages refer to and every file
a municipality's folder would publish.
"""

from .files import MAX_FILE_BYTES, RUNNABLE, Checks, Resolver, inside, read_text
from .images import MAX_PIXELS, ImageChecker
from .scan import Ref, Scan, scan_body, scan_html, url_kind
from .values import markup_in_value

__all__ = [
    "MAX_FILE_BYTES", "MAX_PIXELS", "RUNNABLE", "Checks", "ImageChecker", "Ref", "Resolver",
    "Scan", "inside", "markup_in_value", "read_text", "scan_body", "scan_html", "url_kind",
]
