"""Sending e-mail: SMTP when MAIL_SERVER is set, else .eml files in instance/outbox/.

A message sent with a `key` (one event for one recipient) gets a Message-ID and, on the
embedded default, a file name derived from that key: a job that runs twice after a crash
writes the same file again, and mail servers that see the same Message-ID twice can drop
the second copy.
"""

import hashlib
import smtplib
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from flask import current_app
from flask_babel import force_locale

MAIL_DOMAIN = "cocreate.local"


@contextmanager
def written_for(user) -> Iterator[None]:
    """Render a mail for one account: its language, and links on PUBLIC_URL.

    Jobs run outside any request, so this builds one on PUBLIC_URL for url_for and the
    templates.
    """
    with (
        current_app.test_request_context(base_url=current_app.config["PUBLIC_URL"]),
        force_locale(user.language),
    ):
        yield


def _message_name(key: str | None) -> str:
    if key is None:
        return uuid.uuid4().hex
    return hashlib.sha256(key.encode()).hexdigest()[:40]


def send_email(
    to: str,
    subject: str,
    text: str,
    html: str | None = None,
    *,
    key: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> None:
    """Deliver one plain-text message, with an optional HTML alternative, now; raises when
    the mail server refuses or times out."""
    config = current_app.config
    message = EmailMessage()
    message["From"] = config["MAIL_DEFAULT_SENDER"]
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    if key is None:
        message["Message-ID"] = make_msgid(domain=MAIL_DOMAIN)
    else:
        message["Message-ID"] = f"<{_message_name(key)}@{MAIL_DOMAIN}>"
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(text)
    if html:
        message.add_alternative(html, subtype="html")
    if not config["MAIL_SERVER"]:
        outbox = Path(config["MAIL_OUTBOX_DIR"])
        outbox.mkdir(parents=True, exist_ok=True)
        (outbox / f"{_message_name(key)}.eml").write_bytes(bytes(message))
        return
    timeout = config.get("MAIL_TIMEOUT", 30)
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=timeout) as smtp:
        if config["MAIL_USE_TLS"]:
            smtp.starttls()
        if config["MAIL_USERNAME"]:
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
        smtp.send_message(message)
