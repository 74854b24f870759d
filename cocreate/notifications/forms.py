"""The form where an account chooses how it hears of each kind of event."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField

from cocreate.accounts.roles import Role
from cocreate.core.forms import choice_messages, options
from cocreate.notifications.kinds import Delivery
from cocreate.notifications.kinds import NotificationKind as Kind

# The kinds grouped as the page shows them; staff and panel groups only to those roles.
GROUPS = (
    (
        _l("Dine forslag"),
        None,
        (
            Kind.PROPOSAL_RECEIVED,
            Kind.PROPOSAL_APPROVED,
            Kind.CHANGES_REQUESTED,
            Kind.PROPOSAL_REJECTED,
            Kind.PROPOSAL_TRANSFERRED,
            Kind.COAUTHOR_INVITATION,
            Kind.ORGANISATION_VERIFIED,
        ),
    ),
    (
        _l("Forslag og temaer, du følger"),
        None,
        (
            Kind.PROPOSAL_ACKNOWLEDGED,
            Kind.PRELIMINARY_ANSWER,
            Kind.FINAL_ANSWER,
            Kind.PROPOSAL_IMPLEMENTED,
            Kind.NEW_COMMENT,
            Kind.THEME_PROPOSAL,
        ),
    ),
    (
        _l("Din forvaltning"),
        Role.DEPARTMENT_STAFF,
        (Kind.PROPOSAL_ROUTED, Kind.SLA_DUE_SOON, Kind.SLA_OVERDUE, Kind.SLA_ESCALATED),
    ),
    (_l("Aktørpanelet"), Role.PANEL_MEMBER, (Kind.PANEL_REQUEST, Kind.PANEL_REMINDER)),
)


def groups_for(user) -> list[tuple[str, tuple[Kind, ...]]]:
    """The groups of kinds this account can receive."""
    return [(label, kinds) for label, role, kinds in GROUPS if role is None or role in user.roles]


def settings_form(user, current: dict[Kind, Delivery]) -> FlaskForm:
    """A form with one choice per kind the account can receive, filled with current."""

    class SettingsForm(FlaskForm):
        pass

    choices = options((delivery.value, delivery.label) for delivery in Delivery)
    for _label, kinds in groups_for(user):
        for kind in kinds:
            field = SelectField(kind.label, choices=choices, **choice_messages())
            setattr(SettingsForm, kind.value, field)
    data = {kind.value: delivery.value for kind, delivery in current.items()}
    return SettingsForm(data=data)


def chosen(form, user) -> dict[str, str]:
    """The choices on a submitted form, by kind."""
    return {
        kind.value: form[kind.value].data for _label, kinds in groups_for(user) for kind in kinds
    }
