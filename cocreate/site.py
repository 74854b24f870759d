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


def _entries(user) -> list[tuple[str, str, tuple[str, ...]]]:
    """(label, endpoint, endpoints that mark it current) for what the visitor may open.

    Each entry asks the predicate its pages ask, so the menu offers exactly what opens.
    """
    entries = [
        (_("Forside"), "proposals.home", ("proposals.home",)),
        (_("Forslag"), "proposals.index", ("proposals.index", "proposals.detail")),
        (_("Stil et forslag"), "proposals.new", ("proposals.new",)),
    ]
    if not user.is_authenticated:
        return entries
    entries.append((_("Mine forslag"), "proposals.mine", ("proposals.mine", "proposals.edit")))
    if can_moderate(user):
        entries.append((_("Moderation"), "moderation.queue", ("moderation.",)))
    if can_verify_organisation(user):
        entries.append(
            (_("Organisationer"), "organisations.verify_queue", ("organisations.verify_queue",))
        )
    if can_view_inbox(user):
        entries.append((_("Forvaltning"), "departments.index", ("departments.",)))
    if can_view_panel_requests(user):
        entries.append((_("Aktørpanel"), "panel.index", ("panel.",)))
    if is_admin(user):
        entries.append((_("Administration"), "admin.index", ("admin.",)))
    return entries


def main_menu() -> list[MenuItem]:
    """Menu entries for the current visitor, the one for the current page marked."""
    endpoint = request.endpoint or ""
    return [
        MenuItem(
            label,
            url_for(target),
            any(endpoint == m or (m.endswith(".") and endpoint.startswith(m)) for m in marks),
        )
        for label, target, marks in _entries(current_user)
    ]


def init_site(app: Flask) -> None:
    """Give every template the menu, the bell's count and the permission predicates."""
    app.jinja_env.globals.update(main_menu=main_menu, unread_count=unread_count, can=permissions)
