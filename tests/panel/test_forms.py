"""The panel's forms hold the same limits as the accounts they name."""

from werkzeug.datastructures import MultiDict

from cocreate.accounts.forms import EMAIL_MAX
from cocreate.panel.forms import MemberForm


def _email_errors(app, email: str) -> list[str]:
    with app.test_request_context(method="POST"):
        form = MemberForm(
            formdata=MultiDict({"email": email, "seat_type": "citizen_representative"})
        )
        form.validate()
        return form.email.errors


def test_the_member_form_takes_an_address_as_long_as_an_account_may_have(app):
    longest = "a" * (EMAIL_MAX - len("@example.dk")) + "@example.dk"
    assert _email_errors(app, longest) == []
    assert _email_errors(app, "a" + longest)
