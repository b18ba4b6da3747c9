"""Channels end to end through the real CLI: channels from front matter and --channel, the
`lengths` metric in the JSON output, exit codes, and `--fix` on French typography."""

from helpers import run_cli, run_json

TOO_LONG = "Nos suites avec vue sur la Seine vous attendent, petit-déjeuner compris. " * 4


def test_front_matter_channels_and_lengths_in_json(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(f"---\nchannels: [x, linkedin]\n---\n{TOO_LONG}\n", encoding="utf-8")
    code, data = run_json("check", str(post), "--no-grammar", "--select", "channel.")
    [file] = data["files"]
    assert code == 1
    assert file["channels"] == ["x", "linkedin"]
    assert file["lengths"] == {"x": 291, "linkedin": 291}  # 4 × 73 characters, less the final space
    [finding] = file["findings"]
    assert finding["rule"] == "channel.length" and finding["level"] == "error"
    assert finding["message"].startswith("291/280 characters as X counts them")


def test_channel_option_and_passing_post(tmp_path):
    post = tmp_path / "post.txt"
    post.write_text("New boots are in 🥾 https://trailcraft.com/boots\n", encoding="utf-8")
    code, data = run_json("check", str(post), "--no-grammar", "--channel", "x", "--channel", "bluesky",
                          "--select", "channel.")
    [file] = data["files"]
    assert code == 0 and file["findings"] == []
    # X: 17 + emoji 2 + space + URL 23; Bluesky: 17 + 1 + 1 + 28 graphemes, the emoji is 4 bytes
    assert file["lengths"] == {"x": 43, "bluesky": 47, "bluesky_bytes": 50}


def test_fix_applies_french_typography(tmp_path):
    post = tmp_path / "post.md"
    post.write_text("---\nlanguage: fr-FR\n---\nVous venez ? C'est à 20€... \"Bienvenue\" !\n", encoding="utf-8")
    proc = run_cli("check", str(post), "--no-grammar", "--select", "typography.", "--fix")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert post.read_text(encoding="utf-8") == (
        "---\nlanguage: fr-FR\n---\nVous venez\u202f? C’est à 20\u00a0€… «\u00a0Bienvenue\u00a0»\u202f!\n"
    )


def test_findings_about_links_and_whole_posts_with_links_are_reported(tmp_path):
    guide = tmp_path / "brand.yaml"
    guide.write_text(
        "language: fr-FR\n"
        "hashtags: {required: ['#Hotelia']}\n"
        "links: {require_utm: [utm_campaign]}\n"
        "disclosure: {market: FR}\n",
        encoding="utf-8",
    )
    post = tmp_path / "post.md"
    post.write_text("---\nchannel: x\nsponsored: true\nimage: retouched\n---\nOffre -20 % sur https://hotelia.fr/offres et "
                    "https://bit.ly/abc\n", encoding="utf-8")
    code, data = run_json("check", str(post), "--no-grammar", "--brand", str(guide),
                          "--select", "channel.", "--select", "disclosure.")
    rules = sorted((f["rule"], f["match"][:20]) for f in data["files"][0]["findings"])
    assert code == 1
    assert rules == [
        ("channel.hashtags", "Offre -20 % sur http"),  # the missing campaign hashtag: the whole post
        ("channel.links", "https://bit.ly/abc"),
        ("channel.links", "https://hotelia.fr/o"),
        ("disclosure.fr", "Offre -20 % sur http"),
        ("disclosure.fr.images", "Offre -20 % sur http"),
    ]


# --- fixes that respect the channel's limit: the narrow no-break space weighs 2 on X -------------

def x_post(length: int) -> str:
    """A French X post of exactly `length` characters as X counts them, ending in " : à bientôt !"."""
    ending = " : à bientôt !"
    words = ("Nos chambres rénovées vous attendent près de la gare. " * 8)[: length - len(ending)]
    return words[:-1] + "s" + ending if words.endswith(" ") else words + ending


def check_x_fix(tmp_path, length: int):
    post = tmp_path / "post.txt"
    post.write_text(x_post(length) + "\n", encoding="utf-8")
    proc = run_cli("check", str(post), "--lang", "fr", "--channel", "x", "--no-grammar",
                   "--select", "typography.", "--fix")
    return post.read_text(encoding="utf-8").rstrip("\n"), proc


def test_a_fix_that_fits_in_what_is_left_is_applied(tmp_path):
    from brandvoice.channels.counting import x_length

    assert x_length(x_post(279)) == 279
    fixed, proc = check_x_fix(tmp_path, 279)
    assert fixed.endswith("\u00a0: à bientôt\u202f!") and x_length(fixed) == 280
    assert proc.returncode == 0 and "Not fixed automatically" not in proc.stdout


def test_a_fix_that_would_push_an_x_post_over_280_is_reported_and_not_applied(tmp_path):
    from brandvoice.channels.counting import x_length

    fixed, proc = check_x_fix(tmp_path, 280)
    # the no-break space before ":" weighs 1 like a space: applied; U+202F weighs 2: held back
    assert fixed.endswith("\u00a0: à bientôt !") and x_length(fixed) == 280
    assert ("Put a narrow no-break space before “!”, not a space. Not fixed automatically: the post would be "
            "281/280 characters as X counts them.") in proc.stdout


def test_a_post_already_over_the_limit_never_grows_by_a_fix(tmp_path):
    from brandvoice.channels.counting import x_length

    fixed, proc = check_x_fix(tmp_path, 305)
    assert x_length(fixed) == 305 and fixed.endswith("\u00a0: à bientôt !")
    assert "the post would be 306/280 characters as X counts them" in proc.stdout


def test_fixes_fill_the_room_left_in_text_order():
    from brandvoice.runner import Checker, RunOptions

    tail = " Venez! Réservez! Vite!"  # three narrow no-break spaces to insert, 2 each on X
    text = ("Nos chambres rénovées vous attendent près de la gare. " * 8)[: 276 - len(tail)] + tail
    [result] = Checker(RunOptions(language="fr", channels=("x",), grammar=False, cache=False)).check_texts(
        [("post.txt", text)]
    )
    assert result.metrics["lengths"] == {"x": 276} and result.metrics["limits"] == {"x": 280}
    nbsp = [f for f in result.findings if f.rule == "typography.fr.nbsp"]
    assert [f.fix_safe for f in nbsp] == [True, True, False]  # 276 + 2 + 2 = 280: the first two fit
    assert nbsp[2].message.endswith("Not fixed automatically: the post would be 282/280 characters as X counts them.")
