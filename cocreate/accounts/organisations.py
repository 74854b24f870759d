"""The organisations an account acts for, and those that have invited it."""

from sqlalchemy import select

from cocreate.accounts.models import Organisation, OrganisationMembership
from cocreate.extensions import db


def organisations_of(user) -> list[Organisation]:
    """The organisations the account is an accepted member of, by name."""
    return _organisations(user, accepted=True)


def organisations_inviting(user) -> list[Organisation]:
    """The organisations that invited the account and wait for its answer, by name."""
    return _organisations(user, accepted=False)


def _organisations(user, *, accepted: bool) -> list[Organisation]:
    accepted_at = OrganisationMembership.accepted_at
    return list(
        db.session.scalars(
            select(Organisation)
            .join(OrganisationMembership)
            .where(
                OrganisationMembership.user_id == user.id,
                accepted_at.is_not(None) if accepted else accepted_at.is_(None),
            )
            .order_by(Organisation.name, Organisation.id)
        )
    )
