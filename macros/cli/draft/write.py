# Writes the draft notice as YAML text: every found value with a `# line N: …` comment saying where it came
# from, every unresolved field empty with a TODO, and a header telling the maintainer what to do next.
from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from pathlib import Path
from typing import get_args

import yaml

from macros.data.models import Audience, Notice, Stage

from .contacts import ContactDraft
from .find import Draft, format_number
from .text import Found

HEADER = """\
# yaml-language-server: $schema=../schemas/notice.json
# 草稿 / DRAFT made by `python -m macros draft-notice` from {source}: not yet a valid notice.
# 下一步 / Next:
#   1. 对照原件核对每个值。“# line N: …” 指出它在所读文本中的行号和原文（.docx 按段落和表格行计，.pdf 按逐页文本行计）。
#      Check every value against the original. "# line N: …" gives its line in the text read (for .docx the
#      paragraphs and table rows, for .pdf the text lines page after page) and the words around it.
#   2. 填写每个 TODO，删去原件没有的内容；标为 guess 的值是猜测，必须核对。
#      Fill in every TODO and delete what the original does not say; a value marked "guess" must be checked.
#   3. 摘要用自己的话写，不要照抄原文；英文可以以后补。没有日期的事项（每学期、每两周）请用 `when:` 手工添加。
#      Write the summary in your own words, never pasted; English may follow. Add undated duties with `when:`.
#   4. 运行 `make check` 直到没有报错，然后删去这段说明。 / Run `make check` until it reports nothing; then delete these notes.
# Source: {number} ({source})
"""
STAGES = ", ".join(get_args(Stage))
AUDIENCES = ", ".join(get_args(Audience))
COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "诸葛",
    "上官",
    "东方",
    "皇甫",
    "令狐",
    "慕容",
    "尉迟",
    "夏侯",
    "司徒",
    "公孙",
    "长孙",
)
# Surnames read differently from the same character in other words.
SURNAME_READINGS = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "朴": "piao",
    "查": "zha",
    "盖": "ge",
    "乐": "yue",
    "翟": "zhai",
    "覃": "qin",
    "召": "shao",
    "缪": "miao",
    "万": "wan",
    "秘": "bi",
    "繁": "po",
    "员": "yun",
    "黑": "he",
    "种": "chong",
    "折": "she",
    "朝": "chao",
}


def scalar(value) -> str:
    """A YAML scalar that reads back as `value`: plain where that is safe, else double-quoted (JSON style)."""
    if isinstance(value, (dt.date, int)):
        return str(value)
    text = str(value)
    plain_safe = text and not re.search(r"^[-?:,\[\]{}#&*!|>'\"%@`\s]|: |\s#|[\[\]{},]|\s$", text)
    if plain_safe and yaml.safe_load(text) == text:
        return text
    return json.dumps(text, ensure_ascii=False)


def note(found: Found | None, prefix: str = "") -> str:
    return f"  # {prefix}{found.where()}" if found else ""


class Lines:
    def __init__(self):
        self.out: list[str] = []

    def add(self, indent: int, text: str, comment: str = "") -> None:
        self.out.append(" " * indent + text + comment)

    def value(self, indent: int, key: str, found: Found | None, todo: str = "", prefix: str = "") -> None:
        if found is None or found.value in (None, ""):
            self.add(indent, f"{key}:", f"  # TODO {todo}" if todo else "")
        else:
            self.add(indent, f"{key}: {scalar(found.value)}", note(found, prefix))

    def text(self, indent: int, key: str, found: Found | None, todo: str, en: str = "", prefix: str = "") -> None:
        """A {zh, en} field: zh from the text, en left for the maintainer."""
        self.add(indent, f"{key}:")
        self.value(indent + 2, "zh", found, todo, prefix)
        self.add(indent + 2, "en:", f"  # {en}" if en else "")


