"""JSON Schemas for the data files, so editors can autocomplete and check YAML."""

from __future__ import annotations

import json
from pathlib import Path

from macros.data.models import DATA_FILES


def schema_texts() -> dict[str, str]:
    """File name in data/schema/ -> JSON text, one per data file."""
    out = {}
    for name, (model, schema_name) in DATA_FILES.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"data/{name}"
        out[schema_name] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out


def write_schemas(schema_dir: Path) -> list[Path]:
    schema_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = schema_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(schema_dir: Path) -> list[str]:
    """Names of schema files that are missing or differ from the models."""
    return [
        name for name, text in schema_texts().items()
        if not (schema_dir / name).is_file() or (schema_dir / name).read_text(encoding="utf-8") != text
    ]
