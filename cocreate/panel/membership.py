"""Seats on the stakeholder panel: admins appoint members, change seats, end them."""

from flask_babel import gettext as _
from sqlalchemy import select

from cocreate.accounts.models import Organisation, OrganisationKind
from cocreate.accounts.roles import Role
from cocreate.accounts.services import find_user_by_email, grant_role, revoke_role
from cocreate.core.audit import record_audit
from cocreate.core.errors import PermissionDenied, TransitionNotAllowed, ValidationFailed
from cocreate.extensions import db
from cocreate.panel import permissions
from cocreate.panel.models import PanelMember, SeatType

SEAT_ORGANISATION_KINDS = {
    SeatType.ASSOCIATION: OrganisationKind.ASSOCIATION,
    SeatType.BUSINESS: OrganisationKind.BUSINESS,
}


def _require_manager(actor) -> None:
    if not permissions.can_manage_panel(actor):
        raise PermissionDenied(_("Kun administratorer kan ændre aktørpanelet."))


def _seat(seat_type, organisation_id: int | None) -> tuple[SeatType, Organisation | None]:
    """Check a seat type and the organisation it represents, if any."""
    try:
        seat = SeatType(seat_type)
    except ValueError:
        message = _("Vælg en type plads fra listen.")
        raise ValidationFailed(message, {"seat_type": message}) from None
    if organisation_id is None:
        return seat, None
    if seat not in SEAT_ORGANISATION_KINDS:
        message = _("En borgerrepræsentant repræsenterer ingen organisation.")
        raise ValidationFailed(message, {"organisation_id": message})
    organisation = db.session.get(Organisation, organisation_id)
    if organisation is None:
        message = _("Ukendt organisation.")
        raise ValidationFailed(message, {"organisation_id": message})
    if organisation.kind != SEAT_ORGANISATION_KINDS[seat]:
        message = _(
            "%(name)s er en %(kind)s og kan ikke have en plads for en %(seat)s.",
            name=organisation.name,
            kind=organisation.kind.label.lower(),
            seat=seat.label.lower(),
        )
        raise ValidationFailed(message, {"organisation_id": message})
    return seat, organisation


def _seat_record(member: PanelMember) -> dict:
    return {
        "active": member.active,
        "seat_type": member.seat_type.value,
        "organisation_id": member.organisation_id,
    }


def add_panel_member(
    actor, *, email: str, seat_type, organisation_id: int | None = None
) -> PanelMember:
    """Give an existing account a seat on the panel, and the panel role."""
    _require_manager(actor)
    user = find_user_by_email(email or "")
    if user is None:
        message = _("Der findes ingen konto med e-mailadressen %(email)s.", email=email)
        raise ValidationFailed(message, {"email": message})
    return seat_on_panel(user, actor, seat_type=seat_type, organisation_id=organisation_id)


def seat_on_panel(
    user, actor, *, seat_type=None, organisation_id: int | None = None
) -> PanelMember:
    """Give the account a seat and with it the panel role: holding the one is holding the
    other, whoever appoints (an admin on the panel's or the account's page, or the command
    line, as actor None). Without a seat type, a former member gets their old seat back,
    anyone else a citizen representative's."""
    member = db.session.scalar(select(PanelMember).where(PanelMember.user_id == user.id))
    if member is not None and member.active:
        message = _("%(name)s har allerede en plads i panelet.", name=user.name)
        raise ValidationFailed(message, {"email": message})
    if seat_type is None and member is not None:
        seat_type, organisation_id = member.seat_type, member.organisation_id
    seat, organisation = _seat(seat_type or SeatType.CITIZEN_REPRESENTATIVE, organisation_id)
    before = _seat_record(member) if member is not None else None
    if member is None:
        member = PanelMember(user=user)
        db.session.add(member)
    member.active = True
    member.seat_type = seat
    member.organisation = organisation
    db.session.flush()
    grant_role(actor, user, Role.PANEL_MEMBER)
    record_audit(
        actor, "panel.member_added", member, before, {"user_id": user.id, **_seat_record(member)}
    )
    return member


def change_panel_seat(
    member: PanelMember, actor, *, seat_type, organisation_id: int | None = None
) -> PanelMember:
    """Change what the member's seat represents."""
    _require_manager(actor)
    seat, organisation = _seat(seat_type, organisation_id)
    before = _seat_record(member)
    member.seat_type = seat
    member.organisation = organisation
    db.session.flush()
    record_audit(actor, "panel.seat_changed", member, before, _seat_record(member))
    return member


def deactivate_panel_member(member: PanelMember, actor) -> PanelMember:
    """End the member's seat and take the panel role; their reviews stay."""
    _require_manager(actor)
    if not member.active:
        raise TransitionNotAllowed(
            _("%(name)s har allerede forladt panelet.", name=member.user.name)
        )
    before = _seat_record(member)
    member.active = False
    db.session.flush()
    revoke_role(actor, member.user, Role.PANEL_MEMBER)
    record_audit(actor, "panel.member_deactivated", member, before, _seat_record(member))
    return member
