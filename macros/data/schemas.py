# JSON Schemas of the data files, generated from the models and committed under data/schemas/, so editors
# (yaml-language-server, via the `# yaml-language-server: $schema=…` line) complete fields and flag errors.
from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from macros.data import models

SCHEMA_DIR = Path("data") / "schemas"
REGENERATE = ".venv/bin/python -m macros schemas"

# schema file stem -> (model, where its YAML files live under data/, the line such a file starts with)
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "province": (models.Province, "provinces/*.yml"),
    "notice": (models.Notice, "notices/*.yml"),
    "form": (models.Form, "forms/*.yml"),
    "certificates": (models.CertificateCatalogue, "certificates.yml"),
    "national": (models.Province, "national.yml"),  # the national level has a province's shape
    "referenced": (models.ReferencedDocument, "referenced/*.yml"),
}


def modeline(kind: str, yaml_file: str) -> str:
    """The first line of a data file of `kind`: the schema path relative to the file (data/x.yml or data/k/x.yml)."""
    depth = yaml_file.count("/")
    return f"# yaml-language-server: $schema={'../' * depth}schemas/{kind}.json"


def schema_of(kind: str) -> dict:
    model, _ = SCHEMAS[kind]
    schema = model.model_json_schema(mode="validation")  # every field has a Field(description=…)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_texts() -> dict[str, str]:
    """File name under data/schemas/ -> its exact text (stable: same models, same bytes)."""
    return {f"{kind}.json": json.dumps(schema_of(kind), ensure_ascii=False, indent=2) + "\n" for kind in SCHEMAS}


def write_schemas(root: Path) -> list[Path]:
    folder = root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, body in schema_texts().items():
        (folder / name).write_text(body, encoding="utf-8")
        written.append(folder / name)
    return written


def stale_schemas(root: Path) -> list[str]:
    """Schema files under data/schemas/ that differ from what the models generate (or are missing)."""
    folder = root / SCHEMA_DIR
    return [
        name
        for name, body in schema_texts().items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != body
    ]


def files_without_modeline(root: Path) -> list[str]:
    """Data files whose first line does not point editors at their schema."""
    missing = []
    for kind, (_, pattern) in SCHEMAS.items():
        for path in sorted((root / "data").glob(pattern)):
            rel = path.relative_to(root / "data").as_posix()
            first = path.read_text(encoding="utf-8-sig").split("\n", 1)[0].strip()
            if first != modeline(kind, rel):
                missing.append(f"data/{rel}: the first line should be `{modeline(kind, rel)}`")
    return missing
