"""Errors only the API gives; the app's handlers put every error in the contract's shape."""

from flask import jsonify

from cocreate.api import bp
from cocreate.core.errors import DomainError
from cocreate.core.web import error_payload


class AuthenticationRequired(DomainError):
    """No usable bearer token where an account is needed."""

    status = 401
    code = "unauthorized"

    def __init__(self, message: str, challenge: str = "Bearer"):
        super().__init__(message)
        self.challenge = challenge


class MalformedBody(DomainError):
    status = 400
    code = "bad_request"


class UnsupportedMediaType(DomainError):
    # 400 rather than 415: DESIGN.md promises integrations a fixed set of statuses.
    status = 400
    code = "unsupported_media_type"


@bp.errorhandler(AuthenticationRequired)
def _challenge(error: AuthenticationRequired):
    response = jsonify(error_payload(error.code, error.message))
    response.status_code = error.status
    response.headers["WWW-Authenticate"] = error.challenge
    return response
