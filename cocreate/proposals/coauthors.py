"""Co-authors: the author invites existing accounts, who accept or decline; and who is shown."""

from collections.abc import Callable

from flask_babel import gettext as _
from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from cocreate.accounts.services import find_user_by_email
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.core.types import utcnow
from cocreate.core.validation import flush_unique
from cocreate.extensions import db
from cocreate.proposals import permissions
from cocreate.proposals.follows import follow_proposal_quietly
from cocreate.proposals.models import CoauthorStatus, Proposal, ProposalCoauthor
from cocreate.proposals.notices import COAUTHOR_INVITATION, announce_about
from cocreate.proposals.page import page_part


def _refuse_email(message: str):
    raise ValidationFailed(message, {"email": message})


def _already(status: CoauthorStatus, name: str) -> str:
    if status == CoauthorStatus.ACCEPTED:
        return _("%(name)s er allerede medforfatter.", name=name)
    if status == CoauthorStatus.DECLINED:
        return _("%(name)s har takket nej til at skrive med på forslaget.", name=name)
    return _("%(name)s er allerede inviteret.", name=name)


def _not_open(proposal: Proposal) -> TransitionNotAllowed:
    return TransitionNotAllowed(
        _(
            "Forslaget har status «%(status)s» og kan ikke få flere medforfattere.",
            status=proposal.status.label,
        )
    )


def invite_coauthor(proposal: Proposal, actor, email: str) -> ProposalCoauthor:
    """Invite the account with this e-mail address to write the proposal with its author."""
    if not permissions.can_invite_coauthors(actor, proposal):
        if permissions.is_author(actor, proposal):
            raise _not_open(proposal)
        raise PermissionDenied(_("Kun forfatteren kan invitere medforfattere."))
    email = (email or "").strip()
    if not email:
        _refuse_email(_("Skriv e-mailadressen på den, du vil invitere."))
    invitee = find_user_by_email(email)
    if invitee is None or not invitee.is_active:
        _refuse_email(_("Der findes ingen konto med e-mailadressen %(email)s.", email=email))
    if invitee.id == actor.id:
        _refuse_email(_("Du er selv forfatter til forslaget."))
    if (status := permissions.coauthor_status(invitee, proposal)) is not None:
        _refuse_email(_already(status, invitee.name))
    invitation = ProposalCoauthor(user=invitee, invited_by_id=actor.id)
    proposal.coauthors.append(invitation)
    flush_unique("email", _already(CoauthorStatus.INVITED, invitee.name))
    announce_about(
        COAUTHOR_INVITATION,
        f"invitation:{invitation.id}",
        proposal,
        actor=actor,
        invitation_id=invitation.id,
        name=actor.name,
    )
    return invitation


# Other features' reasons why an account may not join a proposal as co-author, each a
# function (user, proposal) -> refusal or None; the panel keeps its reviewers impartial.
Objection = Callable[[object, Proposal], str | None]
OBJECTIONS: list[Objection] = []


def coauthor_objection(objection: Objection) -> Objection:
    """Register a reason to refuse an account as co-author of a proposal."""
    OBJECTIONS.append(objection)
    return objection


def _invitation_of(proposal: Proposal, actor) -> ProposalCoauthor:
    """The actor's open invitation to the proposal; refuse if there is none to answer."""
    if not permissions.can_answer_invitation(actor, proposal):
        if permissions.coauthor_status(actor, proposal) == CoauthorStatus.INVITED:
            raise _not_open(proposal)
        raise PermissionDenied(_("Du har ingen åben invitation til dette forslag."))
    return next(c for c in proposal.coauthors if c.user_id == actor.id)


def accept_invitation(proposal: Proposal, actor) -> ProposalCoauthor:
    """Become a co-author, who edits while the author may, and follow the proposal."""
    invitation = _invitation_of(proposal, actor)
    for objection in OBJECTIONS:
        if (refusal := objection(actor, proposal)) is not None:
            raise TransitionNotAllowed(refusal)
    invitation.status = CoauthorStatus.ACCEPTED
    invitation.responded_at = utcnow()
    db.session.flush()
    follow_proposal_quietly(actor, proposal)
    return invitation


def decline_invitation(proposal: Proposal, actor) -> ProposalCoauthor:
    """Say no to writing on the proposal; the author sees the answer."""
    invitation = _invitation_of(proposal, actor)
    invitation.status = CoauthorStatus.DECLINED
    invitation.responded_at = utcnow()
    db.session.flush()
    return invitation


def invited_to(user) -> Select:
    """Proposals the account is invited to co-author and has not answered, newest first."""
    return _coauthored(user, CoauthorStatus.INVITED)


def coauthored_by(user) -> Select:
    """Proposals the account writes as an accepted co-author, newest first."""
    return _coauthored(user, CoauthorStatus.ACCEPTED)


def _coauthored(user, status: CoauthorStatus) -> Select:
    return (
        select(Proposal)
        .join(ProposalCoauthor, ProposalCoauthor.proposal_id == Proposal.id)
        .options(selectinload(Proposal.theme_links), selectinload(Proposal.coauthors))
        .where(ProposalCoauthor.user_id == user.id, ProposalCoauthor.status == status)
        .order_by(ProposalCoauthor.created_at.desc(), ProposalCoauthor.id.desc())
    )


@page_part
def people_context(proposal, viewer) -> dict:
    """Template context for the proposal page, in a fixed number of queries."""
    return {
        "coauthors": [c for c in proposal.coauthors if c.status == CoauthorStatus.ACCEPTED],
        "invitation_open": permissions.can_answer_invitation(viewer, proposal),
    }
