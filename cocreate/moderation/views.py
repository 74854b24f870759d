"""Pages of the moderation package."""

from flask import Blueprint

bp = Blueprint("moderation", __name__, url_prefix="/moderation")
