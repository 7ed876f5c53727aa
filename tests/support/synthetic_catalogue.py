# A generated certificate catalogue of any size (synthetic names, clearly marked), for the catalogue's scale tests.
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

FIELDS = ["物流", "焊接", "护理", "财税", "机器人", "云计算", "电子商务", "建筑", "汽车", "养老"]
LEVEL_SETS = [
    ["junior", "intermediate", "senior"],
    ["intermediate", "senior"],
    ["junior", "intermediate"],
    ["senior"],
    ["junior"],
    ["intermediate"],
    [],
]
WITHOUT_BATCH_EVERY = 10  # every tenth certificate comes only from the source without batch numbers
TEST_DATA = {"zh": "测试数据", "en": "Test data"}


def synthetic_catalogue(count: int, organisations: int = 60) -> dict:
    """The data of a data/certificates.yml with `count` made-up certificates: most over four batches from a list
    source, every tenth without a batch from a source that gives levels only; levels come with dates."""
    certificates = []
    for i in range(count):
        word = FIELDS[(i // 4) % len(FIELDS)]  # every batch gets every field word
        levels = LEVEL_SETS[(i // 3) % len(LEVEL_SETS)]
        batched = i % WITHOUT_BATCH_EVERY != WITHOUT_BATCH_EVERY - 1
        organisation = {
            "zh": f"测试评价组织{i % organisations:02d}",
            "en": f"Test organisation {i % organisations:02d}",
        }
        sources = [{"source": "test-list", "organisation": organisation}] if batched else []
        if levels or not batched:
            sources.append({"source": "test-platform", "organisation": organisation})
        certificate = {"id": f"synthetic-{i:04d}"}
        if batched:
            certificate.update(batch=1 + i % 4, sequence=1 + i // 4)
        certificate.update(
            {
                "name": {"zh": f"测试{word}证书{i:04d}", "en": f"Test certificate {i:04d}"},
                "levels": [
                    {"level": level, "effective_from": dt.date(2022, 1 + n * 4, 1 + i % 28)}
                    for n, level in enumerate(levels)
                ],
                "field": {"zh": word},
                "sources": sources,
            }
        )
        certificates.append(certificate)
    return {
        "total_published": count,
        "total_note": TEST_DATA,
        "official_list": TEST_DATA,
        "official_list_url": "https://vslc.ncb.edu.cn/",
        "sources": [
            {
                "id": "test-list",
                "name": {"zh": "测试名单", "en": "Test list"},
                "description": TEST_DATA,
                "gives": ["batch"],
            },
            {
                "id": "test-platform",
                "name": {"zh": "测试平台", "en": "Test platform"},
                "description": TEST_DATA,
                "gives": ["levels"],
            },
        ],
        "batches": [{"number": n, "source": TEST_DATA} for n in (1, 2, 3, 4)],
        "certificates": certificates,
    }


def page_order(certificates: list[dict]) -> list[dict]:
    """The order the catalogue lists certificates in: by batch and number, those without a batch last by name."""
    return sorted(
        certificates, key=lambda c: ("batch" not in c, c.get("batch", 0), c.get("sequence", 10**6), c["name"]["zh"])
    )


def level_names(certificate: dict) -> list[str]:
    return [entry["level"] for entry in certificate["levels"]]


def write_synthetic_catalogue(project: Path, count: int) -> dict:
    data = synthetic_catalogue(count)
    (project / "data" / "certificates.yml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return data
