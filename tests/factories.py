"""Callable factories. Every text carries markup that must never reach a page as-is."""

import itertools
from datetime import timedelta

import pytest

from cocreate.accounts.cvr import is_valid_cvr
from cocreate.accounts.models import OrganisationKind
from cocreate.accounts.roles import Role
from cocreate.accounts.services import create_user
from cocreate.calls.services import create_call
from cocreate.core.types import local_today, utcnow
from cocreate.departments.answers import mark_implemented, respond_to_proposal
from cocreate.departments.followup import (
    add_milestone,
    create_progress_update,
    update_milestone,
)
from cocreate.departments.services import acknowledge_proposal
from cocreate.extensions import db
from cocreate.moderation.models import Decision, RejectionReason
from cocreate.moderation.services import decide_proposal
from cocreate.organisations.services import (
    accept_membership,
    invite_member,
    register_organisation,
    verify_organisation,
)
from cocreate.proposals.comments.services import create_comment
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import Outcome
from cocreate.proposals.services import create_proposal, withdraw_proposal
from cocreate.strategy.models import Department, Strategy, Theme

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'
PASSWORD = "correct horse battery"
_sequence = itertools.count(1)


@pytest.fixture
def make_department():
    def _make(**kw):
        n = next(_sequence)
        department = Department(
            slug=kw.pop("slug", f"dept-{n}"), name=kw.pop("name", f"Forvaltning {n}"), **kw
        )
        db.session.add(department)
        db.session.commit()
        return department

    return _make


@pytest.fixture
def make_theme(make_department):
    def _make(department=None, **kw):
        n = next(_sequence)
        strategy = kw.pop("strategy", None) or Strategy(slug=f"strategy-{n}", title=f"Strategi {n}")
        theme = Theme(
            strategy=strategy,
            slug=kw.pop("slug", f"theme-{n}"),
            title=kw.pop("title", f"Tema {n}"),
            department=department or make_department(),
            **kw,
        )
        db.session.add(theme)
        db.session.commit()
        return theme

    return _make


@pytest.fixture
def make_user():
    def _make(*roles, departments=(), email=None, name=None):
        n = next(_sequence)
        user = create_user(
            email=email or f"user{n}@example.dk",
            password=PASSWORD,
            roles=[Role(r) for r in roles],
            departments=departments,
            name=name or f"Bruger {n} {EVIL}",
        )
        db.session.commit()
        return user

    return _make


# The steps that carry a fresh submitted proposal to each state, through the services.
def _steps_to(status: ProposalStatus):
    approve = [("decide", Decision.APPROVE)]
    return {
        ProposalStatus.DRAFT: [],
        ProposalStatus.SUBMITTED: [],
        ProposalStatus.CHANGES_REQUESTED: [("decide", Decision.REQUEST_CHANGES)],
        ProposalStatus.REJECTED: [("decide", Decision.REJECT)],
        ProposalStatus.PUBLISHED: approve,
        ProposalStatus.UNDER_REVIEW: [*approve, ("acknowledge", None)],
        ProposalStatus.ACCEPTED: [*approve, ("answer", Outcome.ACCEPTED)],
        ProposalStatus.PARTIALLY_ACCEPTED: [*approve, ("answer", Outcome.PARTIALLY_ACCEPTED)],
        ProposalStatus.DECLINED: [*approve, ("answer", Outcome.DECLINED)],
        ProposalStatus.IMPLEMENTED: [*approve, ("answer", Outcome.ACCEPTED), ("implement", None)],
        ProposalStatus.WITHDRAWN: [("withdraw", None)],
    }[status]


@pytest.fixture
def make_proposal(make_user, make_theme):
    """Create a proposal and carry it to `status` through the real services."""

    def _make(status=ProposalStatus.SUBMITTED, author=None, themes=None, **kw):
        status = ProposalStatus(status)
        author = author or make_user()
        themes = themes or [make_theme()]
        proposal = create_proposal(
            author,
            title=kw.pop("title", f"Forslag om bedre cykelstier {EVIL}"[:150]),
            summary=kw.pop("summary", f"Et kort resumé {EVIL}"),
            body=kw.pop(
                "body", f"# Baggrund\n\nMere lys på stierne. {EVIL} [klik](javascript:alert(1))"
            ),
            theme_ids=[t.id for t in themes],
            organisation_id=kw["organisation"].id if kw.get("organisation") else None,
            call_id=kw["call"].id if kw.get("call") else None,
            submit=status != ProposalStatus.DRAFT,
        )
        db.session.commit()
        moderator = staff = None
        for step, value in _steps_to(status):
            if step == "decide":
                moderator = moderator or make_user(Role.MODERATOR)
                decide_proposal(
                    proposal,
                    moderator,
                    decision=value,
                    reason=RejectionReason.SPAM if value == Decision.REJECT else None,
                    note="Skriv venligst mere om økonomien." if value != Decision.APPROVE else "",
                )
            elif step == "withdraw":
                withdraw_proposal(proposal, author)
            else:
                staff = staff or make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])
                if step == "acknowledge":
                    acknowledge_proposal(proposal, staff)
                elif step == "answer":
                    respond_to_proposal(
                        proposal,
                        staff,
                        outcome=value,
                        text=f"Svar fra forvaltningen {EVIL}",
                        preliminary=False,
                        # The answer's cost estimate and planned period, if given.
                        **kw.get("plan", {}),
                    )
                else:
                    mark_implemented(proposal, staff, "Nu er det gjort.")
            db.session.commit()
        assert proposal.status == status
        return proposal

    return _make


