"""`cocreate seed-demo`: a demo municipality whose whole history went through the services."""

from collections.abc import Callable
from datetime import datetime, timedelta

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from cocreate.accounts.models import Organisation, User
from cocreate.accounts.roles import Role
from cocreate.accounts.services import create_user, find_user_by_email
from cocreate.calls.models import Call
from cocreate.calls.services import create_call
from cocreate.core.audit import AuditEntry
from cocreate.core.errors import DomainError
from cocreate.core.types import utcnow
from cocreate.demo.clock import backdate, moment
from cocreate.demo.data import ContentError, DemoContent, demo_content
from cocreate.demo.data.municipality import DemoDepartment, DemoStrategy
from cocreate.demo.story import Cast, prose
from cocreate.extensions import db
from cocreate.organisations.services import (
    accept_membership,
    invite_member,
    register_organisation,
    verify_organisation,
)
from cocreate.panel.membership import add_panel_member
from cocreate.proposals.follows import follow_theme
from cocreate.strategy.models import Department, Strategy, Theme

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
    content = read_demo_content()
    if db.session.scalar(select(Department.id).where(Department.slug == MARKER_DEPARTMENT)):
        click.echo("Demo-kommunen findes allerede; intet er ændret.")
        _print_accounts(content)
        return
    taken = _names_in_use(content)
    if taken:
        raise click.ClickException(
            "Demo-kommunen kan ikke indlæses, fordi disse navne allerede er i brug: "
            + ", ".join(taken)
        )
    try:
        seed_demo_municipality(content)
    except DomainError as error:
        db.session.rollback()
        raise click.ClickException(f"Demo-kommunen kunne ikke indlæses: {error.message}") from error
    db.session.commit()
    themes = sum(len(strategy.themes) for strategy in content.strategies)
    click.echo(
        f"Demo-kommunen er indlæst: {len(content.departments)} forvaltninger, "
        f"{len(content.strategies)} strategier med {themes} temaer, {len(content.accounts)} "
        f"konti, {len(content.organisations)} organisationer, {len(content.calls)} indkaldelser "
        f"og {len(content.proposals)} forslag."
    )
    _print_accounts(content)


def read_demo_content() -> DemoContent:
    """The demo's content; a content file it cannot play stops the command, saying why."""
    try:
        return demo_content()
    except ContentError as error:
        raise click.ClickException(f"Demo-indholdet kan ikke læses: {error}") from error


def seed_demo_municipality(content: DemoContent, now: datetime | None = None) -> None:
    """Create the demo departments, strategies, accounts, calls and proposals; the caller
    commits."""
    now = now or utcnow()
    departments = _create_departments(content.departments)
    cast = Cast(
        accounts=_create_accounts(content, departments, now),
        departments=departments,
        themes=_create_strategies(content.strategies, departments),
    )
    _create_organisations(content, cast, now)
    _seat_panel(content, cast, now)
    _follow_themes(content, cast, now)
    _start_calls(content, cast, now)
    # Oldest first, so that ids follow the order in which proposals were written.
    oldest_first = sorted(content.proposals, key=lambda demo: -demo.story[0].days_ago)
    for number, demo in enumerate(oldest_first):
        proposal = None
        for step_number, step in enumerate(demo.timeline()):
            when = moment(now, step.days_ago, number + step_number)
            proposal = _dated(when, step.perform, proposal, demo, cast)
    _give_calls_their_dates(content, cast, now)


def _named(spec, name: str) -> dict[str, str]:
    """The slug, name and description of a spec, each in Danish and English."""
    fields = ["slug", name, f"{name}_en", "description", "description_en"]
    return {field: getattr(spec, field) for field in fields}


def _create_departments(specs: tuple[DemoDepartment, ...]) -> dict[str, Department]:
    departments = {
        spec.slug: Department(
            **_named(spec, "name"),
            sla_acknowledge_days=spec.acknowledge_days,
            sla_answer_days=spec.answer_days,
        )
        for spec in specs
    }
    db.session.add_all(departments.values())
    db.session.flush()
    return departments


def _create_strategies(
    specs: tuple[DemoStrategy, ...], departments: dict[str, Department]
) -> dict[str, Theme]:
    themes = {}
    for spec in specs:
        strategy = Strategy(**_named(spec, "title"), period=spec.period)
        for position, theme in enumerate(spec.themes):
            themes[theme.slug] = Theme(
                **_named(theme, "title"),
                position=position,
                department=departments[theme.department],
            )
            strategy.themes.append(themes[theme.slug])
        db.session.add(strategy)
    db.session.flush()
    return themes


def _create_accounts(
    content: DemoContent, departments: dict[str, Department], now: datetime
) -> dict[str, User]:
    accounts = {}
    for number, spec in enumerate(content.accounts):
        accounts[spec.key] = _dated(
            moment(now, spec.joined_days_ago, number),
            create_user,
            email=spec.email,
            password=spec.password,
            roles=spec.roles,
            departments=[departments[slug] for slug in spec.departments],
            name=spec.name,
        )
    return accounts


