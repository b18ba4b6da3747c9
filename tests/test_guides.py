"""Loading guides: every class of error names file, line and key; extends merges as documented."""

import textwrap
from pathlib import Path

import pytest

from brandvoice.errors import GuideError, GuideErrors
from brandvoice.registry import GUIDES


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def errors_of(path: Path, dirs=None) -> list[str]:
    with pytest.raises((GuideError, GuideErrors)) as info:
        GUIDES.load_file(path, dirs)
    exc = info.value
    return [str(e) for e in getattr(exc, "errors", [exc])]


def test_shipped_guides_load():
    for name in ("base-fr", "base-en", "hotelia", "trailcraft"):
        guide = GUIDES.load(name)
        assert guide.rules, name


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    path = write(tmp_path, "bad.yaml", "name: X\nrules:\n  a: [unclosed\n")
    [message] = errors_of(path)
    assert message.startswith(f"{path}:") and "invalid YAML" in message


def test_unknown_key_with_did_you_mean(tmp_path):
    path = write(tmp_path, "b.yaml", "name: X\nvocabulary:\n  acept: [Foo]\n")
    [message] = errors_of(path)
    assert message == f"{path}:3: vocabulary.acept: unknown key; did you mean “accept”?"


def test_wrong_type(tmp_path):
    path = write(tmp_path, "b.yaml", "name: X\nterms:\n  - use: e-mail\n    not: email\n")
    [message] = errors_of(path)
    assert message.startswith(f"{path}:4: terms.0.not:")


def test_bad_regex_in_rule(tmp_path):
    path = write(tmp_path, "b.yaml", "rules:\n  r:\n    kind: existence\n    pattern: '(unclosed'\n")
    assert errors_of(path) == [f"{path}:2: rules.r: invalid regular expression '(unclosed': missing ) at position 9"]


def test_unknown_kind(tmp_path):
    path = write(tmp_path, "b.yaml", "rules:\n  r:\n    kind: existance\n    tokens: [x]\n")
    [message] = errors_of(path)
    assert message == f"{path}:3: rules.r.kind: unknown rule kind “existance”; did you mean “existence”?"


def test_unknown_rule_option(tmp_path):
    path = write(tmp_path, "b.yaml", "rules:\n  r:\n    kind: existence\n    tokenz: [x]\n")
    assert errors_of(path) == [f"{path}:4: rules.r.tokenz: unknown key; did you mean “tokens”?"]


def test_missing_parent(tmp_path):
    path = write(tmp_path, "child.yaml", "extends: nowhere-guide\n")
    [message] = errors_of(path)
    assert message.startswith(f"{path}:1: extends: no style guide named “nowhere-guide”")


def test_cycle(tmp_path):
    write(tmp_path, "a.yaml", "name: A\nextends: b\n")
    path = write(tmp_path, "b.yaml", "extends: a\n")
    [message] = errors_of(path, [tmp_path])
    assert message == f"{tmp_path / 'a.yaml'}:2: extends: cycle in extends: b.yaml → a.yaml → b.yaml"


def test_several_errors_reported_together(tmp_path):
    path = write(tmp_path, "b.yaml", "nam: X\nlevels:\n  x.y: loud\n")
    assert errors_of(path) == [
        f"{path}:3: levels.x.y: should be “error”, “warning”, “suggestion”, or “off”",
        f"{path}:1: nam: unknown key; did you mean “name”?",
    ]


def test_extends_merges_deeply_child_wins_and_unions_lists(tmp_path):
    write(
        tmp_path,
        "parent.yaml",
        """
        language: fr-FR
        vocabulary: {accept: [Alpha], reject: [beta]}
        terms: [{use: e-mail, not: [email]}, {use: chambre, not: [piaule]}]
        rules:
          shout: {kind: capitalization, shouting: true}
        """,
    )
    child = write(
        tmp_path,
        "child.yaml",
        """
        extends: parent
        language: fr-CA
        vocabulary: {accept: [Gamma]}
        terms: [{use: e-mail, not: [courriel]}]
        levels: {parent.shout: off}
        rules:
          hype: {kind: existence, tokens: [incroyable]}
        """,
    )
    guide = GUIDES.load_file(child, [tmp_path])
    assert guide.language == "fr-CA"
    assert guide.accepted_words == {"Alpha", "Gamma"}
    ids = {r.id for r in guide.rules}
    assert "parent.shout" not in ids  # turned off by levels
    assert {"child.hype", "child.terms.e-mail", "parent.terms.chambre", "child.vocabulary.reject"} <= ids
    email = next(r for r in guide.rules if r.id == "child.terms.e-mail")
    assert set(email.options.swap) == {"courriel"}  # the child's term replaces the parent's


def test_levels_prefix_and_exact(tmp_path):
    path = write(
        tmp_path,
        "g.yaml",
        """
        rules:
          a: {kind: existence, tokens: [x], level: error}
          b: {kind: existence, tokens: [y], level: error}
        levels: {g.: suggestion, g.b: warning}
        """,
    )
    levels = {r.id: r.level for r in GUIDES.load_file(path).rules if r.id.startswith("g.")}
    assert levels == {"g.a": "suggestion", "g.b": "warning"}


