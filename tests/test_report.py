"""`brandvoice report`: git authors and dates, the CSV for Excel (round trip through the csv
module), the summary and training picks, and the HTML report opened in a real headless Chromium."""

from __future__ import annotations

import csv
import json
import os
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from chromium_cdp import Chromium, chromium_binary
from helpers import ROOT, run_cli, run_json

from brandvoice.findings import FileResult, Finding, Level, RunResult
from brandvoice.client_report.csv_export import COLUMNS, csv_text, excel_safe
from brandvoice.client_report.data import build_report_data, training_rules
from brandvoice.client_report.git import Commit, last_commits
from brandvoice.client_report.html import render_html
from brandvoice.client_report.i18n import NNBSP, summary_sentences

DATA = Path(__file__).parent / "data" / "report"
ARTIFACTS = ROOT / "test-artifacts"
START = datetime(2026, 9, 7, 10, 0, tzinfo=timezone(timedelta(hours=2)))
AUTHORS = ("Camille Martin", "Léa Dubois", "Sam Carter")


def tweets(name: str) -> list[str]:
    return [line.strip() for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def git(repo: Path, *args: str, author: str = "Camille Martin", when: datetime = START) -> None:
    stamp = when.isoformat()
    email = author.split()[0].lower() + "@agency.example"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": email,
        "GIT_COMMITTER_DATE": stamp,
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def post(brand: str, channel: str, body: str) -> str:
    return f"---\nbrand: {brand}\nchannel: {channel}\n---\n{body}\n"


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A content repository: real tweets turned into Hotelia (fr) and Trailcraft (en) posts, written
    by three people over six weeks, with the usual slips (brand name, superlatives, hard sell)."""
    root = tmp_path_factory.mktemp("content")
    git(root, "init", "-q", "-b", "main")
    fr, en = tweets("tweets-fr.txt"), tweets("tweets-en.txt")
    posts = [
        ("hotelia/rentree-x.md", post("hotelia", "x", f"{fr[0]} Une vue incroyable chez hotelia !")),
        ("hotelia/spa-instagram.md", post("hotelia", "instagram", f"{fr[1]} Réservez votre chambre chez Hotelia.")),
        ("hotelia/energie-linkedin.md", post("hotelia", "linkedin", f"{fr[2]} Un séjour exceptionnel, un check-in rapide.")),
        ("hotelia/nucleaire-x.md", post("hotelia", "x", f"{fr[3]} Offre incroyable, hotelia vous attend !!")),
        ("hotelia/clean-linkedin.md", post("hotelia", "linkedin", "Nos équipes vous accueillent dès sept heures pour le petit-déjeuner.")),
        ("trailcraft/sink-x.md", post("trailcraft", "x", f"{en[0]} Buy now at TrailCraft!")),
        ("trailcraft/voice-instagram.md", post("trailcraft", "instagram", f"{en[1]} Last chance: utilize your trailpass.")),
        ("trailcraft/prices-x.md", post("trailcraft", "x", f"{en[2]} Act now!")),
    ]
    for i, (name, text) in enumerate(posts):
        path = root / "posts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        git(root, "add", ".")
        git(root, "commit", "-q", "-m", f"post {i}", author=AUTHORS[i % 3], when=START + timedelta(days=5 * i))
    # rewritten later by someone else: the report shows the last commit
    rewritten = root / "posts" / "hotelia" / "rentree-x.md"
    rewritten.write_text(rewritten.read_text(encoding="utf-8") + "À très vite.\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "edit", author="Sam Carter", when=START + timedelta(days=41))
    # a draft nobody committed yet
    (root / "posts" / "hotelia" / "draft-x.md").write_text(post("hotelia", "x", "Un brouillon incroyable."), encoding="utf-8")
    return root


# --- git ---------------------------------------------------------------------------------------


def test_last_commits_give_author_and_date(repo, tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text("Hors dépôt.\n", encoding="utf-8")
    paths = [str(p) for p in sorted((repo / "posts").rglob("*.md"))] + [str(outside)]
    commits = last_commits(paths)
    rentree = commits[str(repo / "posts" / "hotelia" / "rentree-x.md")]
    assert rentree.author == "Sam Carter" and rentree.date == START + timedelta(days=41)
    spa = commits[str(repo / "posts" / "hotelia" / "spa-instagram.md")]
    assert spa.author == "Léa Dubois" and spa.date == START + timedelta(days=5)
    assert str(repo / "posts" / "hotelia" / "draft-x.md") not in commits  # untracked
    assert str(outside) not in commits
    assert len(commits) == 8


# --- data, training, summary ---------------------------------------------------------------------


def _finding(rule: str, level: Level = Level.WARNING, category: str = "tone") -> Finding:
    return Finding(rule, "brandvoice", category, level, f"message of {rule}", 1, 1, 1, 5, 0, 4, "word")


def test_training_prefers_a_team_habit_to_one_bad_post():
    habit = [FileResult(f"p{i}.md", "b", "x", "en-US", findings=[_finding("b.habit")]) for i in range(4)]
    one_bad_day = FileResult("bad.md", "b", "x", "en-US", findings=[_finding("b.burst", Level.ERROR)] * 9)
    rare = FileResult("r.md", "b", "x", "en-US", findings=[_finding("b.rare", Level.SUGGESTION)])
    commits = {f"p{i}.md": Commit(AUTHORS[i % 3], START) for i in range(4)}
    ranked = training_rules([*habit, one_bad_day, rare], commits)
    assert [r.rule for r in ranked] == ["b.habit", "b.burst", "b.rare"]
    assert ranked[0].posts == 4 and ranked[0].writers == 3 and ranked[0].findings == 4
    assert ranked[1].posts == 1 and ranked[1].findings == 9


def test_summary_follows_the_language_and_its_typography():
    files = [
        FileResult("a.md", "hotelia", "x", "fr-FR", findings=[_finding("h.r", Level.ERROR)], metrics={"score": 72.5}),
        FileResult("b.md", "hotelia", "linkedin", "fr-FR", metrics={"score": 100.0}),
        FileResult("c.md", "trailcraft", "x", "en-US", metrics={"score": 55.0}),
    ]
    run = RunResult(files=files)
    fr = " ".join(summary_sentences(build_report_data(run)))
    assert "3 publications analysées (2 marques, 2 canaux)." in fr
    assert f"Score de voix moyen{NNBSP}: 75,8/100{NNBSP}; 1 publication sous 60." in fr
    assert f"Meilleur canal{NNBSP}: linkedin (100)" in fr
    en = " ".join(summary_sentences(build_report_data(run, language="en")))
    assert "3 posts checked (2 brands, 2 channels)." in en and "Mean voice score: 75.8/100; 1 post below 60." in en


def test_english_report_without_git_has_no_time_charts():
    files = [FileResult("c.md", "trailcraft", "x", "en-US", findings=[_finding("t.r")], metrics={"score": 90.0})]
    html = render_html(build_report_data(RunResult(files=files)))
    assert '<html lang="en">' in html and "Mean voice score" in html
    assert 'id="chart-brand"' in html and 'id="chart-time"' not in html and 'id="chart-author"' not in html
    assert "<script src" not in html and "cdn." not in html.split("</script>", 1)[1]


def test_a_report_of_nothing_still_renders():
    data = build_report_data(RunResult())
    assert summary_sentences(data) == ["No posts were checked."]
    html = render_html(data)
    assert "No findings" in html and 'id="chart-distribution"' in html


def test_post_text_is_escaped_in_the_html():
    evil = Finding("t.r", "brandvoice", "tone", Level.ERROR, "<img src=x onerror=alert(1)>", 1, 1, 1, 5, 0, 4, "<script>")
    files = [FileResult("<b>.md", "trailcraft", "x", "en-US", findings=[evil], metrics={"score": 80.0})]
    html = render_html(build_report_data(RunResult(files=files)))
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<b>.md" not in html and "&lt;b&gt;.md" in html


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_round_trip_for_french_excel(repo, tmp_path):
    out = tmp_path / "findings.csv"
    proc = run_cli("report", str(repo / "posts"), "--csv", str(out), "--csv-sep", ";", "--no-grammar")
    assert proc.returncode == 0, proc.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert tuple(rows[0]) == COLUMNS
    _, data = run_json("check", str(repo / "posts"), "--no-grammar")
    expected = [(f, finding) for f in data["files"] for finding in f["findings"]]
    assert len(rows) == len(expected) > 10
    for row, (file, finding) in zip(rows, expected):
        assert row["file"] == file["path"]
        assert row["brand"] == file["brand"] and row["channel"] == file["channel"]
        assert row["rule"] == finding["rule"] and row["level"] == finding["level"]
        assert row["category"] == finding["category"] and row["message"] == finding["message"]
        # cells Excel would read as formulas (= + - @) carry a leading apostrophe
        match = finding["match"]
        assert row["line"] == str(finding["line"]) and row["match"] == ("'" + match if match[:1] in "=+-@" else match)
        assert row["suggestion"] == " / ".join(finding["replacements"][:3])
    by_file = {row["file"]: row for row in rows}
    rentree = by_file[str(repo / "posts" / "hotelia" / "rentree-x.md")]
    assert rentree["author"] == "Sam Carter"
    assert datetime.fromisoformat(rentree["date"]) == START + timedelta(days=41)
    draft = by_file[str(repo / "posts" / "hotelia" / "draft-x.md")]
    assert draft["author"] == "" and draft["date"] == ""
    assert any("é" in row["message"] or "«" in row["message"] for row in rows)  # accents survive


def test_csv_separator_defaults_to_the_report_language(repo, tmp_path):
    out = tmp_path / "en.csv"
    proc = run_cli("report", str(repo / "posts" / "trailcraft"), "--csv", str(out), "--no-grammar")
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8-sig").splitlines()[0] == ",".join(COLUMNS)
    out_fr = tmp_path / "fr.csv"
    run_cli("report", str(repo / "posts" / "hotelia"), "--csv", str(out_fr), "--no-grammar")
    assert out_fr.read_text(encoding="utf-8-sig").splitlines()[0] == ";".join(COLUMNS)


def test_csv_cells_cannot_become_excel_formulas():
    assert excel_safe("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert excel_safe("@user") == "'@user" and excel_safe("-20 %") == "'-20 %"
    assert excel_safe("Bonjour") == "Bonjour"
    bad = Finding("t.r", "brandvoice", "tone", Level.ERROR, "=1+1", 1, 1, 1, 5, 0, 4, "+33 6")
    text = csv_text(build_report_data(RunResult(files=[FileResult("a.md", "b", "x", "en-US", findings=[bad])])))
    row = next(csv.DictReader(text.splitlines()))
    assert row["message"] == "'=1+1" and row["match"] == "'+33 6" and row["line"] == "1"


# --- CLI errors and progress -------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, hint",
    [
        ([], "--html"),
        (["--csv", "x.csv", "--csv-sep", "|"], "--csv-sep"),
        (["--html", "x.html", "--report-lang", "de"], "--report-lang"),
        (["--html", "/nonexistent-dir/r.html"], "cannot write the report"),
    ],
)
def test_report_user_errors(repo, args, hint):
    proc = run_cli("report", str(repo / "posts" / "trailcraft"), "--no-grammar", *args)
    assert proc.returncode == 2 and hint in proc.stderr and "Traceback" not in proc.stderr


def test_progress_runs_in_chunks_with_the_same_result(tmp_path):
    body = "---\nbrand: trailcraft\n---\nWe utilize recycled nylon, buy now{}.\n"
    for i in range(30):  # more than one chunk of 25
        (tmp_path / f"p{i:02}.md").write_text(body.format("!" * (i % 4)), encoding="utf-8")
    with_bar = run_cli("score", str(tmp_path), "--no-grammar", "--progress")
    without = run_cli("score", str(tmp_path), "--no-grammar", "--no-progress")
    assert with_bar.returncode == without.returncode == 0
    assert with_bar.stdout == without.stdout and "30 files" in with_bar.stdout


# --- the HTML report in a real browser ---------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if chromium_binary() is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run must `apt-get install -y chromium`")
        pytest.skip("chromium is not installed")
    with Chromium(tmp_path_factory.mktemp("chromium") / "profile") as chromium:
        yield chromium


def test_html_report_in_headless_chromium(repo, tmp_path, browser):
    html = tmp_path / "report.html"
    proc = run_cli("report", str(repo / "posts"), "--html", str(html), "--no-grammar", "--title", "Hotelia & Trailcraft — T3")
    assert proc.returncode == 0, proc.stderr
    _, data = run_json("check", str(repo / "posts"), "--no-grammar")
    findings = [f for file in data["files"] for f in file["findings"]]

    browser.open(html)
    charts = browser.wait_until(
        "Array.from(document.querySelectorAll('.js-plotly-plot')).filter(d => d.querySelector('.main-svg')).map(d => d.id)"
    )
    assert set(charts) == {
        "chart-distribution", "chart-brand", "chart-channel", "chart-rules", "chart-categories", "chart-time", "chart-author"
    }
    # every chart fits its card (none drawn at the width of a half-built page)
    assert browser.wait_until(
        "Array.from(document.querySelectorAll('.js-plotly-plot')).every(d =>"
        " Math.abs(d.querySelector('.main-svg').getBoundingClientRect().width - d.clientWidth) <= 1)"
    )
    # each chart drew its marks: bars for the two brands, points for the nine dated posts...
    assert browser.evaluate("document.querySelectorAll('#chart-brand .point').length") == 2
    assert browser.evaluate("document.querySelectorAll('#chart-author .point').length") == 3
    assert browser.evaluate("document.querySelectorAll('#chart-time .scatterlayer .trace').length") >= 3
    assert browser.evaluate("document.querySelectorAll('#chart-time .point').length") >= 8

    # French (most posts are Hotelia's), with the three rules most worth a training session
    assert browser.evaluate("document.documentElement.lang") == "fr"
    assert browser.evaluate("document.title") == "Hotelia & Trailcraft — T3"
    summary = browser.evaluate("document.getElementById('summary').innerText")
    assert "9 publications analysées (2 marques, 3 canaux)." in summary
    assert browser.evaluate("document.querySelectorAll('#training li').length") == 3

    # the findings table filters by brand, channel, level and rule
    total = browser.evaluate("document.querySelectorAll('#findings tbody tr').length")
    assert total == len(findings)
    visible = "Array.from(document.querySelectorAll('#findings tbody tr')).filter(r => !r.hidden).length"

    def choose(key: str, value: str) -> int:
        browser.evaluate(
            f"(() => {{ const s = document.getElementById('filter-{key}'); s.value = {json.dumps(value)};"
            " s.dispatchEvent(new Event('change')); })()"
        )
        return browser.evaluate(visible)

    some_rule = max({f["rule"] for f in findings}, key=lambda r: sum(f["rule"] == r for f in findings))
    assert choose("rule", some_rule) == sum(f["rule"] == some_rule for f in findings)
    assert browser.evaluate("document.getElementById('shown').textContent") == str(choose("rule", some_rule))
    choose("rule", "")
    trailcraft = [f for file in data["files"] if file["brand"] == "trailcraft" for f in file["findings"]]
    assert choose("brand", "trailcraft") == len(trailcraft)
    assert choose("level", "error") == sum(f["level"] == "error" for f in trailcraft)
    choose("brand", "")
    choose("level", "")
    assert choose("channel", "linkedin") == sum(
        len(file["findings"]) for file in data["files"] if file["channel"] == "linkedin"
    )
    choose("channel", "")
    assert browser.evaluate(visible) == total

    # self-contained: nothing but the file itself was requested, no external script or style
    assert browser.evaluate("document.querySelectorAll('script[src], link[href], img[src]').length") == 0
    assert all(url.startswith(("file:", "data:", "blob:")) for url in browser.events.requests), browser.events.requests
    browser.screenshot(ARTIFACTS / "report.png")
    assert not browser.events.problems, browser.events.problems
    assert (ARTIFACTS / "report.png").stat().st_size > 50_000
