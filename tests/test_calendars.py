"""Editorial calendars (issue 15): workbooks and CSVs made here with openpyxl and the csv module —
several sheets, merged cells, formulas, dates as dates, serials and text, multi-line cells, `;`
and `,`, BOM, Windows-1252 — checked through the real CLI, fixed, annotated, and re-opened."""

from __future__ import annotations

import codecs
import csv
import io
import json
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from helpers import run_cli, run_json
from openpyxl.styles import Font, PatternFill

from brandvoice.calendars.columns import find_columns
from brandvoice.calendars.reader import read_calendar
from brandvoice.calendars.settings import CalendarSettings
from brandvoice.calendars.table import Sheet, read_csv
from brandvoice.calendars.values import Unmapped, brand_of, channels_of, date_of, language_of
from brandvoice.calendars.writer import unkept_features
from brandvoice.parsing.document import DocumentError

HEADER_FILL = "DDEBF7"
POSTS = [  # date cell, network, brand, status, author, text
    (datetime(2026, 10, 5), "Insta", "Hotelia", "À valider", "Léa",
     "Enfin l’automne chez hotelia\u202f!\nUne vue incroyable sur la baie."),
    (datetime(2026, 10, 5), "LinkedIn", "Hôtelia", "Validé", "Camille",
     "Nos équipes vous accueillent dès sept heures pour le petit-déjeuner."),
    (46310, "X (Twitter)", "hotelia", "Brouillon", "Léa", "Réservez votre chambre chez Hotelia."),
]


