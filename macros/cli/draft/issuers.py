# Who issued the notice: the issuer line matched against the issuers of data/provinces/*.yml, and the province
# guessed from that match, the document number's prefix (鲁, 湘, 浙…) or a province name in the line.
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

# Every provincial-level unit: its name, the abbreviations that open its document numbers, and the id the
# portal would give it (pinyin, as data/provinces/ does).
PROVINCES = [
    ("beijing", "北京", "京"),
    ("tianjin", "天津", "津"),
    ("hebei", "河北", "冀"),
    ("shanxi", "山西", "晋"),
    ("neimenggu", "内蒙古", "蒙"),
    ("liaoning", "辽宁", "辽"),
    ("jilin", "吉林", "吉"),
    ("heilongjiang", "黑龙江", "黑"),
    ("shanghai", "上海", "沪"),
    ("jiangsu", "江苏", "苏"),
    ("zhejiang", "浙江", "浙"),
    ("anhui", "安徽", "皖"),
    ("fujian", "福建", "闽"),
    ("jiangxi", "江西", "赣"),
    ("shandong", "山东", "鲁"),
    ("henan", "河南", "豫"),
    ("hubei", "湖北", "鄂"),
    ("hunan", "湖南", "湘"),
    ("guangdong", "广东", "粤"),
    ("guangxi", "广西", "桂"),
    ("hainan", "海南", "琼"),
    ("chongqing", "重庆", "渝"),
    ("sichuan", "四川", "川蜀"),
    ("guizhou", "贵州", "黔贵"),
    ("yunnan", "云南", "滇云"),
    ("xizang", "西藏", "藏"),
    ("shaanxi", "陕西", "陕秦"),
    ("gansu", "甘肃", "甘陇"),
    ("qinghai", "青海", "青"),
    ("ningxia", "宁夏", "宁"),
    ("xinjiang", "新疆", "新"),
]
_LETTERHEAD_TAIL = re.compile(r"(?:处室)?(?:函件|文件|便函)$")


@dataclass(frozen=True)
class KnownIssuer:
    id: str
    kind: str
    name: str
    province: str


def known_issuers(root: Path) -> tuple[list[KnownIssuer], dict[str, str]]:
    """The issuers and provinces (id → Chinese name) of data/provinces/; an unreadable file is left out."""
    issuers, provinces = [], {}
    for path in sorted((root / "data" / "provinces").glob("*.yml")):
        try:
            province = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
            provinces[str(province["id"])] = str(province["name"]["zh"])
            for issuer in province["issuers"]:
                issuers.append(
                    KnownIssuer(
                        str(issuer["id"]), str(issuer.get("kind", "")), str(issuer["name"]["zh"]), str(province["id"])
                    )
                )
        except (OSError, yaml.YAMLError, KeyError, TypeError):
            continue  # `make check` reports broken data; a draft is still worth making
    return issuers, provinces


def _names(issuer: KnownIssuer) -> set[str]:
    """The issuer's name, without and with its bracketed short form: 湖南省1+X证书制度试点推进办（省推进办）."""
    plain = re.sub(r"（[^）]*）|\([^)]*\)", "", issuer.name)
    return {issuer.name, plain}


def clean_issuer_line(text: str) -> str:
    return _LETTERHEAD_TAIL.sub("", re.sub(r"\s+", "", text))


def match_issuer(candidates: list[str], issuers: list[KnownIssuer]) -> KnownIssuer | None:
    """The issuer whose full name is exactly one of the candidate lines (tried in order)."""
    for text in candidates:
        line = clean_issuer_line(text)
        for issuer in issuers:
            if line in _names(issuer):
                return issuer
    return None


def guess_province(doc_prefix: str | None, texts: list[str]) -> str | None:
    """A province id from a province name in the texts, else from the document number's first character."""
    for text in texts:
        for province_id, name, _ in PROVINCES:
            if name in text:
                return province_id
    if doc_prefix:
        for province_id, _, abbreviations in PROVINCES:
            if doc_prefix[0] in abbreviations:
                return province_id
    return None
