"""The words of a notification, written when it is read, in the reader's language."""

from dataclasses import dataclass
from datetime import date, datetime

from flask import url_for
from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from cocreate.moderation.models import RejectionReason
from cocreate.notifications.kinds import NotificationKind as Kind
from cocreate.notifications.models import Notification
from cocreate.proposals.models import Outcome

HEADLINES = {
    Kind.PROPOSAL_RECEIVED: _l("Vi har modtaget dit forslag «%(title)s»"),
    Kind.PROPOSAL_APPROVED: _l("Dit forslag «%(title)s» er godkendt og sendt til %(department)s"),
    Kind.CHANGES_REQUESTED: _l("Moderatoren beder om ændringer i «%(title)s»"),
    Kind.PROPOSAL_REJECTED: _l("Dit forslag «%(title)s» er afvist: %(reason)s"),
    Kind.PROPOSAL_TRANSFERRED: _l("«%(title)s» er flyttet til %(department)s"),
    Kind.PROPOSAL_ACKNOWLEDGED: _l("%(department)s er gået i gang med «%(title)s»"),
    Kind.PRELIMINARY_ANSWER: _l("Foreløbigt svar på «%(title)s»: %(outcome)s"),
    Kind.FINAL_ANSWER: _l("Svar på «%(title)s»: %(outcome)s"),
    Kind.PROPOSAL_IMPLEMENTED: _l("«%(title)s» er gennemført"),
    Kind.NEW_COMMENT: _l("%(name)s har kommenteret «%(title)s»"),
    Kind.THEME_PROPOSAL: _l("Nyt forslag i temaet %(theme)s: «%(title)s»"),
    Kind.COAUTHOR_INVITATION: _l("%(name)s inviterer dig som medforfatter på «%(title)s»"),
    Kind.ORGANISATION_VERIFIED: _l("%(organisation)s er verificeret"),
    Kind.PROPOSAL_ROUTED: _l("Nyt forslag til %(department)s: «%(title)s»"),
    Kind.SLA_DUE_SOON: _l("%(milestone)s for «%(title)s» udløber %(date)s"),
    Kind.SLA_OVERDUE: _l("%(milestone)s for «%(title)s» udløb %(date)s"),
    Kind.SLA_ESCALATED: _l("«%(title)s» i %(department)s er over fristen siden %(date)s"),
    Kind.PANEL_REQUEST: _l("Aktørpanelet bedes vurdere «%(title)s» senest %(date)s"),
    Kind.PANEL_REMINDER: _l("Husk at vurdere «%(title)s» senest %(date)s"),
}
DETAILS = {
    Kind.PRELIMINARY_ANSWER: _l("Du kan kommentere svaret indtil %(window_ends)s."),
    Kind.COAUTHOR_INVITATION: _l("Du kan sige ja eller nej tak på forslagets side."),
    Kind.PANEL_REQUEST: _l("Du finder anmodningen under Aktørpanel."),
}
MILESTONES = {"acknowledge": _l("Fristen for kvittering"), "answer": _l("Svarfristen")}


class _Blank(dict):
    """Format values where a missing one is shown as nothing rather than failing."""

    def __missing__(self, key):
        return ""


@dataclass(frozen=True)
class Message:
    headline: str
    detail: str
    # A note written by a person (moderator, department), quoted as they wrote it.
    note: str
    link: str | None


def _long_date(value: str) -> str:
    parsed = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    return format_date(parsed, "long")


def _values(notification: Notification) -> _Blank:
    params = notification.params or {}
    values = _Blank({key: value for key, value in params.items() if isinstance(value, str)})
    if notification.proposal is not None:
        values["title"] = notification.proposal.title
    if reason := params.get("reason_code"):
        values["reason"] = RejectionReason(reason).label
    if outcome := params.get("outcome"):
        values["outcome"] = Outcome(outcome).label
    if milestone := params.get("milestone"):
        values["milestone"] = str(MILESTONES[milestone])
    for key in ("date", "window_ends"):
        if params.get(key):
            values[key] = _long_date(params[key])
    return values


def _link(notification: Notification, external: bool) -> str | None:
    if notification.proposal_id is not None:
        return url_for("proposals.detail", proposal_id=notification.proposal_id, _external=external)
    if organisation_id := (notification.params or {}).get("organisation_id"):
        return url_for("organisations.detail", organisation_id=organisation_id, _external=external)
    return None


def describe(notification: Notification, external: bool = False) -> Message:
    """The headline, detail, quoted note and link of a notification, in the current locale."""
    values = _values(notification)
    detail = DETAILS.get(notification.kind)
    return Message(
        headline=str(HEADLINES[notification.kind]) % values,
        detail=str(detail) % values if detail else "",
        note=(notification.params or {}).get("note", ""),
        link=_link(notification, external),
    )
