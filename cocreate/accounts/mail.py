"""The account's own e-mails (confirm the address, reset the password), sent through the outbox."""

import uuid

from flask import render_template
from flask_babel import lazy_gettext as _l

from cocreate.accounts.models import User
from cocreate.accounts.tokens import CONFIRM_MAX_AGE, RESET_MAX_AGE, make_token
from cocreate.core.mail import send_email, written_for
from cocreate.core.outbox import enqueue, job
from cocreate.core.web import public_url
from cocreate.extensions import db

CONFIRM, RESET = "confirm", "reset"
LINKS = {
    CONFIRM: ("accounts.confirm", CONFIRM_MAX_AGE, _l("Bekræft din e-mailadresse")),
    RESET: ("accounts.reset_password", RESET_MAX_AGE, _l("Vælg en ny adgangskode")),
}
SEND_LINK = "accounts.send_link"


def queue_link(user: User, purpose: str) -> None:
    """Send the account a signed link once the caller's transaction commits."""
    # The key names this one mail, so that a job run again after a crash sends it once.
    enqueue(SEND_LINK, {"user_id": user.id, "purpose": purpose, "key": uuid.uuid4().hex})


@job(SEND_LINK)
def send_link(payload: dict) -> None:
    """Write and send the link mail in the account's language (a job: takes ids)."""
    user = db.session.get(User, payload["user_id"])
    purpose = payload["purpose"]
    if user is None or purpose not in LINKS:
        return
    endpoint, max_age, subject = LINKS[purpose]
    with written_for(user):
        link = public_url(endpoint, token=make_token(purpose, user))
        context = {"user": user, "link": link, "hours": max_age // 3600}
        text = render_template(f"accounts/email/{purpose}.txt", **context)
        html = render_template(f"accounts/email/{purpose}.html", **context)
        key = payload.get("key")
        send_email(user.email, str(subject), text, html, key=f"account:{key}" if key else None)
