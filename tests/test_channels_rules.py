"""Channel rules through guides: lengths and their metric, hashtags, mentions, links, emoji."""

import pytest

from brandvoice.errors import GuideErrors
from brandvoice.rules import emoji_placement, hashtags, links, mentions
from channel_helpers import guide_from_yaml, run_guide, run_kind

LONG_FR = (
    "Nos chambres rénovées vous attendent à deux pas de la gare, avec petit-déjeuner maison, rooftop et spa. "
    "Réservez dès aujourd’hui sur notre site pour profiter de l’offre de lancement valable tout l’automne dans "
    "nos six hôtels parisiens, de Montmartre à Bercy, et découvrez nos nouvelles suites avec vue."
)


@pytest.fixture
def guide(tmp_path):
    return guide_from_yaml(tmp_path, """
        name: Test
        language: fr-FR
        channels:
          newsletter-subject: {max_length: 60, counting: graphemes}
          x: {warn_share: 0.9}
        hashtags:
          required: ["#Hotelia"]
          banned: ["#hotel"]
          known: ["#HoteliaMoments"]
        mentions:
          official: ["@HoteliaParis"]
          never_tag: ["@Concurrent"]
        links:
          max: 1
          require_utm: [utm_source, utm_campaign]
          utm_domains: [hotelia.fr]
    """)


def test_over_the_x_limit_is_an_error_with_the_measured_length(guide):
    found, ctx = run_guide(guide, LONG_FR, channels=["x"], prefix="channel.length")
    [(rule, overflow, match)] = found
    assert rule == "channel.length" and match.whole_document
    assert match.message.startswith("302/280 characters as X counts them")
    assert LONG_FR.endswith(overflow) and len(overflow) == 22
    assert ctx.metrics["lengths"] == {"x": 302}


def test_every_targeted_channel_is_measured(guide):
    found, ctx = run_guide(guide, LONG_FR, channels=["x", "linkedin", "bluesky"], prefix="channel.length")
    assert ctx.metrics["lengths"] == {"x": 302, "linkedin": 302, "bluesky": 302, "bluesky_bytes": 317}  # 9 two-byte letters, 3 three-byte ’
    assert {(r, m.message.split(":")[0]) for r, _, m in found} == {
        ("channel.length", "302/280 characters as X counts them"),
        ("channel.length", "302/300 characters on Bluesky"),
    }


def test_near_the_limit_is_a_suggestion_from_the_guide_share(guide):
    text = "x" * 260  # 93% of 280: above the guide's 90%
    found, _ = run_guide(guide, text, channels=["x"], prefix="channel.length")
    assert [(r, m.message.split(":")[0]) for r, _, m in found] == [
        ("channel.length.near", "260/280 characters as X counts them")
    ]
    found, _ = run_guide(guide, "x" * 200, channels=["x"], prefix="channel.length")
    assert found == []


def test_a_guide_channel_newsletter_subject(guide):
    found, ctx = run_guide(guide, "Nos offres d’automne : -20 % sur toutes les suites avec vue sur mer 🌊",
                           channels=["newsletter-subject"], prefix="channel.length")
    assert ctx.metrics["lengths"] == {"newsletter-subject": 69}  # 68 letters and spaces + 1 emoji
    assert [m.message.split(":")[0] for _, _, m in found] == ["69/60 characters on newsletter-subject"]


def test_bluesky_bytes_limit_counts_utf8():
    from brandvoice.rules import channel_length

    family = "👨\u200d👩\u200d👧\u200d👦"
    matches, ctx = run_kind(channel_length, family * 150, channels=["bluesky"])
    assert ctx.metrics["lengths"] == {"bluesky": 150, "bluesky_bytes": 3750}
    assert [m.message.split(":")[0] for m in matches] == ["3,750/3,000 bytes on Bluesky"]


