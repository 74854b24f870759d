"""Check API responses against the schemas the OpenAPI document declares for them."""

import copy
import re

from jsonschema import Draft202012Validator, FormatChecker

# The API promises UTC to the second with a Z; hold every date-time to exactly that.
FORMATS = FormatChecker(formats=())
FORMATS.checks("date-time")(
    lambda value: (
        not isinstance(value, str)
        or re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", value) is not None
    )
)


def _strict(schema):
    """Refuse properties the document does not declare (in tests only: clients stay lenient)."""
    if isinstance(schema, dict):
        schema = {key: _strict(value) for key, value in schema.items()}
        if "properties" in schema:
            schema.setdefault("additionalProperties", False)
        return schema
    if isinstance(schema, list):
        return [_strict(item) for item in schema]
    return schema


_STRICT_COMPONENTS: dict[int, dict] = {}


def _strict_components(spec: dict) -> dict:
    key = id(spec)
    if key not in _STRICT_COMPONENTS:
        _STRICT_COMPONENTS[key] = _strict(copy.deepcopy(spec["components"]))
    return _STRICT_COMPONENTS[key]


def _template_pattern(template: str) -> re.Pattern:
    return re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$")


def find_operation(spec: dict, method: str, path: str) -> tuple[str, dict] | None:
    """Return (path template, operation) for a request, or None if none is documented."""
    server = spec["servers"][0]["url"]
    if not path.startswith(server):
        return None
    relative = path[len(server) :]
    for template, item in spec["paths"].items():
        if _template_pattern(template).match(relative) and method.lower() in item:
            return template, item[method.lower()]
    return None


def resolve(spec: dict, node: dict) -> dict:
    """Follow local $refs ("#/components/...") until a real object."""
    while "$ref" in node:
        target = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def response_schema(spec: dict, operation: dict | None, status: int) -> dict:
    """The JSON Schema the document declares for this operation and status."""
    if operation is None:
        # An unknown route or method: the app's handlers still answer in the error shape.
        assert status in (404, 405), status
        return {"$ref": "#/components/schemas/Error"}
    declared = operation["responses"]
    assert str(status) in declared, (
        f"{operation['operationId']} answered {status}; declares {sorted(declared)}"
    )
    return resolve(spec, declared[str(status)])["content"]["application/json"]["schema"]


def assert_conforms(spec: dict, method: str, path: str, response) -> None:
    """Fail unless the response is JSON matching its declared schema, in the strict reading."""
    assert response.mimetype == "application/json", response.data[:200]
    found = find_operation(spec, method, path)
    schema = response_schema(spec, found[1] if found else None, response.status_code)
    document = {**_strict(schema), "components": _strict_components(spec)}
    validator = Draft202012Validator(document, format_checker=FORMATS)
    errors = sorted(validator.iter_errors(response.get_json()), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def assert_error(response, status: int, code: str | None = None, fields=()):
    """The response is the contract's error with this status, code and exactly these fields."""
    assert response.status_code == status, response.get_json()
    error = response.get_json()["error"]
    if code is not None:
        assert error["code"] == code
    assert sorted(error["fields"]) == sorted(fields), error
    assert error["message"]
