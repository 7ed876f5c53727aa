# `python -m macros draft-notice`: on the official seeds every document number, e-mail, phone and QQ group that
# data/ holds is found, with at least 90% of the window dates; on notices written here in the same style (.txt,
# .docx, .pdf) each fact is found where it stands; a file without text gives one line and writes nothing.
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.cli.draft.dates import find_dates, resolve, whole_date
from macros.cli.draft.find import find_all
from macros.cli.draft.text import Document, tidy
from macros.cli.draft.write import render
from macros.cli.main import main
from macros.data.models import Notice
from macros.data.portal import load_portal
from tests.support import CHECKOUT, ROOT
from tests.support import SEEDS as SHARED_SEEDS
from tests.support.office import soffice

SEEDS = SHARED_SEEDS if SHARED_SEEDS.is_dir() else None
LINE_NOTE = re.compile(r"# (?:guess, check; )?lines? (?P<first>\d+)(?:-(?P<last>\d+))?: ")


def seeded_notices() -> list[tuple[str, Path]]:
    """(seed file name, data notice) for each notice whose header names the seed it was made from."""
    pairs = []
    for path in sorted((ROOT / "data" / "notices").glob("*.yml")):
        m = re.search(r"^# Source: .*\(shared/seeds/(?P<file>[^)]+)\)", path.read_text(encoding="utf-8"), re.M)
        if m:
            pairs.append((m["file"], path))
    return pairs


