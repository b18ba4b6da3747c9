"""Editorial calendars: the spreadsheets (CSV or XLSX) where community managers plan their posts,
one row per post with its date, network, brand, status and text.

- `table.py` reads a workbook (openpyxl) or a CSV (any of `;` `,` tab, UTF-8 with or without BOM,
  Windows-1252 or Mac Roman, detected by charset-normalizer) into sheets of cells;
- `columns.py` finds the columns from the header row, in French or English, or as the project
  configuration names them (`calendar:` in `.brandvoice.yaml`, `settings.py`);
- `values.py` maps a row's values to brandvoice's channels, brands, languages and dates;
- `reader.py` turns each row into a post (a `Document` positioned in its cell), the entry of
  `parsing/readers.READERS`;
- `writer.py` writes fixed texts back into their cells (`--fix`), and `annotated.py` writes the
  annotated copy of a calendar (`--output annotated:FILE.xlsx`).
"""
