# What search engines read about a page besides its body: the meta description (a sentence from the data for a
# page made from data, the front matter `description` or the first paragraph for a hand-written one) and the
# page's date for the sitemap's lastmod (the data's `updated`, never the build date).
from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from typing import ClassVar

from macros.views import language

_SENTENCE_END = re.compile(r"[。！？][」』”’）]?|[.!?](?=\s|$)")
_OPENERS, _CLOSERS = "（《“〔【「『(", "）》”〕】」』)"
_TRAILING = " ,;:，、；：—-·"


def shorten(value: str, lang: str, limit: int | None = None) -> str:
    """One line of at most `limit` characters: whole sentences when at least half the room is used, else cut at a
    word (English) or character (Chinese) boundary, outside any open bracket, with "…"."""
    value = " ".join(value.split())
    limit = limit or language.PROPERTIES[lang].description_length
    if len(value) <= limit:
        return value
    head = value[:limit]
    ends = [m.end() for m in _SENTENCE_END.finditer(head)]
    if ends and ends[-1] >= limit // 2:
        return head[: ends[-1]].rstrip()
    head = value[: limit - 1]
    if " " in head and not language.is_cjk(lang):  # a language that spaces its words is cut at a space
        head = head.rsplit(" ", 1)[0]
    unclosed = []  # where each bracket still open at the cut begins: never end on "……（湘教"
    for i, char in enumerate(head):
        if char in _OPENERS:
            unclosed.append(i)
        elif char in _CLOSERS and unclosed:
            unclosed.pop()
    if unclosed:
        head = head[: unclosed[0]]
    head = head.rstrip(_TRAILING)
    ends = [m.end() for m in _SENTENCE_END.finditer(head)]
    return head if ends and ends[-1] == len(head) else head + "…"  # a cut that ends a sentence needs no "…"


class _FirstParagraph(HTMLParser):
    """The text of the first paragraph at the top level of a page's content: not one inside an admonition or
    another box, which several pages may share (a status box at the top of each guide)."""

    VOID: ClassVar[frozenset[str]] = frozenset(
        {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    )

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.parts: list[str] | None = None  # collecting while inside a top-level <p>
        self.found = ""

    def handle_starttag(self, tag, attrs):
        if tag == "br" and self.parts is not None:
            self.parts.append(" ")
        if tag in self.VOID or self.found:
            return
        if tag == "p" and not self.open:
            self.parts = []
        self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.VOID or self.found or tag not in self.open:
            return
        while self.open and self.open.pop() != tag:  # close what the closing tag closes
            pass
        if tag == "p" and not self.open and self.parts is not None:
            self.found = " ".join("".join(self.parts).split())
            self.parts = None

    def handle_data(self, data):
        if self.parts is not None:
            self.parts.append(data)


def first_paragraph(html: str) -> str:
    """Plain text of the first top-level paragraph of a rendered page ("" if it has none)."""
    parser = _FirstParagraph()
    parser.feed(html)
    parser.close()
    return parser.found


def _count(lang: str, key: str, **values) -> str:
    return language.label(key, lang) % values


def _quantity(lang: str, n: int, key: str) -> str:
    """ "4份通知", "1 notice", "4 notices": the label holds singular|plural where the language has both."""
    forms = language.label(key, lang).split("|")
    return (forms[0] if n == 1 or len(forms) == 1 else forms[1]) % n


def spec_description(spec, portal, lang: str) -> str:
    """A sentence about a page made from data, from that data (plain text, not yet shortened)."""
    kind, ident, context = spec.kind, spec.ident, spec.context
    if kind == "notices" and ident:
        return language.plain(context["notice"].summary, lang)
    if kind == "notices":
        return _count(
            lang,
            "desc_notices",
            notices=_quantity(lang, len(portal.notices), "desc_n_notices"),
            provinces=_quantity(lang, len(portal.provinces), "desc_n_provinces"),
        )
    if kind == "provinces" and ident:
        province = context["province"]
        notices = portal.notices_in(province.id)
        sentence = _count(
            lang,
            "desc_province",
            name=language.plain(province.name, lang),
            notices=_quantity(lang, len(notices), "desc_n_notices"),
            windows=_quantity(lang, portal.dated_windows_in(province.id), "desc_n_windows"),
        )
        if notices:
            sentence += language.label("word_space", lang) + _count(
                lang, "desc_latest", doc=notices[0].doc_number, title=language.plain(notices[0].title, lang)
            )
        return sentence
    if kind == "provinces":
        names = language.label("list_sep", lang).join(language.plain(p.name, lang) for p in portal.provinces)
        return _count(lang, "desc_provinces", names=names)
    if kind == "calendar":
        province = context.get("province")
        scope = language.plain(province.name, lang) if province else language.label("desc_all_provinces", lang)
        return _count(lang, "desc_calendar", scope=scope)
    if kind == "forms" and ident:
        form = portal.form_by_id[ident]
        formats = language.label("desc_word_excel" if form.spreadsheet else "desc_word", lang)
        return _count(
            lang,
            "desc_form",
            doc=portal.notice_by_id[form.notice].doc_number,
            n=form.attachment,
            title=language.plain(form.title, lang),
            formats=formats,
        )
    if kind == "forms":
        return _count(lang, "desc_forms", forms=_quantity(lang, len(portal.forms), "desc_n_forms"))
    if kind == "certificates" and ident and "part" in context:
        part = context["part"]
        shown = [language.plain(row.certificate.name, lang) for row in part.rows]
        return _count(
            lang, "desc_certificate_part", part=part.title(lang), n=len(shown), first=shown[0], last=shown[-1]
        )
    if kind == "certificates" and portal.catalogue:
        return _count(
            lang, "desc_certificates", held=len(portal.catalogue.certificates), total=portal.catalogue.total_published
        )
    if kind == "maintainers" and "coverage" in context:
        coverage = context["coverage"]
        return _count(lang, "desc_translations", missing=len(coverage.gaps), total=coverage.total)
    return (spec.title.get(lang) or "") if isinstance(spec.title, dict) else language.plain(spec.title, lang)


def latest_update(portal) -> dt.date | None:
    """The newest `updated` in the data: the date of a page that shows data but records no date of its own."""
    return portal.newest_update()


def page_date(meta: dict, portal) -> dt.date | None:
    """The sitemap date of a page: its data's date (x_updated), a hand-written page's front matter `updated`,
    else the newest date in the data; never the day of the build."""
    for key in ("x_updated", "updated"):
        value = meta.get(key)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and value:
            return dt.date.fromisoformat(value)
    return latest_update(portal)
