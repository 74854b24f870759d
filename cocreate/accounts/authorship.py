"""What accounts have written elsewhere: features register the columns that name an author.

An account with something registered here is kept by the purge of unconfirmed accounts
(and later tells export and deletion where a person's writing is), without accounts
knowing the features that store it.
"""

from sqlalchemy import ColumnElement, exists, false, or_

from cocreate.accounts.models import User

AUTHOR_COLUMNS: list = []


def author_column(column):
    """Register a column that names the account that wrote its row."""
    AUTHOR_COLUMNS.append(column)
    return column


def has_written() -> ColumnElement[bool]:
    """SQL, correlated to User: the account wrote a row of some registered kind."""
    return or_(false(), *(exists().where(column == User.id) for column in AUTHOR_COLUMNS))
