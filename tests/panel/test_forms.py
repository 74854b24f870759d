"""The panel's forms share the accounts' limits rather than copying them."""

import inspect

from cocreate.accounts import forms as accounts_forms
from cocreate.panel import forms as panel_forms


def test_the_member_form_takes_the_accounts_limit_on_addresses():
    assert panel_forms.EMAIL_MAX == accounts_forms.EMAIL_MAX
    assert "EMAIL_MAX =" not in inspect.getsource(panel_forms)
