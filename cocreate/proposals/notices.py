"""What proposals tell people: the settings groups about one's proposals and what one
follows, the audiences made of a proposal's people, and the kinds proposals cause.

Features above proposals announce about a proposal with `announce_about`, and use these
audiences and groups for the kinds they declare.
"""

from typing import Any

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import CompoundSelect, Select, select, union

from cocreate.notifications.events import announce
from cocreate.notifications.kinds import Delivery, SettingsGroup, notice_kind
from cocreate.proposals.models import CoauthorStatus, Follow, Proposal, ProposalCoauthor

YOUR_PROPOSALS = SettingsGroup(_l("Dine forslag"), order=10)
FOLLOWING = SettingsGroup(_l("Forslag og temaer, du følger"), order=20)


def announce_about(kind, source: str, proposal: Proposal, *, actor=None, **params) -> None:
    """Announce an event about the proposal; its title is kept as it is now."""
    announce(kind, source, actor=actor, proposal_id=proposal.id, title=proposal.title, **params)


def proposal_link(notification, external: bool, anchor: str | None = None) -> str | None:
    """The proposal's page (at anchor, when given), for a notification about it."""
    if notification.proposal_id is None:
        return None
    return url_for(
        "proposals.detail",
        proposal_id=notification.proposal_id,
        _anchor=anchor,
        _external=external,
    )


def _author_parts(proposal_id: int) -> tuple[Select, Select]:
    return (
        select(Proposal.author_id).where(Proposal.id == proposal_id),
        select(ProposalCoauthor.user_id).where(
            ProposalCoauthor.proposal_id == proposal_id,
            ProposalCoauthor.status == CoauthorStatus.ACCEPTED,
        ),
    )


def authors(payload: dict[str, Any]) -> CompoundSelect:
    """The proposal's author and the co-authors who accepted."""
    return union(*_author_parts(payload["proposal_id"]))


def followers(payload: dict[str, Any]) -> Select:
    return select(Follow.user_id).where(Follow.proposal_id == payload["proposal_id"])


def authors_and_followers(payload: dict[str, Any]) -> CompoundSelect:
    # One flat UNION: SQLite does not take a UNION nested in parentheses.
    return union(*_author_parts(payload["proposal_id"]), followers(payload))


def theme_followers(payload: dict[str, Any]) -> Select:
    return select(Follow.user_id).where(Follow.theme_id.in_(payload["theme_ids"]))


def invitee(payload: dict[str, Any]) -> Select:
    return select(ProposalCoauthor.user_id).where(
        ProposalCoauthor.id == payload["invitation_id"],
        ProposalCoauthor.status == CoauthorStatus.INVITED,
    )


PROPOSAL_RECEIVED = notice_kind(
    "proposal_received",
    order=1,
    label=_l("Kvittering, når du sender et forslag"),
    group=YOUR_PROPOSALS,
    audience=authors,
    headline=_l("Vi har modtaget dit forslag «%(title)s»"),
    receipt=True,
    link=proposal_link,
)
COAUTHOR_INVITATION = notice_kind(
    "coauthor_invitation",
    order=6,
    label=_l("Invitation til at være medforfatter"),
    group=YOUR_PROPOSALS,
    audience=invitee,
    headline=_l("%(name)s inviterer dig som medforfatter på «%(title)s»"),
    detail=_l("Du kan sige ja eller nej tak på forslagets side."),
    link=proposal_link,
)
NEW_COMMENT = notice_kind(
    "new_comment",
    order=5,
    label=_l("Ny kommentar på et forslag, du følger"),
    group=FOLLOWING,
    audience=followers,
    headline=_l("%(name)s har kommenteret «%(title)s»"),
    default=Delivery.DAILY,
    link=proposal_link,
)
THEME_PROPOSAL = notice_kind(
    "theme_proposal",
    order=6,
    label=_l("Nyt forslag i et tema, du følger"),
    group=FOLLOWING,
    audience=theme_followers,
    headline=_l("Nyt forslag i temaet %(theme)s: «%(title)s»"),
    default=Delivery.WEEKLY,
    link=proposal_link,
)
