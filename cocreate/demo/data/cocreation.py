"""The demo's civil society: organisations, the stakeholder panel's seats, followed themes.

The organisations are made up for the demo. The CVR numbers pass the modulus-11 check
but lie far above the numbers the CVR register has issued so far (it counts up from
10000000), so that they belong to no real business.
"""

from dataclasses import dataclass

from cocreate.accounts.models import OrganisationKind
from cocreate.panel.models import SeatType


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


ORGANISATIONS = (
    DemoOrganisation(
        "engdal-skakklub",
        OrganisationKind.ASSOCIATION,
        "Engdal Skakklub",
        "Skak for alle aldre. Klubaften hver tirsdag kl. 19, juniorhold lørdag formiddag og en "
        "åben ungdomsturnering hvert forår.",
        founder="mette.holm",
        registered_days_ago=204,
        members=(("jonas.berg", 203), ("panel2", 201), ("emil.sorensen", 186)),
        verified=("moderator", 202),
    ),
    DemoOrganisation(
        "haddad-vvs",
        OrganisationKind.BUSINESS,
        "Haddad VVS ApS",
        "VVS-installatør med otte ansatte: badeværelser, varmepumper og service for private og "
        "boligforeninger. Tager lærlinge og praktikanter.",
        founder="karim.haddad",
        registered_days_ago=120,
        cvr="98431705",
        verified=("admin", 118),
    ),
    DemoOrganisation(
        "beboerforeningen-torvegade",
        OrganisationKind.ASSOCIATION,
        "Beboerforeningen Torvegade",
        "Forening for beboerne i Torvegade og de nærmeste sidegader. Vi arbejder for en grøn og "
        "levende gade og holder gadefest hver sommer.",
        founder="aisha.rahimi",
        registered_days_ago=60,
        members=(("panel", 58), ("fatima.ali", 55)),
        verified=("moderator2", 57),
    ),
    DemoOrganisation(
        "engdal-el",
        OrganisationKind.BUSINESS,
        "Engdal El & Energi ApS",
        "Elinstallationer, solceller og ladestandere til private, boligforeninger og virksomheder.",
        founder="morten.vinther",
        registered_days_ago=9,
        members=(("panel3", 8),),
        cvr="97264511",
    ),
)

# The panel has citizen representatives, associations and business representatives.
PANEL_SEATS = (
    DemoSeat("panel", SeatType.CITIZEN_REPRESENTATIVE, 215),
    DemoSeat("panel3", SeatType.BUSINESS, 214),
    DemoSeat("panel2", SeatType.ASSOCIATION, 200, organisation="engdal-skakklub"),
)

THEME_FOLLOWS = (
    DemoThemeFollow("birthe.nielsen", "aktivt-og-sundt-aeldreliv", 185),
    DemoThemeFollow("line.bak", "laering-og-uddannelse", 180),
    DemoThemeFollow("mette.holm", "samspil-med-borgeren", 178),
    DemoThemeFollow("karim.haddad", "aktiv-beskaeftigelse", 115),
    DemoThemeFollow("aisha.rahimi", "den-netvaerksorienterede-by", 59),
    DemoThemeFollow("panel", "moedet-med-borgeren", 50),
    DemoThemeFollow("julie.andersen", "laering-og-uddannelse", 40),
)
