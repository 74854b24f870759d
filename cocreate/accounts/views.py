"""Pages of the accounts package."""

from flask import Blueprint

bp = Blueprint("accounts", __name__)
