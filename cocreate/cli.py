"""The `cocreate` command: a Flask CLI group over create_app (names are a contract)."""

import click
from flask import Flask
from flask.cli import FlaskGroup, with_appcontext
from sqlalchemy import select

from cocreate.accounts.roles import Role
from cocreate.core.errors import DomainError
from cocreate.extensions import db
from cocreate.panel.models import SeatType


def main() -> None:
    """Run the cocreate command line."""
    from cocreate import create_app

    FlaskGroup(create_app=create_app, help="cocreate: citizen co-creation platform.").main()


@click.command("create-user")
@click.argument("email")
@click.option("--password", required=True, help="The account's password.")
@click.option(
    "--role",
    "roles",
    multiple=True,
    type=click.Choice([r.value for r in Role]),
    help="A role; repeat for more.",
)
@click.option("--department", "departments", multiple=True, help="A department slug; repeatable.")
@click.option("--name", default=None, help="The name shown on the site.")
@click.option(
    "--seat",
    type=click.Choice([seat.value for seat in SeatType]),
    default=None,
    help=f"A panel member's seat (with --role {Role.PANEL_MEMBER.value}); "
    f"default {SeatType.CITIZEN_REPRESENTATIVE.value}.",
)
@click.option(
    "--organisation",
    "organisation_id",
    type=int,
    default=None,
    help="The id of the association or business the seat represents.",
)
@with_appcontext
def create_user_command(email, password, roles, departments, name, seat, organisation_id):
    """Create a confirmed, active account; a panel member gets a seat on the panel."""
    from cocreate.accounts.services import create_user
    from cocreate.panel.membership import seat_on_panel
    from cocreate.strategy.models import Department

    roles = {Role(r) for r in roles}
    on_panel = Role.PANEL_MEMBER in roles
    if (seat or organisation_id) and not on_panel:
        raise click.UsageError(f"--seat and --organisation go with --role {Role.PANEL_MEMBER}")
    found = []
    for slug in departments:
        department = db.session.scalar(select(Department).where(Department.slug == slug))
        if department is None:
            raise click.BadParameter(f"no department with slug {slug!r}", param_hint="--department")
        found.append(department)
    try:
        user = create_user(
            email=email,
            password=password,
            roles=sorted(roles - {Role.PANEL_MEMBER}),
            departments=found,
            name=name,
        )
        if on_panel:
            seat_on_panel(user, None, seat_type=seat, organisation_id=organisation_id)
    except DomainError as error:
        db.session.rollback()
        raise click.ClickException(_refusal(error)) from error
    db.session.commit()
    click.echo(f"Created {user.email} with roles {', '.join(sorted(r.value for r in user.roles))}")


def _refusal(error: DomainError) -> str:
    """A service's refusal as one line: what is wrong, field by field."""
    details = "; ".join(error.fields.values())
    return f"{error.message} {details}" if details and details != error.message else error.message


@click.command("api-token")
@click.argument("email")
@with_appcontext
def api_token_command(email):
    """Create a personal API token for the account and print it on the last line."""
    from cocreate.accounts.services import find_user_by_email, issue_api_token

    user = find_user_by_email(email)
    if user is None:
        raise click.ClickException(f"no account with e-mail {email}")
    secret = issue_api_token(user)
    db.session.commit()
    click.echo(f"API token for {user.email} (shown once):")
    click.echo(secret)


def register_commands(app: Flask) -> None:
    """Attach the project's commands to the app's CLI."""
    from cocreate.core.worker import worker_command
    from cocreate.demo.bench import bench_data_command
    from cocreate.demo.seed import seed_demo_command
    from cocreate.proposals.search.command import search_command

    commands = (
        create_user_command,
        api_token_command,
        seed_demo_command,
        bench_data_command,
        worker_command,
        search_command,
    )
    for command in commands:
        app.cli.add_command(command)
