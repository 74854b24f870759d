"""`cocreate seed-demo`: a demo municipality whose whole history went through the services."""

from datetime import datetime

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from cocreate.accounts.models import User
from cocreate.accounts.roles import Role
from cocreate.accounts.services import create_user, find_user_by_email
from cocreate.core.errors import DomainError
from cocreate.core.types import utcnow
from cocreate.demo.clock import backdate, moment
from cocreate.demo.data import ACCOUNTS, DEPARTMENTS, PROPOSALS, STRATEGIES
from cocreate.demo.story import Cast
from cocreate.departments.models import Department
from cocreate.extensions import db
from cocreate.panel.models import PanelMember, SeatType
from cocreate.strategy.models import Strategy, Theme

# The demo is loaded when this department exists.
MARKER_DEPARTMENT = "staben"


@click.command("seed-demo")
@click.option(
    "--if-empty",
    is_flag=True,
    help="Load the demo only into a database without departments; otherwise do nothing.",
)
@with_appcontext
def seed_demo_command(if_empty: bool) -> None:
    """Load the demo municipality and print the demo accounts."""
    if if_empty and db.session.scalar(select(Department.id).limit(1)) is not None:
        return
    if db.session.scalar(select(Department.id).where(Department.slug == MARKER_DEPARTMENT)):
        click.echo("Demo-kommunen findes allerede; intet er ændret.")
        _print_accounts()
        return
    taken = _names_in_use()
    if taken:
        raise click.ClickException(
            "Demo-kommunen kan ikke indlæses, fordi disse navne allerede er i brug: "
            + ", ".join(taken)
        )
    try:
        seed_demo_municipality()
    except DomainError as error:
        db.session.rollback()
        raise click.ClickException(f"Demo-kommunen kunne ikke indlæses: {error.message}") from error
    db.session.commit()
    themes = sum(len(strategy.themes) for strategy in STRATEGIES)
    click.echo(
        f"Demo-kommunen er indlæst: {len(DEPARTMENTS)} forvaltninger, {len(STRATEGIES)} "
        f"strategier med {themes} temaer, {len(ACCOUNTS)} konti og {len(PROPOSALS)} forslag."
    )
    _print_accounts()


def seed_demo_municipality(now: datetime | None = None) -> None:
    """Create the demo departments, strategies, accounts and proposals; the caller commits."""
    now = now or utcnow()
    departments = _create_departments()
    cast = Cast(
        accounts=_create_accounts(departments, now),
        departments=departments,
        themes=_create_strategies(departments),
    )
    _seat_panel_members(cast.accounts.values())
    # Oldest first, so that ids follow the order in which proposals were written.
    oldest_first = sorted(PROPOSALS, key=lambda demo: -demo.story[0].days_ago)
    for number, demo in enumerate(oldest_first):
        proposal = None
        for step_number, step in enumerate(demo.story):
            since = utcnow()
            proposal = step.perform(proposal, demo, cast)
            backdate(proposal, since, moment(now, step.days_ago, number + step_number))


def _create_departments() -> dict[str, Department]:
    departments = {
        spec.slug: Department(
            slug=spec.slug,
            name=spec.name,
            description=spec.description,
            sla_acknowledge_days=spec.acknowledge_days,
            sla_answer_days=spec.answer_days,
        )
        for spec in DEPARTMENTS
    }
    db.session.add_all(departments.values())
    db.session.flush()
    return departments


def _create_strategies(departments: dict[str, Department]) -> dict[str, Theme]:
    themes = {}
    for spec in STRATEGIES:
        strategy = Strategy(
            slug=spec.slug, title=spec.title, period=spec.period, description=spec.description
        )
        for position, theme in enumerate(spec.themes):
            themes[theme.slug] = Theme(
                slug=theme.slug,
                title=theme.title,
                description=theme.description,
                position=position,
                department=departments[theme.department],
            )
            strategy.themes.append(themes[theme.slug])
        db.session.add(strategy)
    db.session.flush()
    return themes


def _create_accounts(departments: dict[str, Department], now: datetime) -> dict[str, User]:
    accounts = {}
    for number, spec in enumerate(ACCOUNTS):
        since = utcnow()
        accounts[spec.key] = user = create_user(
            email=spec.email,
            password=spec.password,
            roles=spec.roles,
            departments=[departments[slug] for slug in spec.departments],
            name=spec.name,
        )
        backdate(user, since, moment(now, spec.joined_days_ago, number))
    return accounts


def _seat_panel_members(accounts) -> None:
    """The demo's panel members hold citizen representatives' seats."""
    for user in accounts:
        if user.has_role(Role.PANEL_MEMBER):
            db.session.add(PanelMember(user=user, seat_type=SeatType.CITIZEN_REPRESENTATIVE))
    db.session.flush()


def _names_in_use() -> list[str]:
    """The demo's slugs and e-mail addresses that something else already uses."""
    wanted = [
        (Department.slug, [spec.slug for spec in DEPARTMENTS]),
        (Strategy.slug, [spec.slug for spec in STRATEGIES]),
        (Theme.slug, [theme.slug for spec in STRATEGIES for theme in spec.themes]),
        (User.email, [spec.email for spec in ACCOUNTS]),
    ]
    return [
        name
        for column, names in wanted
        for name in db.session.scalars(select(column).where(column.in_(names)))
    ]


def _print_accounts() -> None:
    rows = [("E-mail", "Adgangskode", "Roller")]
    for spec in ACCOUNTS:
        user = find_user_by_email(spec.email)
        if user is None:
            continue
        roles = ", ".join(role.value for role in Role if user.has_role(role))
        slugs = sorted(membership.department.slug for membership in user.memberships)
        if slugs:
            roles += f" ({', '.join(slugs)})"
        rows.append((user.email, spec.password, roles))
    email_width = max(len(row[0]) for row in rows)
    password_width = max(len(row[1]) for row in rows)
    click.echo("\nDemo-konti:")
    for email, password, roles in rows:
        click.echo(f"  {email:<{email_width}}  {password:<{password_width}}  {roles}")
