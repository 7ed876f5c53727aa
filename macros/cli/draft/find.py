# Finds the facts of a notice in its text: document number, issuer line, title, issue date, audience, and every
# dated window (year from context, 每年 → yearly), gathered with the contact details into one Draft.
from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import contacts as contact_finder
from .dates import DateMention, find_dates, resolve, whole_date, year_before
from .issuers import KnownIssuer, clean_issuer_line, guess_province, known_issuers, match_issuer
from .text import DOC_NUMBER, SENTENCE_END, TITLE_END, Document, Found, Paragraph

SALUTATION = re.compile(r"^各.{2,}[：:]$")
ROUNDS = [
    ("spring", re.compile(r"春季")),
    ("autumn", re.compile(r"秋季")),
    ("first", re.compile(r"第一[次轮批]|首轮|首批")),
    ("second", re.compile(r"第二[次轮批]")),
]
# Checked in this order: the first whose words are in the sentence gives the guess.
STAGES = [
    ("results_published", r"结果|公布|公示"),
    ("training_assessment_complete", r"完成培训|培训、考核|考核工作|完成考核"),
    ("materials_due", r"扫描件|发送至|报送|邮箱|材料"),
    ("municipal_review", r"初审|市级|市州|市教育"),
    ("provincial_review", r"省级审核|审核"),
    ("adjustment", r"调整"),
    ("school_filing", r"申报|申请|备案|提交|报名"),
]
AUDIENCE = [
    ("municipal_bureau", r"市.{0,8}教育|教育(?:（体）|（教体）)?局"),
    ("higher_vocational", r"高等职业|高职|高等学校|高校|职业技术大学"),
    ("secondary_vocational", r"中等职业|中职|中专|技工"),
    ("undergraduate_applied", r"应用型本科|本科"),
    ("evaluation_organisation", r"培训评价组织|评价组织"),
    ("school_internal", r"二级学院|各部门|各处室|各系"),
]
RECURRING = re.compile(r"每年|每学年")
FROM_YEAR = re.compile(r"(?:自|从)\s*(?P<y>\d{4})\s*年(?:起|开始)")


@dataclass
class DeadlineDraft:
    start: Found | None
    end: Found | None
    stage: tuple[str, str] | None  # (stage, the words it was guessed from)
    round: tuple[str, str] | None
    title: Found | None
    before: str | None  # "4月28日前": the words of a due date
    recurrence: tuple[int, Found] | None  # (from year, the 每年 sentence)
    unresolved: Found | None = None  # a date whose year nothing gives


@dataclass
class Draft:
    doc_number: Found | None = None
    cited_numbers: list[Found] = field(default_factory=list)
    issuer_line: Found | None = None
    issuer: KnownIssuer | None = None
    province: str | None = None
    province_issuers: list[KnownIssuer] = field(default_factory=list)
    known_provinces: dict[str, str] = field(default_factory=dict)
    title: Found | None = None
    issued: Found | None = None
    audience: Found | None = None
    deadlines: list[DeadlineDraft] = field(default_factory=list)
    contacts: list[contact_finder.ContactDraft] = field(default_factory=list)
    attachments: list[Found] = field(default_factory=list)
    urls: list[Found] = field(default_factory=list)

    def notice_id(self) -> str | None:
        """<province or school issuer>-<year>-<number>, as the portal names notices (hunan-2022-80, sdcet-2024-26)."""
        if not self.doc_number:
            return None
        prefix = self.issuer.id if self.issuer and self.issuer.kind == "school" else self.province
        _, year, number = self.doc_number.value
        return f"{prefix or 'notice'}-{year}-{number}"


def find_all(doc: Document, root: Path) -> Draft:
    draft = Draft()
    numbers = doc_numbers(doc)
    draft.doc_number = _own_number(doc, numbers)
    own = draft.doc_number.value if draft.doc_number else None
    draft.cited_numbers = [
        n for n in numbers if not own or not (n.value[1:] == own[1:] and n.value[0].endswith(own[0]))
    ]
    draft.title = title(doc, draft.doc_number.first if draft.doc_number else 0)
    draft.issued, signature = issue_date(doc)
    _issuer(draft, doc, signature, root)
    draft.audience = audience(doc)
    default_year = (
        draft.issued.value.year if draft.issued else int(draft.doc_number.value[1]) if draft.doc_number else None
    )
    draft.deadlines = deadlines(
        doc,
        default_year,
        draft.issued.value if draft.issued else None,
        skip=draft.issued.first if draft.issued else None,
    )
    qq = contact_finder.qq_groups(doc)
    draft.contacts = contact_finder.contacts(doc, qq)
    draft.attachments = contact_finder.attachments(doc)
    draft.urls = contact_finder.urls(doc)
    return draft


