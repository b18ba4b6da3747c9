"""The CLI end to end (a real subprocess): exit codes, the JSON contract, stdin, errors."""

import json

from helpers import ROOT, run_cli, run_json

DRAFT = "Enfin l’été chez hotelia ! Une vue incroyable. Réservez vite !\n"


def test_version_and_help():
    assert run_cli("--version").stdout.startswith("brandvoice ")
    for command in (["check"], ["guides"], ["guides", "validate"], ["rules"], ["explain"]):
        proc = run_cli(*command, "--help")
        assert proc.returncode == 0 and "Usage" in proc.stdout


def test_a_run_builds_only_the_command_it_invokes_with_the_same_help():
    import typer

    from brandvoice.cli.app import app
    from brandvoice.cli.ui import localized_command

    whole = localized_command(app)
    for argv, built in ((["check", "a.md"], {"check"}), (["--ui-lang", "fr", "guides", "list"], {"guides"}),
                        (["--version"], set(whole.commands)), (["chek"], set(whole.commands)),
                        (["-h", "check"], set(whole.commands)), (["--ui-lang", "fr", "--help", "guides"], set(whole.commands))):
        assert set(localized_command(app, argv).commands) == built
    for name in ("check", "guides"):
        helps = []
        for command in (whole, localized_command(app, [name])):
            with typer._click.Context(command, info_name="brandvoice") as root:
                sub = command.commands[name]
                helps.append(sub.get_help(typer._click.Context(sub, info_name=name, parent=root)))
        assert helps[0] == helps[1] and "Usage: brandvoice " + name in helps[0]


def test_error_finding_exits_1_and_json_contract(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    code, data = run_json("check", str(draft), "--brand", "hotelia", "--no-grammar")
    assert code == 1
    assert data["version"] and data["summary"]["files"] == 1
    [file] = data["files"]
    assert file["path"] == str(draft) and file["brand"] == "hotelia" and file["language"] == "fr-FR"
    source = draft.read_text(encoding="utf-8")
    lines = source.split("\n")
    for f in file["findings"]:
        assert set(f) >= {"rule", "source", "category", "level", "message", "line", "column", "end_line",
                          "end_column", "offset", "length", "match", "replacements"}
        assert source[f["offset"] : f["offset"] + f["length"]] == f["match"]
        assert lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] == f["match"]
    rules = {f["rule"] for f in file["findings"]}
    assert {"hotelia.names.hotelia", "hotelia.superlatifs"} <= rules
    assert data["summary"]["error"] == sum(f["level"] == "error" for f in file["findings"])


