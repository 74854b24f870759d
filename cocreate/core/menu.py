"""The main menu: what the visitor's roles open, with the current page marked."""

from dataclasses import dataclass

from flask import request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from cocreate.accounts.roles import Role


@dataclass(frozen=True)
class MenuItem:
    label: str
    href: str
    current: bool


def main_menu() -> list[MenuItem]:
    """Menu entries for the current visitor."""
    entries = [
        (_("Forside"), "proposals.home", ("proposals.home",)),
        (_("Forslag"), "proposals.index", ("proposals.index", "proposals.detail")),
        (_("Stil et forslag"), "proposals.new", ("proposals.new",)),
    ]
    if current_user.is_authenticated:
        entries.append((_("Mine forslag"), "proposals.mine", ("proposals.mine", "proposals.edit")))
        roles = current_user.roles
        if Role.MODERATOR in roles:
            entries.append(
                (
                    _("Moderation"),
                    "moderation.queue",
                    ("moderation.queue", "moderation.decide", "moderation.flag_queue"),
                )
            )
        if roles & {Role.MODERATOR, Role.ADMIN}:
            entries.append(
                (
                    _("Organisationer"),
                    "organisations.verify_queue",
                    ("organisations.verify_queue",),
                )
            )
        if Role.DEPARTMENT_STAFF in roles:
            entries.append(
                (_("Forvaltning"), "departments.index", ("departments.index", "departments.inbox"))
            )
        if roles & {Role.PANEL_MEMBER, Role.ADMIN}:
            entries.append((_("Aktørpanel"), "panel.index", ("panel.",)))
        if Role.ADMIN in roles:
            entries.append((_("Administration"), "admin.index", ("admin.",)))
    endpoint = request.endpoint or ""
    return [
        MenuItem(
            label,
            url_for(target),
            any(endpoint == m or (m.endswith(".") and endpoint.startswith(m)) for m in marks),
        )
        for label, target, marks in entries
    ]
