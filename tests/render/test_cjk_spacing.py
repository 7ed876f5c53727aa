# No stray spaces in Chinese text: a line break YAML folds inside Chinese joins without a space, for every text the
# data holds; templates and hand-written pages set none between Chinese characters or after Chinese punctuation.
# Checked on the visible text of every built page (both languages) and in the Atom feeds.
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment, NavigableString
from pydantic import BaseModel

from macros.data import models
from macros.data.cjk import STRAY_SPACE, join_folded_lines
from macros.data.loader import read_yaml, to_model
from macros.outputs.feed import FEED_PATHS
from macros.views import language

# Elements that end a run of text as the browser lays it out: blocks, table cells, line breaks, controls and images
# (a space beside a checkbox is not a space inside a sentence), and labels (a control's caption, or one of the
# theme's navigation toggles, which are laid out as boxes).
BOUNDARIES = {
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "iframe",
    "img",
    "input",
    "label",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "select",
    "summary",
    "svg",
    "table",
    "tbody",
    "td",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "video",
}
NOT_SHOWN = {"script", "style", "template", "head"}
_WHITESPACE = re.compile(r"[ \t\n\r\f]+")


def visible_runs(soup: BeautifulSoup) -> list[str]:
    """The page's text as it is laid out: one string per run between boundaries, white space collapsed as the
    browser collapses it (a line break inside a paragraph shows as a space)."""
    runs, current = [], []

    def walk(node):
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                current.append(str(child))
            elif child.name in NOT_SHOWN:
                continue
            elif child.name in BOUNDARIES:
                runs.append("".join(current))
                current.clear()
                walk(child)
                runs.append("".join(current))
                current.clear()
            else:
                walk(child)

    walk(soup)
    runs.append("".join(current))
    return [collapsed for run in runs if (collapsed := _WHITESPACE.sub(" ", run).strip())]


def stray_spaces(runs) -> list[str]:
    return [run[max(0, m.start() - 12) : m.end() + 12] for run in runs for m in STRAY_SPACE.finditer(run)]


def test_the_check_sees_what_a_reader_sees():
    html = (
        "<p>合作协议；\n中职学校 <a>湘教通〔2022〕80号</a>\n和 <b>1+X</b> 证书</p><ul><li>山东省</li>\n<li>安徽省</li></ul>"
        "<label><input type=checkbox> 湖南省</label>\n<label><input type=checkbox> 安徽省</label>"
    )
    runs = visible_runs(BeautifulSoup(html, "html.parser"))
    assert runs == ["合作协议； 中职学校 湘教通〔2022〕80号 和 1+X 证书", "山东省", "安徽省", "湖南省", "安徽省"]
    pairs = [m.group() for m in STRAY_SPACE.finditer(runs[0])]
    assert pairs == ["； 中", "校 湘", "号 和"]  # a folded line, a space before a link, a line break after one
    assert not stray_spaces(visible_runs(BeautifulSoup("<p>1+X 证书 Word 文件，打开 .ics 订阅</p>", "html.parser")))


def _html_pages(site: Path):
    return sorted(site.rglob("*.html"))


def test_no_page_shows_a_space_inside_chinese_text(built_site):
    found = []
    for path in _html_pages(built_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        found += [f"{path.relative_to(built_site)}: …{hit}…" for hit in stray_spaces(visible_runs(soup))]
    assert not found, "\n".join(found[:40])


def test_the_atom_feeds_have_no_space_inside_chinese_text(built_site):
    found = []
    for path in FEED_PATHS.values():
        root = ET.fromstring((built_site / path).read_bytes())
        texts = [element.text or "" for element in root.iter()] + [
            element.get("label") or "" for element in root.iter() if element.get("label")
        ]
        lines = [line for t in texts for line in t.splitlines()]  # a line break in a text summary is a break
        found += [f"{path}: {hit}" for hit in stray_spaces(_WHITESPACE.sub(" ", line) for line in lines)]
    assert not found, "\n".join(found[:40])


def _strings(value, where: str):
    """Every string inside a loaded record, with its field path."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _strings(getattr(value, name), f"{where}.{name}")
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _strings(item, f"{where}.{i}")


def test_no_text_the_data_holds_has_a_space_inside_chinese(portal):
    records = [*portal.provinces, *portal.notices, *portal.forms, *([portal.catalogue] if portal.catalogue else [])]
    found = [
        f"{where}: {value!r}"
        for record in records
        for where, value in _strings(record, getattr(record, "id", "catalogue"))
        if STRAY_SPACE.search(value)
    ]
    assert not found, "\n".join(found[:20])


def test_folded_yaml_lines_join_without_a_space_in_chinese_only(tmp_path):
    source = tmp_path / "folded.yml"
    source.write_text(
        "zh: >-\n"
        "  第一轮在平台提交计划并报送合作协议；\n"
        "  中职学校由市州审核，\n"
        "  1+X 证书试点\n"
        "  照常进行\n"
        "\n"
        "  新的段落\n"
        "en: The first round files plans\n"
        "  on the platform 湘教通〔2022〕80号\n"
        "  and more.\n",
        encoding="utf-8",
    )
    problems: list = []
    record = to_model(read_yaml(source, "data/folded.yml", problems), models.LongText, problems)
    assert not problems
    assert record.zh == "第一轮在平台提交计划并报送合作协议；中职学校由市州审核，1+X 证书试点照常进行\n新的段落"
    assert record.en == "The first round files plans on the platform 湘教通〔2022〕80号 and more."


@pytest.mark.parametrize(
    "written,joined",
    [
        ("合作协议； 中职学校", "合作协议；中职学校"),
        ("邮箱： zcs801@126.com", "邮箱：zcs801@126.com"),  # full-width punctuation carries its own space
        ("命名为“单位名称” 发送", "命名为“单位名称”发送"),
        ("1+X 证书 Word 文件", "1+X 证书 Word 文件"),  # beside Latin letters and digits the space stays
        ("Hunan 湖南 Anhui", "Hunan 湖南 Anhui"),
        ("a “quoted” “text”", "a “quoted” “text”"),
    ],
)
def test_join_folded_lines(written, joined):
    assert join_folded_lines(written) == joined


# Labels that are lists for the templates to split on spaces (calendar.html), never shown as they are.
SPLIT_LISTS = {"cal_month_names", "cal_weekdays", "cal_weekdays_long", "month_abbr"}


def test_interface_labels_have_no_space_inside_chinese():
    found = [
        f"LABELS[{key!r}]"
        for key, value in language.LABELS.items()
        if key not in SPLIT_LISTS and STRAY_SPACE.search(value["zh"])
    ]
    found += [
        f"ENUMS[{kind!r}][{key!r}]"
        for kind, values in language.ENUMS.items()
        for key, value in values.items()
        if STRAY_SPACE.search(value["zh"])
    ]
    assert not found, found
