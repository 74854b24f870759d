"""Administering accounts: the rules an admin's changes to roles must keep."""

from flask_babel import gettext as _

from cocreate.accounts.models import User
from cocreate.accounts.roles import Role
from cocreate.accounts.services import grant_role, revoke_role
from cocreate.core.errors import PermissionDenied
from cocreate.panel.membership import deactivate_panel_member, seat_on_panel
from cocreate.panel.queries import active_seat_of


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
