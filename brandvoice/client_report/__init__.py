"""Reports for people: a self-contained HTML report with charts, its PDF, and a CSV of findings
for Excel, in the report's language (rule, category, brand and network names a client reads).

`build_report_data(run, commits)` computes everything once; `write_html`, `write_pdf` and
`write_csv` lay it out.
"""

from brandvoice.client_report.csv_export import write_csv
from brandvoice.client_report.data import ReportData, build_report_data
from brandvoice.client_report.git import last_commits
from brandvoice.client_report.html import render_html, write_html
from brandvoice.client_report.pdf import write_pdf

__all__ = ["ReportData", "build_report_data", "last_commits", "render_html", "write_csv", "write_html", "write_pdf"]
