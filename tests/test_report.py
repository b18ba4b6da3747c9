"""`brandvoice report`: git authors and dates, the CSV for Excel (round trip through the csv
module), the summary and training picks, and the HTML report opened in a real headless Chromium."""

from __future__ import annotations

import csv
import json
import os
import subprocess
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from chromium_cdp import Chromium, chromium_binary
from helpers import ROOT, run_cli, run_json

from brandvoice.findings import FileResult, Finding, Level, Post, RunResult
from brandvoice.client_report.csv_export import COLUMNS, csv_text, excel_safe, headers
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
    assert "3 publications analysées (2 marques, 2 réseaux)." in fr
    assert f"Score de voix moyen{NNBSP}: 75,8/100{NNBSP}; 1 publication sous 60." in fr
    assert f"Meilleur réseau{NNBSP}: LinkedIn (100)" in fr
    en = " ".join(summary_sentences(build_report_data(run, language="en")))
    assert "3 posts checked (2 brands, 2 networks)." in en and "Mean voice score: 75.8/100; 1 post below 60." in en


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
        reader = csv.reader(handle, delimiter=";")
        header = next(reader)
        assert header == headers(COLUMNS, "fr")[: len(header)] and header[0] == "Fichier" and header[-1] == "Score de la publication"
        rows = [dict(zip(COLUMNS, record)) for record in reader]
    _, data = run_json("check", str(repo / "posts"), "--no-grammar")
    expected = [(f, finding) for f in data["files"] for finding in f["findings"]]
    assert len(rows) == len(expected) > 10
    for row, (file, finding) in zip(rows, expected):
        assert row["file"] == file["path"]
        assert row["brand"] == file["brand"].capitalize() and row["channel"] in ("X", "LinkedIn", "Instagram")
        assert row["rule_id"] == finding["rule"] and row["level"] in ("erreur", "avertissement", "suggestion")
        assert row["message"] == finding["message"] and row["rule"] and not row["rule"].startswith(("hotelia.", "voice."))
        assert row["category"] in ("grammaire", "orthographe", "typographie", "terminologie", "ton", "lisibilité",
                                   "réseau social", "transparence publicitaire", "écriture inclusive", "style")
        # no cell is only an apostrophe or a space: such matches come with their word
        assert row["line"] == str(finding["line"]) and row["match"].strip(" '’") and finding["match"] in row["match"]
        assert row["suggestion"] == " / ".join(finding["replacements"][:3])
        assert row["score"] == str(file["score"]).replace(".", ",").removesuffix(",0")
    by_file = {row["file"]: row for row in rows}
    rentree = by_file[str(repo / "posts" / "hotelia" / "rentree-x.md")]
    assert rentree["author"] == "Sam Carter"
    assert rentree["date"] == (START + timedelta(days=41)).strftime("%d/%m/%Y %H:%M")  # as French Excel reads a date
    draft = by_file[str(repo / "posts" / "hotelia" / "draft-x.md")]
    assert draft["author"] == "" and draft["date"] == ""
    assert any("é" in row["message"] or "«" in row["message"] for row in rows)  # accents survive


def test_csv_separator_defaults_to_the_report_language(repo, tmp_path):
    out = tmp_path / "en.csv"
    proc = run_cli("report", str(repo / "posts" / "trailcraft"), "--csv", str(out), "--no-grammar")
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8-sig").splitlines()[0] == ",".join(headers(COLUMNS, "en"))
    out_fr = tmp_path / "fr.csv"
    run_cli("report", str(repo / "posts" / "hotelia"), "--csv", str(out_fr), "--no-grammar")
    assert out_fr.read_text(encoding="utf-8-sig").splitlines()[0] == ";".join(headers(COLUMNS, "fr"))