def test_channels_over_at_the_same_place_share_one_finding():
    from brandvoice.rules import channel_length

    matches, ctx = run_kind(channel_length, "a" * 520, channels=["threads", "mastodon"])
    assert ctx.metrics["lengths"] == {"threads": 520, "mastodon": 520}
    [m] = matches
    assert m.message == "520/500 characters on Threads: 20 over the limit; 520/500 characters as Mastodon counts them: 20 over the limit."


def test_findings_on_the_same_span_are_merged():
    text = "Tags #a1 #b2 #c3 #d4 #e5 #a1"
    [m] = run_kind(hashtags, text, channels=["instagram"], buried_disclosure=False)[0]
    assert text[m.start : m.end] == "#a1" and m.start == text.rindex("#a1")
    assert m.message == "#a1 is already used in this post. 6 hashtags: Instagram allows at most 5."
    text = "Voir https://a.fr et https://bit.ly/x"
    [m] = run_kind(links, text, max=1)[0]
    assert "shortener" in m.message and "2 links" in m.message


def test_missing_campaign_hashtags_in_one_finding():
    [m] = run_kind(hashtags, "Bonjour #Hotelia", required=["#Hotelia", "#Ete2026", "HoteliaClub"])[0]
    assert m.message == "Missing the campaign hashtags #Ete2026 and #HoteliaClub."


def test_no_channel_no_length_finding():
    from brandvoice.rules import channel_length

    matches, ctx = run_kind(channel_length, LONG_FR)
    assert matches == [] and "lengths" not in ctx.metrics


def test_unknown_channel_without_max_length_is_a_guide_error(tmp_path):
    with pytest.raises(GuideErrors) as err:
        guide_from_yaml(tmp_path, "channels:\n  pinterest: {counting: graphemes}\n")
    assert "pinterest" in str(err.value) and "max_length" in str(err.value)


def test_hashtag_caps_per_channel():
    text = "Sept tags #a1 #b2 #c3 #d4 #e5 #f6 #g7"
    matches, _ = run_kind(hashtags, text, channels=["instagram", "threads"], camel_case=False, buried_disclosure=False)
    assert [(text[m.start : m.end], m.message) for m in matches] == [
        ("#b2 #c3 #d4 #e5 #f6 #g7", "7 hashtags: Threads allows at most 1."),  # the strictest cap
    ]
    matches, _ = run_kind(hashtags, text, channels=["instagram"], max=5, camel_case=False, buried_disclosure=False)
    assert [m.message for m in matches] == ["7 hashtags: Instagram allows at most 5."]
    matches, _ = run_kind(hashtags, text, channels=["x"], camel_case=False, buried_disclosure=False)
    assert matches == []


def test_guide_hashtags_required_banned_known(guide):
    found, _ = run_guide(guide, "Bienvenue #hoteliamoments #hotel", prefix="channel.hashtags")
    assert {r for r, t, _ in found if t == "#hoteliamoments"} == {"channel.hashtags.camel-case"}
    by_text = {t: m for _, t, m in found}
    assert by_text["#hoteliamoments"].replacements == ("#HoteliaMoments",) and by_text["#hoteliamoments"].fix_safe
    assert "banned" in by_text["#hotel"].message
    assert any(m.message == "Missing the campaign hashtag #Hotelia." for _, _, m in found)
    found, _ = run_guide(guide, "Bienvenue #Hotelia #HoteliaMoments", prefix="channel.hashtags")
    assert found == []


@pytest.mark.parametrize(
    "text,language,suggestion",
    [
        ("Summer is here #summersale", "en-US", "#SummerSale"),
        ("Nos idées #vacancesenfamille", "fr-FR", "#VacancesEnFamille"),
        ("Made with love #madeinfrance", "fr-FR", "#MadeInFrance"),  # English words in a French post
    ],
)
def test_camel_case_from_a_word_list_is_a_suggestion(text, language, suggestion):
    matches, _ = run_kind(hashtags, text, language=language)
    [m] = matches
    assert m.replacements == (suggestion,) and not m.fix_safe


