"""The people of a benchmark set: citizens, staff, moderators, the panel, an admin, and
the associations and businesses they act for.

The first run makes them; later runs find them again by their e-mail addresses, on a
domain that can never receive mail, and add only the citizens a larger run needs. Who
an account is follows from its address alone, whatever the seed.
"""

import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select

from cocreate.accounts.cvr import is_valid_cvr
from cocreate.accounts.models import (
    Organisation,
    OrganisationKind,
    OrganisationMembership,
    RoleGrant,
    User,
)
from cocreate.accounts.roles import Role
from cocreate.demo.bench.rows import Rows
from cocreate.demo.bench.words import ASSOCIATIONS, DISTRICTS, FIRST_NAMES, LAST_NAMES, TRADES
from cocreate.extensions import db
from cocreate.panel.models import PanelMember, SeatType
from cocreate.proposals.models import Follow
from cocreate.strategy.models import Department, DepartmentMembership, Theme

DOMAIN = "bench.invalid"
# An account that can never log in: no password hash matches "!".
NO_PASSWORD = "!"
STAFF_PER_DEPARTMENT = 4
MODERATORS = 4
ORGANISATIONS = 60
MEMBERS_PER_ORGANISATION = 4
# Citizen representatives, then seats for the first associations and businesses, which
# alternate among the organisations (associations even, businesses odd).
CITIZEN_SEATS = 6
SEATS = (SeatType.CITIZEN_REPRESENTATIVE,) * CITIZEN_SEATS + (
    SeatType.ASSOCIATION,
    SeatType.BUSINESS,
) * 3
# Everyone joined before the oldest proposal (three years back) was written.
JOINED_BEFORE = timedelta(days=3 * 365 + 30)


@dataclass(frozen=True)
class Seat:
    member_id: int
    user_id: int
    organisation_id: int | None


@dataclass(frozen=True)
class Body:
    """An organisation and the accounts that act for it."""

    id: int
    member_ids: tuple[int, ...]


@dataclass
class Cast:
    citizens: list[int]
    staff: dict[int, list[int]]  # by department id, the head first
    moderators: list[int]
    organisations: list[Body]
    seats: list[Seat] = field(default_factory=list)

    def members_of(self, organisation_id: int) -> tuple[int, ...]:
        return next(b.member_ids for b in self.organisations if b.id == organisation_id)


def _stable_hash(text: str) -> int:
    return zlib.crc32(text.encode())


