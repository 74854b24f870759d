"""Tables that stack on a narrow screen, each cell under its column's header."""

import re

from markupsafe import Markup, escape

_CELL = re.compile(r"<(td|th)(?=[\s>])")


def titled_cells(row: str, headers) -> Markup:
    """Give the row's cells, in order, their column's header as `data-title`.

    The design system shows it above each cell when the table stacks on a phone. The row
    is a template's own markup, where what people wrote is escaped: every `<td` is a cell.
    """
    titles = iter(headers)

    def titled(cell: re.Match) -> str:
        return f'<{cell.group(1)} data-title="{escape(next(titles, ""))}"'

    return Markup(_CELL.sub(titled, str(row)))
