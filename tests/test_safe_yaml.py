"""`safe_yaml.load`: libyaml reads what is within the limits without following an alias (a post's
front matter, a project configuration), the checked composer everything else; both give the same
values, and the checked composer words every error."""

import datetime
from pathlib import Path

import pytest
import yaml

from brandvoice import safe_yaml

ROOT = Path(__file__).resolve().parent.parent


def checked(text):
    return safe_yaml.construct(safe_yaml.compose(text))


DOCUMENTS = [
    "", "# only a comment\n", "brand: trailcraft\nchannel: x\n", "---\nbrand: hotelia\nchannels: [x, linkedin]\n",
    "date: 2026-01-02\nwhen: 2026-01-02 10:30:00\nn: 012\nhex: 0x1f\nf: 1.5e3\nok: yes\nno_: off\nnull_: ~\n",
    "title: \"L’été, « enfin » !\"\nbody: |\n  deux\n  lignes\nfolded: >\n  un\n  mot\n", "- a\n- {b: [1, 2, {c: d}]}\n",
    "key with spaces: value, with comma\n", "'quoted key': 'it''s'\n", "emoji: 🎉\n", "? complex\n: key\n",
    "list:\n- 1\n-\n- three\n", "nested:\n  deeper:\n    deepest: []\n",
]


@pytest.mark.parametrize("text", DOCUMENTS)
def test_libyaml_reads_what_the_checked_composer_reads(text):
    fast = safe_yaml._load_with_libyaml(text)
    assert fast is not safe_yaml._CHECKED_PATH
    assert fast == checked(text) and type(fast) is type(checked(text))
    assert safe_yaml.load(text) == checked(text)


def test_every_shipped_guide_and_example_front_matter_reads_the_same():
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "styleguides").glob("*.yaml"))]
    for draft in sorted((ROOT / "examples").rglob("*.md")):
        source = draft.read_text(encoding="utf-8")
        if source.startswith("---\n"):
            texts.append(source[4 : source.index("\n---", 4)])
    assert len(texts) > 10
    for text in texts:
        assert safe_yaml._load_with_libyaml(text) == checked(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: &a [x]\nb: *a\n",  # an alias: followed by the checked composer only
        "v: " + "[" * 150 + "]" * 150 + "\n",  # deeper than MAX_DEPTH
        "[" * 100 + "x" + "]" * 100,  # a value inside the hundredth level: the 101st
        "a: 1\t\n", "a:\t1\n",  # tabs, which libyaml accepts where the pure-Python reader does not
        "v: [" + ", ".join(["x"] * (safe_yaml.MAX_VALUES + 1)) + "]\n",  # more values than MAX_VALUES
        "brand: [unclosed\n", "a: b\n---\nc: d\n", "a: 1\n\x00\n",  # errors: worded by the checked composer
    ],
    ids=["alias", "deep", "deep-by-one", "tab-after", "tab-before", "many", "unclosed", "two-documents", "nul"],
)
def test_aliases_limits_and_errors_take_the_checked_path(text):
    assert safe_yaml._load_with_libyaml(text) is safe_yaml._CHECKED_PATH


def test_the_depth_limit_is_the_composers():
    assert safe_yaml._load_with_libyaml("[" * 100 + "]" * 100) == checked("[" * 100 + "]" * 100)
    assert safe_yaml._load_with_libyaml("[" * 99 + "x" + "]" * 99) == checked("[" * 99 + "x" + "]" * 99)
    for text in ("[" * 100 + "x" + "]" * 100, "a: 1\t\n"):
        with pytest.raises(yaml.YAMLError):
            safe_yaml.load(text)


def test_the_checked_path_still_refuses_what_it_refused():
    with pytest.raises(safe_yaml.YamlLimit, match="nested deeper than 100 levels"):
        safe_yaml.load("v: " + "[" * 150 + "]" * 150 + "\n")
    with pytest.raises(yaml.YAMLError):
        safe_yaml.load("brand: [unclosed\n")
    assert safe_yaml.load("a: &a [x]\nb: *a\n") == {"a": ["x"], "b": ["x"]}
    assert safe_yaml.load("d: 2026-12-01\n") == {"d": datetime.date(2026, 12, 1)}
