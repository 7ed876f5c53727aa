# Finds how to reach people in a notice: e-mail addresses, phone numbers, QQ groups with their names, contact
# lines (role, names, phones, e-mails, address), URLs, and the list of attachments.
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import Document, Found, Paragraph, ascii_view

EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PHONE = re.compile(
    r"(?<![0-9A-Za-z@.])(?:(?:\(\s*(?P<area1>0\d{2,3})\s*\)|(?P<area2>0\d{2,3})\s*[-—–])\s*(?P<local>\d{7,8})"
    r"|(?P<mobile>1[3-9]\d{9})|(?P<service>400)-?(?P<s1>\d{3})-?(?P<s2>\d{4}))(?!\d)"
)
QQ_NUMBER = re.compile(r"(?<![0-9])[1-9]\d{4,11}(?![0-9])")
QQ_PREFIX = re.compile(r"(?:[:]|群号?|QQ)\s*$", re.I)
URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+", re.I)
_URL_TAIL = ".,;:!?'\"]"
# The label of a value, dropped from the words around it: 联系电话：, 电子邮箱：, E-mail:
LABEL = re.compile(
    r"^(?:联系人|联系电话|办公电话|咨询电话|电话|手机|座机|传真|电子邮箱|电子信箱|邮箱|E-?mail|地址|通讯地址)\s*[：:]?\s*",
    re.I,
)
CONTACT_WORDS = re.compile(r"联系人|联系电话|联系方式|电话|手机|邮箱|E-?mail", re.I)
NAMES = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:老师)?(?:[、和][\u4e00-\u9fff]{2,4}(?:老师)?)*$")
NOT_NAME = re.compile(
    r"电话|邮箱|地址|传真|办公|处|厅|局|室|中心|学院|学校|院校|部门|单位|联系|咨询|申报|群|方式|发送|报送|提交|^各|[至到向]$"
)
ADDRESS = re.compile(r"[省市区县镇路街道巷号楼室栋座]")
ATTACHMENTS = re.compile(r"^附件\s*(?P<n>\d{1,2})?\s*[：:.．、]?\s*(?:(?P<n2>\d{1,2})\s*[.．、]\s*)?(?P<title>\S.*)?$")
NEXT_ATTACHMENT = re.compile(r"^(?P<n>\d{1,2})\s*[.．、]\s*(?P<title>\S.+)$")


@dataclass
class ContactDraft:
    name: Found | None = None
    role: Found | None = None
    phones: list[Found] = field(default_factory=list)
    emails: list[Found] = field(default_factory=list)
    qq_groups: list[tuple[Found, Found | None]] = field(default_factory=list)  # (number, name)
    address: Found | None = None
    from_contact_line: bool = True  # False: values found elsewhere in the text, gathered for the maintainer


def phone_value(m: re.Match) -> str:
    if m["mobile"]:
        return m["mobile"]
    if m["service"]:
        return f"400-{m['s1']}-{m['s2']}"
    return f"{m['area1'] or m['area2']}-{m['local']}"


def qq_groups(doc: Document) -> list[tuple[Found, Found | None, Paragraph]]:
    """(number, name or None, paragraph) of every QQ group number: a number right after QQ…: or …群:"""
    found, seen = [], set()
    for paragraph in doc.paragraphs:
        view = ascii_view(paragraph.text)
        for m in QQ_NUMBER.finditer(view):
            clause = re.split(r"[。;]", view[max(0, m.start() - 40) : m.start()])[-1]
            if not QQ_PREFIX.search(view[: m.start()]) or not re.search(r"QQ|群", clause, re.I):
                continue
            if m.group() in seen:
                continue
            seen.add(m.group())
            found.append(
                (Found.at(m.group(), paragraph, m.start(), m.end()), _qq_name(paragraph, m.start(), m.end()), paragraph)
            )
    return found


def _qq_name(paragraph: Paragraph, start: int, end: int) -> Found | None:
    text = paragraph.text
    head = text[:start].rstrip(" ：:")
    label = re.split(r"[（(，,、“”\"；;。\s]", head)[-1]
    label_bare = re.sub(r"(?i)qq", "", label)
    if label.endswith("群") and label_bare not in ("群", "群号") and label_bare.strip():
        return Found.at(label, paragraph, start - len(text[:start]) + len(head) - len(label), start)
    # “湖南省1+X证书制度工作群”（QQ群号：736863229）: the quoted name before the bracket holding the number
    bracket = max(head.rfind("（"), head.rfind("("))
    if bracket >= 0 and start - bracket < 12:
        before = text[:bracket]
        quoted = re.search(r"“([^“”]{2,40})”$", before)
        if quoted:
            return Found.at(quoted[1], paragraph, quoted.start(1), quoted.end(1))
    after = re.match(r"[（(]([^（）()]{2,30}群)[）)]", text[end:])
    if after:
        return Found.at(after[1], paragraph, end + 1, end + 1 + len(after[1]))
    return None


