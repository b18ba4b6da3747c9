"""The JSON Schema of a style guide, from the pydantic models and every kind's options."""

from __future__ import annotations

from typing import Any

from brandvoice.guides.model import GuideFile, RuleSpec
from brandvoice.rules import all_kinds

SCHEMA_ID = "https://brandvoice.invalid/schemas/guide.json"


def guide_json_schema() -> dict[str, Any]:
    schema = GuideFile.model_json_schema(by_alias=True)
    common = RuleSpec.model_json_schema()["properties"]
    variants = []
    for kind in all_kinds():
        options = kind.Options.model_json_schema()
        defs = options.pop("$defs", {})
        schema.setdefault("$defs", {}).update(defs)
        properties = {**common, **options.get("properties", {}), "kind": {"const": kind.NAME}}
        variants.append(
            {
                "title": kind.NAME,
                "description": (kind.__doc__ or "").strip().split("\n\n")[0],
                "type": "object",
                "properties": properties,
                "required": ["kind", *options.get("required", [])],
                "additionalProperties": False,
            }
        )
    schema["properties"]["rules"] = {
        "type": "object",
        "description": "Brand rules: each an instance of a rule kind, with that kind's options.",
        "additionalProperties": {"oneOf": variants},
    }
    schema.pop("$defs", None) if not schema.get("$defs") else None
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "brandvoice style guide"
    return schema