def _issuer(draft: Draft, doc: Document, signature: tuple[int, str] | None, root: Path) -> None:
    """Issuer, issuer line and province: the line above the date of issue, the letterhead, or the title's start."""
    head_end = draft.doc_number.first if draft.doc_number else 0
    candidates = ([signature] if signature else []) + [(no, text) for no, text in doc.numbered() if no < head_end]
    if draft.title and "关于" in draft.title.value[1:]:
        candidates.append((draft.title.first, draft.title.value.split("关于")[0]))  # 安徽省教育厅关于…的通知
    candidates = [(no, text) for no, text in candidates if clean_issuer_line(text)]
    issuers, draft.known_provinces = known_issuers(root)
    draft.issuer = match_issuer([text for _, text in candidates], issuers)
    line = next(
        ((no, text) for no, text in candidates if draft.issuer and match_issuer([text], [draft.issuer])),
        candidates[0] if candidates else None,
    )
    if line:
        draft.issuer_line = Found(clean_issuer_line(line[1]), line[0], line[0], doc.tidy_lines[line[0] - 1])
    prefix = draft.doc_number.value[0] if draft.doc_number else None
    draft.province = (
        draft.issuer.province
        if draft.issuer
        else guess_province(prefix, [text for _, text in candidates] + ([draft.title.value] if draft.title else []))
    )
    draft.province_issuers = [i for i in issuers if i.province == draft.province]


def doc_numbers(doc: Document) -> list[Found]:
    """Every document number (prefix, year, number) in the text, once each, in order."""
    found, seen = [], set()
    for paragraph in doc.paragraphs:
        for m in DOC_NUMBER.finditer(paragraph.text):
            value = (m["prefix"], m["year"], str(int(m["number"])))
            if value not in seen:
                seen.add(value)
                found.append(Found.at(value, paragraph, m.start(), m.end(), context=0))
    return found


def format_number(value: tuple[str, str, str]) -> str:
    prefix, year, number = value
    return f"{prefix}〔{year}〕{number}号"


def _own_number(doc: Document, numbers: list[Found]) -> Found | None:
    """The notice's own number: a line near the top that is nothing else, else the first number of the text."""
    for no, text in doc.numbered()[:40]:
        m = DOC_NUMBER.fullmatch(text.replace(" ", ""))
        if m:
            return Found((m["prefix"], m["year"], str(int(m["number"]))), no, no, text)
    return numbers[0] if numbers else None


def title(doc: Document, after_line: int) -> Found | None:
    """The title: the lines after the document number (or the first 关于… line) up to one ending in 通知, 办法…"""
    lines = [(no, text) for no, text in doc.numbered() if no > after_line][:12]
    start = next((i for i, (_, text) in enumerate(lines) if "关于" in text or TITLE_END.search(text)), None)
    if start is None:
        return None
    parts = []
    for no, text in lines[start : start + 4]:
        if SALUTATION.match(text):
            break
        parts.append((no, text))
        if TITLE_END.search(text):
            joined = "".join(t for _, t in parts)
            return Found(joined, parts[0][0], no, joined)
    return None


def issue_date(doc: Document) -> tuple[Found | None, tuple[int, str] | None]:
    """The first line holding only a full date (the date under the signature), and the line above it."""
    numbered = doc.numbered()
    for index, (no, text) in enumerate(numbered):
        date = whole_date(text)
        if date:
            signature = numbered[index - 1] if index else None
            return Found(date, no, no, doc.lines[no - 1].strip()), signature
    return None, None


def audience(doc: Document) -> Found | None:
    """Who the notice is addressed to, guessed from its salutation line (各…：)."""
    for paragraph in doc.paragraphs[:12]:
        if SALUTATION.match(paragraph.text):
            kinds = [kind for kind, words in AUDIENCE if re.search(words, paragraph.text)]
            if kinds:
                return Found.at(kinds, paragraph, 0, len(paragraph.text), context=0)
    return None


def _match_text(pattern: str, sentence: str) -> str:
    """The words of `sentence` that `pattern` matched (it was chosen because it matches)."""
    found = re.search(pattern, sentence)
    return found.group() if found else ""


