"""Bearer tokens: the API's only way in; it never looks at the session cookie."""

from flask import g, request
from flask_babel import gettext as _

from cocreate.accounts.services import user_for_token
from cocreate.api import bp
from cocreate.api.errors import AuthenticationRequired
from cocreate.extensions import db, login_manager


@bp.before_request
def _authenticate() -> None:
    """Find the account behind the Authorization header; refuse a token that is wrong."""
    user = None
    header = request.headers.get("Authorization")
    if header is not None:
        scheme, _space, secret = header.strip().partition(" ")
        secret = secret.strip()
        if scheme.lower() != "bearer" or not secret:
            raise AuthenticationRequired(
                _("Send tokenet som «Authorization: Bearer TOKEN»."),
                'Bearer error="invalid_request"',
            )
        user = user_for_token(secret)
        if user is None:
            raise AuthenticationRequired(
                _("API-tokenet er ugyldigt eller trukket tilbage."), 'Bearer error="invalid_token"'
            )
        db.session.commit()  # keeps when the token was last used, apart from the request's work
    g.api_user = user
    # Pin Flask-Login's current_user (used for the language) to the token's account, so
    # that nothing in this request falls back to the session cookie.
    login_manager._update_request_context_with_user(user)


def current_account():
    """The account that sent the request, or None when no token came with it."""
    return g.get("api_user")


def require_account():
    """The account that sent the request; 401 when no token came with it."""
    user = current_account()
    if user is None:
        raise AuthenticationRequired(_("Send et API-token: «Authorization: Bearer TOKEN»."))
    return user
