"""Administering accounts: the rules an admin's changes to roles and staff must keep."""

from flask_babel import gettext as _

from cocreate.accounts.models import User
from cocreate.accounts.roles import Role
from cocreate.accounts.services import (
    add_to_department,
    find_user_by_email,
    grant_role,
    remove_from_department,
    revoke_role,
)
from cocreate.core.audit import record_audit
from cocreate.core.errors import NotFound, PermissionDenied, ValidationFailed
from cocreate.extensions import db
from cocreate.panel.membership import deactivate_panel_member, seat_on_panel
from cocreate.panel.queries import active_seat_of
from cocreate.strategy.models import Department


def grant_role_as_admin(actor: User, user: User, role: Role) -> None:
    """Give an account a role; the panel role comes with a seat on the panel."""
    if role == Role.PANEL_MEMBER:
        if active_seat_of(user) is None:
            seat_on_panel(user, actor)
        return
    grant_role(actor, user, role)


def revoke_role_as_admin(actor: User, user: User, role: Role) -> None:
    """Take a role from an account; an admin cannot take their own admin role."""
    if role == Role.ADMIN and actor.id == user.id:
        raise PermissionDenied(
            _(
                "Du kan ikke fjerne din egen administratorrolle. "
                "Bed en anden administrator om at gøre det."
            )
        )
    if role == Role.PANEL_MEMBER and (seat := active_seat_of(user)) is not None:
        # The panel role belongs to a seat: end the seat, which takes the role with it.
        deactivate_panel_member(seat, actor)
        return
    revoke_role(actor, user, role)


def add_staff(actor: User, department: Department, user: User, is_head: bool = False) -> None:
    """Make the account staff of the department, with the role staff need to act."""
    add_to_department(actor, user, department, is_head)
    grant_role(actor, user, Role.DEPARTMENT_STAFF)


def add_staff_by_email(actor: User, department: Department, email: str, is_head: bool) -> User:
    """Add the account with this e-mail address to the department's staff."""
    user = find_user_by_email(email)
    if user is None:
        message = _("Der er ingen konto med den e-mailadresse.")
        raise ValidationFailed(message, {"email": message})
    if department.id in user.department_ids:
        message = _("%(name)s er allerede med i forvaltningen.", name=user.name)
        raise ValidationFailed(message, {"email": message})
    add_staff(actor, department, user, is_head)
    return user


def remove_staff(actor: User, department: Department, user: User) -> None:
    """Take the account out of the department; out of the last one, it is staff no more."""
    remove_from_department(actor, user, department)
    if not user.memberships:
        revoke_role(actor, user, Role.DEPARTMENT_STAFF)


def set_department_head(actor: User, department: Department, user: User, is_head: bool) -> None:
    """Make a member of the department's staff one of its heads, or no longer one."""
    membership = next((m for m in user.memberships if m.department_id == department.id), None)
    if membership is None:
        raise NotFound(_("%(name)s er ikke med i forvaltningen.", name=user.name))
    if membership.is_head == is_head:
        return
    membership.is_head = is_head
    db.session.flush()
    record_audit(
        actor,
        "user.department_head_changed",
        user,
        {"department_id": department.id, "is_head": not is_head},
        {"department_id": department.id, "is_head": is_head},
    )
