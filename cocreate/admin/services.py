"""Administering accounts: the rules an admin's changes to roles must keep."""

from flask_babel import gettext as _

from cocreate.accounts.models import User
from cocreate.accounts.roles import Role
from cocreate.accounts.services import revoke_role
from cocreate.core.errors import PermissionDenied


def revoke_role_as_admin(actor: User, user: User, role: Role) -> None:
    """Take a role from an account; an admin cannot take their own admin role."""
    if role == Role.ADMIN and actor.id == user.id:
        raise PermissionDenied(
            _(
                "Du kan ikke fjerne din egen administratorrolle. "
                "Bed en anden administrator om at gøre det."
            )
        )
    if role == Role.PANEL_MEMBER:
        # The panel role belongs to a seat: end the seat, which takes the role with it.
        from cocreate.panel.membership import deactivate_panel_member
        from cocreate.panel.queries import active_seat_of

        if (seat := active_seat_of(user)) is not None:
            deactivate_panel_member(seat, actor)
            return
    revoke_role(actor, user, role)
