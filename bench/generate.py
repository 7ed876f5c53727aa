# Synthetic national-size data for the benchmark: a full project copy whose data/ holds the real records plus
# deterministic synthetic ones (31 provinces, N notices, 500 certificates, 50 forms), never the real data/.
from __future__ import annotations

import argparse
import copy
import datetime as dt
import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
# Top-level entries of the repository that a build does not need (data/ is written by the generator).
NOT_COPIED = {
    ".git",
    ".venv",
    "site",
    "tests",
    "bench",
    "data",
    ".pytest_cache",
    "test-artifacts",
    ".cache",
    ".hypothesis",
    "__pycache__",
    ".ci",
}
SYNTHETIC_MARK = {
    "zh": "本条为基准测试生成的合成数据，不是真实文件。",
    "en": "Synthetic record generated for the build benchmark; not a real document.",
}

# The 31 provincial-level units: id, the abbreviation used in document numbers, Chinese and English names.
PROVINCES = [
    ("beijing", "京", "北京市", "Beijing"),
    ("tianjin", "津", "天津市", "Tianjin"),
    ("hebei", "冀", "河北省", "Hebei"),
    ("shanxi", "晋", "山西省", "Shanxi"),
    ("neimenggu", "蒙", "内蒙古自治区", "Inner Mongolia"),
    ("liaoning", "辽", "辽宁省", "Liaoning"),
    ("jilin", "吉", "吉林省", "Jilin"),
    ("heilongjiang", "黑", "黑龙江省", "Heilongjiang"),
    ("shanghai", "沪", "上海市", "Shanghai"),
    ("jiangsu", "苏", "江苏省", "Jiangsu"),
    ("zhejiang", "浙", "浙江省", "Zhejiang"),
    ("anhui", "皖", "安徽省", "Anhui"),
    ("fujian", "闽", "福建省", "Fujian"),
    ("jiangxi", "赣", "江西省", "Jiangxi"),
    ("shandong", "鲁", "山东省", "Shandong"),
    ("henan", "豫", "河南省", "Henan"),
    ("hubei", "鄂", "湖北省", "Hubei"),
    ("hunan", "湘", "湖南省", "Hunan"),
    ("guangdong", "粤", "广东省", "Guangdong"),
    ("guangxi", "桂", "广西壮族自治区", "Guangxi"),
    ("hainan", "琼", "海南省", "Hainan"),
    ("chongqing", "渝", "重庆市", "Chongqing"),
    ("sichuan", "川", "四川省", "Sichuan"),
    ("guizhou", "黔", "贵州省", "Guizhou"),
    ("yunnan", "滇", "云南省", "Yunnan"),
    ("xizang", "藏", "西藏自治区", "Tibet"),
    ("shaanxi", "陕", "陕西省", "Shaanxi"),
    ("gansu", "甘", "甘肃省", "Gansu"),
    ("qinghai", "青", "青海省", "Qinghai"),
    ("ningxia", "宁", "宁夏回族自治区", "Ningxia"),
    ("xinjiang", "新", "新疆维吾尔自治区", "Xinjiang"),
]
YEARS = list(range(2019, 2027))  # years of history the synthetic notices spread over
SURNAMES = [
    ("王", "Wang"),
    ("李", "Li"),
    ("张", "Zhang"),
    ("刘", "Liu"),
    ("陈", "Chen"),
    ("杨", "Yang"),
    ("赵", "Zhao"),
    ("黄", "Huang"),
    ("周", "Zhou"),
    ("吴", "Wu"),
    ("徐", "Xu"),
    ("孙", "Sun"),
]
GIVEN = [
    ("海", "hai"),
    ("明", "ming"),
    ("丽", "li"),
    ("军", "jun"),
    ("华", "hua"),
    ("静", "jing"),
    ("伟", "wei"),
    ("芳", "fang"),
    ("宇", "yu"),
    ("洋", "yang"),
]


@dataclass(frozen=True)
class Size:
    notices: int  # total, real ones included
    certificates: int = 500
    forms: int = 50
    seed: int = 1


