"""What the content files say about the municipality: departments, accounts, civil society.

Each dataclass is one table of `municipality.toml` or `civil_society.toml`, field by field.
"""

from dataclasses import dataclass

from cocreate.accounts.models import OrganisationKind
from cocreate.accounts.roles import Role
from cocreate.panel.models import SeatType


@dataclass(frozen=True)
class DemoDepartment:
    slug: str
    name: str
    description: str
    acknowledge_days: int
    answer_days: int
    name_en: str = ""
    description_en: str = ""


@dataclass(frozen=True)
class DemoTheme:
    slug: str
    title: str
    description: str
    department: str  # slug of the owning department
    title_en: str = ""
    description_en: str = ""


@dataclass(frozen=True)
class DemoStrategy:
    slug: str
    title: str
    period: str
    description: str
    themes: tuple[DemoTheme, ...]
    title_en: str = ""
    description_en: str = ""


@dataclass(frozen=True)
class DemoAccount:
    email: str
    name: str
    password: str
    roles: tuple[Role, ...] = ()
    departments: tuple[str, ...] = ()  # department slugs
    joined_days_ago: int = 200

    @property
    def key(self) -> str:
        """The name before the @, by which the proposals name their authors."""
        return self.email.split("@")[0]


@dataclass(frozen=True)
class DemoOrganisation:
    key: str  # how proposals and comments name it
    kind: OrganisationKind
    name: str
    description: str
    founder: str  # the account that registers it, `registered_days_ago`
    registered_days_ago: int
    # (account, days ago): the founder invites them, and they accept the day after.
    members: tuple[tuple[str, int], ...] = ()
    cvr: str = ""
    verified: tuple[str, int] | None = None  # (moderator or admin, days ago); None: not yet


@dataclass(frozen=True)
class DemoSeat:
    """A seat on the stakeholder panel, given by the admin."""

    account: str
    seat_type: SeatType
    days_ago: int
    organisation: str | None = None  # the organisation an association or business seat is for


@dataclass(frozen=True)
class DemoThemeFollow:
    account: str
    theme: str  # theme slug
    days_ago: int
