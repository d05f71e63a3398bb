"""A readable list of a model's fields, taken from its JSON Schema, for the docs."""

from __future__ import annotations

from dataclasses import dataclass

TYPE_NAMES = {"string": "text", "integer": "whole number", "number": "number", "boolean": "yes/no"}


@dataclass(frozen=True)
class FieldRow:
    path: str
    type: str
    required: bool
    description: str


def field_rows(schema: dict) -> list[FieldRow]:
    """Every field, nested ones as `parent.child` and list items as `parent[].child`."""
    defs = schema.get("$defs", {})
    rows: list[FieldRow] = []

    def resolve(node: dict) -> dict:
        while "$ref" in node:
            node = defs[node["$ref"].rsplit("/", 1)[1]]
        if "anyOf" in node:
            node = next(n for n in node["anyOf"] if n.get("type") != "null")
            return resolve(node)
        return node

    def type_of(node: dict) -> str:
        node = resolve(node)
        if node.get("type") == "array":
            items = resolve(node["items"])
            return "list of entries (fields below)" if "properties" in items else f"list of {type_of(items)}"
        if node.get("type") == "object" and "properties" in node:
            return "group of fields (below)"
        if node.get("type") == "object":
            values = node.get("additionalProperties") or next(iter(node.get("patternProperties", {}).values()), {})
            return f"mapping of name to {type_of(values)}"
        if "enum" in node:
            return "one of " + ", ".join(node["enum"])
        return TYPE_NAMES.get(node.get("type", ""), node.get("type", "value"))

    def walk(node: dict, prefix: str) -> None:
        node = resolve(node)
        required = set(node.get("required", []))
        for name, prop in node.get("properties", {}).items():
            path = f"{prefix}{name}"
            target = resolve(prop)
            description = prop.get("description") or target.get("description", "")
            rows.append(FieldRow(path, type_of(prop), name in required, description))
            if target.get("type") == "object" and "properties" in target:
                walk(target, f"{path}.")
            elif target.get("type") == "array" and "properties" in resolve(target["items"]):
                walk(target["items"], f"{path}[].")

    walk(schema, "")
    return rows
