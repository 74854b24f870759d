"""Conflicts of interest: who may not review a proposal, and why."""

import enum
from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import exists, or_, select

from cocreate.accounts.models import OrganisationMembership
from cocreate.panel.models import ConflictSource, PanelConflict
from cocreate.proposals.models import CoauthorStatus, Proposal, ProposalCoauthor


class ConflictKind(enum.StrEnum):
    AUTHOR = "author"
    COAUTHOR = "coauthor"
    ORGANISATION = "organisation"
    # Recorded by the rule when the panel was asked, though the rule no longer finds it.
    RECORDED = "recorded"
    DECLARED = "declared"


# What the rule finds by itself; these are recorded when the panel is asked.
RULE_KINDS = frozenset({ConflictKind.AUTHOR, ConflictKind.COAUTHOR, ConflictKind.ORGANISATION})

CONFLICT_LABELS = {
    ConflictKind.AUTHOR: _l("Forfatter til forslaget"),
    ConflictKind.COAUTHOR: _l("Medforfatter til forslaget"),
    ConflictKind.ORGANISATION: _l("Medlem af eller repræsentant for organisationen bag forslaget"),
    ConflictKind.RECORDED: _l("Registreret som inhabil, da panelet blev bedt om en vurdering"),
    ConflictKind.DECLARED: _l("Har selv erklæret sig inhabil"),
}


@dataclass(frozen=True)
class Conflict:
    """Why a member may not review a proposal."""

    kind: ConflictKind
    reason: str = ""
    organisation: str = ""

    @property
    def label(self) -> str:
        return str(CONFLICT_LABELS[self.kind])

    @property
    def explanation(self) -> str:
        """The conflict as a sentence the member reads."""
        if self.kind == ConflictKind.AUTHOR:
            return _("Du er forfatter til forslaget.")
        if self.kind == ConflictKind.COAUTHOR:
            return _("Du er medforfatter til forslaget.")
        if self.kind == ConflictKind.ORGANISATION:
            return _(
                "Du er medlem af eller repræsenterer %(name)s, som står bag forslaget.",
                name=self.organisation,
            )
        if self.kind == ConflictKind.RECORDED:
            return _(
                "Du blev registreret som inhabil, da aktørpanelet blev bedt om at vurdere "
                "forslaget: %(reason)s",
                reason=self.reason,
            )
        if self.reason:
            return _("Du har erklæret dig inhabil: %(reason)s", reason=self.reason)
        return _("Du har erklæret dig inhabil.")


def conflict_columns(member) -> tuple:
    """SQL, correlated to Proposal, telling whether the member has a conflict with it.

    The one statement of the rule: the author, an accepted co-author, whoever belongs to
    or holds a seat for the proposing organisation, and whoever has a conflict recorded
    (by the rule when the panel was asked, or declared), do not review. An invitation
    the member has not accepted is no conflict: otherwise an author could silence a
    critical reviewer by inviting them (accepting after reviewing is refused instead).
    `member` is a PanelMember, or the PanelMember class to correlate to its rows.
    """
    # One row at most: an account is invited to a proposal once.
    coauthor = select(ProposalCoauthor.status).where(
        ProposalCoauthor.proposal_id == Proposal.id,
        ProposalCoauthor.user_id == member.user_id,
        ProposalCoauthor.status == CoauthorStatus.ACCEPTED,
    )
    organisation = exists().where(
        OrganisationMembership.organisation_id == Proposal.organisation_id,
        OrganisationMembership.user_id == member.user_id,
        OrganisationMembership.accepted_at.is_not(None),
    )
    if member.organisation_id is not None:
        organisation = or_(organisation, Proposal.organisation_id == member.organisation_id)
    recorded = PanelConflict.proposal_id == Proposal.id, PanelConflict.member_id == member.id
    return (
        (Proposal.author_id == member.user_id).label("is_author"),
        coauthor.scalar_subquery().label("coauthor_status"),
        organisation.label("is_organisation_member"),
        # The source is never NULL, so NULL here means no conflict was recorded.
        select(PanelConflict.source).where(*recorded).scalar_subquery().label("recorded_source"),
        select(PanelConflict.reason).where(*recorded).scalar_subquery().label("recorded_reason"),
    )


def conflict_of(row, proposal: Proposal) -> Conflict | None:
    """Read the conflict_columns of a result row; the proposal names its organisation."""
    if row.is_author:
        return Conflict(ConflictKind.AUTHOR)
    if row.coauthor_status == CoauthorStatus.ACCEPTED:
        return Conflict(ConflictKind.COAUTHOR)
    if row.is_organisation_member:
        name = proposal.organisation.name if proposal.organisation is not None else ""
        return Conflict(ConflictKind.ORGANISATION, organisation=name)
    if row.recorded_source == ConflictSource.AUTOMATIC:
        return Conflict(ConflictKind.RECORDED, reason=row.recorded_reason)
    if row.recorded_source == ConflictSource.DECLARED:
        return Conflict(ConflictKind.DECLARED, reason=row.recorded_reason)
    return None
