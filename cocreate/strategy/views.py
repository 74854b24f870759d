"""Pages of the strategy package."""

from flask import Blueprint

bp = Blueprint("strategy", __name__, url_prefix="/themes")
