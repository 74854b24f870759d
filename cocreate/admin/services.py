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
    revoke_role(actor, user, role)
