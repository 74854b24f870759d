"""The roles an account can hold; they add to each other."""

from flask_babel import lazy_gettext as _l

from cocreate.core.types import LabelledEnum


class Role(LabelledEnum):
    CITIZEN = "citizen", _l("Borger")
    MODERATOR = "moderator", _l("Moderator")
    DEPARTMENT_STAFF = "department_staff", _l("Medarbejder i forvaltning")
    PANEL_MEMBER = "panel_member", _l("Medlem af aktørpanelet")
    ADMIN = "admin", _l("Administrator")
