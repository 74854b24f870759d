"""Site-wide hooks that know no feature: security headers, error pages, template helpers."""

from flask import Flask, current_app, jsonify, render_template, request, url_for
from flask_babel import format_date, format_decimal, format_time, get_translations
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError, generate_csrf
from jinja2 import pass_context
from markupsafe import Markup
from werkzeug.exceptions import HTTPException

from cocreate.core.errors import DomainError
from cocreate.core.months import format_month
from cocreate.core.pagination import page_numbers, page_url
from cocreate.core.tables import titled_cells
from cocreate.core.types import utcnow
from cocreate.extensions import db

# No inline scripts, handlers or style attributes anywhere: the policy says so.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def public_url(endpoint: str, **values) -> str:
    """An absolute link for e-mails, built on PUBLIC_URL rather than the request's host."""
    return current_app.config["PUBLIC_URL"] + url_for(endpoint, **values)


def wants_json() -> bool:
    return request.path.startswith("/api/")


def error_payload(code: str, message: str, fields: dict | None = None) -> dict:
    """The API's error shape (a contract, see DESIGN.md)."""
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


HTTP_MESSAGES = {
    400: ("bad_request", lambda: _("Forespørgslen kunne ikke forstås.")),
    401: ("unauthorized", lambda: _("Log ind for at fortsætte.")),
    403: ("forbidden", lambda: _("Du har ikke adgang til dette.")),
    404: ("not_found", lambda: _("Siden eller forslaget findes ikke.")),
    405: ("method_not_allowed", lambda: _("Den handling er ikke mulig her.")),
    409: ("conflict", lambda: _("Det kan ikke lade sig gøre i den nuværende tilstand.")),
    413: ("too_large", lambda: _("Det sendte er for stort.")),
    422: ("validation_failed", lambda: _("Nogle felter er ikke udfyldt rigtigt.")),
    429: ("rate_limited", lambda: _("For mange forsøg. Vent lidt, og prøv igen.")),
    500: ("server_error", lambda: _("Der skete en fejl hos os. Prøv igen om lidt.")),
}


def render_error(status: int, code: str, message: str, fields: dict | None = None):
    if wants_json():
        return jsonify(error_payload(code, message, fields)), status
    return render_template("error.html", status=status, message=message), status


def _handle_http(error: HTTPException):
    status = error.code or 500
    code, message = HTTP_MESSAGES.get(status, ("error", lambda: error.description or ""))
    body, status = render_error(status, code, message())
    # Keep what the exception says about the request, e.g. Allow on a 405.
    headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
    return body, status, headers


def _handle_domain(error: DomainError):
    return render_error(error.status, error.code, error.message, error.fields)


def _handle_csrf(error: CSRFError):
    message = _("Formularen er udløbet eller mangler sin sikkerhedsnøgle. Indlæs siden igen.")
    return render_error(400, "csrf_failed", message)


def _handle_unexpected(error: Exception):
    db.session.rollback()
    current_app.logger.exception("unhandled error on %s", request.path)
    return render_error(500, "server_error", HTTP_MESSAGES[500][1]())


def _refuse_nul_characters():
    """No database column stores a NUL; refuse such input before it reaches one.

    The API screens its own input, to name the offending field as its contract says.
    """
    if wants_json():
        return None
    values = [*request.args.values(), *request.form.values()]
    if any("\x00" in value for value in values):
        return render_error(400, "bad_request", _("Indholdet har tegn, der ikke er tilladt."))
    return None


def _security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response


def csrf_field() -> Markup:
    """The CSRF token as a hidden field without an id, so many forms can share a page."""
    return Markup('<input type="hidden" name="csrf_token" value="%s">') % generate_csrf()


def _request_helpers():
    from flask_babel import get_locale

    return {"now": utcnow(), "current_locale": str(get_locale() or "da")}


def _template_globals() -> dict:
    """Helpers that imported macros need too (they see globals, not the request context)."""
    return {"page_numbers": page_numbers, "page_url": page_url, "csrf_field": csrf_field}


def _format_moment(value) -> str:
    """Date and time in the reader's language and the municipality's time zone."""
    if not value:
        return ""
    return f"{format_date(value, 'medium')} {format_time(value, 'short')}"


def _number(value) -> str:
    """A count as the reader's language writes it: 12.345 in Danish, 12,345 in English."""
    return format_decimal(value)


@pass_context
def _ngettext(context, singular: str, plural: str, num: int, **variables) -> str:
    """Jinja's ngettext, with `%(num)s` written as the reader's language writes numbers.

    It replaces the one Flask-Babel installs and escapes as that one does.
    """
    variables.setdefault("num", _number(num))
    text = get_translations().ungettext(singular, plural, num)
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return text % variables


def init_web(app: Flask) -> None:
    """Install error handlers, headers and template helpers."""
    app.register_error_handler(HTTPException, _handle_http)
    app.register_error_handler(DomainError, _handle_domain)
    app.register_error_handler(CSRFError, _handle_csrf)
    if not app.testing:
        app.register_error_handler(Exception, _handle_unexpected)
    app.before_request(_refuse_nul_characters)
    app.after_request(_security_headers)
    app.context_processor(_request_helpers)
    app.jinja_env.globals.update(_template_globals())
    app.jinja_env.filters["datetime"] = _format_moment
    app.jinja_env.filters["titled_cells"] = titled_cells
    app.jinja_env.filters["number"] = _number
    app.jinja_env.globals["ngettext"] = _ngettext
    app.jinja_env.filters["date"] = lambda value: format_date(value, "medium") if value else ""
    app.jinja_env.filters["month"] = lambda value: format_month(value) if value else ""