@dataclass
class RealData:
    """The real records, used as the shape templates for synthetic ones (so they follow the current models)."""

    provinces: dict[str, dict]
    notices: dict[str, dict]
    forms: dict[str, dict]
    catalogue: dict | None

    @classmethod
    def read(cls, data: Path) -> RealData:
        def folder(name: str) -> dict[str, dict]:
            return {p.stem: _load(p) for p in sorted((data / name).glob("*.yml"))}

        catalogue = data / "certificates.yml"
        return cls(
            folder("provinces"), folder("notices"), folder("forms"), _load(catalogue) if catalogue.exists() else None
        )


class _Dumper(yaml.CSafeDumper):
    def ignore_aliases(self, data):  # plain copies: the files read like hand-written ones
        return True


def _load(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def dump(value: Any) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)


# ---------------------------------------------------------------- provinces


def _province_record(pid: str, zh: str, en: str, order: int) -> dict:
    return {
        "id": pid,
        "name": {"zh": zh, "en": en},
        "order": order,
        "issuers": [
            {
                "id": f"{pid}-edu",
                "kind": "department",
                "name": {"zh": f"{zh}教育厅", "en": f"{en} Department of Education"},
            },
            {
                "id": f"{pid}-edu-vocational",
                "kind": "division",
                "parent": f"{pid}-edu",
                "name": {
                    "zh": f"{zh}教育厅职业教育处",
                    "en": f"Vocational Education Division, {en} Department of Education",
                },
            },
            {
                "id": f"{pid}-college",
                "kind": "school",
                "name": {"zh": f"{zh}合成职业技术学院", "en": f"{en} Synthetic Vocational College"},
            },
        ],
    }


def provinces(real: RealData) -> dict[str, dict]:
    """All 31 provinces: the real files as they are, synthetic ones for the rest."""
    out = {}
    for order, (pid, _abbr, zh, en) in enumerate(PROVINCES, start=1):
        out[pid] = (
            copy.deepcopy(real.provinces[pid]) if pid in real.provinces else _province_record(pid, zh, en, order * 10)
        )
    for pid, record in real.provinces.items():  # a real province under another id stays too
        out.setdefault(pid, copy.deepcopy(record))
    return out


# ---------------------------------------------------------------- notices


def _shift_year(day: Any, delta: int) -> Any:
    if not isinstance(day, dt.date):
        return day
    year = day.year + delta
    return day.replace(year=year, day=28) if (day.month, day.day) == (2, 29) else day.replace(year=year)


def _template_year(notice: dict) -> int:
    if isinstance(notice.get("issued"), dt.date):
        return notice["issued"].year
    for d in notice.get("deadlines", []):
        for key in ("start", "end"):
            if isinstance(d.get(key), dt.date):
                return d[key].year
    return 2022


def _person(rng: random.Random) -> tuple[str, str]:
    sur_zh, sur_en = rng.choice(SURNAMES)
    parts = [rng.choice(GIVEN) for _ in range(rng.randint(1, 2))]
    return sur_zh + "".join(p[0] for p in parts), f"{sur_en} {''.join(p[1] for p in parts).capitalize()}"


def _contacts(template: list[dict], rng: random.Random, serial: int) -> list[dict]:
    out = []
    for n, contact in enumerate(template):
        c = copy.deepcopy(contact)
        zh, en = _person(rng)
        c["name"] = {"zh": zh, "en": en}
        if c.get("phones"):
            c["phones"] = [f"0{rng.randint(100, 999)}-{rng.randint(10000000, 99999999)}" for _ in c["phones"]]
        if c.get("emails"):
            c["emails"] = [f"x{serial}-{n}-{i}@example.edu.cn" for i, _ in enumerate(c["emails"])]
        for group in c.get("qq_groups", []):
            group["number"] = str(rng.randint(100000000, 999999999))
        out.append(c)
    return out


