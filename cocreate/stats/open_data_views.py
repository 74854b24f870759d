"""The open-data files of public proposals, streamed, and the page that documents them."""

import csv
import io
import json

from flask import Response, render_template, stream_with_context, url_for

from cocreate.core.types import utcnow
from cocreate.stats.open_data import COLUMN_NAMES, COLUMNS, LICENCE, LICENCE_URL, public_rows
from cocreate.stats.views import bp

_LICENCE_LINK = f'<{LICENCE_URL}>; rel="license"'


def _download(body, mimetype: str, filename: str) -> Response:
    """A streamed attachment that names its licence in a Link header."""
    response = Response(stream_with_context(body), mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Link"] = _LICENCE_LINK
    return response


# A cell that opens with one of these is read as a formula by spreadsheets (OWASP's "CSV
# injection"); a leading apostrophe makes it text again.
FORMULA_OPENINGS = ("=", "+", "-", "@", "\t", "\r")


def _csv_value(value) -> object:
    """Lists joined with "; ", missing values as empty cells, no text read as a formula."""
    if isinstance(value, list):
        value = "; ".join(value)
    if isinstance(value, str) and value.startswith(FORMULA_OPENINGS):
        return "'" + value
    return "" if value is None else value


def _csv_lines():
    """The header, then one line per public proposal; a BOM first so Excel reads UTF-8."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMN_NAMES)
    writer.writeheader()
    yield "\ufeff" + buffer.getvalue()
    for row in public_rows():
        buffer.seek(0)
        buffer.truncate()
        writer.writerow({name: _csv_value(value) for name, value in row.items()})
        yield buffer.getvalue()


def _json_parts():
    """The licence header object, then each proposal, written one by one."""
    head = {
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "source": url_for("stats.open_data", _external=True),
        "generated_at": utcnow().isoformat(),
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "proposals": ['
    separator = ""
    for row in public_rows():
        yield separator + json.dumps(row, ensure_ascii=False)
        separator = ","
    yield "]}"


@bp.route("/open-data")
def open_data():
    """What the files hold, their licence, and every column."""
    return render_template(
        "stats/open_data.html", columns=COLUMNS, licence=LICENCE, licence_url=LICENCE_URL
    )


@bp.route("/open-data/proposals.csv")
def open_data_csv():
    return _download(_csv_lines(), "text/csv; charset=utf-8", "cocreate-proposals.csv")


@bp.route("/open-data/proposals.json")
def open_data_json():
    return _download(_json_parts(), "application/json", "cocreate-proposals.json")
