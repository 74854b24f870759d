"""An author deleting a comment while a flag hides it or a moderator restores it.

Whatever the order, the proposal's comment count must equal the comments shown. The flag
threshold is 1, so that one flag hides the comment.
"""

import pytest
from sqlalchemy import func, select

from cocreate.accounts.models import User
from cocreate.accounts.roles import Role
from cocreate.core.errors import DomainError
from cocreate.extensions import db as _db
from cocreate.moderation.flags import restore_comment
from cocreate.proposals.comments.flags import flag_comment
from cocreate.proposals.comments.services import delete_comment
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import Comment, FlagReason, Proposal
from tests.concurrency import race

ACTIONS = {
    "delete": lambda comment, people: delete_comment(comment, people["author"]),
    "flag": lambda comment, people: flag_comment(comment, people["flagger"], FlagReason.SPAM),
    "restore": lambda comment, people: restore_comment(comment, people["moderator"]),
}


def _load_then(name: str, comment_id: int, people_ids: dict[str, int]):
    """Load the comment and the people in this thread's session; return the action on them."""
    comment = _db.session.get(Comment, comment_id)
    people = {role: _db.session.get(User, user_id) for role, user_id in people_ids.items()}
    return lambda: ACTIONS[name](comment, people)


def _counted_and_shown(db, proposal_id: int) -> tuple[int, int]:
    db.session.expire_all()
    shown = db.session.scalar(
        select(func.count(Comment.id)).where(
            Comment.proposal_id == proposal_id,
            Comment.deleted_at.is_(None),
            Comment.hidden_at.is_(None),
            Comment.removed_at.is_(None),
        )
    )
    return db.session.get(Proposal, proposal_id).comment_count, shown


@pytest.mark.parametrize("one_after_the_other", [True, False], ids=["in_turn", "at_once"])
@pytest.mark.parametrize(
    "order",
    [("delete", "flag"), ("flag", "delete"), ("restore", "delete"), ("delete", "restore")],
    ids="-then-".join,
)
def test_deleting_while_hidden_or_restored_keeps_the_count(
    app, db, make_user, make_proposal, make_comment, monkeypatch, order, one_after_the_other
):
    monkeypatch.setitem(app.config, "COMMENT_FLAG_THRESHOLD", 1)
    proposal = make_proposal(ProposalStatus.PUBLISHED)
    author = make_user()
    make_comment(proposal)  # another comment, shown throughout
    comment = make_comment(proposal, author)
    if "restore" in order:
        flag_comment(comment, make_user(), FlagReason.OFFENSIVE)  # hidden, waiting
    people_ids = {
        "author": author.id,
        "flagger": make_user().id,
        "moderator": make_user(Role.MODERATOR).id,
    }
    proposal_id, comment_id = proposal.id, comment.id
    db.session.commit()  # hold no transaction open while the threads run

    outcome = race(
        app,
        {name: lambda name=name: _load_then(name, comment_id, people_ids) for name in order},
        one_after_the_other=one_after_the_other,
    )

    refused = [found for found in outcome.values() if isinstance(found, BaseException)]
    assert all(isinstance(error, DomainError) for error in refused), outcome
    assert not isinstance(outcome["delete"], BaseException), outcome
    assert _counted_and_shown(db, proposal_id) == (1, 1)
    db.session.expire_all()
    assert db.session.get(Comment, comment_id).deleted_at is not None
