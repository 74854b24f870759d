"""The audit log in plain words: what was changed, on which named thing, from what to what.

Entries store codes and ids (`status: under_review`, `department_id: 1`) so that they stay
true whatever is renamed later; this module tells them in the reader's language, with
names instead of ids, and leaves out what was empty.
"""

from dataclasses import dataclass
from datetime import date, datetime

from flask import url_for
from flask_babel import format_date, format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from cocreate.accounts.models import Organisation, OrganisationKind, User
from cocreate.accounts.roles import Role
from cocreate.calls.models import Call
from cocreate.core.audit import AuditEntry
from cocreate.extensions import db
from cocreate.moderation.models import Decision, RejectionReason
from cocreate.panel.models import PanelMember, SeatType
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import Comment, Outcome, Proposal
from cocreate.strategy.models import Department, Strategy, Theme

FIELD_LABELS = {
    "acknowledge_days": _l("Dage til kvittering"),
    "active": _l("Aktiv"),
    "answer_days": _l("Dage til svar"),
    "answer_due_at": _l("Svarfrist"),
    "answers_by": _l("Svar senest"),
    "attempts": _l("Forsøg"),
    "closes_at": _l("Lukker"),
    "cost_estimate": _l("Anslået pris"),
    "cvr": _l("CVR-nummer"),
    "decision": _l("Afgørelse"),
    "department_id": _l("Forvaltning"),
    "done_on": _l("Nået den"),
    "description": _l("Beskrivelse"),
    "description_en": _l("Beskrivelse på engelsk"),
    "due_date": _l("Frist"),
    "flag_count": _l("Anmeldelser"),
    "hidden": _l("Skjult"),
    "hidden_at": _l("Skjult"),
    "job": _l("Job"),
    "kind": _l("Type"),
    "milestone": _l("Milepæl"),
    "message": _l("Med besked"),
    "name": _l("Navn"),
    "name_en": _l("Navn på engelsk"),
    "is_head": _l("Leder"),
    "note": _l("Note"),
    "opens_at": _l("Åbner"),
    "organisation_id": _l("Organisation"),
    "original_id": _l("Nr. på forslaget, det gentager"),
    "outcome": _l("Udfald"),
    "period": _l("Periode"),
    "planned_from": _l("Planlagt fra"),
    "planned_on": _l("Planlagt dato"),
    "planned_to": _l("Planlagt til"),
    "position": _l("Plads i rækkefølgen"),
    "preliminary": _l("Foreløbigt svar"),
    "published": _l("Offentliggjort"),
    "reason": _l("Begrundelse"),
    "removed_at": _l("Fjernet"),
    "roles": _l("Roller"),
    "seat_type": _l("Type plads"),
    "slug": _l("Adressenavn"),
    "status": _l("Status"),
    "strategy_id": _l("Strategi"),
    "theme_ids": _l("Temaer"),
    "title": _l("Navn"),
    "title_en": _l("Navn på engelsk"),
    "user_id": _l("Konto"),
    "verified": _l("Verificeret"),
}
# Codes stored by their enum's value, told by its label.
CODED = {
    "decision": Decision,
    "kind": OrganisationKind,
    "outcome": Outcome,
    "seat_type": SeatType,
    "status": ProposalStatus,
}
# Ids stored as references, told by the name of what they refer to.
NAMED = {
    "department_id": Department,
    "organisation_id": Organisation,
    "strategy_id": Strategy,
    "user_id": User,
}
# The subjects named by the model they are, beside the ids their entries name.
NAMED_SUBJECTS = {
    "user_account": User,
    "organisation": Organisation,
    "department": Department,
    "strategy": Strategy,
    "theme": Theme,
}


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str
    # Whether the entry says what the value became (an empty one: it was removed).
    after_told: bool = True


@dataclass(frozen=True)
class AuditRow:
    entry: AuditEntry
    subject: str
    href: str | None
    changes: list[Change]


def audit_rows(entries: list[AuditEntry]) -> list[AuditRow]:
    """The page's entries told in words, their names read in a few queries."""
    names = _Names(entries)
    return [AuditRow(entry, *names.subject(entry), _changes(entry, names)) for entry in entries]


def _changes(entry: AuditEntry, names: "_Names") -> list[Change]:
    before, after = entry.before or {}, entry.after or {}
    changes = []
    for key in [*before, *(key for key in after if key not in before)]:
        old, new = names.value(key, before.get(key)), names.value(key, after.get(key))
        if old or new:
            changes.append(Change(str(FIELD_LABELS.get(key, key)), old, new, key in after))
    return changes