def render(draft: Draft, source: str, notice_id: str) -> str:
    number = format_number(draft.doc_number.value) if draft.doc_number else "文号未找到 / document number not found"
    out = Lines()
    out.out.append(HEADER.format(source=source, number=number).rstrip("\n"))
    out.add(
        0,
        f"id: {notice_id}",
        "  # "
        + (
            "from the province (or school) and the document number; the file name must be the same"
            if draft.doc_number
            else "TODO no document number found: choose an id like hunan-2023-5 and rename the file to match"
        ),
    )
    _issuer(out, draft)
    if draft.doc_number:
        out.add(0, f"doc_number: {scalar(format_number(draft.doc_number.value))}", note(draft.doc_number))
    else:
        out.add(0, "doc_number:", "  # TODO the document number exactly as printed, e.g. 湘教通〔2022〕80号")
    if draft.cited_numbers:
        cited = ", ".join(f"{format_number(n.value)} (line {n.first})" for n in draft.cited_numbers)
        out.add(0, f"# other document numbers in the text (cited, not this notice's): {cited}")
    out.text(0, "title", draft.title, "the title exactly as printed", "TODO our English translation (may wait)")
    if draft.issued:
        out.value(0, "issued", draft.issued)
    else:
        out.add(
            0, "issued:", "  # TODO no date of issue found: give it (YYYY-MM-DD), or leave it empty and say why below"
        )
        out.text(0, "issued_note", None, "why the date of issue is unknown (delete issued_note if you give `issued`)")
    if draft.audience:
        out.add(
            0,
            f"audience: [{', '.join(draft.audience.value)}]",
            note(draft.audience, "guess from the salutation, check and add who else it applies to; "),
        )
    else:
        out.add(0, "audience: []", f"  # TODO at least one of {AUDIENCES}")
    out.add(0, "status:", "  # TODO in_force, expired, superseded or unknown")
    out.text(0, "summary", None, "a summary in our own words (never paste the original)")
    out.add(0, "key_rules: []", "  # optional: the rules that matter, in our words, each with its section")
    _deadlines(out, draft)
    _contacts(out, draft.contacts)
    _attachments(out, draft)
    out.add(0, "certificate_rules: []", "  # optional: limits on certificates or levels")
    for key in ("certificate_scope", "school_scope", "submission_channel"):
        out.add(0, f"{key}:", "  # optional: {zh: …, en: …} when the notice says")
    out.add(0, "review_stages: []", "  # optional, in order")
    out.add(0, "procedure: []", "  # optional: numbered steps")
    written = {m[1] for line in out.out if (m := re.match(r"^([a-z_]+):", line))}
    for key, spec in Notice.model_fields.items():  # fields the draft knows nothing about, so none is forgotten
        if key not in written and key not in ("source", "updated", "issued_note") and not spec.is_required():
            out.add(
                0, f"{key}: []" if spec.default == [] else f"{key}:", "  # optional (see macros/data/models/notice.py)"
            )
    out.add(0, "source:")
    out.add(2, "url:", "  # TODO where the original is published (https), if it is online")
    for url in draft.urls:
        out.add(2, f"# the text names {url.value} ({url.where()}): a site it refers to, not the notice's own address")
    out.add(2, "note:", "  # optional: how our copy relates to the original")
    out.add(0, "updated:", "  # TODO the date you checked this file against the original (YYYY-MM-DD)")
    return "\n".join(out.out) + "\n"


def _issuer(out: Lines, draft: Draft) -> None:
    if draft.issuer:
        out.add(0, f"issuer: {draft.issuer.id}", note(draft.issuer_line))
        return
    read = (
        f"the issuer line reads 「{draft.issuer_line.value}」 ({draft.issuer_line.where()})"
        if draft.issuer_line
        else "no issuer line found"
    )
    if draft.province and draft.province_issuers:
        out.add(
            0,
            f"# TODO issuer: {read}; it matches no issuer of {draft.province} exactly. Choose one, or add it to "
            f"data/provinces/{draft.province}.yml:",
        )
        for issuer in draft.province_issuers:
            out.add(0, f"#   {issuer.id} — {issuer.name}")
    else:
        known = ", ".join(sorted(draft.known_provinces)) or "none"
        guessed = f"province {draft.province!r} is not in data/provinces/" if draft.province else "no province found"
        out.add(
            0,
            f"# TODO issuer: {read}; {guessed} (known: {known}). Add the province and its issuers first "
            "(CONTRIBUTING), then give the issuer's id.",
        )
    out.add(0, "issuer:")


