"""Strategy themes (listThemes)."""

from flask import jsonify

from cocreate.api import bp
from cocreate.api.serializers import theme_data
from cocreate.strategy.queries import all_themes


@bp.get("/themes")
def list_themes():
    """List every theme, strategy by strategy, in the strategy's order (listThemes)."""
    return jsonify({"items": [theme_data(theme) for theme in all_themes()]})
