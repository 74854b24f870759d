"""Pages of the proposals package."""

from flask import Blueprint

bp = Blueprint("proposals", __name__)