def make_calendar(path: Path) -> Path:
    """Two month sheets and a lists sheet; a merged title, a header merged over two rows, a date
    merged over a day's two posts, a formula column, an Excel serial and a text date."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Octobre"
    sheet["A1"] = "Calendrier éditorial — Hotelia — octobre 2026"
    sheet.merge_cells("A1:G1")
    sheet["A1"].font = Font(bold=True, size=14)
    for column, header in enumerate(["Date de publication", "Réseau", "Marque", "Statut", "Auteur", "Texte du post", "Semaine"], 1):
        cell = sheet.cell(row=3, column=column, value=header)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.font = Font(bold=True)
    sheet.merge_cells("F3:F4")  # the text header spans two header rows
    sheet["G4"] = "(n°)"
    for row, (day, network, brand, status, author, text) in enumerate(POSTS, start=5):
        sheet.cell(row=row, column=1, value=day).number_format = "dd/mm/yyyy"
        for column, value in enumerate((network, brand, status, author, text), start=2):
            sheet.cell(row=row, column=column, value=value)
        sheet.cell(row=row, column=7, value=f"=ISOWEEKNUM(A{row})")
    sheet.merge_cells("A5:A6")  # one date for the day's two posts
    sheet["F5"].font = Font(italic=True)
    november = workbook.create_sheet("Novembre")
    november.append(["Date", "Canal", "Client", "Wording"])
    november.append(["12/11/2026", "Insta + FB", "Hotelia", "Un séjour exceptionnel chez hotelia, une arrivée rapide."])
    november.append([None, None, None, None])  # an empty row is no post
    lists = workbook.create_sheet("Listes")
    lists.append(["Réseaux", "Statuts"])
    lists.append(["Insta", "Validé"])
    workbook.save(path)
    return path


@pytest.fixture()
def calendar(tmp_path) -> Path:
    return make_calendar(tmp_path / "calendrier.xlsx")


# --- reading ------------------------------------------------------------------------------------


def test_a_workbook_reads_as_one_post_per_row(calendar):
    read = read_calendar(str(calendar), calendar.read_bytes())
    posts = [(p.place, p.row, p.line, p.column, p.date, p.channel, p.brand, p.author, p.status) for p, _ in read.posts]
    assert posts == [
        ("Octobre!F5", 5, 5, "Texte du post", date(2026, 10, 5), "Insta", "Hotelia", "Léa", "À valider"),
        ("Octobre!F6", 6, 6, "Texte du post", date(2026, 10, 5), "LinkedIn", "Hôtelia", "Camille", "Validé"),
        ("Octobre!F7", 7, 7, "Texte du post", date(2026, 10, 15), "X (Twitter)", "hotelia", "Léa", "Brouillon"),
        ("Novembre!D2", 2, 2, "Wording", date(2026, 11, 12), "Insta + FB", "Hotelia", "", ""),
    ]
    assert [text for _, text in read.posts][0] == POSTS[0][5]
    assert read.notes == ["sheet “Listes” has no text column: not checked"]


def test_headers_in_french_and_english_and_the_configured_names():
    sheet = Sheet("S", [["Post date", "Network", "Brand name", "Post copy", "Owner", "Link"]])
    assert find_columns(sheet).fields == {"date": 1, "author": 5, "link": 6, "brand": 3, "channel": 2, "text": 4}
    french = Sheet("S", [["Date du post", "Statut du post", "Texte du post", "Lien vers le post"]])
    assert find_columns(french).fields == {"date": 1, "status": 2, "link": 4, "text": 3}
    odd = Sheet("S", [["Jour J", "Plateforme", "Le texte à publier", "Visuel"]])
    assert find_columns(odd, CalendarSettings(text="Le texte à publier")).fields["text"] == 3
    assert find_columns(Sheet("S", [["Visuel", "Objectif"]])) is None


def test_values_map_to_channels_brands_languages_and_dates():
    known = ["x", "linkedin", "instagram", "facebook", "tiktok"]
    assert channels_of("X (Twitter)", known, {}) == ("x",)
    assert channels_of("Insta + FB", known, {}) == ("instagram", "facebook")
    assert channels_of("LinkedIn, X/Twitter", known, {}) == ("linkedin", "x")
    assert channels_of("Insta story", known, {}) == ("instagram",)
    assert channels_of("Pinterest", known, {"Pinterest": None}) == ()
    with pytest.raises(Unmapped, match="“Snapchat” is not a network"):
        channels_of("Snapchat", known, {})
    assert brand_of("Hôtelia", {"hotelia": "Hotelia"}, {}) == "hotelia"
    assert brand_of("HTL", {"hotelia": "Hotelia"}, {"HTL": "hotelia"}) == "hotelia"
    with pytest.raises(Unmapped, match="Lumière"):
        brand_of("Café Lumière", {"hotelia": "Hotelia"}, {})
    assert [language_of(v, ("fr", "en", "de")) for v in ("FR", "fr_ca", "Français", "anglais", "English")] == [
        "fr", "fr-CA", "fr", "en", "en"]
    epoch = datetime(1899, 12, 30)
    assert {date_of(v, epoch) for v in ("12/10/2026", "2026-10-12", "46307", 46307, "lundi 12 octobre 2026",
                                         "12 oct. 2026", "Oct 12, 2026", "12.10.26")} == {date(2026, 10, 12)}
    assert date_of("10/03/2026", epoch, day_first=False) == date(2026, 10, 3)
    assert date_of("demain", epoch) is None


@pytest.mark.parametrize("delimiter, bom, encoding", [(";", True, "utf-8"), (",", False, "utf-8"), (";", False, "cp1252")])
def test_csv_separators_bom_and_encodings(delimiter, bom, encoding):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["Date", "Réseau", "Texte"])
    writer.writerow(["05/10/2026", "Insta", "Première ligne, très « française »\r\nseconde ligne"])
    writer.writerow(["06/10/2026", "LinkedIn", "Dernier post"])
    data = (codecs.BOM_UTF8 if bom else b"") + buffer.getvalue().encode(encoding)
    table = read_csv(data)
    assert table.delimiter == delimiter and table.sheets[0].lines == [1, 2, 4]
    assert table.encoding == {True: "utf-8-sig", False: "utf-8"}[bom] if encoding == "utf-8" else table.encoding == "cp1252"
    read = read_calendar("cal.csv", data)
    assert [(p.place, p.line, text) for p, text in read.posts] == [
        ("C2", 2, "Première ligne, très « française »\r\nseconde ligne"), ("C3", 4, "Dernier post")]
    assert read.notes == (["read as Windows-1252 (not UTF-8); fixes are written in Windows-1252"] if encoding == "cp1252" else [])


def test_a_calendar_without_a_text_column_says_what_it_saw():
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows([["Date", "Visuel"], ["05/10/2026", "photo.jpg"]])
    with pytest.raises(DocumentError, match="columns seen: “Date”, “Visuel”.*calendar: {text:"):
        read_calendar("cal.csv", buffer.getvalue().encode())


# --- checking through the CLI -------------------------------------------------------------------


def test_check_a_workbook_positions_in_every_format(calendar, tmp_path):
    code, data = run_json("check", str(calendar), "--no-grammar", "--select", "hotelia.", "--select", "typography.")
    assert code == 1
    files = {(f["sheet"], f["cell"]): f for f in data["files"]}
    first = files[("Octobre", "F5")]
    assert (first["row"], first["brand"], first["channels"], first["date"], first["author"]) == (
        5, "hotelia", ["instagram"], "2026-10-05", "Léa")
    assert files[("Octobre", "F7")]["channels"] == ["x"] and files[("Novembre", "D2")]["channels"] == ["instagram", "facebook"]
    brand_name = next(f for f in first["findings"] if f["rule"] == "hotelia.names.hotelia")
    assert (brand_name["line"], brand_name["column"], brand_name["match"]) == (1, 22, "hotelia")
    assert (brand_name["sheet"], brand_name["cell"], brand_name["row"]) == ("Octobre", "F5", 5)
    superlative = next(f for f in first["findings"] if f["rule"] == "hotelia.superlatifs")
    assert (superlative["line"], superlative["column"]) == (2, 9)  # second line of the cell

    text = run_cli("check", str(calendar), "--no-grammar", "--select", "hotelia.superlatifs")
    assert "  Octobre!F5 2:9  warning    hotelia.superlatifs" in text.stdout
    assert "    2 │ Une vue incroyable sur la baie." in text.stdout
    assert "1 file (4 calendar posts) checked" in text.stdout
    assert "calendrier.xlsx: sheet “Listes” has no text column: not checked" in text.stderr

    github = run_cli("check", str(calendar), "--no-grammar", "--select", "hotelia.superlatifs", "-f", "github").stdout
    assert "::warning file=" in github and "line=5,endLine=5," in github and "::Octobre!F5 2:9: " in github
    sarif = json.loads(run_cli("check", str(calendar), "--no-grammar", "--select", "hotelia.", "-f", "sarif").stdout)
    result = next(r for r in sarif["runs"][0]["results"] if r["properties"].get("cell") == "F5")
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 5, "endLine": 5}
    assert result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "Octobre!F5"
    assert "fixes" not in result
    from test_reporters_ci import SARIF_SCHEMA, _sarif_validator

    if SARIF_SCHEMA.is_file():
        assert list(_sarif_validator().iter_errors(sarif)) == []


def test_unknown_network_is_an_error_naming_the_column_and_the_config_maps_it(tmp_path):
    path = tmp_path / "cal.csv"
    path.write_text("Texte;Réseau\nBonjour à toutes et à tous.;Snapchat\n", encoding="utf-8")
    proc = run_cli("check", str(path), "--no-grammar")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "B2: column “Réseau”: “Snapchat” is not a network brandvoice knows" in proc.stderr
    assert 'calendar: {channels: {"Snapchat": ...}}' in proc.stderr
    (tmp_path / ".brandvoice.yaml").write_text("calendar:\n  channels: {Snapchat: none}\n", encoding="utf-8")
    code, data = run_json("check", str(path), "--no-grammar")
    assert code == 0 and data["files"][0]["channels"] == []


def test_standard_input_with_a_csv_name_in_windows_1252(tmp_path):
    text = "Date;Réseau;Texte\r\n05/10/2026;X;Découvrez l'été chez HOTELIA.\r\n"
    proc = run_cli("check", "-", "--stdin-filename", "octobre.csv", "--brand", "hotelia", "--no-grammar",
                   "--select", "hotelia.names", "-f", "json", stdin_bytes=text.encode("cp1252"))
    assert proc.returncode == 1, proc.stderr
    assert "octobre.csv: read as Windows-1252" in proc.stderr
    finding = json.loads(proc.stdout)["files"][0]["findings"][0]
    assert (finding["cell"], finding["sheet"], finding["match"], finding["column"]) == ("C2", None, "HOTELIA", 22)


# --- fixing and the annotated copy --------------------------------------------------------------


def style(cell) -> tuple:
    return (repr(cell.font), repr(cell.fill), repr(cell.border), cell.number_format)


def test_fix_changes_only_text_cells_atomically(calendar):
    before = openpyxl.load_workbook(calendar)
    proc = run_cli("check", str(calendar), "--no-grammar", "--select", "hotelia.names", "--select", "typography.", "--fix")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    after = openpyxl.load_workbook(calendar)
    assert after.sheetnames == before.sheetnames
    changed = []
    for sheet in before.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                new = after[sheet.title][cell.coordinate]
                if new.value != cell.value:
                    changed.append(f"{sheet.title}!{cell.coordinate}")
                assert style(new) == style(cell), cell.coordinate
        assert after[sheet.title].merged_cells.ranges == sheet.merged_cells.ranges
    assert changed == ["Octobre!F5", "Novembre!D2"]
    assert after["Octobre"]["F5"].value == "Enfin l’automne chez Hotelia\u202f!\nUne vue incroyable sur la baie."
    assert after["Octobre"]["G6"].value == "=ISOWEEKNUM(A6)" and after["Octobre"]["F5"].font.italic
    assert not list(calendar.parent.glob(".*.brandvoice"))  # no temporary file left


def test_fix_of_a_csv_keeps_every_other_byte_and_its_encoding(tmp_path):
    path = tmp_path / "cal.csv"
    raw = ('Date;Réseau;Texte;Note\r\n05/10/2026;Insta;"Chez hotelia, ""évidemment"".";"a;b"\r\n'
           '06/10/2026;LinkedIn;Rien à signaler ici.;\r\n').encode("cp1252")
    path.write_bytes(raw)
    proc = run_cli("check", str(path), "--brand", "hotelia", "--no-grammar", "--select", "hotelia.names", "--fix")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert path.read_bytes() == raw.replace(b"Chez hotelia", b"Chez Hotelia")


def test_a_workbook_openpyxl_cannot_keep_is_never_written(calendar, tmp_path):
    import zipfile

    data = calendar.read_bytes()
    assert unkept_features(data) == []
    shaped = tmp_path / "shaped.xlsx"
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(shaped, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("xl/drawings/drawing9.xml", "<xdr:wsDr><xdr:sp></xdr:sp></xdr:wsDr>")
    before = shaped.read_bytes()
    proc = run_cli("check", str(shaped), "--no-grammar", "--select", "hotelia.names", "--fix")
    assert "shapes or text boxes, which openpyxl would not keep: not fixed" in proc.stderr
    assert shaped.read_bytes() == before and proc.returncode == 1


def test_annotated_copy_with_comments_status_scores_and_charts(calendar, tmp_path):
    original = calendar.read_bytes()
    out = tmp_path / "checked.xlsx"
    proc = run_cli("check", str(calendar), "--no-grammar", "--output", f"annotated:{out}")
    assert proc.returncode == 1, proc.stderr
    assert calendar.read_bytes() == original  # never the original
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Synthèse brandvoice", "Octobre", "Novembre", "Listes"]
    october = book["Octobre"]
    assert [october.cell(row=3, column=c).value for c in (8, 9)] == ["Statut brandvoice", "Score de la publication"]
    assert october["H3"].fill.fgColor.rgb.endswith(HEADER_FILL)  # the headers' own style
    statuses = {october.cell(row=r, column=8).value: october.cell(row=r, column=8).fill.fgColor.rgb for r in (5, 6, 7)}
    assert statuses["Bloquant"].endswith("FFC7CE") and set(statuses) <= {"OK", "À revoir", "Bloquant"}
    assert all(isinstance(october.cell(row=r, column=9).value, float) for r in (5, 6, 7))
    comment = october["F5"].comment.text
    assert comment.startswith("brandvoice — score ") and "• Erreur (1:22), Nom de la marque" in comment
    assert "Le nom de la marque s'écrit « Hotelia »." in comment and "→ Hotelia" in comment
    assert october["G5"].value == "=ISOWEEKNUM(A5)"  # formulas copied as formulas
    summary = book["Synthèse brandvoice"]
    assert summary["A3"].value == "Publications" and summary["B3"].value == 4
    assert len(summary._charts) == 4  # per week, per network, per brand, top rules
    rows = [r for r in summary.iter_rows(values_only=True) if r[0] is not None]
    assert ("Instagram", pytest.approx(rows[[r[0] for r in rows].index("Instagram")][1]), 2) in rows
    assert book["Novembre"]["E1"].value == "Statut brandvoice"


def test_annotated_refuses_the_calendar_itself_and_runs_without_calendars(calendar, tmp_path):
    same = run_cli("check", str(calendar), "--no-grammar", "--output", f"annotated:{calendar}")
    assert same.returncode == 2 and "that is the calendar itself" in same.stderr
    post = tmp_path / "post.md"
    post.write_text("Bonjour.\n", encoding="utf-8")
    none = run_cli("check", str(post), "--no-grammar", "--output", f"annotated:{tmp_path / 'x.xlsx'}")
    assert none.returncode == 2 and "no calendar (CSV or XLSX) was checked" in none.stderr
    terminal = run_cli("check", str(post), "--no-grammar", "--format", "annotated")
    assert terminal.returncode == 2 and "use --output annotated:FILE.xlsx" in terminal.stderr
