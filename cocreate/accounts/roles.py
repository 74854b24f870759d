"""The roles an account can hold; they add to each other."""

import enum

from flask_babel import lazy_gettext as _l


class Role(enum.StrEnum):
    CITIZEN = "citizen"
    MODERATOR = "moderator"
    DEPARTMENT_STAFF = "department_staff"
    PANEL_MEMBER = "panel_member"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return str(ROLE_LABELS[self])


ROLE_LABELS = {
    Role.CITIZEN: _l("Borger"),
    Role.MODERATOR: _l("Moderator"),
    Role.DEPARTMENT_STAFF: _l("Medarbejder i forvaltning"),
    Role.PANEL_MEMBER: _l("Medlem af aktørpanelet"),
    Role.ADMIN: _l("Administrator"),
}