# Issue 17: accents in hashtags, where LanguageTool cannot see them.
def test_a_known_hashtag_without_its_accents_gets_them_whatever_its_case():
    matches, _ = run_kind(hashtags, "Bonne #epiphanie, bonne #Epiphanie, bonne #ÉPIPHANIE", known=["#Épiphanie"],
                          duplicates=False)
    assert [(m.replacements, m.fix_safe) for m in matches] == [(("#Épiphanie",), True), (("#Épiphanie",), True)]
    assert "lacks its accents" in matches[0].message  # not the screen-reader reason
    assert run_kind(hashtags, "Bonne #Épiphanie", known=["#Épiphanie"])[0] == []


def test_a_known_spelling_never_takes_an_accent_away():
    # a guide that learned #ecologie (or #Ecologie) leaves a correct #écologie alone
    assert run_kind(hashtags, "Vive l’#écologie", known=["#ecologie"])[0] == []
    [m], _ = run_kind(hashtags, "Vive l’#écologie", known=["#EcologieUrbaine", "#Ecologie"])
    assert m.replacements == ("#Écologie",)  # the guide's capital, the writer's accent


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Vive l’#ecologie", "#écologie"),
        ("#Energie éolienne : la grande escroquerie", "#Énergie"),  # a real tweet (DEFT 2017)
        ("Le débat #TransitionEnergetique", "#TransitionÉnergétique"),
    ],
)
def test_accents_a_hashtags_words_take_are_a_suggestion(text, suggestion):
    [m], _ = run_kind(hashtags, text, accents=True, camel_case=False)
    assert m.replacements == (suggestion,) and not m.fix_safe


@pytest.mark.parametrize(
    "text",
    ["#écologie #Énergie", "#climat #energy", "#ecologie", "Great #cafe"],
)
def test_no_accent_suggestion_for_words_known_or_already_right(text):
    # accented already, a word without accents (here English "energy"), a hashtag the guide knows
    language = "en-US" if "Great" in text else "fr-FR"
    assert run_kind(hashtags, text, language=language, accents=True, camel_case=False, known=["#ecologie"])[0] == []


def test_the_french_base_guide_suggests_hashtag_accents(tmp_path):
    guide = guide_from_yaml(tmp_path, "extends: base-fr\nhashtags: {known: ['#ecologie']}\n")
    found, _ = run_guide(guide, "Vive #ecologie et #energie", prefix="channel.hashtags")
    assert [(r, t, m.replacements) for r, t, m in found] == [("channel.hashtags.accents", "#energie", ("#énergie",))]


@pytest.mark.parametrize("text", ["Enfin le #weekend", "Vive #Paris", "#SummerSale is on", "#ootd today"])
def test_no_camel_case_for_single_words_or_written_casing(text):
    assert run_kind(hashtags, text, language="en-US")[0] == []


def test_buried_disclosure_in_a_hashtag_block():
    text = "Great trip! #travel #hiking #gear #ad #outdoors"
    matches, _ = run_kind(hashtags, text, language="en-US", camel_case=False)
    assert [text[m.start : m.end] for m in matches] == ["#ad"]
    assert run_kind(hashtags, "#ad Great trip! #travel #hiking", language="en-US", camel_case=False)[0] == []


def test_mentions_spelling_and_never_tag(guide):
    found, _ = run_guide(guide, "Merci @hoteliaparis et @HotelliaParis, pas @concurrent !", prefix="channel.mentions")
    result = {(r, t): m for r, t, m in found}
    assert result[("channel.mentions", "@hoteliaparis")].fix_safe
    assert result[("channel.mentions", "@HotelliaParis")].replacements == ("@HoteliaParis",)
    assert ("channel.mentions.never-tag", "@concurrent") in result
    assert [r.level for r in guide.rules if r.id == "channel.mentions.never-tag"] == ["error"]


def test_mentions_english_remote_handle():
    matches, _ = run_kind(mentions, "Follow @trailco@mastodon.social and @trailco", language="en-US",
                          official=["@TrailCo@mastodon.social", "@TrailCo"])
    assert [m.replacements for m in matches] == [("@TrailCo@mastodon.social",), ("@TrailCo",)]


