# `python -m macros new-notice`: a new notice file for a province with every field present and explained in
# Chinese and English, which validates once the maintainer has filled it in from the original document.
from __future__ import annotations

import re
from pathlib import Path
from string import Template

from .models import Notice

TEMPLATE = Path(__file__).resolve().parent / "scaffolds" / "notice.yml"
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ScaffoldError(ValueError):
    """A request the scaffold refuses (unknown province, bad id, file exists), said in both languages."""


def notice_scaffold(portal, province_id: str, notice_id: str) -> str:
    """The text of data/notices/<notice_id>.yml for a notice issued in `province_id`."""
    if province_id not in portal.province_by_id:
        known = ", ".join(sorted(portal.province_by_id))
        raise ScaffoldError(f"未知省份 / unknown province {province_id!r} (known: {known})")
    if not ID_PATTERN.match(notice_id) or len(notice_id) > 80:
        raise ScaffoldError(f"编号只能含小写字母、数字和单个连字符 / the id must be lower-case letters, digits and "
                            f"single hyphens, like {province_id}-2023-5 (got {notice_id!r})")
    if notice_id in portal.notice_by_id:
        raise ScaffoldError(f"通知 {notice_id!r} 已存在 / notice {notice_id!r} already exists "
                            f"({portal.source_of[('notice', notice_id)]})")
    province = portal.province_by_id[province_id]
    issuers = province.issuers
    # The department is the usual issuer; the comment lists the others to choose from.
    default = next((i for i in issuers if i.kind == "department"), issuers[0])
    listing = "\n".join(f"#   {i.id} — {i.name.zh}" + (f" / {i.name.en}" if i.name.en else "") for i in issuers)
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        id=notice_id, issuer=default.id, issuer_list=listing,
        province_name=province.name.zh + (f" / {province.name.en}" if province.name.en else ""))


def scaffold_fields() -> list[str]:
    """Top-level keys the scaffold must carry: every field of a notice."""
    return list(Notice.model_fields)


def write_notice_scaffold(root: Path, portal, province_id: str, notice_id: str) -> Path:
    target = root / "data" / "notices" / f"{notice_id}.yml"
    body = notice_scaffold(portal, province_id, notice_id)
    if target.exists():
        raise ScaffoldError(f"{target.relative_to(root)} 已存在 / already exists: not overwritten")
    target.write_text(body, encoding="utf-8")
    return target
