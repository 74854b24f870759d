"""is_account, the one predicate every package's permissions start from."""

from flask_login import AnonymousUserMixin

from cocreate.accounts import permissions as accounts
from cocreate.core.permissions import is_account
from cocreate.panel import permissions as panel
from cocreate.proposals import permissions as proposals


def test_an_account_is_someone_signed_in(make_user):
    assert is_account(make_user())
    assert not is_account(None)
    assert not is_account(AnonymousUserMixin())


def test_every_package_uses_the_one_predicate():
    assert accounts._is_account is is_account
    assert panel.is_account is is_account and proposals.is_account is is_account
    assert not hasattr(panel, "_is_account") and not hasattr(proposals, "_is_account")