def _dated(when: datetime, service: Callable, *args, about=None, **kwargs):
    """Call a service now, then move what it wrote back to `when`; return its result.

    What it wrote is found from its result, or from `about` for one that returns a flag.
    """
    since = utcnow()
    result = service(*args, **kwargs)
    backdate(about if about is not None else result, since, when)
    return result


def _create_organisations(content: DemoContent, cast: Cast, now: datetime) -> None:
    """Register the demo organisations, invite members, who accept, and verify most of them."""
    for number, spec in enumerate(content.organisations):
        founder = cast.accounts[spec.founder]
        organisation = _dated(
            moment(now, spec.registered_days_ago, number),
            register_organisation,
            founder,
            kind=spec.kind,
            name=spec.name,
            cvr=spec.cvr,
            description=spec.description,
        )
        cast.organisations[spec.key] = organisation
        for key, days_ago in spec.members:
            member = cast.accounts[key]
            _dated(
                moment(now, days_ago, number), invite_member, organisation, founder, member.email
            )
            _dated(moment(now, days_ago - 1, number), accept_membership, organisation, member)
        if spec.verified is not None:
            key, days_ago = spec.verified
            verifier = cast.accounts[key]
            _dated(moment(now, days_ago, number), verify_organisation, organisation, verifier)


def _seat_panel(content: DemoContent, cast: Cast, now: datetime) -> None:
    """The admin gives the panel accounts their seats on the stakeholder panel."""
    admin = next(user for user in cast.accounts.values() if user.has_role(Role.ADMIN))
    for number, seat in enumerate(content.panel_seats):
        organisation = cast.organisations.get(seat.organisation)
        _dated(
            moment(now, seat.days_ago, number),
            add_panel_member,
            admin,
            email=cast.accounts[seat.account].email,
            seat_type=seat.seat_type,
            organisation_id=organisation.id if organisation is not None else None,
        )


def _follow_themes(content: DemoContent, cast: Cast, now: datetime) -> None:
    """Some citizens follow the themes they care about."""
    for number, spec in enumerate(content.theme_follows):
        user = cast.accounts[spec.account]
        theme = cast.themes[spec.theme]
        _dated(moment(now, spec.days_ago, number), follow_theme, theme, user, about=user)


def _start_calls(content: DemoContent, cast: Cast, now: datetime) -> None:
    """Staff start and publish the demo calls, each open now until its proposals are sent.

    The services start no call whose close has passed, and take proposals only for a call
    open now: a call that closed in the past is started to close tomorrow, and gets its
    own dates once its proposals are in (_give_calls_their_dates).
    """
    for number, spec in enumerate(content.calls):
        opens_at, closes_at, answers_by = spec.dates(now)
        if closes_at <= utcnow():
            closes_at, answers_by = utcnow() + timedelta(days=1), None
        cast.calls[spec.key] = _dated(
            moment(now, spec.published_days_ago, number),
            create_call,
            cast.accounts[spec.started_by],
            publish=True,
            title=spec.title,
            intro=prose(spec.intro),
            theme_ids=[cast.themes[slug].id for slug in spec.themes],
            department_id=cast.departments[spec.department].id,
            opens_at=opens_at,
            closes_at=closes_at,
            answers_by=answers_by,
        )


def _give_calls_their_dates(content: DemoContent, cast: Cast, now: datetime) -> None:
    """Give each call the dates its content says, and say them in the audit entry of its
    start too (the only one the seed writes about it), as it was started with them."""
    for spec in content.calls:
        call = cast.calls[spec.key]
        call.opens_at, call.closes_at, call.answers_by = spec.dates(now)
        (started,) = db.session.scalars(
            select(AuditEntry).where(
                AuditEntry.subject_type == Call.__tablename__, AuditEntry.subject_id == call.id
            )
        )
        started.after = {
            **started.after,
            "opens_at": call.opens_at.isoformat(),
            "closes_at": call.closes_at.isoformat(),
            "answers_by": call.answers_by.isoformat() if call.answers_by else None,
        }
    db.session.flush()


def _names_in_use(content: DemoContent) -> list[str]:
    """The demo's slugs, e-mail addresses and CVR numbers that something else already uses."""
    wanted = [
        (Department.slug, [spec.slug for spec in content.departments]),
        (Strategy.slug, [spec.slug for spec in content.strategies]),
        (Theme.slug, [theme.slug for spec in content.strategies for theme in spec.themes]),
        (User.email, [spec.email for spec in content.accounts]),
        (Organisation.cvr, [spec.cvr for spec in content.organisations if spec.cvr]),
    ]
    return [
        name
        for column, names in wanted
        for name in db.session.scalars(select(column).where(column.in_(names)))
    ]


def _print_accounts(content: DemoContent) -> None:
    rows = [("E-mail", "Adgangskode", "Roller")]
    for spec in content.accounts:
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
