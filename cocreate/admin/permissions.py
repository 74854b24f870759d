"""Who may administer."""

from cocreate.accounts.roles import Role
from cocreate.core.permissions import is_account


def is_admin(user) -> bool:
    return is_account(user) and user.has_role(Role.ADMIN)


def can_view_audit(user) -> bool:
    return is_admin(user)
