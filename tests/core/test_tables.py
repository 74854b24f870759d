"""A stacked table's cells carry their column's header."""

from markupsafe import Markup, escape

from cocreate.core.tables import titled_cells


def test_each_cell_gets_its_columns_header_in_order_escaped():
    row = Markup('<tr><th scope="row">A</th><td class="x">B</td><td>C</td></tr>')
    assert titled_cells(row, ["Titel", 'Status "nu"', "<Frist>"]) == (
        '<tr><th data-title="Titel" scope="row">A</th>'
        '<td data-title="Status &#34;nu&#34;" class="x">B</td>'
        '<td data-title="&lt;Frist&gt;">C</td></tr>'
    )


def test_what_people_wrote_is_not_taken_for_a_cell():
    row = Markup("<tr><td>") + escape("<td>Mit forslag<tdx>") + Markup("</td><thead></tr>")
    assert titled_cells(row, ["Titel"]) == (
        '<tr><td data-title="Titel">&lt;td&gt;Mit forslag&lt;tdx&gt;</td><thead></tr>'
    )