def test_fail_on_levels(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("Une vue incroyable sur le lac.\n", encoding="utf-8")  # warnings only
    code, data = run_json("check", str(draft), "-b", "hotelia", "--no-grammar")
    assert code == 0
    assert [(f["rule"], f["level"]) for f in data["files"][0]["findings"]] == [
        ("channel.hashtags", "warning"), ("tone.energy", "warning"), ("hotelia.superlatifs", "warning"),
    ]
    proc = run_cli("check", str(draft), "-b", "hotelia", "--no-grammar", "--fail-on", "warning")
    assert proc.returncode == 1
    assert proc.stdout.endswith("1 file checked: 0 errors, 3 warnings, 0 suggestions; voice score 81.2/100\n")


def test_clean_examples_exit_0():
    for path in ("examples/hotelia/2026-10-automne-clean.txt", "examples/trailcraft/2026-10-ridgeline-clean.md"):
        proc = run_cli("check", path, "--no-grammar", "--fail-on", "suggestion")
        assert proc.returncode == 0, proc.stdout
        assert proc.stdout == "1 file checked: 0 errors, 0 warnings, 0 suggestions; voice score 100/100\n"
        assert proc.stderr == ""


def test_stdin_with_filename():
    proc = run_cli("check", "-", "--stdin-filename", "post.md", "-b", "hotelia", "--no-grammar", stdin=DRAFT)
    assert proc.returncode == 1
    assert "post.md" in proc.stdout and "hotelia.names.hotelia" in proc.stdout


def test_text_output_underlines_the_match(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("Chez hotelia.\n", encoding="utf-8")
    out = run_cli("check", str(draft), "-b", "hotelia", "--no-grammar").stdout
    assert "1:6" in out and "Chez hotelia." in out and "     ^^^^^^^" in out and "suggestion: “Hotelia”" in out
    assert "\x1b[" not in out  # NO_COLOR


def test_directory_walk_skips_hidden_and_gitignored(tmp_path):
    (tmp_path / ".gitignore").write_text("ignored/\n")
    for rel in ("a.md", "ignored/b.md", ".hidden/c.md", "notes.rst", "sub/d.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("hotelia\n", encoding="utf-8")
    code, data = run_json("check", str(tmp_path), "-b", "hotelia", "--no-grammar")
    assert sorted(f["path"].replace(str(tmp_path), "") for f in data["files"]) == ["/a.md", "/sub/d.txt"]


def test_binary_and_non_utf8_are_reported_and_skipped(tmp_path):
    (tmp_path / "bin.md").write_bytes(b"\x00\x01\x02hello")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "ok.txt").write_text("Bonjour.\n", encoding="utf-8")
    proc = run_cli("check", str(tmp_path), "-b", "hotelia", "--no-grammar")
    assert proc.returncode == 0
    assert "bin.md: binary file, skipped" in proc.stderr
    assert "latin1.txt: not UTF-8" in proc.stderr
    assert "1 file checked, 2 skipped" in proc.stdout


def test_user_mistakes_exit_2_without_traceback(tmp_path):
    bad_guide = tmp_path / "bad.yaml"
    bad_guide.write_text("name: X\nrules:\n  r:\n    kind: existance\n", encoding="utf-8")
    draft = tmp_path / "d.md"
    draft.write_text("x\n", encoding="utf-8")
    bad_front_matter = tmp_path / "fm.md"
    bad_front_matter.write_text("---\nbrand: [unclosed\n---\nx\n", encoding="utf-8")
    cases = [
        (["check", "missing.md"], "no such file"),
        (["check", str(draft), "-b", "nosuchbrand"], "no style guide named “nosuchbrand”"),
        (["check", str(draft), "-b", str(bad_guide)], "bad.yaml:4: rules.r.kind: unknown rule kind"),
        (["check", str(draft), "--format", "xml"], "unknown format"),
        (["check", str(draft), "--fail-on", "loud"], "unknown level"),
        (["check", str(draft), "--lang", "f r"], "invalid language"),
        (["check", str(draft), "--channel", "linkdin", "--no-grammar"], "unknown channel “linkdin”"),
        (["check", str(bad_front_matter), "--no-grammar"], "fm.md:2: front matter is not valid YAML"),
        (["guides", "validate", str(bad_guide)], "bad.yaml:4"),
    ]
    for args, expected in cases:
        proc = run_cli(*args)
        assert proc.returncode == 2, (args, proc.stdout, proc.stderr)
        assert expected in proc.stderr, (args, proc.stderr)
        assert "Traceback" not in proc.stderr


def test_front_matter_brand_and_command_line_precedence(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text("---\nbrand: trailcraft\n---\nOur TrailCraft store.\n", encoding="utf-8")
    _, data = run_json("check", str(draft), "--no-grammar")
    assert data["files"][0]["brand"] == "trailcraft"
    _, data = run_json("check", str(draft), "--no-grammar", "--brand", "hotelia")
    assert data["files"][0]["brand"] == "hotelia"


def test_no_brand_uses_the_base_guide_of_the_language(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("Nous avons le le plaisir de vous accueillir.\n", encoding="utf-8")
    _, data = run_json("check", str(draft), "--no-grammar")
    assert data["files"][0]["language"] == "fr-FR"
    assert [f["rule"] for f in data["files"][0]["findings"]] == ["base-fr.doublons"]


def test_select_and_ignore(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("Chez hotelia, une vue incroyable.\n", encoding="utf-8")
    _, data = run_json("check", str(draft), "-b", "hotelia", "--no-grammar", "--select", "hotelia.names")
    assert {f["rule"] for f in data["files"][0]["findings"]} == {"hotelia.names.hotelia"}
    _, data = run_json(
        "check", str(draft), "-b", "hotelia", "--no-grammar", "--select", "hotelia.", "--ignore", "hotelia.names."
    )
    assert {f["rule"] for f in data["files"][0]["findings"]} == {"hotelia.superlatifs"}


def test_suppression_comments_through_the_cli(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text(
        "<!-- brandvoice-disable-next-line hotelia.superlatifs -->\nUne vue incroyable.\n\nUn lieu incroyable.\n",
        encoding="utf-8",
    )
    _, data = run_json("check", str(draft), "-b", "hotelia", "--no-grammar", "--select", "hotelia.superlatifs")
    assert [f["line"] for f in data["files"][0]["findings"]] == [4]


def test_rules_explain_guides_commands():
    assert "existence" in run_cli("rules").stdout
    out = run_cli("explain", "existence").stdout
    assert "Examples:" in out and "incroyable" in out
    out = run_cli("explain", "hotelia.superlatifs").stdout
    assert "Évitez les superlatifs" in out
    out = run_cli("explain", "languagetool.D_N").stdout
    assert "disabled_rules: [D_N]" in out
    assert "hotelia" in run_cli("guides", "list").stdout
    assert "hotelia.names.hotelia" in run_cli("guides", "show", "hotelia").stdout
    schema = json.loads(run_cli("guides", "schema").stdout)
    assert schema["title"] == "brandvoice style guide"
    proc = run_cli("guides", "validate", str(ROOT / "styleguides" / "hotelia.yaml"))
    assert proc.returncode == 0 and "ok" in proc.stdout


def test_fix_never_erases_markup_inside_a_finding(tmp_path):
    draft = tmp_path / "d.md"
    source = "Rejoignez le [Hotelia](https://hotelia.fr/club) Club.\n\n**Hotelia** Club\n"
    draft.write_text(source, encoding="utf-8")
    proc = run_cli("check", str(draft), "-b", "hotelia", "--no-grammar", "--select", "hotelia.names", "--fix")
    assert draft.read_text(encoding="utf-8") == source
    assert proc.returncode == 1 and proc.stdout.count("hotelia.names.hoteliaclub") == 2  # still reported


def test_a_link_placeholder_is_not_a_crash(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("Réservez ici : https://[LIEN]\n", encoding="utf-8")
    proc = run_cli("check", str(draft), "-b", "hotelia", "--no-grammar", "--format", "json")
    assert (proc.returncode, proc.stderr) == (0, "")
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    # the placeholder is not a link to check (no host): only the post's own problems
    assert [(f["rule"], f["column"]) for f in findings] == [("channel.hashtags", 1), ("typography.fr.nbsp", 13)]


def test_ignoring_languagetool_does_not_need_it(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("Une vue incroyable.\n", encoding="utf-8")
    env = {"BRANDVOICE_LANGUAGETOOL_URL": "http://127.0.0.1:9"}  # nothing listens there
    expected = {
        "--ignore": ["channel.hashtags", "tone.energy", "hotelia.superlatifs"],
        "--select": ["hotelia.superlatifs"],
    }
    for selection in (["--ignore", "languagetool"], ["--select", "hotelia.superlatifs"]):
        proc = run_cli("check", str(draft), "-b", "hotelia", "--no-cache", "--format", "json", *selection, env=env)
        assert (proc.returncode, proc.stderr) == (0, ""), proc.stderr
        findings = json.loads(proc.stdout)["files"][0]["findings"]
        assert [f["rule"] for f in findings] == expected[selection[0]]
