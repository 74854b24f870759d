"""Strategy themes (listThemes)."""

from flask import jsonify
from sqlalchemy import select

from cocreate.api import bp
from cocreate.api.serializers import theme_data
from cocreate.extensions import db
from cocreate.strategy.models import Theme


@bp.get("/themes")
def list_themes():
    """List every theme, strategy by strategy, in the strategy's order (listThemes)."""
    themes = db.session.scalars(select(Theme).order_by(Theme.strategy_id, Theme.position, Theme.id))
    return jsonify({"items": [theme_data(theme) for theme in themes]})
