"""JSON Schemas for the data files, so editors can autocomplete and check YAML."""

from __future__ import annotations

import json
from pathlib import Path

from macros.data.models import FILE_MODELS, ExampleFile, QuizFile

# Schemas for files that may be many: data/examples/<id>.yml, data/quizzes/<id>.yml
FOLDER_MODELS = {
    "examples/<id>.yml": ("example.schema.json", ExampleFile),
    "quizzes/<id>.yml": ("quiz.schema.json", QuizFile),
}


def schema_texts() -> dict[str, str]:
    """File name in data/schema/ -> JSON text, one per data file."""
    targets = {name.replace(".yml", ".schema.json"): (name, model) for name, model in FILE_MODELS.items()}
    targets.update({schema_name: (name, model) for name, (schema_name, model) in FOLDER_MODELS.items()})
    out = {}
    for schema_name, (name, model) in targets.items():
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
