"""The public barometer page."""

from flask import render_template, request
from flask_babel import gettext as _

from cocreate.stats.barometer import MIN_CASES
from cocreate.stats.charts import Chart
from cocreate.stats.filters import read_filters
from cocreate.stats.kept import cached_barometer
from cocreate.stats.views import bp
from cocreate.strategy.queries import all_departments, all_themes


@bp.get("/barometer")
def barometer_page():
    """Per theme and department: what came in, what was answered, how fast."""
    filters, errors = read_filters(request.args)
    figures = cached_barometer(filters.period, filters.theme, filters.department)
    trend = [(month[2:], count) for month, count in figures.total.trend]
    chart = Chart(
        "trend",
        _("Modtagne forslag pr. måned"),
        _("Søjler med antal modtagne forslag pr. måned; tallene står i tabellen under."),
        trend,
    )
    return render_template(
        "stats/barometer.html",
        figures=figures,
        chart=chart,
        errors=errors,
        args=request.args,
        min_cases=MIN_CASES,
        themes=all_themes(),
        departments=all_departments(),
    )
