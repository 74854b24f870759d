"""Who may administer."""

from cocreate.accounts.roles import Role


def is_admin(user) -> bool:
    return user is not None and user.is_authenticated and user.has_role(Role.ADMIN)


def can_view_audit(user) -> bool:
    return is_admin(user)
