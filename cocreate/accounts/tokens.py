"""Signed links for e-mail confirmation and password reset."""

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

CONFIRM_MAX_AGE = 7 * 24 * 3600
RESET_MAX_AGE = 2 * 3600


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"cocreate.{purpose}")


def make_token(purpose: str, user) -> str:
    """Sign the account id and session version; a password change voids the link."""
    return _serializer(purpose).dumps([user.id, user.session_version])


def read_token(purpose: str, token: str, max_age: int) -> tuple[int, int] | None:
    """Return (user id, session version) from a valid link, or None."""
    try:
        user_id, version = _serializer(purpose).loads(token, max_age=max_age)
    except (BadSignature, SignatureExpired, ValueError, TypeError):
        return None
    if not isinstance(user_id, int) or not isinstance(version, int):
        return None
    return user_id, version
