"""Organisations: registering one, inviting members, verification by staff, what it proposed."""

from flask_babel import gettext as _
from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload, selectinload

from cocreate.accounts import permissions
from cocreate.accounts.cvr import is_valid_cvr, normalise_cvr
from cocreate.accounts.models import Organisation, OrganisationKind, OrganisationMembership
from cocreate.accounts.services import find_user_by_email
from cocreate.core.audit import record_audit
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.core.permissions import is_account
from cocreate.core.types import utcnow
from cocreate.core.validation import check_text, flush_unique
from cocreate.extensions import db
from cocreate.notifications.events import announce
from cocreate.organisations.notices import ORGANISATION_VERIFIED
from cocreate.proposals.lifecycle import PUBLIC_STATUSES
from cocreate.proposals.models import Proposal

NAME_MAX = 200
DESCRIPTION_MAX = 1_000


def _refuse(field: str, message: str):
    raise ValidationFailed(message, {field: message})


def _checked_cvr(kind: OrganisationKind, cvr: str) -> str | None:
    """The business's CVR number, normalised; refuse a missing, wrong or taken one."""
    cvr = normalise_cvr(cvr or "")
    if kind != OrganisationKind.BUSINESS:
        if cvr:
            _refuse("cvr", _("Kun virksomheder registreres med CVR-nummer. Lad feltet stå tomt."))
        return None
    if not cvr:
        _refuse("cvr", _("Skriv virksomhedens CVR-nummer."))
    if not is_valid_cvr(cvr):
        _refuse(
            "cvr",
            _("CVR-nummeret er ikke gyldigt. Det er 8 cifre, og kontrolcifferet skal passe."),
        )
    if db.session.scalar(select(Organisation.id).where(Organisation.cvr == cvr)) is not None:
        _refuse("cvr", _taken(cvr))
    return cvr


def _taken(cvr: str) -> str:
    return _("En virksomhed med CVR-nummeret %(cvr)s er allerede registreret.", cvr=cvr)


def register_organisation(
    actor, *, kind: OrganisationKind, name: str, cvr: str = "", description: str = ""
) -> Organisation:
    """Register an association or a business, unverified, with the actor as its member."""
    if not is_account(actor):
        raise PermissionDenied(_("Log ind for at registrere en organisation."))
    check_text(name=(name, NAME_MAX))
    description = (description or "").strip()
    if len(description) > DESCRIPTION_MAX:
        _refuse("description", _("Må højst være %(max)d tegn.", max=DESCRIPTION_MAX))
    organisation = Organisation(
        kind=kind,
        name=name.strip(),
        cvr=_checked_cvr(kind, cvr),
        description=description,
        created_by_id=actor.id,
    )
    organisation.memberships.append(OrganisationMembership(user=actor, accepted_at=utcnow()))
    db.session.add(organisation)
    flush_unique("cvr", _taken(organisation.cvr or ""))
    record_audit(
        actor,
        "organisation.registered",
        organisation,
        None,
        {"kind": kind.value, "name": organisation.name, "cvr": organisation.cvr},
    )
    return organisation


def _already(membership: OrganisationMembership, name: str) -> str:
    if membership.is_accepted:
        return _("%(name)s er allerede medlem.", name=name)
    return _("%(name)s er allerede inviteret.", name=name)


def invite_member(organisation: Organisation, actor, email: str) -> OrganisationMembership:
    """Invite another existing account, found by its e-mail address; it joins by accepting."""
    if not permissions.can_manage_members(actor, organisation):
        raise PermissionDenied(_("Kun organisationens medlemmer kan invitere andre."))
    email = (email or "").strip()
    if not email:
        _refuse("email", _("Skriv e-mailadressen på den konto, du vil invitere."))
    user = find_user_by_email(email)
    if user is None or not user.is_active:
        _refuse("email", _("Der findes ingen konto med e-mailadressen %(email)s.", email=email))
    existing = next((m for m in organisation.memberships if m.user_id == user.id), None)
    if existing is not None:
        _refuse("email", _already(existing, user.name))
    invitation = OrganisationMembership(user=user)
    organisation.memberships.append(invitation)
    flush_unique("email", _already(invitation, user.name))
    record_audit(actor, "organisation.member_invited", organisation, None, {"user_id": user.id})
    return invitation


