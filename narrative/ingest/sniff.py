"""Is a file a web page?  Asked of every file that is not a PDF, ZIP or Office file, so it
lives apart from the HTML reader (``html.py`` and its table grid), which a text report
never needs to import."""

from __future__ import annotations

import codecs
import re

SERVER_EXTENSIONS = (".jsp", ".asp", ".aspx", ".php", ".do", ".action", ".shtml", ".cgi")
HTML_EXTENSIONS = (".html", ".htm", ".xhtml", ".mht") + SERVER_EXTENSIONS

_HTML_START = re.compile(rb"^(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_HTML_ANY = re.compile(rb"<(?:html|head|body|table|div|p|br|meta|title|h[1-6])[\s/>]", re.I)
_LEADING_JUNK = re.compile(rb"^(?:\s+|<%.*?%>|<\?.*?\?>|<!--.*?-->|\{\{.*?\}\}|\{%.*?%\}|</?[#@][^<>]*>)", re.S)


def _strip_bom(data: bytes) -> bytes:
    return data[3:] if data.startswith(codecs.BOM_UTF8) else data


def looks_like_html(data: bytes, name: str = "") -> bool:
    """Is this HTML?  Any file whose content starts like a page (after template
    directives and comments), and a file with a web extension whose first 8 KB hold
    HTML tags.  A .jsp that holds plain text is read as text."""
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            head = head.decode("utf-16").encode("utf-8", "replace")
        except UnicodeDecodeError:
            return False
    head = _strip_bom(head)
    rest = head
    for _ in range(200):
        m = _LEADING_JUNK.match(rest)
        if not m or not m.group(0):
            break
        rest = rest[m.end():]
    if _HTML_START.match(rest):
        return True
    return name.lower().endswith(HTML_EXTENSIONS) and bool(_HTML_ANY.search(head))