def test_a_near_miss_is_the_most_similar_handle_as_difflib_ranks_them():
    """The closest official handle, ties to the greater one, nothing under the threshold: what
    ranking every handle by difflib's ratio gives (its quick bounds only skip hopeless pairs)."""
    import difflib
    import itertools

    handles = ["@Hotelia", "@HoteliaClub", "@HoteliaSpa", "@HoteliaParis", "@Trailcraft", "@TrailCo", "@ab", "@ba"]
    tried = 0
    for mention, official in itertools.product(
        ["@hotelia_club", "@HoteliaSpas", "@HotelliaParis", "@trailcrafts", "@ab", "@xyz", "@Hotel", "@aab"],
        itertools.combinations(handles, 3),
    ):
        if mention.casefold() in {h.casefold() for h in official}:
            continue  # the right handle: no near miss
        for similarity in (0.6, 0.8, 0.9):
            ranked = sorted(((difflib.SequenceMatcher(None, mention.casefold(), h.casefold()).ratio(), h)
                             for h in official), reverse=True)
            expected = [(ranked[0][1],)] if ranked[0][0] >= similarity else []
            matches, _ = run_kind(mentions, f"Merci {mention} !", official=list(official), similarity=similarity)
            assert [m.replacements for m in matches if "near" in str(m.message.id)] == expected, (mention, official)
            tried += 1
    assert tried == (8 * 56 - 21) * 3  # 21 lists hold @ab


def test_links_max_shorteners_and_utm(guide):
    text = "Réservez : https://hotelia.fr/offres?utm_source=x et https://bit.ly/abc et https://ailleurs.org/"
    found, _ = run_guide(guide, text, prefix="channel.links")
    messages = {t: m.message for _, t, m in found}
    assert messages["https://hotelia.fr/offres?utm_source=x"] == "The link lacks the tracking parameter utm_campaign."
    assert "shortener" in messages["https://bit.ly/abc"]
    assert messages["https://bit.ly/abc et https://ailleurs.org/"] == "3 links: the guide allows at most 1."
    assert "https://ailleurs.org/" not in messages  # UTM only for the brand's domains


def test_links_english_pass():
    assert run_kind(links, "Shop now: https://trailcraft.com/boots", language="en-US")[0] == []


def test_emoji_placement_fr_and_en():
    matches, _ = run_kind(emoji_placement, "🔥 Enfin l’été 🌞🌴🍹🏖️", max_run=3, at_start=False)
    assert [m.message.split(":")[0].split(",")[0] for m in matches] == [
        "Start with words", "4 emoji in a row"]
    matches, _ = run_kind(emoji_placement, "We ❤️ hiking and 🏕️", language="en-US", between_words=False, max_total=1)
    assert len(matches) == 2 and matches[0].start == 3
    assert run_kind(emoji_placement, "Trail season is back 🏕️", language="en-US", at_start=False,
                    between_words=False)[0] == []


def test_known_channels_include_the_guide_ones(guide):
    from brandvoice.channels import known_channels

    assert "newsletter-subject" in known_channels(guide) and "newsletter-subject" not in known_channels()
    assert {"x", "linkedin", "instagram", "facebook", "tiktok", "threads", "bluesky", "mastodon"} <= set(known_channels())


@pytest.mark.parametrize("text,language,suggestion", [
    ("Agir pour le climat #climatechange", "fr-FR", "#ClimateChange"),  # English words win over "climat échange"
    ("Nos idées #vacancesenfamille", "en-US", "#VacancesEnFamille"),
])
def test_camel_case_picks_the_likelier_language(text, language, suggestion):
    [m] = run_kind(hashtags, text, language=language)[0]
    assert m.replacements == (suggestion,)


@pytest.mark.parametrize("tag", ["#palestine", "#isis", "#iamhere", "#weekend"])
def test_no_split_for_known_words_or_one_letter_parts(tag):
    assert run_kind(hashtags, f"News {tag}", language="en-US")[0] == []
