# Hostile data from outside contributors cannot hurt readers: HTML, Markdown and template syntax in any text field
# shows as typed on every built page (<title>, search index and feed included) and never becomes markup or code.
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.data.errors import DataError
from macros.data.loader import read_yaml
from macros.data.portal import load_portal
from macros.render.safe_text import markdown_safe
from tests.support import ROOT, run_build

PAYLOADS = {
    "script": '<script>alert("XSS1")</script>',
    "img": '<img src=x onerror=alert("XSS2")>',
    "md_link": "[XSS3](javascript:alert(3))",
    "markdown": "**XSS4** _XSS5_ `XSS6` ![XSS7](https://evil.example/i.png)",
    "attr_list": 'XSS8 {: onclick="alert(8)" }',
    "title_breakout": '</title><script>alert("XSS9")</script>',
    "jinja": "{{ 7*7 }}XSS10{% if true %}EVALUATED{% endif %}",
    "autolink": "<https://evil.example/XSS13>",
}
ALL = " ".join(PAYLOADS.values())
BLOCK_TRICKS = "first line\n```\nXSS11\n```\n# XSS12\n\n    XSS14 indented\n> XSS15 quoted"
MARKER = re.compile(r"XSS\d+")


def _set(path: Path, change) -> None:
    value = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(value)
    path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _poison(project: Path) -> None:
    def notice(n):
        n["title"] = {"zh": PAYLOADS["title_breakout"] + PAYLOADS["script"], "en": PAYLOADS["title_breakout"] + ALL}
        n["doc_number"] = "湘教通〔2022〕80号" + PAYLOADS["md_link"] + PAYLOADS["attr_list"] + PAYLOADS["markdown"]
        n["summary"] = {"zh": ALL + "\n" + BLOCK_TRICKS, "en": BLOCK_TRICKS + "\n" + ALL}
        n["key_rules"][0]["text"] = {"zh": BLOCK_TRICKS, "en": ALL}
        n["deadlines"][0]["title"] = {"zh": ALL, "en": ALL}
        n["deadlines"][0]["note"] = {"zh": BLOCK_TRICKS}
        n["contacts"][0]["name"] = {"zh": PAYLOADS["img"], "en": PAYLOADS["jinja"]}
        n["contacts"][0]["address"] = {"zh": ALL}
        n["attachments"][0]["title"] = {"zh": ALL, "en": ALL}

    def province(p):
        p["name"] = {"zh": "湖南省" + PAYLOADS["img"], "en": "Hunan" + PAYLOADS["markdown"]}
        p["issuers"][0]["name"] = {"zh": PAYLOADS["md_link"] + PAYLOADS["script"]}

    _set(project / "data" / "notices" / "hunan-2022-80.yml", notice)
    _set(project / "data" / "provinces" / "hunan.yml", province)
    for form in sorted((project / "data" / "forms").glob("*.yml"))[:1]:
        # Short enough for the DOCX title property (255 characters); the page shows it like any other text.
        short = PAYLOADS["script"] + PAYLOADS["md_link"] + PAYLOADS["jinja"]
        _set(form, lambda f, short=short: f.update(title={"zh": short, "en": short}))


URL_ATTRS = ("href", "src", "srcset", "action", "formaction", "data", "poster", "xlink:href")


def _active_markup(soup: BeautifulSoup) -> list[str]:
    """Anything on the page that a payload turned into markup: handlers, scripts, links, Markdown elements."""
    found = []
    for el in soup.find_all(True):
        for attr, value in el.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            # Data may sit in text attributes (title=…); it must never make a handler or a URL.
            if attr.startswith("on") or (
                attr in URL_ATTRS
                and (
                    value.strip().lower().startswith(("javascript:", "data:", "vbscript:"))
                    or "evil.example" in value
                    or MARKER.search(value)
                )
            ):
                found.append(f"<{el.name} {attr}={value[:60]}>")
        text = el.get_text().strip()
        if (
            (
                el.name in ("script", "style", "pre", "blockquote", "iframe", "object", "template")
                and MARKER.search(text)
            )
            or (
                el.name in ("em", "strong", "code", "a", "h1", "h2", "h3", "h4", "h5", "h6", "li")
                and re.fullmatch(r"XSS\d+( \w+)?", text)
            )
            or (el.name == "img" and MARKER.search(str(el.get("alt", ""))))
        ):
            found.append(str(el)[:120])
    return found


def _text(soup: BeautifulSoup) -> str:
    return " ".join(soup.select_one("article").get_text(" ").split())


def _flat(value: str) -> str:
    return " ".join(value.split())


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    from tests.support import copy_project

    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    _poison(project)
    out = project.parent / "site"
    result = run_build(project, out)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


