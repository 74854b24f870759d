"""Accounts, their roles, personal API tokens, and the organisations they act for."""

import hashlib
import secrets
from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from cocreate.accounts.roles import Role
from cocreate.core.types import Id, LabelledEnum, Stamp, UTCDateTime, belongs_to, enum_column
from cocreate.extensions import db


class User(UserMixin, db.Model):
    __tablename__ = "user_account"

    id: Mapped[Id]
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    language: Mapped[str] = mapped_column(String(5), default="da")
    is_active_account: Mapped[bool] = mapped_column(default=True)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    accepted_terms_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[Stamp]
    # Bumped on password change so that old sessions and reset links stop working.
    session_version: Mapped[int] = mapped_column(default=1)
    # Open data names a citizen only when they chose it on their profile.
    show_name_in_open_data: Mapped[bool] = mapped_column(default=False, server_default=sa_false())

    # Loaded with the signed-in account (session.py), not with every author or actor shown.
    role_grants: Mapped[list["RoleGrant"]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )
    memberships: Mapped[list["DepartmentMembership"]] = relationship(  # noqa: F821
        back_populates="user", cascade="all, delete-orphan"
    )
    organisation_memberships: Mapped[list["OrganisationMembership"]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"

    @property
    def is_active(self) -> bool:
        return self.is_active_account and self.confirmed_at is not None

    @property
    def roles(self) -> set[Role]:
        return {Role.CITIZEN} | {grant.role for grant in self.role_grants}

    def has_role(self, role: Role) -> bool:
        return role in self.roles

    @property
    def department_ids(self) -> set[int]:
        return {membership.department_id for membership in self.memberships}

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email}>"


class RoleGrant(db.Model):
    __tablename__ = "role_grant"
    __table_args__ = (UniqueConstraint("user_id", "role"),)

    id: Mapped[Id]
    user_id: Mapped[int] = belongs_to("user_account")
    role: Mapped[Role] = mapped_column(enum_column(Role))
    granted_at: Mapped[Stamp]

    user: Mapped[User] = relationship(back_populates="role_grants")


class ApiToken(db.Model):
    """A personal bearer token; only its SHA-256 digest is stored."""

    __tablename__ = "api_token"

    id: Mapped[Id]
    user_id: Mapped[int] = belongs_to("user_account", index=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    # A token lives as long as the password it was issued under (see User.session_version).
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")
    created_at: Mapped[Stamp]
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()

    @staticmethod
    def digest_of(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def issue(cls, user: User) -> tuple["ApiToken", str]:
        """Create a token for the user; return the row and the secret shown once."""
        secret = "cc_" + secrets.token_urlsafe(32)
        token = cls(user=user, digest=cls.digest_of(secret), session_version=user.session_version)
        return token, secret


class OrganisationKind(LabelledEnum):
    ASSOCIATION = "association", _l("Forening")
    BUSINESS = "business", _l("Virksomhed")


class Organisation(db.Model):
    """An association or business that accounts act for; staff verify it."""

    __tablename__ = "organisation"

    id: Mapped[Id]
    kind: Mapped[OrganisationKind] = mapped_column(enum_column(OrganisationKind))
    name: Mapped[str] = mapped_column(String(200))
    # Businesses only: the eight-digit CVR number, checked by its modulus-11 rule.
    cvr: Mapped[str | None] = mapped_column(String(8), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[Stamp]
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    memberships: Mapped[list["OrganisationMembership"]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan"
    )
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def members(self) -> list["OrganisationMembership"]:
        """The accepted memberships: an invitation not yet accepted makes no one a member."""
        return [m for m in self.memberships if m.is_accepted]


class OrganisationMembership(db.Model):
    """An account's membership of an organisation, or while not accepted, its invitation."""

    __tablename__ = "organisation_membership"
    __table_args__ = (UniqueConstraint("organisation_id", "user_id"),)

    id: Mapped[Id]
    organisation_id: Mapped[int] = belongs_to("organisation", index=True)
    user_id: Mapped[int] = belongs_to("user_account", index=True)
    created_at: Mapped[Stamp]
    # NULL while the invitation is open: no one becomes a member without saying yes.
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    organisation: Mapped[Organisation] = relationship(back_populates="memberships")
    user: Mapped[User] = relationship(back_populates="organisation_memberships")

    @property
    def is_accepted(self) -> bool:
        return self.accepted_at is not None