def _deadlines(out: Lines, draft: Draft) -> None:
    if not draft.deadlines:
        out.add(0, "deadlines: []", "  # no dates found: add windows by hand, or `when:` for duties without a date")
        return
    out.add(0, "deadlines:", f"  # stage: one of {STAGES}")
    used: set[str] = set()
    for item in draft.deadlines:
        base = "-".join(
            part
            for part in (item.round[0] if item.round else None, item.stage[0].replace("_", "-") if item.stage else None)
            if part
        )
        deadline_id, copy = base or "deadline", 2
        while deadline_id in used:
            deadline_id, copy = f"{base or 'deadline'}-{copy}", copy + 1
        used.add(deadline_id)
        out.add(2, f"- id: {deadline_id}", "  # made up from the guesses below: rename freely, unique in this file")
        if item.stage:
            out.add(4, f"stage: {item.stage[0]}", f"  # guess from 「{item.stage[1]}」: check")
        else:
            out.add(4, "stage:", "  # TODO one of the stages listed above")
        if item.round:
            out.add(4, f"round: {item.round[0]}", f"  # guess from 「{item.round[1]}」: check")
        out.text(4, "title", item.title, "a short name for this window", prefix="guess, check; ")
        out.text(4, "applies_to", None, "who must act (as the notice says)")
        if item.unresolved:
            out.add(
                4,
                "end:",
                f"  # TODO the year of 「{item.unresolved.value}」 is not written near it: give the date "
                f"({item.unresolved.where()})",
            )
        if item.start:
            out.value(4, "start", item.start)
        if item.end:
            out.value(4, "end", item.end)
        if item.recurrence:
            from_year, sentence = item.recurrence
            out.add(4, "recurrence:", "  # every year: " + sentence.where())
            out.add(6, "freq: yearly")
            out.add(6, f"from_year: {from_year}")
            out.text(6, "basis", None, "in our words, what in the notice makes it repeat")
        if item.before:
            out.add(4, "note:")
            out.add(6, f"zh: {scalar(f'原文为“{item.before}”')}", "  # a due date: the window's start is not given")
            out.add(6, "en:")


def _contacts(out: Lines, contacts: list[ContactDraft]) -> None:
    if not contacts:
        out.add(0, "contacts: []", "  # no phone or e-mail found: add contacts by hand if the notice names any")
        return
    out.add(0, "contacts:")
    for contact in contacts:
        if not contact.from_contact_line:
            out.add(
                2,
                "# Found outside the contact lines: give them a name and role (e.g. a submission mailbox), "
                "move them to a contact above, or delete.",
            )
        suggestion = pinyin_suggestion(contact.name.value) if contact.name else None
        out.add(2, "- name:")
        out.value(6, "zh", contact.name, "who, as published (a person, or e.g. 申报材料邮箱)")
        out.add(6, "en:", f"  # suggestion (pinyin, check): {suggestion}" if suggestion else "")
        out.text(4, "role", contact.role, "the office or what to ask them about")
        for key, items in (("phones", contact.phones), ("emails", contact.emails)):
            if items:
                out.add(4, f"{key}:")
                for item in items:
                    out.add(6, f"- {scalar(item.value)}", note(item))
        if contact.qq_groups:
            out.add(4, "qq_groups:", "  # check whose groups these are; move them to that contact")
            for number, name in contact.qq_groups:
                out.add(6, f"- number: {json.dumps(number.value)}", note(number))
                out.text(8, "name", name, "the group's name as published")
        if contact.address:
            out.text(4, "address", contact.address, "")


def _attachments(out: Lines, draft: Draft) -> None:
    if not draft.attachments:
        out.add(0, "attachments: []", "  # none found (附件…): add them by hand if the notice has any")
        return
    out.add(0, "attachments:")
    for item in draft.attachments:
        number, title = item.value
        out.add(2, f"- number: {number}", note(item))
        out.add(4, "title:")
        out.add(6, f"zh: {scalar(title)}")
        out.add(6, "en:")
        out.add(4, "# TODO `form: <id>` when data/forms/ reproduces it, else `availability`: where to get the original")
        out.text(4, "availability", None, "e.g. 随原件发布，本站未收录其栏目")


def pinyin_suggestion(names: str) -> str | None:
    """王宇 → Wang Yu; 谢爱国、赵亮 → Xie Aiguo and Zhao Liang; 王老师 → Mr/Ms Wang."""
    from pypinyin import lazy_pinyin

    people = []
    for name in re.split(r"[、和,，]", names):
        name = name.strip()
        teacher = name.endswith("老师")
        name = name.removesuffix("老师")
        if not name or not re.fullmatch(r"[\u4e00-\u9fff]+", name):
            return None
        split = 2 if name[:2] in COMPOUND_SURNAMES else 1
        surname = (SURNAME_READINGS.get(name[0]) if split == 1 else None) or "".join(lazy_pinyin(name[:split]))
        given = "".join(lazy_pinyin(name[split:]))
        person = f"{surname.capitalize()} {given.capitalize()}".strip()
        people.append(f"Mr/Ms {person}" if teacher else person)
    return people[0] if len(people) == 1 else ", ".join(people[:-1]) + " and " + people[-1]


def save(text: str, target: Path, force: bool) -> None:
    """Write `text` to `target` whole or not at all; an existing file stays unless `force`."""
    if target.exists() and not force:
        raise FileExistsError(f"{target} already exists: not overwritten (give --force to replace it, or --out PATH)")
    if not target.parent.is_dir():
        raise FileNotFoundError(f"{target.parent} is not a folder")
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