class _Names:
    """The names of what a page of entries refers to, read once for the page."""

    def __init__(self, entries: list[AuditEntry]):
        wanted: dict[type, set[int]] = {model: set() for model in NAMED_SUBJECTS.values()}
        subjects: dict[str, set[int]] = {}
        for entry in entries:
            subjects.setdefault(entry.subject_type, set()).add(entry.subject_id)
            for data in (entry.before or {}, entry.after or {}):
                for key, model in NAMED.items():
                    if isinstance(data.get(key), int):
                        wanted[model].add(data[key])
                wanted[Theme] |= {i for i in data.get("theme_ids") or () if isinstance(i, int)}
        for kind, model in NAMED_SUBJECTS.items():
            wanted[model] |= subjects.get(kind, set())
        self.names = {model: _names_of(model, ids) for model, ids in wanted.items()}
        self.proposals = _proposal_titles(subjects.get("proposal", set()))
        self.calls = _call_titles(subjects.get("call", set()))
        self.comments = _commented_proposals(subjects.get("comment", set()))
        self.members = dict(
            db.session.execute(
                select(PanelMember.id, User.name)
                .join(User, User.id == PanelMember.user_id)
                .where(PanelMember.id.in_(subjects.get("panel_member", set())))
            ).all()
        )

    def value(self, key: str, value) -> str:
        """One stored value in words; empty values are told as nothing."""
        if value is None or value == "" or value == []:
            return ""
        if key in NAMED and isinstance(value, int):
            return self.names[NAMED[key]].get(value, _("(slettet)"))
        if key in CODED and value in set(CODED[key]):
            return CODED[key](value).label
        if key == "reason" and value in set(RejectionReason):
            return RejectionReason(value).label
        if key == "theme_ids" and isinstance(value, list):
            return ", ".join(self.names[Theme].get(i, _("(slettet)")) for i in value)
        if key == "roles":
            return ", ".join(Role(role).label for role in value if role in set(Role))
        if isinstance(value, bool):
            return _("Ja") if value else _("Nej")
        return _moment(value) if isinstance(value, str) else str(value)

    def subject(self, entry: AuditEntry) -> tuple[str, str | None]:
        """What the entry is about, by name, and its page where it has one."""
        kind, number = entry.subject_type, entry.subject_id
        if kind == "proposal":
            title = self.proposals.get(number, _("(slettet)"))
            href = url_for("proposals.detail", proposal_id=number)
            return _("Forslaget «%(title)s»", title=title), href
        if kind == "call":
            title = self.calls.get(number, _("(slettet)"))
            href = url_for("calls.detail", call_id=number)
            return _("Indkaldelsen «%(title)s»", title=title), href
        if kind == "comment":
            proposal_id, title = self.comments.get(number, (None, _("(slettet)")))
            href = url_for("proposals.detail", proposal_id=proposal_id) if proposal_id else None
            return _("En kommentar til «%(title)s»", title=title), href
        if kind == "user_account":
            name = self.names[User].get(number, _("(slettet)"))
            return _("Kontoen %(name)s", name=name), url_for("admin.user", user_id=number)
        if kind == "organisation":
            name = self.names[Organisation].get(number, _("(slettet)"))
            href = url_for("organisations.detail", organisation_id=number)
            return _("Organisationen %(name)s", name=name), href
        if kind == "panel_member":
            name = self.members.get(number, _("(slettet)"))
            return _("Aktørpanelets medlem %(name)s", name=name), None
        if kind == "department":
            name = self.names[Department].get(number, _("(slettet)"))
            return _("Forvaltningen %(name)s", name=name), url_for(
                "admin.department", department_id=number
            )
        if kind == "strategy":
            name = self.names[Strategy].get(number, _("(slettet)"))
            href = url_for("admin.edit_strategy", strategy_id=number)
            return _("Strategien %(name)s", name=name), href
        if kind == "theme":
            name = self.names[Theme].get(number, _("(slettet)"))
            return _("Temaet %(name)s", name=name), url_for("admin.edit_theme", theme_id=number)
        return _("Baggrundsjob nr. %(number)d", number=number), None


def _names_of(model, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    column = _name_column(model)
    return dict(db.session.execute(select(model.id, column).where(model.id.in_(ids))).all())


def _name_column(model):
    """What a row is named by: the municipality's own in the reader's language, people and
    organisations by their own name."""
    if model is Department:
        return Department.display_name
    if model in (Strategy, Theme):
        return model.display_title
    return model.name


def _proposal_titles(ids: set[int]) -> dict[int, str]:
    rows = select(Proposal.id, Proposal.title).where(Proposal.id.in_(ids))
    return dict(db.session.execute(rows).all()) if ids else {}


def _call_titles(ids: set[int]) -> dict[int, str]:
    rows = select(Call.id, Call.title).where(Call.id.in_(ids))
    return dict(db.session.execute(rows).all()) if ids else {}


def _commented_proposals(ids: set[int]) -> dict[int, tuple[int, str]]:
    """For each comment, the id and title of the proposal it is on."""
    rows = (
        select(Comment.id, Proposal.id, Proposal.title)
        .join(Proposal, Proposal.id == Comment.proposal_id)
        .where(Comment.id.in_(ids))
    )
    return {comment: (proposal, title) for comment, proposal, title in db.session.execute(rows)}


def _moment(text: str) -> str:
    """An ISO date or time as the reader writes it; other text as it is."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    if len(text) == 10:
        return format_date(date.fromisoformat(text), "medium")
    return format_datetime(moment, "medium")