@pytest.fixture
def make_call(make_user, make_theme):
    """Create a call through the service, open now for a fortnight unless told otherwise;
    dates in the past are set after it, as time would have passed."""

    def _make(opens_at=None, closes_at=None, themes=None, department=None, publish=True, **kw):
        now = utcnow()
        themes = themes or [make_theme()]
        department = department or themes[0].department
        call = create_call(
            kw.pop("actor", None) or make_user(Role.ADMIN),
            title=kw.pop("title", f"Hvordan gør vi skolevejen tryg? {EVIL}"),
            intro=kw.pop("intro", f"Send jeres idéer. {EVIL}"),
            theme_ids=[t.id for t in themes],
            department_id=department.id,
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=14),
            answers_by=kw.pop("answers_by", None),
            publish=publish,
        )
        call.opens_at = opens_at or call.opens_at
        call.closes_at = closes_at or max(call.opens_at + timedelta(days=14), call.closes_at)
        db.session.commit()
        return call

    return _make


@pytest.fixture
def make_organisation(make_user):
    """Register an organisation through the services; the first member registers it."""

    def _make(kind=OrganisationKind.ASSOCIATION, members=(), verified=False, **kw):
        members = list(members) or [make_user()]
        n = next(_sequence)
        cvr = kw.pop("cvr", None)
        if cvr is None and kind == OrganisationKind.BUSINESS:
            # The first valid number in a block of a hundred of its own (one in 11 is valid).
            block = (str(10_000_000 + n * 100 + i) for i in range(100))
            cvr = next(number for number in block if is_valid_cvr(number))
        organisation = register_organisation(
            members[0],
            kind=kind,
            name=kw.pop("name", f"Organisation {n} {EVIL}"),
            cvr=cvr or "",
            description=kw.pop("description", f"Om os {EVIL}"),
        )
        for member in members[1:]:  # invited, and accepted: members in every sense
            invite_member(organisation, members[0], member.email)
            accept_membership(organisation, member)
        if verified:
            verify_organisation(organisation, make_user(Role.MODERATOR))
        db.session.commit()
        return organisation

    return _make


@pytest.fixture
def make_comment(make_user):
    """Write a comment, or with parent= a reply, through the service."""

    def _make(proposal, author=None, parent=None, **kw):
        comment = create_comment(
            proposal,
            author or make_user(),
            body=kw.pop("body", f"Godt forslag, men hvad med vinteren? {EVIL}"),
            parent_id=parent.id if parent is not None else None,
            **kw,
        )
        db.session.commit()
        return comment

    return _make


@pytest.fixture
def make_milestone(make_user):
    """Plan a milestone on an accepted proposal, a month ahead unless told, and with done_on
    record it reached; through the services, by staff of its department."""

    def _make(proposal, staff=None, done_on=None, **kw):
        staff = staff or make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])
        milestone = add_milestone(
            proposal,
            staff,
            title=kw.pop("title", f"Cykelstien er anlagt {EVIL}"),
            description=kw.pop("description", f"Første etape fra skolen {EVIL}"),
            planned_on=kw.pop("planned_on", local_today() + timedelta(days=30)),
        )
        if done_on is not None:
            update_milestone(proposal, milestone, staff, done_on=done_on)
        db.session.commit()
        return milestone

    return _make


@pytest.fixture
def make_progress_update(make_user):
    """Post a progress update on an accepted proposal, by staff of its department."""

    def _make(proposal, staff=None, text=None):
        staff = staff or make_user(Role.DEPARTMENT_STAFF, departments=[proposal.department])
        update = create_progress_update(
            proposal, staff, text=text or f"Vi har bestilt asfalten. {EVIL}"
        )
        db.session.commit()
        return update

    return _make


@pytest.fixture(autouse=True)
def cheap_passwords(monkeypatch):
    """Hash passwords with one round: tests make many accounts, and hashing is not under test."""
    from werkzeug.security import generate_password_hash

    monkeypatch.setattr(
        "cocreate.accounts.models.generate_password_hash",
        lambda password: generate_password_hash(password, method="pbkdf2:sha256:1"),
    )
