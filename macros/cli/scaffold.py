# `python -m macros new-notice`, `new-province` and `new-form`: a new data file with every field present and explained
# in Chinese and English, which validates once the maintainer has filled it in from the original document. A bad
# request (unknown province or notice, bad id, a file that exists) is refused in one line and nothing is written.
from __future__ import annotations

import re
from pathlib import Path
from string import Template

from macros.data.hints import did_you_mean
from macros.data.models import Form, Issuer, Notice, Province, Record

SCAFFOLDS = Path(__file__).resolve().parent / "scaffolds"
TEMPLATE = SCAFFOLDS / "notice.yml"
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIELDS: dict[str, type[Record]] = {
    "notice": Notice,
    "province": Province,
    "form": Form,
}  # scaffold -> the record it writes


class ScaffoldError(ValueError):
    """A request the scaffold refuses (unknown province, bad id, file exists), said in both languages."""


def _check_id(ident: str, example: str) -> None:
    if not ID_PATTERN.match(ident) or len(ident) > 80:
        raise ScaffoldError(
            f"编号只能含小写字母、数字和单个连字符 / the id must be lower-case letters, digits and "
            f"single hyphens, like {example} (got {ident!r})"
        )


def _bilingual(text) -> str:
    return text.zh + (f" / {text.en}" if text.en else "")


def notice_scaffold(portal, province_id: str, notice_id: str) -> str:
    """The text of data/notices/<notice_id>.yml for a notice issued in `province_id`."""
    if province_id not in portal.province_by_id:
        known = ", ".join(sorted(portal.province_by_id))
        raise ScaffoldError(
            f"未知省份 / unknown province {province_id!r}{did_you_mean(province_id, portal.province_by_id)} "
            f"(known: {known}; a new one: python -m macros new-province --id {province_id})"
        )
    _check_id(notice_id, f"{province_id}-2023-5")
    if notice_id in portal.notice_by_id:
        raise ScaffoldError(
            f"通知 {notice_id!r} 已存在 / notice {notice_id!r} already exists "
            f"({portal.source_of[('notice', notice_id)]})"
        )
    province = portal.province_by_id[province_id]
    issuers = province.issuers
    # An id names where the notice comes from (macros/data/plausibility.py): the province, or one of its issuers.
    starts = sorted({province_id} | {i.id for i in issuers} | {i.id.split("-")[0] for i in issuers})
    if not any(notice_id.startswith(p + "-") for p in starts):
        raise ScaffoldError(
            f"编号须以省份或发文单位编号开头 / the id must start with the province's or an issuer's id: "
            f"{', '.join(p + '-' for p in starts)} (got {notice_id!r}, e.g. {province_id}-2023-5)"
        )
    # The department is the usual issuer; the comment lists the others to choose from.
    default = next((i for i in issuers if i.kind == "department"), issuers[0])
    listing = "\n".join(f"#   {i.id} — {_bilingual(i.name)}" for i in issuers)
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        id=notice_id, issuer=default.id, issuer_list=listing, province_name=_bilingual(province.name)
    )


def province_scaffold(portal, province_id: str) -> str:
    """The text of data/provinces/<province_id>.yml: a province with its department as first issuer."""
    _check_id(province_id, "zhejiang")
    taken = {p.id for p in portal.provinces} | ({portal.national.id} if portal.national else set())
    if province_id in taken:
        raise ScaffoldError(f"省份 {province_id!r} 已存在 / province {province_id!r} already exists")
    if f"{province_id}-edu" in portal.issuer_by_id:
        raise ScaffoldError(
            f"发文单位 {province_id}-edu 已存在 / the issuer {province_id}-edu already exists "
            f"(in {portal.province_of_issuer[f'{province_id}-edu'].id}): choose another province id"
        )
    orders = ", ".join(f"{p.id} {p.order}" for p in portal.provinces) or "—"
    order = max((p.order for p in portal.provinces), default=0) + 10
    return Template((SCAFFOLDS / "province.yml").read_text(encoding="utf-8")).substitute(
        id=province_id, order=order, orders=orders
    )


def form_scaffold(portal, notice_id: str, attachment: int, form_id: str) -> str:
    """The text of data/forms/<form_id>.yml for attachment `attachment` of notice `notice_id`."""
    notice = portal.notice_by_id.get(notice_id)
    if notice is None:
        raise ScaffoldError(f"未知通知 / unknown notice {notice_id!r}{did_you_mean(notice_id, portal.notice_by_id)}")
    _check_id(form_id, f"{notice_id}-school-info")
    if form_id in portal.form_by_id:
        raise ScaffoldError(
            f"表格 {form_id!r} 已存在 / form {form_id!r} already exists ({portal.source_of[('form', form_id)]})"
        )
    found = next((a for a in notice.attachments if a.number == attachment), None)
    if found is None:
        numbers = ", ".join(str(a.number) for a in notice.attachments) or "none yet"
        raise ScaffoldError(
            f"通知 {notice_id} 没有附件{attachment} / notice {notice_id!r} has no attachment {attachment} "
            f"(its attachments: {numbers}; add it under attachments first)"
        )
    if found.form:
        raise ScaffoldError(
            f"附件{attachment}已对应表格 {found.form} / attachment {attachment} of {notice_id!r} already "
            f"points at form {found.form!r}"
        )
    return Template((SCAFFOLDS / "form.yml").read_text(encoding="utf-8")).substitute(
        id=form_id,
        notice=notice_id,
        attachment=attachment,
        attachment_title=_bilingual(found.title),
        notice_file=portal.source_of[("notice", notice_id)],
    )


def scaffold_fields(kind: str = "notice") -> list[str]:
    """Top-level keys the scaffold must carry: every field of its record (aliases as written in YAML)."""
    return [f.alias or name for name, f in FIELDS[kind].model_fields.items()]


def issuer_fields() -> list[str]:
    return list(Issuer.model_fields)


FOLDERS = {
    "notice": ("notices", "hunan-2023-5"),
    "province": ("provinces", "zhejiang"),
    "form": ("forms", "hunan-2022-80-school-info"),
}


def precheck(root: Path, kind: str, ident: str) -> None:
    """What can be refused before the data is read: a bad id, a file that exists."""
    folder, example = FOLDERS[kind]
    _check_id(ident, example)
    target = root / "data" / folder / f"{ident}.yml"
    if target.exists():
        raise ScaffoldError(f"{target.relative_to(root).as_posix()} 已存在 / already exists: not overwritten")


def _write(root: Path, folder: str, ident: str, body: str) -> Path:
    target = root / "data" / folder / f"{ident}.yml"
    if target.exists():
        raise ScaffoldError(f"{target.relative_to(root).as_posix()} 已存在 / already exists: not overwritten")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8")
    return target


def write_notice_scaffold(root: Path, portal, province_id: str, notice_id: str) -> Path:
    return _write(root, "notices", notice_id, notice_scaffold(portal, province_id, notice_id))


def write_province_scaffold(root: Path, portal, province_id: str) -> Path:
    return _write(root, "provinces", province_id, province_scaffold(portal, province_id))


def write_form_scaffold(root: Path, portal, notice_id: str, attachment: int, form_id: str) -> Path:
    return _write(root, "forms", form_id, form_scaffold(portal, notice_id, attachment, form_id))
