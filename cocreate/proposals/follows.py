"""Following proposals and themes: stored here, delivered by the notifications."""

from flask_babel import gettext as _
from sqlalchemy import Select, delete, select

from cocreate.core.errors import PermissionDenied
from cocreate.core.once import insert_once
from cocreate.core.permissions import is_account
from cocreate.extensions import db
from cocreate.proposals import permissions
from cocreate.proposals.models import Follow, Proposal
from cocreate.strategy.models import Strategy, Theme


def follow_proposal(proposal: Proposal, user) -> bool:
    """Follow a proposal the account may see; tell whether it was not followed before."""
    if not permissions.can_follow_proposal(user, proposal):
        _require_account(user)
        raise PermissionDenied(_("Du kan ikke følge dette forslag."))
    return follow_proposal_quietly(user, proposal)


def follow_proposal_quietly(user, proposal: Proposal) -> bool:
    """Make the account follow the proposal, without checks: for its authors and co-authors.

    Idempotent, so calling it for someone who already follows changes nothing.
    """
    return insert_once(Follow.__table__, user_id=user.id, proposal_id=proposal.id)


def unfollow_proposal(proposal: Proposal, user) -> bool:
    """Stop following a proposal; tell whether the account followed it."""
    _require_account(user)
    return _delete_follow(Follow.user_id == user.id, Follow.proposal_id == proposal.id)


def follow_theme(theme: Theme, user) -> bool:
    """Follow a theme; tell whether it was not followed before."""
    if not permissions.can_follow_theme(user):
        _require_account(user)
        raise PermissionDenied(_("Du kan ikke følge dette tema."))
    return insert_once(Follow.__table__, user_id=user.id, theme_id=theme.id)


def unfollow_theme(theme: Theme, user) -> bool:
    """Stop following a theme; tell whether the account followed it."""
    _require_account(user)
    return _delete_follow(Follow.user_id == user.id, Follow.theme_id == theme.id)


def _require_account(user) -> None:
    if not is_account(user):
        raise PermissionDenied(_("Log ind for at følge forslag og temaer."))


def _delete_follow(*conditions) -> bool:
    return db.session.execute(delete(Follow.__table__).where(*conditions)).rowcount == 1


def followed_theme_ids(user) -> set[int]:
    """The ids of the themes the account follows (none for a visitor), in one query."""
    if not is_account(user):
        return set()
    return set(
        db.session.scalars(
            select(Follow.theme_id).where(Follow.user_id == user.id, Follow.theme_id.is_not(None))
        )
    )


def followed_proposals(user) -> Select:
    """The proposals the account follows, latest followed first."""
    return (
        select(Proposal)
        .join(Follow, Follow.proposal_id == Proposal.id)
        .where(Follow.user_id == user.id)
        .order_by(Follow.created_at.desc(), Follow.id.desc())
    )


def followed_themes(user) -> list[Theme]:
    """The themes the account follows, in the strategies' order."""
    return list(
        db.session.scalars(
            select(Theme)
            .join(Follow, Follow.theme_id == Theme.id)
            .join(Strategy, Theme.strategy_id == Strategy.id)
            .where(Follow.user_id == user.id)
            .order_by(Strategy.id, Theme.position, Theme.id)
        )
    )
