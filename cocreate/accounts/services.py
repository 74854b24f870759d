"""Accounts: registration, confirmation, passwords, roles and API tokens."""

from collections.abc import Iterable
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import select

from cocreate.accounts.mail import CONFIRM, queue_link
from cocreate.accounts.models import ApiToken, RoleGrant, User
from cocreate.accounts.roles import Role
from cocreate.core.audit import record_audit
from cocreate.core.errors import PermissionDenied, ValidationFailed
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.strategy.models import Department, DepartmentMembership

PASSWORD_MIN = 10


def find_user_by_email(email: str) -> User | None:
    """Look an account up by e-mail address, ignoring case."""
    # Addresses are stored in lower case, so the unique index serves this look-up.
    return db.session.scalar(select(User).where(User.email == email.strip().lower()))


def _check_new_account(email: str, password: str) -> None:
    if find_user_by_email(email) is not None:
        message = _("Der findes allerede en konto med denne e-mailadresse.")
        raise ValidationFailed(message, {"email": message})
    if len(password) < PASSWORD_MIN:
        message = _("Adgangskoden skal være mindst %(min)d tegn.", min=PASSWORD_MIN)
        raise ValidationFailed(message, {"password": message})


def register_account(*, name: str, email: str, password: str, language: str = "da") -> User:
    """Create an unconfirmed citizen account that has accepted the terms; mail the link."""
    _check_new_account(email, password)
    user = User(
        name=name.strip(),
        email=email.strip().lower(),
        language=language,
        accepted_terms_at=utcnow(),
    )
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    queue_link(user, CONFIRM)
    return user


def confirm_account(user: User) -> None:
    """Mark the e-mail address as confirmed, which activates the account."""
    if user.confirmed_at is None:
        user.confirmed_at = utcnow()
        db.session.flush()


def change_password(user: User, password: str) -> None:
    """Set a new password and end every other session and reset link."""
    if len(password) < PASSWORD_MIN:
        message = _("Adgangskoden skal være mindst %(min)d tegn.", min=PASSWORD_MIN)
        raise ValidationFailed(message, {"password": message})
    user.set_password(password)
    user.session_version += 1
    db.session.flush()


def change_own_password(user: User, *, current_password: str, new_password: str) -> None:
    """Change the password after checking the current one; ends every other session."""
    if not user.check_password(current_password):
        message = _("Den nuværende adgangskode er forkert.")
        raise ValidationFailed(message, {"current_password": message})
    change_password(user, new_password)


def update_profile(
    user: User, *, name: str, language: str, show_name_in_open_data: bool | None = None
) -> None:
    """Change the name shown on proposals, the language, and whether open data names the account."""
    user.name = name.strip()
    user.language = language
    if show_name_in_open_data is not None:
        user.show_name_in_open_data = show_name_in_open_data
    db.session.flush()


def update_language(user: User, language: str) -> None:
    """The language of the account's pages and mail, as chosen in the header."""
    user.language = language
    db.session.flush()


def set_account_active(actor: User, user: User, active: bool) -> None:
    """Deactivate an account (it can no longer log in or be told anything; its sessions and
    API tokens end) or make it active again; recorded in the audit log."""
    if not active and actor.id == user.id:
        raise PermissionDenied(_("Du kan ikke deaktivere din egen konto."))
    if user.is_active_account == active:
        return
    user.is_active_account = active
    if not active:
        user.session_version += 1
    db.session.flush()
    action = "user.reactivated" if active else "user.deactivated"
    record_audit(actor, action, user, {"active": not active}, {"active": active})


def grant_role(actor: User | None, user: User, role: Role) -> None:
    """Give the account a role, recorded in the audit log."""
    if role == Role.CITIZEN or user.has_role(role):
        return
    before = sorted(r.value for r in user.roles)
    user.role_grants.append(RoleGrant(role=role))
    db.session.flush()
    record_audit(
        actor,
        "user.role_granted",
        user,
        {"roles": before},
        {"roles": sorted(r.value for r in user.roles)},
    )


def revoke_role(actor: User | None, user: User, role: Role) -> None:
    """Take a role from the account, recorded in the audit log."""
    if not any(grant.role == role for grant in user.role_grants):
        return
    before = sorted(r.value for r in user.roles)
    user.role_grants = [grant for grant in user.role_grants if grant.role != role]
    db.session.flush()
    record_audit(
        actor,
        "user.role_revoked",
        user,
        {"roles": before},
        {"roles": sorted(r.value for r in user.roles)},
    )


def add_to_department(
    actor: User | None, user: User, department: Department, is_head: bool = False
) -> None:
    """Make the account staff of the department."""
    if department.id in user.department_ids:
        return
    user.memberships.append(DepartmentMembership(department=department, is_head=is_head))
    db.session.flush()
    record_audit(actor, "user.department_added", user, None, {"department_id": department.id})


def remove_from_department(actor: User | None, user: User, department: Department) -> None:
    """Take the account out of the department's staff, recorded in the audit log."""
    if department.id not in user.department_ids:
        return
    user.memberships = [m for m in user.memberships if m.department_id != department.id]
    db.session.flush()
    record_audit(actor, "user.department_removed", user, {"department_id": department.id}, None)


def create_user(
    *,
    email: str,
    password: str,
    roles: Iterable[Role] = (),
    departments: Iterable[Department] = (),
    name: str | None = None,
    actor: User | None = None,
) -> User:
    """Create a confirmed, active account with the given roles and departments."""
    _check_new_account(email, password)
    user = User(
        name=(name or email.split("@")[0]).strip(),
        email=email.strip().lower(),
        confirmed_at=utcnow(),
        accepted_terms_at=utcnow(),
    )
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    for role in roles:
        grant_role(actor, user, role)
    for department in departments:
        add_to_department(actor, user, department)
    return user


def issue_api_token(user: User) -> str:
    """Create a personal API token and return its secret, which is never stored."""
    token, secret = ApiToken.issue(user)
    db.session.add(token)
    db.session.flush()
    return secret


def user_for_token(secret: str) -> User | None:
    """Return the active account that owns a bearer token, or None."""
    token = db.session.scalar(
        select(ApiToken).where(
            ApiToken.digest == ApiToken.digest_of(secret), ApiToken.revoked_at.is_(None)
        )
    )
    if (
        token is None
        or not token.user.is_active
        or token.session_version != token.user.session_version
    ):
        return None
    now = utcnow()
    # Written at most hourly, so that reading the API does not mean a write per request.
    if token.last_used_at is None or now - token.last_used_at > timedelta(hours=1):
        token.last_used_at = now
        db.session.flush()
    return token.user