def test_schema_lists_every_kind():
    schema = GUIDES.json_schema()
    titles = {v["title"] for v in schema["properties"]["rules"]["additionalProperties"]["oneOf"]}
    assert titles == set(GUIDES.kinds)


def test_shipped_guides_validate_against_the_json_schema():
    import jsonschema
    import yaml

    from brandvoice.guides.loader import shipped_guides_dir

    schema = GUIDES.json_schema()
    for path in sorted(shipped_guides_dir().glob("*.yaml")):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)


def test_committed_schema_is_up_to_date():
    """The shipped guides point yaml-language-server at brandvoice-guide.schema.json."""
    import json

    from helpers import ROOT

    committed = json.loads((ROOT / "brandvoice-guide.schema.json").read_text(encoding="utf-8"))
    assert committed == GUIDES.json_schema(), "run: brandvoice guides schema > brandvoice-guide.schema.json"


@pytest.mark.parametrize(
    "body,expected",
    [
        ("terms: [{use: Foo, not: []}]", "terms.0.not: too short: the minimum length is 1"),
        ('terms: [{use: Foo, not: [""]}]', "terms.0.not: entries must not be empty"),
        ('vocabulary: {reject: [""]}', "vocabulary.reject: entries must not be empty"),
        ('rules: {a: {kind: existence, tokens: [" "]}}', "rules.a: `tokens` entries must not be empty"),
        (
            'rules: {a: {kind: existence, tokens: [x], message: "{0}"}}',
            "rules.a.message: message placeholders are names such as {match}; write {{ and }} for literal braces",
        ),
        (
            'rules: {a: {kind: existence, tokens: [x], message: "Avoid {oops"}}',
            "rules.a.message: invalid message template: expected '}' before end of string "
            "(write {{ and }} for literal braces)",
        ),
        (
            'rules: {a: {kind: existence, tokens: [x], message: "{match:>300000000}"}}',
            "rules.a.message: message placeholders take no format or conversion: write {match}",
        ),
        (
            'terms: [{use: Foo, not: [foo], message: "{match!r}"}]',
            "terms.0.message: message placeholders take no format or conversion: write {match}",
        ),
        (
            'rules: {a: {kind: substitution, swap: {"(": x}, regex: true}}',
            "rules.a: invalid regular expression '(': missing ) at position 1",
        ),
    ],
)
def test_values_that_would_break_a_check_are_guide_errors(tmp_path, body, expected):
    path = write(tmp_path, "g.yaml", body + "\n")
    assert errors_of(path) == [f"{path}:1: {expected}"]


# --- issue 19: hostile guides give errors with a line, in bounded time ----------------------------

def test_an_alias_bomb_is_refused_quickly(tmp_path):
    from helpers import run_cli

    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    path = write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n")
    proc = run_cli("guides", "validate", str(path), timeout=60)  # 9**9 values once expanded: gigabytes
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert f"{path}:6: yaml: invalid YAML: aliases expand this value past 100,000 values" in proc.stderr


@pytest.mark.parametrize(
    "text,line,problem",
    [
        ("name: X\nrules: &r {a: *r}\n", 2, "an alias refers to a value that contains it (recursive alias)"),
        ("name: X\nvocabulary: " + "[" * 3000 + "]" * 3000 + "\n", 2, "nested deeper than 100 levels"),
        ("".join(" " * i + f"k{i}:\n" for i in range(3000)), 100, "nested deeper than 100 levels"),
        ("name: X\nlanguage: fr\x00\n", 2, "unacceptable character #x0000"),
    ],
    ids=["recursive-alias", "deep-flow", "deep-block", "nul-byte"],
)
def test_hostile_yaml_gives_an_error_with_a_line(tmp_path, text, line, problem):
    path = write(tmp_path, "g.yaml", "")
    path.write_text(text, encoding="utf-8")
    [message] = errors_of(path)
    assert message.startswith(f"{path}:{line}: yaml: invalid YAML: {problem}"), message


def test_a_guide_not_in_utf8_names_the_line(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_bytes(b"name: X\ndescription: caf\xe9\n")
    [message] = errors_of(path)
    assert message == f"{path}:2: not UTF-8 text (invalid byte 0xe9)"


def test_a_guide_that_is_not_a_regular_file(tmp_path):
    import os

    os.mkfifo(tmp_path / "g.yaml")
    [message] = errors_of(tmp_path / "g.yaml")
    assert message == f"{tmp_path / 'g.yaml'}: not a regular file (a named pipe)"


def test_front_matter_and_project_configuration_have_the_same_limits(tmp_path):
    from brandvoice.config import load_project
    from brandvoice.errors import BrandvoiceError
    from brandvoice.parsing.document import DocumentError, parse_document

    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [" + ", ".join([f"*{p}"] * 10) + "]\n" for p, n in zip("abcdef", "bcdefg")
    )
    with pytest.raises(DocumentError) as info:
        parse_document("post.md", "---\n" + bomb + "---\nBonjour\n")
    assert info.value.line == 6 and "aliases expand this value past" in str(info.value)
    config = tmp_path / ".brandvoice.yaml"
    config.write_text("brand: &b [*b]\n", encoding="utf-8")
    with pytest.raises(BrandvoiceError, match=r":1: not valid YAML: an alias refers to a value that contains it"):
        load_project(config)
