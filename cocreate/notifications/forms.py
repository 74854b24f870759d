"""The form where an account chooses how it hears of each kind of event."""

from flask_wtf import FlaskForm
from wtforms import SelectField

from cocreate.core.forms import choice_messages, options
from cocreate.notifications.kinds import Delivery, NoticeKind, groups_for


def settings_form(user, current: dict[NoticeKind, Delivery]) -> FlaskForm:
    """A form with one choice per kind the account can receive, filled with current."""

    class SettingsForm(FlaskForm):
        pass

    choices = options((delivery.value, delivery.label) for delivery in Delivery)
    for _group, kinds in groups_for(user):
        for kind in kinds:
            field = SelectField(kind.label, choices=choices, **choice_messages())
            setattr(SettingsForm, kind.value, field)
    data = {kind.value: delivery.value for kind, delivery in current.items()}
    return SettingsForm(data=data)


def chosen(form, user) -> dict[str, str]:
    """The choices on a submitted form, by kind."""
    return {
        kind.value: form[kind.value].data for _group, kinds in groups_for(user) for kind in kinds
    }