def _invitation_of(organisation: Organisation, actor) -> OrganisationMembership:
    """The actor's open invitation to the organisation; refuse if there is none to answer."""
    if not permissions.can_answer_membership_invitation(actor, organisation):
        raise PermissionDenied(_("Du har ingen åben invitation fra denne organisation."))
    return next(m for m in organisation.memberships if m.user_id == actor.id)


def accept_membership(organisation: Organisation, actor) -> OrganisationMembership:
    """Say yes to an invitation: from now on the account is a member and acts for it."""
    invitation = _invitation_of(organisation, actor)
    invitation.accepted_at = utcnow()
    db.session.flush()
    record_audit(
        actor, "organisation.invitation_accepted", organisation, None, {"user_id": actor.id}
    )
    return invitation


def decline_membership(organisation: Organisation, actor) -> None:
    """Say no to an invitation; it is removed, so the account can be invited again later."""
    invitation = _invitation_of(organisation, actor)
    organisation.memberships.remove(invitation)
    db.session.flush()
    record_audit(
        actor, "organisation.invitation_declined", organisation, {"user_id": actor.id}, None
    )


def leave_organisation(organisation: Organisation, actor) -> None:
    """Stop being a member; the last member stays, so someone can still act for it."""
    if not permissions.can_manage_members(actor, organisation):
        raise PermissionDenied(_("Du er ikke medlem af organisationen."))
    if len(organisation.members) == 1:
        raise TransitionNotAllowed(
            _(
                "Du er det eneste medlem. Invitér et andet medlem, og vent til vedkommende har "
                "sagt ja, før du forlader organisationen."
            )
        )
    organisation.memberships = [m for m in organisation.memberships if m.user_id != actor.id]
    db.session.flush()
    record_audit(actor, "organisation.member_left", organisation, {"user_id": actor.id}, None)


def verify_organisation(organisation: Organisation, actor) -> Organisation:
    """Mark the organisation as checked by staff; its badge shows it from now on."""
    if not permissions.can_verify_organisation(actor):
        raise PermissionDenied(_("Kun moderatorer og administratorer verificerer organisationer."))
    if organisation.is_verified:
        raise TransitionNotAllowed(_("Organisationen er allerede verificeret."))
    if not permissions.can_verify_organisation(actor, organisation):
        raise PermissionDenied(_("Du kan ikke verificere en organisation, du selv er medlem af."))
    organisation.verified_at = utcnow()
    organisation.verified_by_id = actor.id
    db.session.flush()
    announce(
        ORGANISATION_VERIFIED,
        f"organisation:{organisation.id}",
        actor=actor,
        organisation_id=organisation.id,
        organisation=organisation.name,
    )
    record_audit(
        actor, "organisation.verified", organisation, {"verified": False}, {"verified": True}
    )
    return organisation


def load_organisation(organisation_id: int) -> Organisation | None:
    """One organisation with its members' accounts, in a fixed number of queries."""
    return db.session.scalar(
        select(Organisation)
        .where(Organisation.id == organisation_id)
        .options(selectinload(Organisation.memberships).selectinload(OrganisationMembership.user))
    )


def unverified_organisations() -> Select:
    """Organisations waiting for staff to verify them, oldest first."""
    return (
        select(Organisation)
        .options(joinedload(Organisation.created_by))
        .where(Organisation.verified_at.is_(None))
        .order_by(Organisation.created_at, Organisation.id)
    )


def proposals_of(organisation: Organisation) -> Select:
    """The organisation's public proposals, newest first."""
    return (
        select(Proposal)
        .options(selectinload(Proposal.theme_links))
        .where(
            Proposal.organisation_id == organisation.id,
            Proposal.status.in_(PUBLIC_STATUSES),
            Proposal.hidden_at.is_(None),
        )
        .order_by(Proposal.published_at.desc(), Proposal.id.desc())
    )
