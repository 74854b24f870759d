"""The stats blueprint; its pages live in the modules imported at the end."""

from flask import Blueprint

bp = Blueprint("stats", __name__)


# The barometer and the open data register their routes on bp.
from cocreate.stats import barometer_views, open_data_views  # noqa: E402, F401
