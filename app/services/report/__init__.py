"""The measures report: charts (reportlab graphics, also as SVG for the app), the A4 PDF and
one CSV file per table. The numbers come from ``app.services.measures``."""

from __future__ import annotations

from app.services.report.charts import chart, chart_svg, charts
from app.services.report.pdf import render_report, write_report
from app.services.report.tables import group_csv, write_csv

__all__ = ["chart", "chart_svg", "charts", "group_csv", "render_report", "write_csv",
           "write_report"]
