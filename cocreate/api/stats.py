"""The barometer's figures (getStats)."""

from flask import jsonify, request
from flask_babel import gettext as _

from cocreate.api import bp
from cocreate.core.errors import DomainError
from cocreate.stats.filters import read_filters
from cocreate.stats.kept import cached_barometer


@bp.get("/stats")
def get_stats():
    """The barometer's figures by theme and department for a period (getStats)."""
    filters, errors = read_filters(request.args)
    if errors:
        # 400, as the issue asks for a period or filter that cannot be read.
        raise DomainError(_("Perioden eller filtrene kan ikke bruges."), errors)
    return jsonify(cached_barometer(filters.period, filters.theme, filters.department).data())