def test_no_payload_becomes_markup_on_any_page(hostile_site: Path):
    offenders = {}
    pages = [p for p in hostile_site.rglob("*.html")]
    for page in pages:
        found = _active_markup(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser"))
        if found:
            offenders[page.relative_to(hostile_site).as_posix()] = found
    assert len(pages) > 20
    assert not offenders, json.dumps(offenders, ensure_ascii=False, indent=1)[:4000]


@pytest.mark.parametrize("url,lang", [("notices/hunan-2022-80", "zh"), ("en/notices/hunan-2022-80", "en")])
def test_payloads_show_literally_on_the_notice_page(hostile_site: Path, url, lang):
    soup = BeautifulSoup((hostile_site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    text = _text(soup)
    for payload in list(PAYLOADS.values()) + [BLOCK_TRICKS]:
        assert _flat(payload) in text, f"{url}: {payload!r} is not shown as typed"
    assert "49XSS10" not in text and "{{ 7*7 }}XSS10" in text  # template syntax is never evaluated
    title = PAYLOADS["title_breakout"] + (PAYLOADS["script"] if lang == "zh" else ALL)
    assert soup.title.string.startswith(title + " - "), soup.title.string
    raw = (hostile_site / url / "index.html").read_text(encoding="utf-8")
    assert "</title><script>" not in raw and '<script>alert("XSS' not in raw and "<img src=x" not in raw


@pytest.mark.parametrize(
    "url",
    [
        "guide/fees",
        "en/guide/fees",
        "guide/compare",
        "en/guide/compare",
        "",
        "en",
        "provinces/hunan",
        "en/provinces/hunan",
    ],
)
def test_pages_quoting_the_data_through_macros_show_it_literally(hostile_site: Path, url):
    soup = BeautifulSoup((hostile_site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    text = _text(soup)
    shown = [
        p
        for p in (PAYLOADS["md_link"], PAYLOADS["attr_list"], PAYLOADS["markdown"], PAYLOADS["jinja"])
        if _flat(p) in text
    ]
    assert shown, f"{url} quotes none of the poisoned fields"
    assert "EVALUATED" not in text.replace(PAYLOADS["jinja"], "")


def test_search_indexes_and_feeds_keep_payloads_as_text(hostile_site: Path):
    indexes = list(hostile_site.rglob("search_index.json"))
    assert indexes
    for index in indexes:
        raw = index.read_text(encoding="utf-8")
        for doc in json.loads(raw)["docs"]:
            for field in ("title", "text"):
                value = doc.get(field) or ""
                assert "<script" not in value and "<img" not in value and "</title" not in value, (
                    index,
                    doc["location"],
                )
    atom = "{http://www.w3.org/2005/Atom}"
    for feed in ("feed.xml", "en/feed.xml"):
        root = ET.fromstring((hostile_site / feed).read_bytes())
        titles = [e.findtext(f"{atom}title") for e in root.iter(f"{atom}entry")]
        assert any(t.startswith(PAYLOADS["title_breakout"]) for t in titles), feed
        assert b"<script>" not in (hostile_site / feed).read_bytes()


def test_markdown_safe_turns_markdown_and_html_into_plain_characters():
    out = str(markdown_safe("[a](javascript:x) **b** {: #c } <i>\n# d"))
    assert not re.search(r"[\[\]*{}<>\n#]", re.sub(r"&#?\w+;", "", out))
    assert BeautifulSoup(out, "html.parser").get_text() == "[a](javascript:x) **b** {: #c } <i>\n# d"


# ---------------------------------------------------------------- inputs that are odd but fine


def test_a_file_with_a_byte_order_mark_loads_like_one_without(tmp_path: Path):
    source = (ROOT / "data" / "notices" / "hunan-2022-80.yml").read_bytes()
    (tmp_path / "plain.yml").write_bytes(source)
    (tmp_path / "bom.yml").write_bytes(b"\xef\xbb\xbf" + source)
    problems = []
    plain = read_yaml(tmp_path / "plain.yml", "plain.yml", problems)
    bom = read_yaml(tmp_path / "bom.yml", "bom.yml", problems)
    assert problems == [] and bom.value == plain.value and bom.marks == plain.marks


def test_tabs_inside_values_are_kept_as_typed(data_root: Path):
    notice = data_root / "data" / "notices" / "hunan-2022-80.yml"
    text = notice.read_text(encoding="utf-8").replace(
        "doc_number: 湘教通〔2022〕80号", "doc_number:\t湘教通〔2022〕\t80号"
    )
    notice.write_text(text, encoding="utf-8")
    assert load_portal(data_root).notice_by_id["hunan-2022-80"].doc_number == "湘教通〔2022〕\t80号"


def test_unsafe_url_in_data_stops_the_build_before_anything_is_written(project: Path, tmp_path: Path):
    notice = project / "data" / "notices" / "hunan-2022-80.yml"
    _set(notice, lambda n: n.update(source={"url": "javascript:alert(document.cookie)"}))
    with pytest.raises(DataError):
        load_portal(project)
    result = run_build(project, tmp_path / "out")
    assert result.returncode != 0 and "source.url: Value error, must be an https:" in result.stdout + result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