def contacts(doc: Document, qq: list[tuple[Found, Found | None, Paragraph]]) -> list[ContactDraft]:
    """One contact per sentence holding a phone or an e-mail next to a name or a role; the other e-mails and
    phones of the text in one more contact with blanks, so that none is lost. A QQ group goes to the contact
    whose role its sentence names (…由省推进办通过“…群”发布), else to the first contact."""
    qq_numbers = {number.value for number, _, _ in qq}
    sentences = [
        (paragraph, ascii_view(paragraph.text), span)
        for paragraph in doc.paragraphs
        for span in _sentences(ascii_view(paragraph.text))
    ]
    people: list[ContactDraft] = []
    seen: set[str] = set()
    for paragraph, view, span in sentences:
        contact = _contact(paragraph, view, *span, qq_numbers)
        if contact is None or not (contact.name or contact.role):
            continue
        contact.phones = [p for p in contact.phones if p.value not in seen]
        contact.emails = [e for e in contact.emails if e.value not in seen]
        if contact.phones or contact.emails:
            seen.update(found.value for found in contact.phones + contact.emails)
            people.append(contact)
    loose = ContactDraft(from_contact_line=False)
    for paragraph, view, span in sentences:
        contact = _contact(paragraph, view, *span, qq_numbers)
        for found in (contact.phones + contact.emails) if contact else []:
            if found.value not in seen:
                seen.add(found.value)
                (loose.emails if "@" in found.value else loose.phones).append(found)
    for number, name, paragraph in qq:
        owner = next(
            (c for c in people if c.role and len(c.role.value) >= 2 and c.role.value in paragraph.text),
            people[0] if people else loose,
        )
        owner.qq_groups.append((number, name))
    if loose.phones or loose.emails or loose.qq_groups:
        people.append(loose)
    return people


def _sentences(view: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"[。!?]|$", view):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    return spans


def _contact(paragraph: Paragraph, view: str, start: int, end: int, qq_numbers: set[str]) -> ContactDraft | None:
    sentence = view[start:end]
    emails = [Found.at(m.group(), paragraph, start + m.start(), start + m.end()) for m in EMAIL.finditer(sentence)]
    phones = [
        Found.at(phone_value(m), paragraph, start + m.start(), start + m.end())
        for m in PHONE.finditer(sentence)
        if phone_value(m) not in qq_numbers
    ]
    if not emails and not phones:
        return None
    contact = ContactDraft(phones=_unique(phones), emails=_unique(emails))
    # A name counts only where the sentence speaks of contacting (联系人, 电话…) or a phone or e-mail follows it
    # directly: "省推进办：杨承阁，0731－…" yes, "…发送至 a@b.cn，方可调增" no.
    speaks_of_contact = bool(CONTACT_WORDS.search(sentence))
    segments = _segments(sentence, start)
    for index, (seg_start, segment) in enumerate(segments):
        value = EMAIL.search(segment) or PHONE.search(segment)
        if value:  # "王宇0731-84714937" (a PDF table row that lost its spaces): the words before the number
            segment = segment[: value.start()].rstrip()
            if not segment:
                continue
        else:
            following = segments[index + 1][1] if index + 1 < len(segments) else ""
            if not (speaks_of_contact or EMAIL.search(following) or PHONE.search(following)):
                continue
        original = paragraph.text[seg_start : seg_start + len(segment)]
        labelled = LABEL.match(original)
        body = original[labelled.end() :] if labelled else original
        body_start = seg_start + (labelled.end() if labelled else 0)
        role, _, names = body.rpartition("：") if "：" in body else body.rpartition(":")
        if role and names and NAMES.match(names) and not NOT_NAME.search(names) and contact.name is None:
            contact.role = Found.at(role, paragraph, body_start, body_start + len(role))
            name_start = body_start + len(role) + 1
            contact.name = Found.at(names, paragraph, name_start, name_start + len(names))
        elif NAMES.match(body) and not NOT_NAME.search(body) and contact.name is None:
            contact.name = Found.at(body, paragraph, body_start, body_start + len(body))
        elif len(body) >= 8 and len(ADDRESS.findall(body)) >= 3 and contact.address is None:
            contact.address = Found.at(body, paragraph, body_start, body_start + len(body))
    return contact


def _segments(sentence: str, offset: int) -> list[tuple[int, str]]:
    """The parts of a sentence between commas and semicolons, each with its position in the paragraph."""
    parts = []
    for m in re.finditer(r"[^,;]+", sentence):
        text = m.group().strip()
        if text:
            parts.append((offset + m.start() + len(m.group()) - len(m.group().lstrip()), text))
    return parts


def _unique(found: list[Found]) -> list[Found]:
    values, out = set(), []
    for item in found:
        if item.value not in values:
            values.add(item.value)
            out.append(item)
    return out


def urls(doc: Document) -> list[Found]:
    found, seen = [], set()
    for paragraph in doc.paragraphs:
        view = ascii_view(paragraph.text)
        for m in URL.finditer(view):
            url = m.group().rstrip(_URL_TAIL)
            if url.lower().startswith("www."):
                url = "http://" + url
            if url not in seen and "." in url.split("//", 1)[-1]:
                seen.add(url)
                found.append(Found.at(url, paragraph, m.start(), m.start() + len(m.group())))
    return found


def attachments(doc: Document) -> list[Found]:
    """(number, title) of each attachment the notice lists: 附件：1.… 2.… or 附件1：… lines."""
    numbered = doc.numbered()
    listed: dict[int, Found] = {}
    for index, (line_no, text) in enumerate(numbered):
        m = ATTACHMENTS.match(text)
        if not m or not m["title"] or re.fullmatch(r"\d{1,2}", m["title"].strip()):
            continue  # "附件 1" alone heads the attachment itself, further down
        number = int(m["n"] or m["n2"] or 1)
        if number in listed:
            continue
        listed[number] = Found((number, m["title"].strip()), line_no, line_no, text)
        expected = number + 1
        for next_no, next_text in numbered[index + 1 : index + 20]:
            n = NEXT_ATTACHMENT.match(next_text)
            if not n or int(n["n"]) != expected:
                break
            listed.setdefault(expected, Found((expected, n["title"].strip()), next_no, next_no, next_text))
            expected += 1
    return [listed[n] for n in sorted(listed)]
