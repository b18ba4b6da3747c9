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
    assert finding["message"].startswith("291/280 caractères selon le décompte de X\u00a0: 11 de trop")
    assert finding["message_lang"] == "fr"


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