class _Accounts:
    """Find each wanted account by its address, or write it with its roles."""

    def __init__(self, rows: Rows, now: datetime):
        self.rows, self.now = rows, now
        found = select(User.email, User.id).where(User.email.like(f"%@{DOMAIN}"))
        self.ids: dict[str, int] = dict(db.session.execute(found).all())
        self.new: dict[int, str] = {}

    def joined(self, key: str) -> datetime:
        return self.now - JOINED_BEFORE - timedelta(days=_stable_hash(key) % 400)

    def get(self, local: str, role: Role | None = None, department=None, head=False) -> int:
        email = f"{local}@{DOMAIN}"
        if email in self.ids:
            return self.ids[email]
        number, joined = _stable_hash(email), self.joined(email)
        first = FIRST_NAMES[number % len(FIRST_NAMES)]
        last = LAST_NAMES[number // len(FIRST_NAMES) % len(LAST_NAMES)]
        user = self.rows.add(
            User,
            {
                "email": email,
                "name": f"{first} {last}",
                "password_hash": NO_PASSWORD,
                "language": "da",
                "confirmed_at": joined,
                "accepted_terms_at": joined,
                "created_at": joined,
            },
        )
        if role is not None:
            self.rows.add(RoleGrant, {"user_id": user["id"], "role": role, "granted_at": joined})
        if department is not None:
            self.rows.add(
                DepartmentMembership,
                {"user_id": user["id"], "department_id": department.id, "is_head": head},
            )
        self.ids[email] = user["id"]
        self.new[user["id"]] = email
        return user["id"]


def make_cast(
    rows: Rows, departments: list[Department], themes: list[Theme], citizens: int, now: datetime
) -> Cast:
    """The set's accounts and organisations, found or written; `citizens` at least."""
    accounts = _Accounts(rows, now)
    cast = Cast(
        citizens=[accounts.get(f"borger{number}") for number in range(citizens)],
        staff={
            department.id: [
                accounts.get(
                    f"ansat{number}.{department.slug}",
                    Role.DEPARTMENT_STAFF,
                    department,
                    head=number == 0,
                )
                for number in range(STAFF_PER_DEPARTMENT)
            ]
            for department in departments
        },
        moderators=[accounts.get(f"moderator{n}", Role.MODERATOR) for n in range(MODERATORS)],
        organisations=[],
    )
    accounts.get("admin", Role.ADMIN)
    panel = [accounts.get(f"panel{n}", Role.PANEL_MEMBER) for n in range(len(SEATS))]
    cast.organisations = _organisations(rows, cast, panel, now)
    cast.seats = _seats(rows, cast, panel, now)
    citizens_set = set(cast.citizens)
    new_citizens = {i: email for i, email in accounts.new.items() if i in citizens_set}
    _follow_themes(rows, new_citizens, themes, now)
    return cast


def _organisation_name(number: int) -> str:
    """Names that do not repeat within the set: a kind of club or trade, and a district."""
    kind = number // 2
    district = DISTRICTS[(kind // len(ASSOCIATIONS) * 7 + kind) % len(DISTRICTS)]
    if number % 2 == 0:
        return f"{ASSOCIATIONS[kind % len(ASSOCIATIONS)]} {district}"
    return f"{district} {TRADES[kind % len(TRADES)]}"


def _cvr(number: int, taken: set[str]) -> str:
    """A valid CVR number of the set's own (modulus 11), not one already registered."""
    candidate = 31_000_000 + number * 1_000
    while not is_valid_cvr(str(candidate)) or str(candidate) in taken:
        candidate += 1
    return str(candidate)


def _seat_organisation(seat: int) -> int | None:
    """Which organisation, by number, a seat represents, if any."""
    return seat - CITIZEN_SEATS if seat >= CITIZEN_SEATS else None


def _organisations(rows: Rows, cast: Cast, panel: list[int], now: datetime) -> list:
    spacing = 1 + MEMBERS_PER_ORGANISATION
    founders = [cast.citizens[number * spacing] for number in range(ORGANISATIONS)]
    found = db.session.execute(
        select(Organisation.created_by_id, Organisation.id).where(
            Organisation.created_by_id.in_(founders)
        )
    )
    existing = dict(found.all())
    taken = set(db.session.scalars(select(Organisation.cvr).where(Organisation.cvr.is_not(None))))
    representatives = {
        _seat_organisation(seat): user_id
        for seat, user_id in enumerate(panel)
        if _seat_organisation(seat) is not None
    }
    bodies = []
    for number, founder in enumerate(founders):
        members = cast.citizens[number * spacing + 1 : (number + 1) * spacing]
        if number in representatives:
            members.append(representatives[number])
        if founder not in existing:
            existing[founder] = _register(rows, number, founder, members, cast, taken, now)
        bodies.append(Body(existing[founder], (founder, *members)))
    return bodies


def _register(rows, number, founder, members, cast, taken, now) -> int:
    """Write an organisation, its accepted members and, for most, a moderator's verification."""
    registered = now - JOINED_BEFORE + timedelta(hours=number)
    business = number % 2 == 1
    verified = number % 5 != 0
    organisation = rows.add(
        Organisation,
        {
            "kind": OrganisationKind.BUSINESS if business else OrganisationKind.ASSOCIATION,
            "name": _organisation_name(number),
            "cvr": _cvr(number, taken) if business else None,
            "description": "",
            "created_by_id": founder,
            "created_at": registered,
            "verified_at": registered + timedelta(days=2) if verified else None,
            "verified_by_id": cast.moderators[number % len(cast.moderators)] if verified else None,
        },
    )
    for position, user_id in enumerate((founder, *members)):
        accepted = registered + timedelta(days=position)
        rows.add(
            OrganisationMembership,
            {
                "organisation_id": organisation["id"],
                "user_id": user_id,
                "created_at": accepted,
                "accepted_at": accepted,
            },
        )
    return organisation["id"]


def _seats(rows: Rows, cast: Cast, panel: list[int], now: datetime) -> list[Seat]:
    found = db.session.execute(
        select(PanelMember.user_id, PanelMember.id).where(PanelMember.user_id.in_(panel))
    )
    existing = dict(found.all())
    seats = []
    for seat, user_id in enumerate(panel):
        number = _seat_organisation(seat)
        organisation_id = cast.organisations[number].id if number is not None else None
        if user_id not in existing:
            existing[user_id] = rows.add(
                PanelMember,
                {
                    "user_id": user_id,
                    "seat_type": SEATS[seat],
                    "organisation_id": organisation_id,
                    "active": True,
                    "joined_at": now - JOINED_BEFORE + timedelta(days=10),
                },
            )["id"]
        seats.append(Seat(existing[user_id], user_id, organisation_id))
    return seats


def _follow_themes(rows: Rows, citizens: dict[int, str], themes: list[Theme], now) -> None:
    """One new citizen in ten follows a theme, one in twenty two of them."""
    for user_id, email in citizens.items():
        number = _stable_hash(email)
        if number % 10 != 0:
            continue
        wanted = {themes[number // 10 % len(themes)].id}
        if number % 20 == 0:
            wanted.add(themes[number // 20 % len(themes)].id)
        for theme_id in sorted(wanted):
            rows.add(
                Follow,
                {
                    "user_id": user_id,
                    "proposal_id": None,
                    "theme_id": theme_id,
                    "created_at": now - JOINED_BEFORE,
                },
            )
