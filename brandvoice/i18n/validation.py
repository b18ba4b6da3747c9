"""pydantic's validation errors (guides, project configuration) in the interface language."""

from __future__ import annotations

from typing import Any

import regex

from brandvoice.i18n import N_, _, ui_locale
from brandvoice.i18n.formatting import format_list, formatter

# pydantic's words for what a value should be, as brandvoice says them (keys: pydantic's error types)
_EXPECTED = {
    "missing": N_("required, missing"),
    "string_type": N_("should be text"),
    "int_type": N_("should be a whole number"),
    "int_parsing": N_("should be a whole number"),
    "int_from_float": N_("should be a whole number"),
    "float_type": N_("should be a number"),
    "float_parsing": N_("should be a number"),
    "bool_type": N_("should be true or false"),
    "bool_parsing": N_("should be true or false"),
    "list_type": N_("should be a list"),
    "tuple_type": N_("should be a list"),
    "set_type": N_("should be a list"),
    "dict_type": N_("should be a mapping of keys to values"),
    "model_type": N_("should be a mapping of keys to values"),
    "model_attributes_type": N_("should be a mapping of keys to values"),
    "none_required": N_("should be empty (null)"),
    "literal_error": N_("should be {expected}"),
    "enum": N_("should be {expected}"),
    "greater_than": N_("should be greater than {gt}"),
    "greater_than_equal": N_("should be at least {ge}"),
    "less_than": N_("should be less than {lt}"),
    "less_than_equal": N_("should be at most {le}"),
    "too_short": N_("too short: the minimum length is {min_length}"),
    "too_long": N_("too long: the maximum length is {max_length}"),
    "string_too_short": N_("too short: the minimum length is {min_length}"),
    "string_too_long": N_("too long: the maximum length is {max_length}"),
    "string_pattern_mismatch": N_("should match the pattern {pattern}"),
    "finite_number": N_("should be a finite number"),
}


def validation_message(error: Any) -> str:
    """One of pydantic's validation errors in the interface language: brandvoice's own message
    for `ValueError`s raised by its validators, else the expected kind of value."""
    context = error.get("ctx") or {}
    if error["type"] in ("value_error", "assertion_error") and "error" in context:
        return str(context["error"])
    template = _EXPECTED.get(error["type"])
    if template is None:
        return error["msg"]
    values = dict(context)
    if "expected" in values:  # pydantic writes "'a', 'b' or 'c'"
        choices = [_("“{text}”").format(text=c) for c in regex.findall(r"'([^']*)'", str(values["expected"]))]
        values["expected"] = format_list(choices, "or", ui_locale()) if choices else values["expected"]
    return formatter(ui_locale()).vformat(_(template), (), values)
