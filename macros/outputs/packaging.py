# Office packages (DOCX, XLSX) made reproducible: fixed entry order and times, the form's own dates, the portal
# named as the application. Shared by both form writers.
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from xml.sax.saxutils import escape as xml_escape

_CORE = "docProps/core.xml"
_APP = "docProps/app.xml"
_FIXED_ORDER_FIRST = "[Content_Types].xml"


def _w3c(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def reproducible_zip(
    data: bytes,
    created: dt.datetime,
    modified: dt.datetime,
    *,
    application: str,
    edits: dict[str, Callable[[bytes], bytes]] | None = None,
) -> bytes:
    """Rewrite an Office package so that building it twice gives the same bytes and it says who made it.

    python-docx and openpyxl stamp the save time into docProps/core.xml and into every zip entry; here the
    core dates become the form's own dates, every entry gets `modified` as its time, and the order is fixed.
    docProps/app.xml (python-docx copies its template's, "Microsoft Macintosh Word" with the template's page and
    word counts; openpyxl names itself) is replaced by one naming `application`, the portal. `edits` rewrite
    other entries by name (each must exist).
    """
    edits = dict(edits or {})
    stamp = (max(modified.year, 1980), modified.month, modified.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        missing = [name for name in [_APP, *edits] if name not in names]
        if missing:
            raise ValueError(f"the package has no {', '.join(missing)}")
        ordered = [n for n in names if n == _FIXED_ORDER_FIRST] + sorted(n for n in names if n != _FIXED_ORDER_FIRST)
        for name in ordered:
            body = src.read(name)
            if name == _CORE:
                body = _fix_core_dates(body, created, modified)
            elif name == _APP:
                body = app_properties(application)
            if name in edits:
                body = edits[name](body)
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            dst.writestr(info, body, compresslevel=9)
    return out.getvalue()


def app_properties(application: str) -> bytes:
    """docProps/app.xml that names the application and nothing else (no stale statistics or template name)."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>{xml_escape(application)}</Application></Properties>"
    ).encode()


def _fix_core_dates(xml: bytes, created: dt.datetime, modified: dt.datetime) -> bytes:
    for tag, moment in (("created", created), ("modified", modified)):
        xml, n = re.subn(
            rb"(<dcterms:%s\b[^>]*>)[^<]*(</dcterms:%s>)" % (tag.encode(), tag.encode()),
            rb"\g<1>" + _w3c(moment).encode() + rb"\g<2>",
            xml,
        )
        if n != 1:
            raise ValueError(f"{_CORE} has {n} dcterms:{tag} elements, expected 1")
    return xml