def _synthetic_notice(template: dict, province: dict, abbr: str, year: int, serial: int, rng: random.Random) -> dict:
    """A copy of a real notice moved to another province and year, with its own ids, dates and contacts."""
    n = copy.deepcopy(template)
    pname = province["name"]
    delta = year - _template_year(template)
    n["id"] = f"{province['id']}-{year}-s{serial}"
    n["issuer"] = rng.choice(province["issuers"])["id"]
    n["doc_number"] = f"{abbr}教职成〔{year}〕{serial}号"
    n["title"] = {
        "zh": f"{pname['zh']}关于做好{year}年1+X证书制度试点工作的通知（合成第{serial}号）",
        "en": f"{pname.get('en') or pname['zh']}: notice on the {year} work of the 1+X certificate pilot (synthetic no. {serial})",
    }
    if isinstance(n.get("issued"), dt.date):
        n["issued"] = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        if isinstance(n.get("updated"), dt.date) and n["updated"] < n["issued"]:
            n["updated"] = n["issued"]  # a record is checked after its document is issued
    summary = n["summary"]
    n["summary"] = {key: f"{pname.get(key) or pname['zh']}: {value}" for key, value in summary.items()}
    for d in n.get("deadlines", []):
        for key in ("start", "end"):
            if key in d:
                d[key] = _shift_year(d[key], delta)
        # A later notice replaces a recurring rule rather than repeating it: copies keep their own year's dates
        # only (hundreds of overlapping yearly rules would be an artefact of copying, not national data).
        d.pop("recurrence", None)
    for key in ("relations", "co_issuers", "milestone"):  # what one real document did, not a copy's business
        n.pop(key, None)
    n["contacts"] = _contacts(n.get("contacts", []), rng, serial)
    for a in n.get("attachments", []):
        if a.pop("form", None) and not a.get("availability"):  # each form belongs to one notice: drop the link
            a["availability"] = dict(SYNTHETIC_MARK)
    n["source"] = {"note": dict(SYNTHETIC_MARK)}
    return n


