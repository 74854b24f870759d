"""Flask-Login wiring: sessions carry the account id and its session version."""

from flask import Flask
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from cocreate.extensions import db, login_manager


def init_login(app: Flask) -> None:
    login_manager.login_view = "accounts.login"
    login_manager.login_message = _l("Log ind for at fortsætte.")
    login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(session_id: str):
    from cocreate.accounts.models import User

    user_id, _, version = session_id.partition(":")
    if not user_id.isdigit() or not version.isdigit():
        return None
    user = db.session.get(
        User,
        int(user_id),
        options=[selectinload(User.role_grants), selectinload(User.memberships)],
    )
    if user is None or user.session_version != int(version) or not user.is_active:
        return None
    return user
