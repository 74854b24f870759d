"""Names of strategies, themes and departments in the page's language, Danish by default."""

from cocreate.extensions import db
from cocreate.strategy.queries import all_departments

ENGLISH = {"Accept-Language": "en"}


def test_an_english_page_reads_the_english_names(client, make_theme, make_department):
    department = make_department(name="Teknik og Miljø", name_en="Technical Services")
    make_theme(
        department=department,
        title="Trygge skoleveje",
        title_en="Safe routes to school",
        description="Veje, hvor børn kan gå.",
        description_en="Roads where children can walk.",
    )

    english = client.get("/themes", headers=ENGLISH).get_data(as_text=True)
    danish = client.get("/themes").get_data(as_text=True)

    assert "Safe routes to school" in english and "Roads where children can walk." in english
    assert "Responsible: Technical Services" in english
    assert "Trygge skoleveje" not in english
    assert "Trygge skoleveje" in danish and "Ansvarlig: Teknik og Miljø" in danish
    assert "Safe routes to school" not in danish


def test_a_name_not_yet_translated_reads_in_danish(client, make_theme):
    make_theme(title="Det nære sundhedsvæsen", description="Tæt på borgeren.")

    english = client.get("/themes", headers=ENGLISH).get_data(as_text=True)

    assert "Det nære sundhedsvæsen" in english and "Tæt på borgeren." in english


def test_the_proposal_form_offers_themes_by_their_english_names(
    client, login, make_user, make_theme
):
    make_theme(title="Trygge skoleveje", title_en="Safe routes to school")
    user = login(make_user())
    user.language = "en"
    db.session.commit()

    page = client.get("/proposals/new").get_data(as_text=True)

    assert "Safe routes to school" in page and "Trygge skoleveje" not in page


def test_queries_order_by_the_name_the_reader_sees(app, make_department):
    make_department(name="Børn og Kultur", name_en="Children and Culture")
    make_department(name="Arbejdsmarked", name_en="Labour Market")
    make_department(name="Økonomi")  # no English name: sorted by its Danish one

    # Each in its own app context: Flask-Babel keeps the chosen language on `g`.
    with app.app_context(), app.test_request_context(headers=ENGLISH):
        english = [department.display_name for department in all_departments()]
    with app.app_context(), app.test_request_context():
        danish = [department.display_name for department in all_departments()]

    assert english == ["Children and Culture", "Labour Market", "Økonomi"]
    assert danish == ["Arbejdsmarked", "Børn og Kultur", "Økonomi"]


def test_outside_a_request_the_danish_name_is_read(make_department):
    department = make_department(name="Staben", name_en="Central Staff")

    assert department.display_name == "Staben"