def test_csv_cells_cannot_become_excel_formulas():
    assert excel_safe("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert excel_safe("@user") == "'@user" and excel_safe("-20 %") == "'-20 %"
    assert excel_safe("Bonjour") == "Bonjour"
    bad = Finding("t.r", "brandvoice", "tone", Level.ERROR, "=1+1", 1, 1, 1, 5, 0, 4, "+33 6")
    text = csv_text(build_report_data(RunResult(files=[FileResult("a.md", "b", "x", "en-US", findings=[bad])])))
    row = next(csv.DictReader(text.splitlines()))
    assert row["Message"] == "'=1+1" and row["Text"] == "'+33 6" and row["Line"] == "1"


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
    assert with_bar.stdout == without.stdout and "(30 posts)" in with_bar.stdout


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
        "chart-distribution", "chart-brand", "chart-channel", "chart-month", "chart-rules", "chart-categories",
        "chart-time", "chart-author",
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
    assert "9 publications analysées (2 marques, 3 réseaux)." in summary
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
    assert choose("brand", "Trailcraft") == len(trailcraft)
    assert choose("level", "error") == sum(f["level"] == "error" for f in trailcraft)
    choose("brand", "")
    choose("level", "")
    assert choose("channel", "LinkedIn") == sum(
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


# --- a report a client understands (issue 15) ----------------------------------------------------


def _post_result(cell: str, day: date, findings: list[Finding], score: float, channel: str | None = "instagram",
                 guide: str = "hotelia") -> FileResult:
    post = Post("Octobre", cell, int(cell[1:]), int(cell[1:]), "Texte", date=day, author="Léa")
    return FileResult("cal.xlsx", "hotelia", channel, "fr-FR", findings=findings, metrics={"score": score},
                      channels=(channel,) if channel else (), post=post, guide=guide, source="Chez l'hôtel hotelia !")


def test_rule_category_brand_and_network_names_months_and_no_bar_for_no_network():
    class Guide:
        name = "Hôtels Hotelia"
        accepted_words = frozenset({"HoteliaClub"})

    nbsp = Finding("typography.fr.nbsp", "brandvoice", "typography", Level.SUGGESTION, "m", 1, 21, 1, 22, 20, 1, " ")
    apostrophe = Finding("typography.fr.apostrophe", "brandvoice", "typography", Level.SUGGESTION, "m", 1, 7, 1, 8, 6, 1, "'")
    club = Finding("languagetool.MORFOLOGIK_RULE_FR_FR", "languagetool", "spelling", Level.ERROR, "m", 1, 1, 1, 4, 0, 4, "HoteliaClub")
    jargon = Finding("languagetool.MORFOLOGIK_RULE_FR_FR", "languagetool", "spelling", Level.ERROR, "m", 1, 1, 1, 4, 0, 4, "staycation")
    passive = Finding("tone.passive_share", "brandvoice", "tone", Level.WARNING, "m", 1, 1, 1, 4, 0, 4, "Chez")
    run = RunResult(
        files=[
            _post_result("F5", date(2026, 9, 28), [nbsp, apostrophe, club, jargon], 60.0),
            _post_result("F6", date(2026, 10, 5), [jargon, passive], 70.0, channel=None),
            _post_result("F7", date(2026, 10, 12), [jargon, passive], 90.0, channel="linkedin"),
        ],
        guides={"hotelia": Guide()},
    )
    data = build_report_data(run)
    assert data.language == "fr"
    assert data.rule_labels == {
        "typography.fr.nbsp": "Espaces insécables",
        "typography.fr.apostrophe": "Apostrophe typographique",
        "languagetool.MORFOLOGIK_RULE_FR_FR": "Orthographe",
        "tone.passive_share": "Part de phrases à la voix passive",
    }
    assert data.category_labels["typography"] == "typographie" and data.category_labels["spelling"] == "orthographe"
    assert set(data.brand_scores) == {"Hôtels Hotelia"} and set(data.channel_scores) == {"Instagram", "LinkedIn", "(none)"}
    # the brand's own words are words to accept, never a training topic; so is its accepted vocabulary
    assert data.vocabulary == [("staycation", 3)]
    assert [t.rule for t in data.training] == ["tone.passive_share", "typography.fr.apostrophe", "typography.fr.nbsp"]
    assert [f.excerpt for f in data.findings[:2]] == ["hotelia !", "l'hôtel"]  # never a lone space or apostrophe
    assert [(m.month, m.posts, m.score, m.change) for m in data.months] == [
        (date(2026, 9, 1), 1, 60.0, None), (date(2026, 10, 1), 2, 80.0, 20.0)]
    summary = " ".join(summary_sentences(data))
    assert f"Octobre 2026{NNBSP}: 80/100 (+20 par rapport à septembre 2026)." in summary
    html = render_html(data)
    channel_chart = html.split('id="chart-channel"')[1].split("</script>")[0]
    assert '"x":["Instagram","LinkedIn"]' in channel_chart.replace(" ", "")  # no bar for "no network"
    assert "Mois par mois" in html and 'id="chart-month"' in html and "staycation (3)" in html
    text = csv_text(data, ";")
    assert "05/10/2026;" in text and ";Espaces insécables;typography.fr.nbsp;typographie;suggestion;" in text
    assert ";hotelia !;" in text and ";70;" in text.replace("\r\n", ";")


def test_score_as_csv_and_json(tmp_path):
    from test_calendars import make_calendar

    calendar = make_calendar(tmp_path / "calendrier.xlsx")
    as_csv = run_cli("score", str(calendar), "--no-grammar", "--format", "csv")
    assert as_csv.returncode == 0, as_csv.stderr
    assert as_csv.stdout.startswith("\ufeffFichier;Cellule;Marque;Réseau;Date;Auteur;Score de la publication;")
    rows = list(csv.reader(as_csv.stdout.lstrip("\ufeff").splitlines(), delimiter=";"))[1:]
    assert {r[1] for r in rows} == {"Octobre!F5", "Octobre!F6", "Octobre!F7", "Novembre!D2"}
    assert all("," in r[6] or r[6].isdigit() for r in rows) and {r[2] for r in rows} == {"Hotelia"}
    assert "05/10/2026" in {r[4] for r in rows}
    as_json = json.loads(run_cli("score", str(calendar), "--no-grammar", "--format", "json").stdout)
    assert len(as_json["files"]) == 4 and isinstance(as_json["score"], float)
    first = min(as_json["files"], key=lambda f: (f["sheet"], f["row"]))
    assert (first["sheet"], first["cell"], first["brand"], first["brand_id"]) == ("Novembre", "D2", "Hotelia", "hotelia")
    assert set(as_json["scores"]["channel"]) == {"Instagram", "Facebook", "LinkedIn", "X"}
    table = run_cli("score", str(calendar), "--no-grammar").stdout
    assert "Score de voix moyen\u202f: " in table and "." not in table.splitlines()[-1].split(":")[-1].split("/")[0]


def test_pdf_needs_chromium_and_says_what_to_install(repo, tmp_path):
    proc = run_cli("report", str(repo / "posts" / "hotelia"), "--no-grammar", "--pdf", str(tmp_path / "r.pdf"),
                   env={"BRANDVOICE_CHROMIUM": str(tmp_path / "no-chromium")})
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "apt-get install chromium" in proc.stderr and "BRANDVOICE_CHROMIUM" in proc.stderr


def test_pdf_of_a_calendar_report_and_a_screenshot_of_its_first_page(tmp_path, browser):
    import shutil

    from test_calendars import make_calendar

    if shutil.which("pdftoppm") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftoppm is missing: .ci/run must install poppler-utils")
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    calendar = make_calendar(tmp_path / "calendrier.xlsx")
    html, pdf = tmp_path / "report.html", tmp_path / "report.pdf"
    proc = run_cli("report", str(calendar), "--no-grammar", "--html", str(html), "--pdf", str(pdf))
    assert proc.returncode == 0, proc.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Rapport de voix de marque" in text and "Mois par mois" in text and "Octobre!F5" in text
    assert "Nom de la marque" in text and "hotelia.names.hotelia" in text  # names, with the id beside them
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf), str(ARTIFACTS / "report-pdf")], check=True)
    first_page = next(ARTIFACTS.glob("report-pdf*1.png"))
    assert first_page.stat().st_size > 20_000
    browser.open(html)
    browser.wait_until("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 5")
    bars = browser.evaluate("document.querySelectorAll('#chart-channel .point').length")
    assert bars == 4  # Instagram, LinkedIn, X, Facebook: no bar for posts of no network
    assert browser.evaluate("document.getElementById('months').rows.length") == 3
    browser.screenshot(ARTIFACTS / "report-calendar.png")
    assert not browser.events.problems, browser.events.problems