def notices(real: RealData, provs: dict[str, dict], size: Size, rng: random.Random) -> dict[str, dict]:
    """The real notices plus synthetic ones spread evenly over provinces and years, up to `size.notices`."""
    out = {nid: copy.deepcopy(n) for nid, n in real.notices.items()}
    wanted = max(0, size.notices - len(out))
    # provincial notices only: a national document (and what its relations end) has no provincial copy
    provincial = {i["id"] for p in real.provinces.values() for i in p["issuers"]}
    templates = [real.notices[k] for k in sorted(real.notices) if real.notices[k]["issuer"] in provincial]
    if wanted and not templates:
        raise ValueError("the real data holds no notice to take the shape from")
    abbr = {pid: a for pid, a, _zh, _en in PROVINCES}
    ids = sorted(provs)
    for serial in range(1, wanted + 1):
        pid = ids[(serial - 1) % len(ids)]
        year = YEARS[(serial - 1) * len(YEARS) // wanted]
        record = _synthetic_notice(
            templates[serial % len(templates)], provs[pid], abbr.get(pid, "试"), year, serial, rng
        )
        out[record["id"]] = record
    return out


# ---------------------------------------------------------------- forms and certificates


def forms(real: RealData, notice_records: dict[str, dict], size: Size) -> dict[str, dict]:
    """Real forms plus synthetic ones; each synthetic form is attached to a synthetic notice (changes it)."""
    out = {fid: copy.deepcopy(f) for fid, f in real.forms.items()}
    templates = [real.forms[k] for k in sorted(real.forms)]
    if size.forms > len(out) and not templates:
        raise ValueError("the real data holds no form to take the shape from")
    hosts = [nid for nid in sorted(notice_records) if nid not in real.notices]
    for i in range(max(0, size.forms - len(out))):
        if not hosts:
            break
        host = notice_records[hosts[i % len(hosts)]]
        number = max((a["number"] for a in host.get("attachments", [])), default=0) + 1
        form = copy.deepcopy(templates[i % len(templates)])
        form["id"] = f"synthetic-form-{i + 1}"
        form["notice"] = host["id"]
        form["attachment"] = number
        form["title"] = {key: f"{value} ({i + 1})" for key, value in form["title"].items()}
        host.setdefault("attachments", []).append({"number": number, "title": dict(form["title"]), "form": form["id"]})
        out[form["id"]] = form
    return out


def catalogue(real: RealData, size: Size, rng: random.Random) -> dict:
    """The real catalogue with synthetic certificates appended up to `size.certificates`."""
    if not real.catalogue or not real.catalogue.get("certificates"):
        raise ValueError("the real data holds no certificate to take the shape from")
    cat = copy.deepcopy(real.catalogue)
    certs = cat["certificates"]
    templates = [copy.deepcopy(c) for c in certs]
    batches = [b["number"] for b in cat["batches"]]
    next_sequence = {
        b: 1 + max((c.get("sequence") or 0 for c in certs if c.get("batch") == b), default=0) for b in batches
    }
    for i in range(max(0, size.certificates - len(certs))):
        c = copy.deepcopy(templates[i % len(templates)])
        c["id"] = f"synthetic-cert-{i + 1}"
        c["name"] = {key: f"{value} {i + 1}" for key, value in c["name"].items()}
        for level in c.get("levels", []):
            level.pop("platform_id", None)  # a platform id belongs to one real certificate level
        if c.get("batch") is not None:  # a certificate whose sources give no batch keeps none
            c["batch"] = rng.choice(batches)
            if "sequence" in c:
                c["sequence"] = next_sequence[c["batch"]]
                next_sequence[c["batch"]] += 1
        certs.append(c)
    cat["total_published"] = max(cat.get("total_published", 0), len(certs))  # the catalogue cannot exceed it
    return cat


# ---------------------------------------------------------------- the project copy


def data_files(real: RealData, size: Size) -> dict[str, Any]:
    """Every data file of the synthetic set: site-relative path under data/ -> YAML value. Pure and deterministic."""
    rng = random.Random(size.seed)
    provs = provinces(real)
    notice_records = notices(real, provs, size, rng)
    form_records = forms(real, notice_records, size)
    files: dict[str, Any] = {}
    files.update({f"provinces/{pid}.yml": p for pid, p in provs.items()})
    files.update({f"notices/{nid}.yml": n for nid, n in notice_records.items()})
    files.update({f"forms/{fid}.yml": f for fid, f in form_records.items()})
    # its own random stream: the same 500 certificates in the same batches at every N (drawn after the notices, the
    # batches' sizes changed with N, and so did the list's pages, by up to 30 %, with nothing in them growing)
    files["certificates.yml"] = catalogue(real, size, random.Random(f"catalogue-{size.seed}"))
    return files


def copy_project(dest: Path, source: Path = ROOT) -> Path:
    """Everything a build needs except data/ (configuration, docs, macros, overrides, …)."""
    dest.mkdir(parents=True, exist_ok=True)
    for entry in sorted(source.iterdir()):
        if entry.name in NOT_COPIED or entry.name.startswith(".site"):
            continue
        if entry.is_dir():
            shutil.copytree(entry, dest / entry.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(entry, dest / entry.name)
    return dest


def generate(dest: Path, size: Size, source: Path = ROOT) -> Path:
    """Write a project copy into `dest` whose data/ is the synthetic set (the real data/ is only read)."""
    dest = Path(dest)
    copy_project(dest, source)
    real_data = source / "data"
    shutil.copytree(real_data, dest / "data", ignore=shutil.ignore_patterns("__pycache__"))  # other files kept as-is
    for rel, value in data_files(RealData.read(real_data), size).items():
        path = dest / "data" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(value), encoding="utf-8")
    return dest


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__ or "synthetic data for the benchmark")
    parser.add_argument("dest", type=Path, help="folder to write the project copy into (must not exist)")
    parser.add_argument("--notices", type=int, default=250)
    parser.add_argument("--certificates", type=int, default=500)
    parser.add_argument("--forms", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.dest.exists():
        parser.error(f"{args.dest} exists")
    generate(args.dest, Size(args.notices, args.certificates, args.forms, args.seed))
    print(args.dest)


if __name__ == "__main__":
    main()
