"""The roles an account can hold; they add to each other."""

from flask_babel import lazy_gettext as _l

from cocreate.core.types import LabelledEnum, labels


class Role(LabelledEnum):
    CITIZEN = "citizen"
    MODERATOR = "moderator"
    DEPARTMENT_STAFF = "department_staff"
    PANEL_MEMBER = "panel_member"
    ADMIN = "admin"


ROLE_LABELS = labels(
    Role,
    {
        Role.CITIZEN: _l("Borger"),
        Role.MODERATOR: _l("Moderator"),
        Role.DEPARTMENT_STAFF: _l("Medarbejder i forvaltning"),
        Role.PANEL_MEMBER: _l("Medlem af aktørpanelet"),
        Role.ADMIN: _l("Administrator"),
    },
)
