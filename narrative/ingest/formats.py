"""Which reader a file needs, from what it holds rather than from its name.

Reports reach us under misleading names: a page saved from ``…/download.jsp`` is
HTML, a ``.xlsx`` may be an old binary workbook renamed, a ``.docx`` may be a
password-protected package.  The first bytes decide; the name only breaks ties (a
``.jsp`` holding tags is HTML) and words the refusal.  Formats we do not read get a
one-line refusal that says what to do ("save it as .xlsx"), never a traceback and
never a silent read as text.

Office binary formats (.doc, .xls, WPS's .wps/.et) are refused: the only maintained
Python reader of .xls (xlrd 2.x) is not among the libraries this project takes on,
and an office that has the file can save it as .docx or .xlsx in one step.
"""

from __future__ import annotations

import os

from ..errors import InputError
from ..source import SourceDocument

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SNIFF_BYTES = 8192


def _ext(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def _zip_kind(path: str) -> str:
    import zipfile  # only for a file that is a ZIP: a text report never loads it

    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as err:
        raise InputError(f"corrupt or truncated {_ext(path) or 'ZIP'} file ({err})") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "OFD.xml" in names:
        raise InputError("OFD documents are not read; export the report as PDF")
    if "mimetype" in names and "content.xml" in names:
        raise InputError("OpenDocument files are not read; save the report as .docx (text) or .xlsx (tables)")
    if _ext(path) in (".docx", ".docm", ".dotx"):
        raise InputError("not a Word document: the package has no word/document.xml")
    if _ext(path) in (".xlsx", ".xlsm", ".xltx"):
        raise InputError("not an Excel workbook: the package has no xl/workbook.xml")
    raise InputError("a ZIP archive, not a report: unpack it and check the files inside")


def _refuse_ole(path: str) -> None:
    """Old binary Office files, and password-protected .docx/.xlsx (an encrypted
    OOXML package is an OLE container too)."""
    with open(path, "rb") as fh:
        data = fh.read(4 * 1024 * 1024)
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise InputError("password-protected Office file; remove the password and save it again")
    ext = _ext(path)
    if ext in (".xls", ".et", ".xlt") or "Workbook".encode("utf-16-le") in data:
        raise InputError("Excel 97-2003 workbooks (.xls) are not read; save it as .xlsx")
    if ext in (".doc", ".wps", ".dot") or "WordDocument".encode("utf-16-le") in data:
        raise InputError("Word 97-2003 documents (.doc) are not read; save it as .docx")
    raise InputError("an old binary Office file; save it as .docx (text) or .xlsx (tables)")


def read_other(path: str, head: bytes) -> SourceDocument | None:
    """Read a web page, a Word document or an Excel workbook; None when the file is
    none of these (the caller reads it as text).  ``head``: the file's first bytes."""
    if head.startswith(OLE_MAGIC):
        _refuse_ole(path)
    if head.startswith(ZIP_MAGIC):
        kind = _zip_kind(path)
        if kind == "docx":
            from .docx import read_docx

            return read_docx(path)
        from .xlsx import read_xlsx

        return read_xlsx(path)
    ext = _ext(path)
    if ext in (".docx", ".xlsx", ".xlsm") and head.strip():
        raise InputError(f"not a {ext} file (it is not a ZIP package); was it renamed?")
    if ext in (".xls", ".doc", ".et", ".wps") and head.strip():
        raise InputError(f"not a {ext} file (no Office header); was it renamed?")
    from .sniff import looks_like_html

    if len(head) < SNIFF_BYTES and len(head) >= 1024:
        with open(path, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
    if looks_like_html(head, path):
        from .html import read_html

        return read_html(path)
    return None
