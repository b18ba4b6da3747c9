"""The lexical kinds on French and English edge cases: word edges, elisions, hyphens, casing."""

from hypothesis import given, settings
from hypothesis import strategies as st

from brandvoice.rules.words import match_case
from helpers import matches


class TestExistence:
    def test_french_elision_and_accents(self):
        assert matches("existence", "L’hôtel et l'hôtel", "fr-FR", tokens=["hôtel"]) == ["hôtel", "hôtel"]

    def test_hyphenated_word_is_one_word(self):
        assert matches("existence", "un e-mail", "fr-FR", tokens=["mail"]) == []

    def test_hashtags_and_mentions_are_not_words(self):
        assert matches("existence", "#incroyable @incroyable", "fr-FR", tokens=["incroyable"]) == []

    def test_inside_guillemets(self):
        assert matches("existence", "un séjour «incroyable»", "fr-FR", tokens=["incroyable"]) == ["incroyable"]

    def test_phrase_across_non_breaking_space(self):
        assert matches("existence", "unique\u00a0au monde", "fr-FR", tokens=["unique au monde"]) == ["unique\u00a0au monde"]

    def test_case_sensitive_when_asked(self):
        assert matches("existence", "Best best", tokens=["best"], ignorecase=False) == ["best"]

    def test_exceptions(self):
        assert matches("existence", "very good, Very Well", tokens=["very"], exceptions=["Very"]) == []

    def test_regex_pattern(self):
        assert matches("existence", "Call 555-0101 now", pattern=r"\d{3}-\d{4}") == ["555-0101"]


class TestSubstitution:
    def test_keeps_capitalisation(self):
        assert match_case("Email", "e-mail") == "E-mail"
        assert match_case("EMAIL", "e-mail") == "E-MAIL"
        assert match_case("email", "e-mail") == "e-mail"

    def test_case_sensitive_brand_name(self):
        found = matches("substitution", "Hotelia, hotelia, HOTELIA", "fr-FR", swap={"hotelia": "Hotelia", "HOTELIA": "Hotelia"}, case_sensitive=True)
        assert sorted(found) == ["HOTELIA", "hotelia"]

    def test_passes_the_preferred_word(self):
        assert matches("substitution", "votre réservation", "fr-FR", swap={"booking": "réservation"}) == []


class TestOccurrence:
    def test_minimum(self):
        assert matches("occurrence", "Summer is here", pattern="#\\w+", min=1) == ["Summer is here"]
        assert matches("occurrence", "Summer is here #Trailcraft", pattern="#\\w+", min=1) == []


class TestCapitalization:
    def test_mentions_hashtags_urls_never_shout(self):
        assert matches("capitalization", "@NASA #SALE https://EXAMPLE.COM", shouting=True) == []

    def test_min_length(self):
        assert matches("capitalization", "GO now", shouting=True) == []
        assert matches("capitalization", "GO now", shouting=True, min_length=2) == ["GO"]

    def test_brand_casing(self):
        assert matches("capitalization", "le HOTELIACLUB", "fr-FR", words=["HoteliaClub"]) == ["HOTELIACLUB"]


class TestConsistency:
    def test_first_spelling_wins(self):
        assert matches("consistency", "email, e-mail, email", groups=[["e-mail", "email"]]) == ["e-mail"]


class TestRepetition:
    def test_across_line_break_and_case(self):
        assert matches("repetition", "Le\nle séjour", "fr-FR") == ["Le\nle"]

    def test_not_across_punctuation(self):
        assert matches("repetition", "Bravo, bravo !", "fr-FR") == []

    def test_numbers_do_not_count(self):
        assert matches("repetition", "Room 12 12 is free") == []


PHRASES = ["unique", "unique au monde", "au", "l'été", "c’est", "top", "top-ten", "vraiment top", "monde"]
PIECES = [*PHRASES, "UNIQUE", "Été", " ", "  ", "\n", "\n\n", "-", "#", "@", "_", "x", "é", ".", "’", "'"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_word_lists_match_as_one_alternation_of_phrases_with_their_own_edges(pieces):
    """Edges around the whole alternation (phrases with word ends at both sides) find exactly what
    each phrase with its own edges finds, in the same order of preference."""
    import regex

    from brandvoice.rules.words import compile_phrases, phrase_pattern

    text = "".join(pieces)
    ordered = sorted(set(PHRASES), key=len, reverse=True)
    each = regex.compile("|".join(f"(?:{phrase_pattern(p)})" for p in ordered), regex.IGNORECASE | regex.VERSION0)
    found = [(m.start(), m.end()) for m in compile_phrases(PHRASES).finditer(text)]
    assert found == [(m.start(), m.end()) for m in each.finditer(text)]