def deadlines(
    doc: Document, default_year: int | None, issued: dt.date | None, skip: int | None = None
) -> list[DeadlineDraft]:
    found: list[DeadlineDraft] = []
    recurring: dict[int, tuple[int, Found]] = {}  # section → (from year, the sentence that says 每年)
    round_order: list[str] = []  # e.g. [spring, autumn] after "春季、秋季两次"
    for paragraph in doc.paragraphs:
        text = paragraph.text
        repeat = RECURRING.search(text)
        if repeat:
            sentence_start = max((m.end() for m in SENTENCE_END.finditer(text, 0, repeat.start())), default=0)
            from_year = FROM_YEAR.search(text)
            year = int(from_year["y"]) if from_year else year_before(text, repeat.start()) or default_year
            if year:
                recurring[paragraph.section] = (year, Found.at(None, paragraph, sentence_start, repeat.end(), 20))
        order = [name for name, words in ROUNDS[:2] if words.search(text)]
        if len(order) == 2:
            round_order = order
        mentions = [m for m in find_dates(text) if paragraph.span(m.start, m.end)[0] != skip]
        _due_in_lists(text, mentions)
        respectively = "分别" in text
        for index, mention in enumerate(mentions):
            draft = _deadline(
                paragraph,
                mention,
                mentions[index - 1] if index else None,
                default_year,
                issued,
                recurring.get(paragraph.section) if paragraph.section else None,
                round_order[index] if respectively and len(mentions) == len(round_order) else None,
            )
            if draft.title is None and index and _same_sentence(text, mentions[index - 1], mention):
                draft.title = found[-1].title  # "…分别为4月8日-12日，9月20日-24日": one name for both
            found.append(draft)
    return found


def _same_sentence(text: str, left: DateMention, right: DateMention) -> bool:
    return not SENTENCE_END.search(text, left.end, right.start)


def _due_in_lists(text: str, mentions: list[DateMention]) -> None:
    """In "4月12日、9月24日前" the 前 holds for both dates; each quotes the whole list."""
    for left, right in reversed(list(itertools.pairwise(mentions))):
        if right.before and text[left.end : right.start] in ("、", "和", "及", "或"):
            left.before = True
            right.words = left.words = text[left.start : right.start] + right.words


def _deadline(
    paragraph: Paragraph,
    mention: DateMention,
    previous: DateMention | None,
    default_year: int | None,
    issued: dt.date | None,
    recurrence,
    ordered_round,
) -> DeadlineDraft:
    text = paragraph.text
    sentence_start = max((m.end() for m in SENTENCE_END.finditer(text, 0, mention.start)), default=0)
    end_match = SENTENCE_END.search(text, mention.end)
    sentence = text[sentence_start : end_match.start() if end_match else len(text)]
    lead_start = max(sentence_start, previous.end if previous else 0)
    lead = text[lead_start : mention.start].lstrip("，,、；; ")  # the words just before it: "第二次申报时间："
    if recurrence and mention.first[0] is None and year_before(text, mention.start) is None:
        default_year = recurrence[0]
    start, end = resolve(mention, text, default_year, issued)
    stage = next(((name, words) for name, words in STAGES if re.search(words, sentence)), None)
    rounds = [(name, m.group()) for name, words in ROUNDS if (m := words.search(lead))]
    # "（二）首轮申报与审核时间安排。…各市州于4月28日前…": one round named earlier in the paragraph holds for it
    earlier = [(name, m.group()) for name, words in ROUNDS if (m := words.search(text, 0, mention.start))]
    round_ = (
        rounds[0]
        if rounds
        else (ordered_round, "春季、秋季 in order")
        if ordered_round
        else earlier[0]
        if len(earlier) == 1
        else None
    )
    name = re.sub(r"^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]+[）)])", "", lead)
    named = re.match(
        r"^(?:[^：:]*[：:])?(?P<t>.+?)时间(?:安排)?(?:分别)?(?:为|是)?[：:]?$", re.split(r"[，,]", name)[-1]
    )
    draft = DeadlineDraft(
        start=Found.at(start, paragraph, mention.start, mention.end) if start else None,
        end=Found.at(end, paragraph, mention.start, mention.end) if end else None,
        stage=(stage[0], _match_text(stage[1], sentence)) if stage else None,
        round=round_,
        title=Found.at(named["t"], paragraph, lead_start, mention.start) if named and len(named["t"]) >= 2 else None,
        before=mention.words if mention.before else None,
        recurrence=recurrence if recurrence and mention.first[0] is None else None,
    )
    if not start and not end:
        draft.unresolved = Found.at(mention.text, paragraph, mention.start, mention.end)
    return draft
