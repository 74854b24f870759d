"""listThemes and listDepartments: open to anyone."""


def test_list_themes(api, make_theme, make_department, make_user, token):
    owner = make_department(name="Teknik og Miljø")
    first = make_theme(department=owner, title="Grøn omstilling", position=1)
    second = make_theme(department=owner, title="Lokal trafik", strategy=first.strategy)
    response = api.get("/api/v1/themes")
    assert response.status_code == 200
    items = response.get_json()["items"]
    assert [item["id"] for item in items] == [second.id, first.id]
    assert items[1] == {
        "id": first.id,
        "slug": first.slug,
        "title": "Grøn omstilling",
        "department_id": owner.id,
    }
    assert api.get("/api/v1/themes", token=token(make_user())).get_json()["items"] == items


def test_list_themes_empty(api):
    assert api.get("/api/v1/themes").get_json() == {"items": []}


def test_list_departments(api, make_department):
    social = make_department(name="Social og Sundhed", slug="social-og-sundhed")
    children = make_department(name="Børn og Kultur", slug="boern-og-kultur")
    response = api.get("/api/v1/departments")
    assert response.status_code == 200
    assert response.get_json()["items"] == [
        {"id": children.id, "slug": "boern-og-kultur", "name": "Børn og Kultur"},
        {"id": social.id, "slug": "social-og-sundhed", "name": "Social og Sundhed"},
    ]