def run_draft(source: Path, out: Path, capsys, *extra: str, root: Path = ROOT) -> tuple[int, str, str]:
    code = main(["draft-notice", str(source), "--out", str(out), "--root", str(root), *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def draft_of(source: Path, tmp_path: Path, capsys) -> tuple[str, dict]:
    out = tmp_path / "draft.yml"
    code, stdout, stderr = run_draft(source, out, capsys)
    assert code == 0, stderr
    assert stdout.splitlines()[0] == str(out)
    text = out.read_text(encoding="utf-8")
    return text, yaml.safe_load(text)


def digits(phone: str) -> str:
    return re.sub(r"\D", "", phone)


def contact_values(draft: dict) -> tuple[set[str], set[str], set[str]]:
    contacts = draft.get("contacts") or []
    return (
        {e for c in contacts for e in c.get("emails") or []},
        {digits(str(p)) for c in contacts for p in c.get("phones") or []},
        {str(q["number"]) for c in contacts for q in c.get("qq_groups") or []},
    )


def window_dates(deadlines) -> list[dt.date]:
    return [d for deadline in deadlines for d in (deadline.start, deadline.end) if d]


# ---------------------------------------------------------------- the official seeds


@pytest.mark.parametrize("seed, data_file", seeded_notices(), ids=[p.stem for _, p in seeded_notices()])
def test_seed_draft_finds_what_the_data_holds(seed, data_file, portal, tmp_path, capsys):
    if SEEDS is None or not (SEEDS / seed).is_file():
        pytest.skip(f"seed {seed} not found beside the project (shared/seeds) or in /work/shared/seeds")
    notice = portal.notice_by_id[data_file.stem]
    _text, draft = draft_of(SEEDS / seed, tmp_path, capsys)
    assert draft["doc_number"] == notice.doc_number
    emails, phones, qq = contact_values(draft)
    assert {e for c in notice.contacts for e in c.emails} <= emails
    assert {digits(p) for c in notice.contacts for p in c.phones} <= phones
    assert {g.number for c in notice.contacts for g in c.qq_groups} <= qq
    wanted = window_dates(notice.deadlines)
    found = {d for deadline in draft["deadlines"] or [] for d in (deadline.get("start"), deadline.get("end")) if d}
    if wanted:
        recall = sum(d in found for d in wanted) / len(wanted)
        assert recall >= 0.9, f"{recall:.0%} of {len(wanted)} window dates found; missing {set(wanted) - found}"
    # What the draft fills in agrees with the data the maintainers checked by hand.
    assert draft["issuer"] in (None, notice.issuer)
    assert draft["title"]["zh"] in (None, notice.title.zh)
    assert draft.get("issued") in (None, notice.issued)
    assert draft["id"] == notice.id


@pytest.mark.parametrize("seed, data_file", seeded_notices(), ids=[p.stem for _, p in seeded_notices()])
def test_every_line_note_points_at_the_words_it_quotes(seed, data_file, tmp_path, capsys):
    if SEEDS is None or not (SEEDS / seed).is_file():
        pytest.skip(f"seed {seed} not found beside the project (shared/seeds) or in /work/shared/seeds")
    source = (SEEDS / seed).read_text(encoding="utf-8").splitlines()
    text, _ = draft_of(SEEDS / seed, tmp_path, capsys)
    checked = 0
    for line in text.splitlines():
        value = re.match(r"^\s*(?:- )?(?:doc_number|number|zh|)\s*:?\s*(?P<v>[^#]+?)\s+# (?:guess, check; )?line", line)
        note = LINE_NOTE.search(line)
        if not value or not note:
            continue
        first, last = int(note["first"]), int(note["last"] or note["first"])
        quoted_lines = "".join(tidy(source[i - 1]) for i in range(first, last + 1))
        wanted = value["v"].strip().strip('"')
        if re.fullmatch(r"[\d\-]+", wanted):  # a phone or QQ number: its digits, whatever dash the text uses
            assert digits(wanted) in digits(quoted_lines), line
            checked += 1
        elif "@" in wanted:
            assert wanted in quoted_lines, line
            checked += 1
    assert checked or not re.search(r"@|\d{7}", "".join(source)), "no phone, e-mail or QQ note was checked"


def test_a_filled_in_seed_draft_validates(data_root, tmp_path, capsys, portal):
    """The Hunan draft, its TODOs filled in as a maintainer would, replaces the real file and the data loads."""
    pairs = [(seed, path) for seed, path in seeded_notices() if SEEDS and (SEEDS / seed).is_file()]
    if not pairs:
        pytest.skip("no seed found beside the project (shared/seeds) or in /work/shared/seeds")
    seed, data_file = max(pairs, key=lambda pair: len(portal.notice_by_id[pair[1].stem].attachments))
    target = data_root / "data" / "notices" / data_file.name
    code, _, stderr = run_draft(SEEDS / seed, target, capsys, "--force", root=data_root)
    assert code == 0, stderr
    draft = yaml.safe_load(target.read_text(encoding="utf-8"))
    target.write_text(yaml.safe_dump(fill_in(draft, portal), allow_unicode=True, sort_keys=False), encoding="utf-8")
    loaded = load_portal(data_root)
    assert loaded.notice_by_id[data_file.stem].doc_number == draft["doc_number"]


def fill_in(draft: dict, portal) -> dict:
    """Every TODO of a draft given a value, the way a maintainer completes it."""
    forms = {(f.notice, f.attachment): f.id for f in portal.forms}
    draft.update(status=draft["status"] or "unknown", summary={"zh": "本站的摘要。"}, updated=dt.date(2026, 11, 21))
    draft["audience"] = draft["audience"] or ["higher_vocational"]
    if not draft.get("issued"):
        draft["issued_note"] = {"zh": "原件未印发文日期。"}
    for deadline in draft["deadlines"] or []:
        deadline["stage"] = deadline["stage"] or "other"
        deadline["title"]["zh"] = deadline["title"]["zh"] or "时间节点"
        deadline["applies_to"]["zh"] = "各试点院校"
        if deadline.get("recurrence"):
            deadline["recurrence"]["basis"]["zh"] = "通知规定每年安排。"
    for contact in draft["contacts"] or []:
        contact["name"]["zh"] = contact["name"]["zh"] or "申报材料邮箱"
        contact["role"]["zh"] = contact["role"]["zh"] or "联系人"
    for attachment in draft["attachments"] or []:
        form = forms.get((draft["id"], attachment["number"]))
        if form:
            attachment["form"] = form
        attachment["availability"]["zh"] = "随原件发布。"
    return draft


# ---------------------------------------------------------------- notices written here, in the seeds' style

ZHEJIANG = """\

 浙江省教育厅办公室文件

                       浙教办职成[2023] 12 号

关于做好 2023 年 1+X 证书制度试点

工作的通知

各市教育局，各高等职业院校、中等职业学校，有关培训评价组织：

为推进 1+X 证书制度试点工作，根据《关于推进 1+X 证书制度试点工作的指导意见》（教职成厅函〔2019〕19
号）要求，现将有关事项通知如下：

一、申报安排

自 2023 年起，每年分春季、秋季两轮组织申报。

1.春季申报时间为 3 月 1 日至 3 月 15 日；秋季申报时间为 9 月 1 日—9 月
15 日。

2.各市教育局分别于 3 月 25 日、9 月 25 日前完成中职学校初审。

二、材料报送

各院校须于二〇二三年四月十日前将盖章扫描件发送至 zjzc1x@163.com。

三、年度总结

试点年度工作总结请于 12 月 28 日—1 月 15 日报送。

联系人：钱 多多，电话：0571-88008800，手机：13800138000，
邮箱：qianduo@zjedu.example.cn。

加入工作 QQ 群（浙江省 1+X 试点工作群：123456789），平台网址：https://vslc.ncb.edu.cn/。

附件：1.浙江省 1+X 证书试点申报表
2.浙江省 1+X 证书试点汇总表

                                  浙江省教育厅办公室
                                 二〇二三年二月二十日
"""
CONTACT_LINES = ("联系人：钱 多多，电话：0571-88008800，手机：13800138000，", "邮箱：qianduo@zjedu.example.cn。")
ZHEJIANG_WINDOWS = {  # (start, end) → (round, recurring)
    (dt.date(2023, 3, 1), dt.date(2023, 3, 15)): ("spring", True),
    (dt.date(2023, 9, 1), dt.date(2023, 9, 15)): ("autumn", True),
    (None, dt.date(2023, 3, 25)): ("spring", True),
    (None, dt.date(2023, 9, 25)): ("autumn", True),
    (None, dt.date(2023, 4, 10)): (None, False),
    (dt.date(2023, 12, 28), dt.date(2024, 1, 15)): (None, False),
}


def write_docx(path: Path) -> Path:
    """The Zhejiang notice as Word writes it: paragraphs, and the contact in a table."""
    document = docx.Document()
    for line in ZHEJIANG.splitlines():
        if line in CONTACT_LINES:
            continue
        if line.startswith("加入工作"):
            table = document.add_table(rows=2, cols=3)
            table.style = "Table Grid"  # ruled, as official documents print their tables
            for cell, text in zip(
                table.rows[0].cells + table.rows[1].cells,
                ["联系人", "电话", "电子邮箱", "钱多多", "0571-88008800、13800138000", "qianduo@zjedu.example.cn"],
            ):
                cell.text = text
        document.add_paragraph(line)
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def zhejiang_pdf(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pdf")
    source = write_docx(folder / "zhejiang.docx")
    result = soffice(["--convert-to", "pdf", "--outdir", str(folder), source.name], folder / "profile", folder)
    pdf = folder / "zhejiang.pdf"
    assert result.returncode == 0 and pdf.is_file(), result.stdout + result.stderr
    return pdf


def _source(kind: str, tmp_path: Path, zhejiang_pdf: Path | None = None) -> Path:
    if kind == "utf-8":
        path = tmp_path / "zhejiang.txt"
        path.write_text(ZHEJIANG, encoding="utf-8")
    elif kind == "gb18030":
        path = tmp_path / "zhejiang.txt"
        path.write_bytes(ZHEJIANG.encode("gb18030"))
    elif kind == "docx":
        path = write_docx(tmp_path / "zhejiang.docx")
    else:
        path = zhejiang_pdf
    return path


@pytest.mark.parametrize("kind", ["utf-8", "gb18030", "docx", pytest.param("pdf", marks=pytest.mark.slow)])
def test_made_up_notice_gives_each_fact(kind, tmp_path, capsys, request):
    pdf = request.getfixturevalue("zhejiang_pdf") if kind == "pdf" else None
    text, draft = draft_of(_source(kind, tmp_path, pdf), tmp_path, capsys)
    assert text.startswith("# yaml-language-server: $schema=../schemas/notice.json\n")
    assert draft["id"] == "zhejiang-2023-12"
    assert draft["doc_number"] == "浙教办职成〔2023〕12号"
    assert draft["title"]["zh"] == "关于做好2023年1+X证书制度试点工作的通知"
    assert draft["issued"] == dt.date(2023, 2, 20)
    # Zhejiang is not in data/provinces/: the issuer stays empty and the comment says what to do.
    assert draft["issuer"] is None
    assert "province 'zhejiang' is not in data/provinces/" in text and "浙江省教育厅办公室" in text
    assert set(draft["audience"]) >= {"municipal_bureau", "higher_vocational", "evaluation_organisation"}
    windows = {(d.get("start"), d.get("end")): (d.get("round"), "recurrence" in d) for d in draft["deadlines"]}
    assert windows == ZHEJIANG_WINDOWS
    for deadline in draft["deadlines"]:
        if "recurrence" in deadline:
            assert deadline["recurrence"]["from_year"] == 2023 and deadline["recurrence"]["freq"] == "yearly"
    emails, phones, qq = contact_values(draft)
    assert emails == {"qianduo@zjedu.example.cn", "zjzc1x@163.com"}
    assert phones == {"057188008800", "13800138000"}
    assert qq == {"123456789"}
    person = next(c for c in draft["contacts"] if c["name"]["zh"])
    assert person["name"] == {"zh": "钱多多", "en": None}  # English stays empty ...
    assert "suggestion (pinyin, check): Qian Duoduo" in text  # ... with a suggestion beside it
    assert [g["name"]["zh"] for g in person["qq_groups"]] == ["浙江省1+X试点工作群"]
    assert [(a["number"], a["title"]["zh"]) for a in draft["attachments"]] == [
        (1, "浙江省1+X证书试点申报表"),
        (2, "浙江省1+X证书试点汇总表"),
    ]
    assert "https://vslc.ncb.edu.cn/" in text
    assert "教职成厅函〔2019〕19号" in text  # a cited number broken across lines, listed apart
    assert set(draft) == set(Notice.model_fields) - {"issued_note"}  # every field to fill in (issued is known)


def test_line_notes_count_lines_of_the_file(tmp_path, capsys):
    text, _ = draft_of(_source("utf-8", tmp_path), tmp_path, capsys)
    lines = ZHEJIANG.splitlines()
    number_line = next(i for i, line in enumerate(lines, 1) if "浙教办职成" in line)
    assert f"doc_number: 浙教办职成〔2023〕12号  # line {number_line}: " in text
    autumn = next(i for i, line in enumerate(lines, 1) if "秋季申报时间" in line)
    assert f"end: 2023-09-15  # lines {autumn}-{autumn + 1}: " in text  # "9 月" and "15 日" on two lines


def test_default_target_is_the_notice_file_and_is_never_overwritten(data_root, tmp_path, capsys):
    source = tmp_path / "notice.txt"
    source.write_text(
        ZHEJIANG.replace("浙教办职成[2023] 12", "湘教通〔2023〕 7").replace("浙江省", "湖南省"), encoding="utf-8"
    )
    target = data_root / "data" / "notices" / "hunan-2023-7.yml"
    assert main(["draft-notice", str(source), "--root", str(data_root)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == str(target)
    first = target.read_text(encoding="utf-8")
    assert (
        "# TODO issuer: the issuer line reads 「湖南省教育厅办公室」" in first
        and "#   hunan-edu — 湖南省教育厅" in first
    )
    target.write_text("kept", encoding="utf-8")
    assert main(["draft-notice", str(source), "--root", str(data_root)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "already exists" in err
    assert target.read_text(encoding="utf-8") == "kept"
    assert main(["draft-notice", str(source), "--root", str(data_root), "--force"]) == 0
    assert target.read_text(encoding="utf-8") == first


def test_matching_issuer_fills_the_issuer_id(tmp_path, capsys):
    source = tmp_path / "notice.txt"
    source.write_text(
        ZHEJIANG.replace("浙教办职成[2023] 12", "湘教通〔2023〕 7").replace("浙江省教育厅办公室", "湖南省教育厅"),
        encoding="utf-8",
    )
    _text, draft = draft_of(source, tmp_path, capsys)
    assert draft["issuer"] == "hunan-edu" and draft["id"] == "hunan-2023-7"


BAD_FILES = {
    "empty.txt": b"",
    "blank.txt": " \n\u3000\n\n".encode("utf-8"),
    "binary.txt": b"\x00\x01\x02PK\x03\x04",
    "latin.txt": bytes(range(0x80, 0x100)) * 4,
    "broken.docx": b"not a zip file",
    "broken.pdf": b"%PDF-1.4\nnothing else",
    "notice.rtf": b"{\\rtf1 hello}",
    "notice.doc": b"\xd0\xcf\x11\xe0",
    "missing.txt": None,
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_unreadable_or_empty_file_gives_one_line_and_writes_nothing(name, tmp_path, capsys):
    source = tmp_path / "in" / name
    source.parent.mkdir()
    if BAD_FILES[name] is not None:
        source.write_bytes(BAD_FILES[name])
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, stdout, stderr = run_draft(source, out_dir / "draft.yml", capsys)
    assert code != 0
    assert len(stderr.strip().splitlines()) == 1 and name in stderr and "Traceback" not in stderr
    assert stdout == "" and list(out_dir.iterdir()) == []


def test_a_docx_without_text_and_a_pdf_without_text_say_so(tmp_path, capsys):
    empty = tmp_path / "empty.docx"
    docx.Document().save(str(empty))
    code, _, stderr = run_draft(empty, tmp_path / "draft.yml", capsys)
    assert code == 1 and "no text in it" in stderr and not (tmp_path / "draft.yml").exists()


def test_missing_output_folder_is_one_line(tmp_path, capsys):
    source = _source("utf-8", tmp_path)
    code, _, stderr = run_draft(source, tmp_path / "nowhere" / "draft.yml", capsys)
    assert code == 1 and len(stderr.strip().splitlines()) == 1 and "not a folder" in stderr


# ---------------------------------------------------------------- the date parser


def _dates(text: str, year: int | None = None, issued: dt.date | None = None):
    return [resolve(m, text, year, issued) for m in find_dates(text)]


D = dt.date


@pytest.mark.parametrize(
    "text, default, issued, expected",
    [
        ("第一次申报备案时间：3月14日—6月10日", 2022, None, [(D(2022, 3, 14), D(2022, 6, 10))]),
        ("提交时间为4月14日至4月28日", 2022, None, [(D(2022, 4, 14), D(2022, 4, 28))]),
        ("春季申报时间为4月1日-7日", 2022, None, [(D(2022, 4, 1), D(2022, 4, 7))]),
        ("各市州于4月28日前完成", 2022, None, [(None, D(2022, 4, 28))]),
        ("分别于4月12日、9月24日前", 2022, None, [(None, D(2022, 4, 12)), (None, D(2022, 9, 24))]),
        # the year written before the date wins over the notice's year
        ("2023年第一轮申报时间为 5 月 6 日 至 5 月 20 日", 2022, None, [(D(2023, 5, 6), D(2023, 5, 20))]),
        ("须在 2022 年 12月 31日前完成", None, None, [(None, D(2022, 12, 31))]),
        # a range over the new year, and a date long before a late-year notice, are next year's
        ("12月20日—1月10日", 2022, None, [(D(2022, 12, 20), D(2023, 1, 10))]),
        ("1月10日前报送", 2023, D(2023, 12, 20), [(None, D(2024, 1, 10))]),
        ("4月14日至4月28日", 2022, D(2022, 4, 15), [(D(2022, 4, 14), D(2022, 4, 28))]),
        ("二〇二二年三月四日", None, None, [(None, D(2022, 3, 4))]),
        ("二〇二三年十二月三十一日前", None, None, [(None, D(2023, 12, 31))]),
        ("自5月1日起施行", 2024, None, [(D(2024, 5, 1), None)]),
        ("截至６月３０日", 2024, None, [(None, D(2024, 6, 30))]),
        ("2月30日前", 2023, None, [(None, None)]),  # no such day: nothing made up
        ("6月10日", None, None, [(None, None)]),  # no year anywhere: left for the maintainer
        ("13月5日、XXXX 年 XX 月 XX 日", 2022, None, []),
    ],
)
def test_date_parser_takes_the_year_from_context(text, default, issued, expected):
    assert _dates(text, default, issued) == expected


def test_issue_date_line_is_a_whole_date():
    assert whole_date("2022 年 3 月 4 日") == D(2022, 3, 4)
    assert whole_date("二〇二二年三月四日") == D(2022, 3, 4)
    assert whole_date("2022年 4月 15日") == D(2022, 4, 15)
    assert whole_date("于2022年3月4日前报送") is None
    assert whole_date("3月4日") is None


def test_paragraphs_join_broken_lines_but_keep_line_numbers():
    doc = Document(
        [
            "一、其他",
            "各市、各学校要安排专门人员总体负责证书申报工作，联系人：赵朝晖，联系电话：0531-5179",
            "",
            "3642，电子邮箱：zjc05@shan",
            "dong.cn，网址 https://example.org/a/",
            "b。The Ministry of",
            "Education 〔2019〕19",
            " 号。",
        ]
    )
    heading, body = doc.paragraphs
    assert heading.text == "一、其他" and heading.section == body.section == 1
    assert body.text.endswith(
        "联系电话：0531-51793642，电子邮箱：zjc05@shandong.cn，网址https://example.org/a/b。"
        "The Ministry of Education〔2019〕19号。"
    )
    assert body.span(body.text.index("0531"), body.text.index("，电子")) == (2, 4)
    assert body.span(body.text.index("19号"), len(body.text)) == (7, 8)


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "CONTRIBUTING.en.md", "README.md"])
def test_guides_describe_the_command_as_it_is(guide, capsys):
    text = (CHECKOUT / guide).read_text(encoding="utf-8")
    assert "python -m macros draft-notice" in text
    with pytest.raises(SystemExit):
        main(["draft-notice", "--help"])
    usage = capsys.readouterr().out
    for option in set(re.findall(r"--[a-z]+", text[text.index("draft-notice") :][:3000])) & {"--out", "--force"}:
        assert option in usage


PIECES = list(
    "年月日号前起至—-～、，。：；（）〔〕[]《》“”各市省教育厅关于通知联系人电话邮箱群每春秋季第一二三四五六七八九十〇0123456789@. \n"
) + [
    "2022年",
    "二〇二二年",
    "湘教通〔2022〕80号",
    "0731-84714937",
    "a@b.cn",
    "附件：1.",
    "自2022年起",
    "QQ群号：",
    "https://x.cn/",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=120).map("".join))
def test_any_text_gives_a_draft_that_is_valid_yaml(text):
    draft = find_all(Document(text.split("\n")), ROOT)
    rendered = render(draft, "x.txt", draft.notice_id() or "x")
    value = yaml.safe_load(rendered)
    assert set(value) <= set(Notice.model_fields)
