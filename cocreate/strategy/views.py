"""The strategies and their themes."""

from flask import Blueprint, render_template

from cocreate.strategy.queries import all_strategies

bp = Blueprint("strategy", __name__, url_prefix="/themes")


@bp.get("")
def index():
    return render_template("strategy/index.html", strategies=all_strategies())
