"""The HTML report: one self-contained file (plotly.js inlined, no CDN, no network) that works
offline and as an e-mail attachment. A Content-Security-Policy forbids every network fetch, so
the page cannot silently depend on one.

Charts are plotly figures (plotly.py ships plotly.js, inlined once in the page head); the page
itself is a Jinja2 template with autoescaping, since post texts are untrusted.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

import jinja2
import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs

from brandvoice.client_report.data import ReportData
from brandvoice.client_report.i18n import summary_sentences, training_line
from brandvoice.client_report.labels import labels as labels_of
from brandvoice.client_report.labels import month_name, number, signed, strings
from brandvoice.score_totals import NO_GROUP

# Okabe–Ito colours: distinguishable by colour-blind readers and in greyscale print-outs
LEVEL_COLORS = {"error": "#D55E00", "warning": "#E69F00", "suggestion": "#0072B2"}
GOOD, FAIR, POOR = "#009E73", "#E69F00", "#D55E00"
CHART_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}
TOP_RULES = 15


def group_label(name: str, labels: dict[str, str]) -> str:
    return labels["none"] if name == NO_GROUP else name


def score_color(score: float) -> str:
    return GOOD if score >= 80 else FAIR if score >= 60 else POOR


def score_class(score: float) -> str:
    return "good" if score >= 80 else "fair" if score >= 60 else "poor"


def _layout(fig: go.Figure, data: ReportData, **extra) -> go.Figure:
    layout = dict(
        template="plotly_white",
        height=330,
        margin=dict(l=50, r=20, t=36, b=50),  # room for plotly's mode bar above the plot
        font=dict(family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif", size=12),
        separators=strings(data.language).decimal_separator + strings(data.language).thousands_separator,
        showlegend=False,
    )
    fig.update_layout(**{**layout, **extra})
    return fig


def _score_bars(
    data: ReportData, scores: dict[str, float], counts: dict[str, int], labels: dict[str, str], named_only: bool = False
) -> go.Figure:
    """Mean score per group; `named_only` leaves out the posts of no group (no network)."""
    names = [k for k in scores if counts.get(k) and not (named_only and k == NO_GROUP)]
    values = [scores[k] for k in names]
    fig = go.Figure(
        go.Bar(
            x=[group_label(k, labels) for k in names],
            width=0.5 if len(names) <= 2 else None,  # one or two huge bars look like a wall
            y=values,
            marker_color=[score_color(v) for v in values],
            text=[number(v, data.language) for v in values],
            textposition="outside",
            customdata=[counts[k] for k in names],
            hovertemplate=f"%{{x}}: %{{y}}/100<br>%{{customdata}} {labels['posts']}<extra></extra>",
        )
    )
    return _layout(fig, data, yaxis=dict(range=[0, 108], title=labels["axis_score"]))


def _stacked_levels(
    data: ReportData, counts: dict, labels: dict[str, str], names_of: dict[str, str], top: int | None = None
) -> go.Figure:
    """Horizontal bars of findings per rule or category (by their names), stacked by level, biggest on top."""
    names = sorted(counts, key=lambda k: (-sum(counts[k].values()), k))[:top]
    names.reverse()  # plotly draws the first category at the bottom
    fig = go.Figure()
    for level in ("error", "warning", "suggestion"):
        level_label = labels["suggestion_level"] if level == "suggestion" else labels[level]
        fig.add_trace(
            go.Bar(
                y=[_capitalised(names_of.get(k, k)) for k in names],
                x=[counts[k].get(level, 0) for k in names],
                name=level_label,
                orientation="h",
                marker_color=LEVEL_COLORS[level],
                hovertemplate=f"%{{y}}: %{{x}} {level_label}<extra></extra>",
            )
        )
    height = max(260, 60 + 24 * len(names))
    return _layout(
        fig,
        data,
        barmode="stack",
        height=height,
        showlegend=True,
        legend=dict(orientation="h", y=-0.15),
        margin=dict(l=10, r=20, t=36, b=30),
        yaxis=dict(automargin=True),
    )


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _by_month(data: ReportData, labels: dict[str, str]) -> go.Figure:
    months = data.months
    fig = go.Figure(
        go.Bar(
            x=[_capitalised(month_name(m.month, data.language)) for m in months],
            y=[m.score for m in months],
            marker_color=[score_color(m.score) for m in months],
            text=[number(m.score, data.language) for m in months],
            textposition="outside",
            customdata=[m.posts for m in months],
            hovertemplate=f"%{{x}}: %{{y}}/100<br>%{{customdata}} {labels['posts']}<extra></extra>",
        )
    )
    return _layout(fig, data, yaxis=dict(range=[0, 108], title=labels["axis_score"]))


def _distribution(data: ReportData, labels: dict[str, str]) -> go.Figure:
    # bins of ten, the last one closed so that perfect posts (100) land in "90–100"
    counts = [0] * 10
    for f in data.files:
        counts[min(int(f.score // 10), 9)] += 1
    names = [f"{low}–{low + 10}" for low in range(0, 100, 10)]
    fig = go.Figure(
        go.Bar(
            x=names,
            y=counts,
            marker_color=[score_color(low + 5) for low in range(0, 100, 10)],
            hovertemplate=f"%{{x}}: %{{y}} {labels['posts']}<extra></extra>",
        )
    )
    return _layout(
        fig,
        data,
        bargap=0.1,
        xaxis=dict(title=labels["axis_score"]),
        yaxis=dict(title=labels["axis_posts"], dtick=_integer_step(max(counts))),
    )


def _integer_step(largest: int) -> int | None:
    """Whole posts only: plotly would tick 0.5 posts on a small axis; larger ones it ticks well."""
    return 1 if largest <= 6 else None


def _over_time(data: ReportData, labels: dict[str, str]) -> go.Figure:
    dated = sorted((f for f in data.files if f.date is not None), key=lambda f: f.date)
    fig = go.Figure()
    if dated:  # the mean first, so the posts' points are drawn over its line
        # a mean per day over short periods, per week (starting Monday) over long ones
        span = (dated[-1].date - dated[0].date).days
        weekly = span > 60
        buckets: dict[date, list[float]] = defaultdict(list)
        for f in dated:
            day = f.date.date()
            buckets[day - timedelta(days=day.weekday()) if weekly else day].append(f.score)
        starts = sorted(buckets)
        mean_label = labels["weekly_mean" if weekly else "daily_mean"]
        fig.add_trace(
            go.Scatter(
                x=[s.isoformat() for s in starts],
                y=[round(sum(buckets[s]) / len(buckets[s]), 1) for s in starts],
                mode="lines+markers",
                name=mean_label,
                line=dict(color="#888", width=2, dash="dot"),
                marker=dict(size=5, color="#888"),
                hovertemplate=f"{mean_label} %{{x|%Y-%m-%d}}: %{{y}}/100<extra></extra>",
            )
        )
    by_brand: dict[str, list] = defaultdict(list)
    for f in dated:
        by_brand[f.brand].append(f)
    for brand, files in sorted(by_brand.items()):
        fig.add_trace(
            go.Scatter(
                x=[f.date.date().isoformat() for f in files],
                y=[f.score for f in files],
                mode="markers",
                name=group_label(brand, labels),
                marker=dict(size=9, opacity=0.8),
                customdata=[[f.path, f.author] for f in files],
                hovertemplate="%{customdata[0]}<br>%{customdata[1]} · %{x|%Y-%m-%d}<br>%{y}/100<extra></extra>",
            )
        )
    xaxis: dict = dict(type="date", tickformat="%Y-%m-%d")
    if dated and (dated[-1].date - dated[0].date).days < 7:
        # a few days only: pad the axis so plotly does not zoom into hours
        first, last = dated[0].date.date(), dated[-1].date.date()
        xaxis["range"] = [(first - timedelta(days=3)).isoformat(), (last + timedelta(days=3)).isoformat()]
    return _layout(
        fig,
        data,
        showlegend=True,
        legend=dict(orientation="h", y=-0.2),
        xaxis=xaxis,
        yaxis=dict(range=[0, 105], title=labels["axis_score"]),
    )


def _by_author(data: ReportData, labels: dict[str, str]) -> go.Figure:
    scores: dict[str, list[float]] = defaultdict(list)
    for f in data.files:
        if f.author:
            scores[f.author].append(f.score)
    means = {a: round(sum(s) / len(s), 1) for a, s in scores.items()}
    counts = {a: len(s) for a, s in scores.items()}
    ordered = dict(sorted(means.items(), key=lambda kv: (kv[1], kv[0])))
    return _score_bars(data, ordered, counts, labels)


def build_charts(data: ReportData) -> list[tuple[str, str, go.Figure]]:
    """(id, title, figure) for every chart the data supports."""
    labels = labels_of(data.language)
    charts = [
        ("chart-distribution", labels["chart_distribution"], _distribution(data, labels)),
        ("chart-brand", labels["chart_brand"], _score_bars(data, data.brand_scores, data.brand_counts, labels)),
        ("chart-channel", labels["chart_channel"],
         _score_bars(data, data.channel_scores, data.channel_counts, labels, named_only=True)),
    ]
    if data.months:
        charts.append(("chart-month", labels["chart_month"], _by_month(data, labels)))
    if data.findings:
        rules = _stacked_levels(data, data.rule_counts, labels, data.rule_labels, TOP_RULES)
        charts.append(("chart-rules", labels["chart_rules"], rules))
        categories = _stacked_levels(data, data.category_counts, labels, data.category_labels)
        charts.append(("chart-categories", labels["chart_categories"], categories))
    if data.has_git:
        charts.append(("chart-time", labels["chart_time"], _over_time(data, labels)))
        charts.append(("chart-author", labels["chart_author"], _by_author(data, labels)))
    return charts


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["num"] = number
    env.filters["signed"] = signed
    env.filters["month"] = lambda value, language: _capitalised(month_name(value, language))
    env.filters["score_class"] = score_class
    env.filters["group"] = group_label
    return env


PRINT_WIDTH = 700  # CSS pixels of an A4 page's text width: charts for the PDF are drawn at it


def render_html(data: ReportData, title: str | None = None, for_print: bool = False) -> str:
    """The report page; `for_print` draws the charts at a page's width (the PDF: no window to fit)."""
    labels = labels_of(data.language)
    config = {**CHART_CONFIG, "responsive": False, "staticPlot": True} if for_print else CHART_CONFIG
    charts = []
    for chart_id, chart_title, fig in build_charts(data):
        if for_print:
            fig.update_layout(width=PRINT_WIDTH)
        html = pio.to_html(fig, full_html=False, include_plotlyjs=False, div_id=chart_id, config=config)
        charts.append((chart_id, chart_title, html))
    template_text = resources.files("brandvoice.client_report").joinpath("report.html.j2").read_text(encoding="utf-8")
    return _environment().from_string(template_text).render(
        data=data,
        t=labels,
        lang=data.language,
        title=title or labels["title"],
        summary=summary_sentences(data),
        training=[training_line(data, i) for i in range(len(data.training))],
        charts=charts,
        for_print=for_print,
        plotly_js=get_plotlyjs(),
        level_labels={"error": labels["error"], "warning": labels["warning"], "suggestion": labels["suggestion_level"]},
        filters={
            "brand": sorted({r.brand for r in data.findings}),
            "channel": sorted({r.channel for r in data.findings}),
            "level": [lvl for lvl in ("error", "warning", "suggestion") if any(r.level == lvl for r in data.findings)],
            "rule": sorted({r.rule for r in data.findings}, key=lambda r: (data.rule_labels.get(r, r).casefold(), r)),
        },
    )


def write_html(data: ReportData, path: Path, title: str | None = None) -> None:
    path.write_text(render_html(data, title), encoding="utf-8")
