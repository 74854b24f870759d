"""Assembling the site from its features: the main menu and the helpers every template has."""

from dataclasses import dataclass

from flask import Flask, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from cocreate import permissions
from cocreate.accounts.permissions import can_verify_organisation
from cocreate.admin.permissions import is_admin
from cocreate.departments.permissions import can_view_inbox
from cocreate.moderation.permissions import can_moderate
from cocreate.notifications.inbox import unread_count
from cocreate.panel.permissions import can_view_panel_requests


@dataclass(frozen=True)
class MenuItem:
    label: str
    href: str
    current: bool


def _department_address(user) -> str:
    """Staff of one department go straight to its inbox; others choose among departments."""
    own = [membership.department for membership in user.memberships]
    if len(own) == 1:
        return url_for("departments.inbox", slug=own[0].slug)
    return url_for("departments.index")


def _entries(user) -> list[tuple[str, str, tuple[str, ...]]]:
    """(label, address, endpoints that mark it current) for what the visitor may open.

    Each entry asks the predicate its pages ask, so the menu offers exactly what opens.
    """
    entries = [
        (_("Forside"), url_for("proposals.home"), ("proposals.home",)),
        (_("Forslag"), url_for("proposals.index"), ("proposals.index", "proposals.detail")),
        (_("Indkaldelser"), url_for("calls.index"), ("calls.",)),
        (_("Temaer"), url_for("proposals.themes"), ("proposals.themes",)),
        (_("Barometer"), url_for("stats.barometer_page"), ("stats.barometer_page",)),
        (_("Stil et forslag"), url_for("proposals.new"), ("proposals.new",)),
    ]
    if not user.is_authenticated:
        return entries
    entries.append(
        (_("Mine forslag"), url_for("proposals.mine"), ("proposals.mine", "proposals.edit"))
    )
    if can_moderate(user):
        entries.append((_("Moderation"), url_for("moderation.queue"), ("moderation.",)))
    if can_verify_organisation(user):
        entries.append(
            (
                _("Organisationer"),
                url_for("organisations.verify_queue"),
                ("organisations.verify_queue",),
            )
        )
    if can_view_inbox(user):
        entries.append((_("Forvaltning"), _department_address(user), ("departments.",)))
    if can_view_panel_requests(user):
        entries.append((_("Aktørpanel"), url_for("panel.index"), ("panel.",)))
    if is_admin(user):
        entries.append((_("Administration"), url_for("admin.index"), ("admin.",)))
    return entries


def main_menu() -> list[MenuItem]:
    """Menu entries for the current visitor, the one for the current page marked."""
    endpoint = request.endpoint or ""
    return [
        MenuItem(
            label,
            href,
            any(endpoint == m or (m.endswith(".") and endpoint.startswith(m)) for m in marks),
        )
        for label, href, marks in _entries(current_user)
    ]


def init_site(app: Flask) -> None:
    """Give every template the menu, the bell's count and the permission predicates."""
    app.jinja_env.globals.update(main_menu=main_menu, unread_count=unread_count, can=permissions)
