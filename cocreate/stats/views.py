"""The stats blueprint; its pages live in the modules imported at the end."""

from flask import Blueprint

bp = Blueprint("stats", __name__)
