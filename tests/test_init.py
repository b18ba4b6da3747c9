"""`brandvoice guides init`: through options (scripts), through prompts (people), and the errors."""

import yaml
from typer.testing import CliRunner

from brandvoice.cli.app import app
from brandvoice.learn.init import InitAnswers, guide_slug, render_guide
from helpers import run_cli


def test_through_options_a_french_guide_that_validates(tmp_path):
    target = tmp_path / "guides" / "cafe.yaml"
    proc = run_cli(
        "guides", "init", "--name", "Café Lumière", "--language", "fr", "--locale", "fr-CA", "--register", "tu",
        "--channels", "instagram, x", "--market", "FR", "--extends", "base-fr", "--output", str(target),
    )
    assert proc.returncode == 0, proc.stderr
    assert f"Wrote {target}" in proc.stdout and "brandvoice learn" in proc.stdout
    text = target.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["name"] == "Café Lumière" and data["language"] == "fr-CA" and data["extends"] == "base-fr"
    assert data["voice"] == {"register": "tu"}
    assert data["channels"] == {"instagram": {}, "x": {}}
    assert data["disclosure"]["market"] == "FR"
    assert data["names"] == ["Café Lumière"]  # every variant flagged, no variant listed by hand
    assert data["vocabulary"]["accept"] == [] and data["terms"] == []
    assert text.count("\n# ") >= 8  # every section says what it is for
    assert "brandvoice learn" in text
    validated = run_cli("guides", "validate", str(target))
    assert validated.returncode == 0, validated.stderr


def test_the_starter_guide_checks_drafts(tmp_path):
    target = tmp_path / "cafe.yaml"
    assert run_cli("guides", "init", "--name", "Café Lumière", "--no-input", "-o", str(target)).returncode == 0
    draft = tmp_path / "post.txt"
    draft.write_text("Réserve ta table au Cafe-Lumiere. #cafelumiere\n", encoding="utf-8")
    proc = run_cli("check", str(draft), "--brand", str(target), "--no-grammar", "--format", "json")
    findings = __import__("json").loads(proc.stdout)["files"][0]["findings"]
    assert "voice.register" in {f["rule"] for f in findings}  # the default French register is vous
    names = [(f["match"], f["replacements"]) for f in findings if f["rule"] == "cafe.names.cafe-lumiere"]
    assert names == [("Cafe-Lumiere", ["Café Lumière"]), ("#cafelumiere", ["#CafeLumiere"])]


def test_through_prompts_an_english_guide(tmp_path):
    target = tmp_path / "trail.yaml"
    answers = "\n".join(["Trail Co", "en", "en-GB", "formal", "linkedin, bluesky", "US", "base-en"]) + "\n"
    result = CliRunner().invoke(app, ["guides", "init", "--output", str(target)], input=answers)
    assert result.exit_code == 0, result.output
    assert "Brand name:" in result.output and "Register (casual or formal) [casual]:" in result.output
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["name"] == "Trail Co" and data["language"] == "en-GB"
    assert data["voice"] == {"contractions": "forbidden"}
    assert list(data["channels"]) == ["linkedin", "bluesky"] and data["disclosure"]["market"] == "US"
    assert run_cli("guides", "validate", str(target)).returncode == 0


def test_prompts_offer_defaults_and_options_skip_their_question(tmp_path):
    target = tmp_path / "g.yaml"
    # name given as an option: the first question is the language; every other answer is the default
    result = CliRunner().invoke(app, ["guides", "init", "--name", "Hotelia Test", "-o", str(target)], input="\n" * 6)
    assert result.exit_code == 0, result.output
    assert "Brand name" not in result.output
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["language"] == "fr-FR" and data["voice"] == {"register": "vous"} and data["extends"] == "base-fr"
    assert list(data["channels"]) == ["instagram", "linkedin", "x"]


def test_wrong_answers_exit_2_and_write_nothing(tmp_path):
    target = tmp_path / "bad.yaml"
    proc = run_cli("guides", "init", "--name", "X", "--no-input", "--channels", "myspace", "--register", "tu",
                   "--language", "en", "-o", str(target))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "myspace" in proc.stderr and "--register" in proc.stderr
    assert not target.exists()
    proc = run_cli("guides", "init", "--name", "X", "--no-input", "--extends", "base-it", "-o", str(target))
    assert proc.returncode == 2 and "base-it" in proc.stderr  # no Italian base guide


def test_an_existing_file_is_kept_unless_forced(tmp_path):
    target = tmp_path / "g.yaml"
    target.write_text("name: Mine\n", encoding="utf-8")
    proc = run_cli("guides", "init", "--name", "X", "--no-input", "-o", str(target))
    assert proc.returncode == 2 and "--force" in proc.stderr
    assert target.read_text(encoding="utf-8") == "name: Mine\n"
    assert run_cli("guides", "init", "--name", "X", "--no-input", "-o", str(target), "--force").returncode == 0
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["name"] == "X"


def test_default_path_and_names_that_need_quoting(tmp_path):
    proc = run_cli("guides", "init", "--name", "Ô Café: #1", "--no-input", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    target = tmp_path / "styleguides" / "o-cafe-1.yaml"
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["name"] == "Ô Café: #1"
    assert guide_slug("Vélorizon Lyon") == "velorizon-lyon"
    text = render_guide(InitAnswers(name="no-caps"), tmp_path / "x.yaml")
    assert yaml.safe_load(text)["name"] == "no-caps"
