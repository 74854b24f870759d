"""Retention: unconfirmed accounts go after 30 days, unless they have written something."""

from datetime import timedelta

from sqlalchemy import select

from cocreate.accounts.jobs import purge_unconfirmed
from cocreate.accounts.models import User
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus


def test_unconfirmed_accounts_are_purged_after_thirty_days(make_user):
    old, young, confirmed = make_user(), make_user(), make_user()
    old.confirmed_at = young.confirmed_at = None
    old.created_at = confirmed.created_at = utcnow() - timedelta(days=31)
    young.created_at = utcnow() - timedelta(days=29)
    db.session.commit()
    old_id = old.id
    purge_unconfirmed({})
    db.session.commit()
    remaining = set(db.session.scalars(select(User.id)))
    assert old_id not in remaining and {young.id, confirmed.id} <= remaining


def test_an_unconfirmed_account_that_wrote_something_is_kept(
    make_user, make_proposal, make_comment
):
    author, commenter = make_user(), make_user()
    make_comment(make_proposal(ProposalStatus.PUBLISHED, author=author), author=commenter)
    for user in (author, commenter):
        user.confirmed_at = None
        user.created_at = utcnow() - timedelta(days=31)
    db.session.commit()
    purge_unconfirmed({})
    db.session.commit()
    assert {author.id, commenter.id} <= set(db.session.scalars(select(User.id)))
