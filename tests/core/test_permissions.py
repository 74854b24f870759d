"""is_account, the one predicate every package's permissions start from.

Checked by behaviour, for every predicate of every package: no one (None) and an
anonymous visitor are the same non-account everywhere, and neither is ever let in
where an account is needed.
"""

import importlib
import inspect
import pkgutil

import pytest
from flask_login import AnonymousUserMixin

import cocreate
from cocreate.core.permissions import is_account
from cocreate.proposals.lifecycle import ProposalStatus

NOT_ACCOUNTS = (None, AnonymousUserMixin())


def _predicates():
    """Every public function of every package's permissions module that takes a user first."""
    found = []
    for package in pkgutil.iter_modules(cocreate.__path__):
        try:
            module = importlib.import_module(f"cocreate.{package.name}.permissions")
        except ModuleNotFoundError:
            continue
        for name, function in inspect.getmembers(module, inspect.isfunction):
            first = next(iter(inspect.signature(function).parameters), None)
            ours = function.__module__ == module.__name__ and not name.startswith("_")
            if ours and first == "user":
                found.append(function)
    return found


PREDICATES = _predicates()


def test_an_account_is_someone_signed_in(make_user):
    assert is_account(make_user())
    assert not is_account(None)
    assert not is_account(AnonymousUserMixin())


def test_the_predicates_of_every_package_are_found():
    modules = {function.__module__.split(".")[1] for function in PREDICATES}
    assert modules >= {
        "accounts",
        "admin",
        "calls",
        "departments",
        "moderation",
        "panel",
        "proposals",
    }


@pytest.fixture
def things(make_proposal, make_comment, make_organisation, make_department, make_call):
    """One of each thing a predicate asks about, public where it can be."""
    proposal = make_proposal(ProposalStatus.PUBLISHED)
    return {
        "call": make_call(),
        "proposal": proposal,
        "comment": make_comment(proposal),
        "organisation": make_organisation(),
        "department": make_department(),
    }


@pytest.mark.parametrize("predicate", PREDICATES, ids=lambda function: function.__qualname__)
def test_no_one_and_an_anonymous_visitor_are_alike_everywhere(predicate, things):
    parameters = list(inspect.signature(predicate).parameters.values())[1:]
    arguments = [things[p.name] for p in parameters if p.default is inspect.Parameter.empty]
    answers = {predicate(visitor, *arguments) for visitor in NOT_ACCOUNTS}
    assert len(answers) == 1, f"{predicate.__qualname__} tells None from an anonymous visitor"
    reads_public = {
        "can_view_call",
        "can_view_proposal",
        "can_read_comment",
        "is_hidden_from",
        "coauthor_status",
    }
    if predicate.__name__ not in reads_public:
        assert answers in ({False}, {None}), f"{predicate.__qualname__} lets no one in"
