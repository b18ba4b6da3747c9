"""Markdown and text parsing: what is prose, and exact offsets back to the source."""

import string

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from brandvoice.parsing.document import parse_document
from brandvoice.rules.words import WORD


def prose_of(source: str, path: str = "a.md") -> str:
    return parse_document(path, source).prose.text


def test_front_matter_is_read_and_never_checked():
    doc = parse_document("a.md", "---\nbrand: hotelia\nchannel: x\n---\nBonjour\n")
    assert doc.front_matter == {"brand": "hotelia", "channel": "x"}
    assert doc.prose.text.strip() == "Bonjour"


def test_code_html_link_targets_skipped_link_text_and_headings_kept():
    text = prose_of("# Titre\n\nVoir [le site](https://x.fr/promo) et `code` <!-- note -->\n\n```\nfenced\n```\n")
    assert "Titre" in text and "le site" in text
    for skipped in ("https://x.fr", "code", "note", "fenced"):
        assert skipped not in text


def test_entities_and_escapes_map_back():
    doc = parse_document("a.md", "Tom &amp; Jerry \\*pas em\\*\n")
    assert doc.prose.text.startswith("Tom & Jerry *pas em*")


def test_text_file_is_all_prose_but_directives():
    doc = parse_document("a.txt", "Ligne un\nbrandvoice-disable-next-line x.y\nLigne deux\n")
    assert "brandvoice" not in doc.prose.text
    assert doc.suppressions.suppressed("x.y", 3)
    assert not doc.suppressions.suppressed("x.y", 1)


def test_suppressions_ranges_prefixes_and_file():
    source = (
        "un\n<!-- brandvoice-disable hotelia. -->\ndeux\n<!-- brandvoice-enable -->\ntrois\n"
        "<!-- brandvoice-disable-next-line base-fr.doublons -->\nquatre\n"
    )
    s = parse_document("a.md", source).suppressions
    assert not s.suppressed("hotelia.superlatifs", 1)
    assert s.suppressed("hotelia.superlatifs", 3)
    assert not s.suppressed("base-fr.doublons", 3)
    assert not s.suppressed("hotelia.superlatifs", 5)
    assert s.suppressed("base-fr.doublons", 7)
    assert not s.suppressed("base-fr.doublons", 5)
    assert parse_document("a.md", "<!-- brandvoice-disable-file -->\nx").suppressions.file_disabled


MARKDOWN_BITS = st.sampled_from(
    [
        "Bonjour", "l’hôtel", "**gras**", "*em*", "`code`", "[lien](https://a.b/c)", "<!-- c -->", "\n",
        "\n\n", "# ", "> ", "- ", "&amp;", "\\*", "#Été2026", "@user", "👨‍👩‍👧", "![img](a.png)", "<https://x.y>",
        "| a | b |\n|---|---|\n| c | d |\n", "```\nbloc\n```\n", " ", "é", "incroyable", "!", "«", "»",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(MARKDOWN_BITS, st.text(alphabet=string.ascii_letters + " éà’'\n\r\0#*_`[]()!<>-", max_size=12)), max_size=25))
def test_every_prose_word_maps_to_the_same_text_in_the_source(bits):
    source = "".join(bits)
    for path in ("a.md", "a.txt"):
        prose = parse_document(path, source).prose
        for m in WORD.finditer(prose.text):
            span = prose.to_source(m.start(), m.end())
            if span is None:
                continue  # touches markup
            start, end = span
            # the ends of a span are prose copied verbatim from the source
            assert source[start] == prose.text[m.start()]
            assert source[end - 1] == prose.text[m.end() - 1]
            if end - start == m.end() - m.start():
                assert source[start:end] == m.group()


def test_code_span_closes_on_a_backtick_run_of_the_same_length():
    assert prose_of("Lancez `a``b` puis ok\n").strip() == "Lancez  puis ok"
    assert prose_of("Lancez ``a ` b`` puis ok\n").strip() == "Lancez  puis ok"


def test_disable_file_naming_rules_silences_only_those():
    s = parse_document("a.md", "<!-- brandvoice-disable-file hotelia.superlatifs -->\nx\n").suppressions
    assert not s.file_disabled
    assert s.suppressed("hotelia.superlatifs", 2) and not s.suppressed("hotelia.terms.hotelia", 2)


def test_phrases_never_match_across_a_paragraph_break():
    from brandvoice.rules.words import compile_phrases

    pattern = compile_phrases(["Hotelia Club"])
    prose = parse_document("a.md", "- Séjour Hotelia\n- Club enfants\n").prose.text
    assert pattern.search(prose) is None
    assert pattern.search("Hotelia\nClub") is not None  # a line break inside a paragraph is a space


# --- issue 19: line endings, deep nesting, autolinks -------------------------------------------

