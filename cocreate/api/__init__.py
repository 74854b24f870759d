"""The JSON API under /api/v1."""

from flask import Blueprint

from cocreate.extensions import csrf

bp = Blueprint("api", __name__, url_prefix="/api/v1")
# Bearer tokens, never cookies, so there is no cross-site request to forge.
csrf.exempt(bp)

# The modules register their views and handlers on bp.
from cocreate.api import (  # noqa: E402
    auth,
    calls,
    comments,
    departments,
    errors,
    followup,
    moderation,
    openapi,
    panel,
    proposals,
    ratings,
    stats,
    supports,
    themes,
)

__all__ = [
    "auth",
    "bp",
    "calls",
    "comments",
    "departments",
    "errors",
    "followup",
    "moderation",
    "openapi",
    "panel",
    "proposals",
    "ratings",
    "stats",
    "supports",
    "themes",
]
