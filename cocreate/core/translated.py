"""Names an admin writes in Danish and, when they like, in English too.

A model keeps the Danish text in a column (`title`) and the English beside it (`title_en`,
empty until someone writes it). `translated("title")` reads the one for the page's
language, falling back to the Danish, both on an object and in a query.
"""

from flask_babel import get_locale
from sqlalchemy import func
from sqlalchemy.ext.hybrid import hybrid_property

# The language the texts are first written in; every other one reads the English.
FIRST_LANGUAGE = "da"


def translated(danish: str) -> hybrid_property:
    """The column `danish`, or its English twin `<danish>_en` on pages in English."""
    english = f"{danish}_en"

    def text(instance) -> str:
        if _in_english() and (written := getattr(instance, english)):
            return written
        return getattr(instance, danish)

    def expression(model):
        column = getattr(model, danish)
        if not _in_english():
            return column
        return func.coalesce(func.nullif(getattr(model, english), ""), column)

    return hybrid_property(text, expr=expression)


def _in_english() -> bool:
    locale = get_locale()
    return locale is not None and locale.language != FIRST_LANGUAGE