def test_cr_only_and_mixed_line_endings_parse_with_exact_positions():
    """CR-only line endings crashed build_markdown (IndexError): lines end as CommonMark says."""
    source = "# Titre\rBonjour **HOTELIA**\r\r- un\r\n- deux\n\r> cité\r"
    doc = parse_document("a.md", source)
    assert [w for w in WORD.findall(doc.prose.text)] == ["Titre", "Bonjour", "HOTELIA", "un", "deux", "cité"]
    offset = source.index("deux")
    assert doc.lines.position(offset) == (5, 3)  # \r, \r\n and \n each end a line
    assert doc.prose.to_source(doc.prose.text.index("deux"), doc.prose.text.index("deux") + 4) == (offset, offset + 4)
    assert parse_document("a.md", "\r").prose.text == ""
    assert parse_document("a.md", "a\0b\r").prose.text.startswith("a\ufffdb")


def test_content_nested_past_the_parser_limit_is_reported_not_silently_dropped():
    from brandvoice.parsing.markdown import MAX_NESTING

    lists = "\n".join("  " * i + f"- niveau{i}" for i in range(500))
    quotes = "\n".join(">" * i + f" niveau{i}" for i in range(1, 500))
    for source in (lists, quotes):
        doc = parse_document("a.md", source)
        assert len(doc.prose.unchecked) == 1
        region = doc.prose.unchecked[0]
        deepest_checked = int(regex.findall(r"niveau(\d+)", doc.prose.text)[-1])
        assert deepest_checked >= MAX_NESTING // 2 - 2  # a list level is two Markdown levels
        # the region starts on the first line not checked and runs to the end
        assert source[region.start :].lstrip(" >-").startswith(f"niveau{deepest_checked + 1}")
        assert region.end == len(source) and "nested deeper" in region.reason
    assert parse_document("a.md", lists[:2000]).prose.unchecked == ()


def test_an_autolink_is_one_url_for_rules_whatever_ends_it():
    doc = parse_document("a.md", "Voir <https://ex.fr/faq?> ou <contact@ex.fr> maintenant.")
    assert [(s.kind, s.text) for s in doc.prose.social_spans] == [("url", "https://ex.fr/faq?"), ("email", "contact@ex.fr")]


def test_span_overlap_lookups_match_a_linear_scan():
    prose = parse_document("a.md", "Salut @a, #b et https://c.fr/d?e 😀 x@y.fr <https://z.fr/?> fin").prose
    kinds = ("url", "email", "mention", "hashtag")
    for start in range(len(prose.text) + 1):
        for end in range(start, min(len(prose.text), start + 6) + 1):
            linear = any(s.start < end and start < s.end for s in prose.social_spans if s.kind in kinds)
            assert prose.overlaps(start, end, kinds) == linear, (start, end)


@pytest.mark.parametrize("text", [
    "RT @user: ok :-) &amp; cc @bob .@brand 12:30 http://x.fr",
    "écrivez à jo.bar@mail.example.fr ou @jo@mastodon.social :D https://a.fr/b_c:) www.x.fr/a’.",
    "#été2026! &#8230; #&amp; grand_theft_auto @a_b _MONDE 🇫🇷👍🏽 👨‍👩‍👧 1️⃣ <3 ^^ o_O xD :'( ¯\\_(ツ)_/¯",
    "“@user: quoted” via @bob h/t @ann\n.@brand :P http://t.co/x)",
])
def test_social_spans_are_those_of_one_alternation_of_the_kinds(text):
    assert _social_spans(text) == _alternation_spans(text)


SOCIAL_BITS = st.sampled_from(["@", "#", "&", "amp;", "#12;", "http://", "www.", ".", ":", ";", "-", ")", "(", "_",
                               "’", "'", "RT ", "cc ", "via", "“", "«", "\n", " ", "D", "3", "<", "^", "o", "x",
                               "👍", "🏽", "\u200d", "🇫", "é", "fr", "a", "1", "\ufe0f", "\u20e3"])


@given(st.lists(SOCIAL_BITS, max_size=30))
@settings(max_examples=400, deadline=None)
def test_social_spans_are_those_of_one_alternation_of_the_kinds_on_any_text(bits):
    text = "".join(bits)
    assert _social_spans(text) == _alternation_spans(text)


def _social_spans(text):
    from brandvoice.parsing.social import find_social_spans

    return [(s.kind, s.start, s.end) for s in find_social_spans(text)]


def _alternation_spans(text):
    """What one pattern of all the kinds, tried in order at each position, finds."""
    from brandvoice.parsing.social import _KINDS

    alternation = regex.compile("|".join(f"(?P<{kind}>{pattern.pattern})" for kind, pattern in _KINDS),
                                regex.UNICODE | regex.MULTILINE)
    return [(m.lastgroup, m.start(), m.end()) for m in alternation.finditer(text)]
