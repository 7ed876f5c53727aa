# A generated certificate catalogue of any size (synthetic names, clearly marked), for the catalogue's scale tests.
from __future__ import annotations

from pathlib import Path

import yaml

FIELDS = ["物流", "焊接", "护理", "财税", "机器人", "云计算", "电子商务", "建筑", "汽车", "养老"]
LEVEL_SETS = [["junior", "intermediate", "senior"], ["intermediate", "senior"], ["junior", "intermediate"],
              ["senior"], ["junior"], ["intermediate"], []]


def synthetic_catalogue(count: int, organisations: int = 60) -> dict:
    """The data of a data/certificates.yml with `count` made-up certificates over four batches."""
    certificates = []
    for i in range(count):
        word = FIELDS[(i // 4) % len(FIELDS)]  # every batch gets every field word
        certificates.append({
            "id": f"synthetic-{i:04d}",
            "batch": 1 + i % 4,
            "sequence": 1 + i // 4,
            "name": {"zh": f"测试{word}证书{i:04d}", "en": f"Test certificate {i:04d}"},
            "levels": LEVEL_SETS[(i // 3) % len(LEVEL_SETS)],
            "organisation": {"zh": f"测试评价组织{i % organisations:02d}", "en": f"Test organisation {i % organisations:02d}"},
            "field": {"zh": word},
            "source": {"zh": "测试数据", "en": "Test data"},
        })
    return {
        "total_published": count,
        "total_note": {"zh": "测试数据", "en": "Test data"},
        "official_list": {"zh": "测试数据", "en": "Test data"},
        "official_list_url": "https://vslc.ncb.edu.cn/",
        "batches": [{"number": n, "source": {"zh": "测试数据", "en": "Test data"}} for n in (1, 2, 3, 4)],
        "certificates": certificates,
    }


def write_synthetic_catalogue(project: Path, count: int) -> dict:
    data = synthetic_catalogue(count)
    (project / "data" / "certificates.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return data
