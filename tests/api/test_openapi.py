"""The OpenAPI document: valid 3.1, and every operation of this issue where DESIGN.md says."""

import re

import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.validation.validators import OpenAPIV31SpecValidator

from tests.api.contract import find_operation, resolve

# From the table in DESIGN.md ("Contracts other tools rely on"); names are a contract.
OPERATIONS = {
    "listThemes": ("GET", "/api/v1/themes"),
    "listDepartments": ("GET", "/api/v1/departments"),
    "listProposals": ("GET", "/api/v1/proposals"),
    "getProposal": ("GET", "/api/v1/proposals/{id}"),
    "createProposal": ("POST", "/api/v1/proposals"),
    "getModerationQueue": ("GET", "/api/v1/moderation/queue"),
    "decideProposal": ("POST", "/api/v1/proposals/{id}/moderation"),
    "transferProposal": ("POST", "/api/v1/proposals/{id}/transfer"),
    "respondToProposal": ("POST", "/api/v1/proposals/{id}/responses"),
    "requestPanelReview": ("POST", "/api/v1/proposals/{id}/panel-requests"),
    "createPanelReview": ("POST", "/api/v1/proposals/{id}/reviews"),
    "supportProposal": ("PUT", "/api/v1/proposals/{id}/support"),
    "withdrawSupport": ("DELETE", "/api/v1/proposals/{id}/support"),
    "listComments": ("GET", "/api/v1/proposals/{id}/comments"),
    "createComment": ("POST", "/api/v1/proposals/{id}/comments"),
    "rateAnswer": ("PUT", "/api/v1/proposals/{id}/rating"),
    "getStats": ("GET", "/api/v1/stats"),
    "findSimilarProposals": ("GET", "/api/v1/proposals/similar"),
    "addMilestone": ("POST", "/api/v1/proposals/{id}/milestones"),
    "updateMilestone": ("PATCH", "/api/v1/proposals/{id}/milestones/{milestone_id}"),
    "createProgressUpdate": ("POST", "/api/v1/proposals/{id}/updates"),
    "listCalls": ("GET", "/api/v1/calls"),
    "getCall": ("GET", "/api/v1/calls/{id}"),
    "createCall": ("POST", "/api/v1/calls"),
}
LATER: set[str] = set()
ACCOUNT_ONLY = {
    "createCall",
    "createComment",
    "createProposal",
    "getModerationQueue",
    "decideProposal",
    "transferProposal",
    "respondToProposal",
    "requestPanelReview",
    "createPanelReview",
    "supportProposal",
    "withdrawSupport",
    "rateAnswer",
    "addMilestone",
    "updateMilestone",
    "createProgressUpdate",
}


def _operations(spec):
    server = spec["servers"][0]["url"]
    for template, item in spec["paths"].items():
        for method, operation in item.items():
            if method != "parameters":
                yield method.upper(), server + template, operation


def test_document_is_valid_openapi_3_1(client, spec):
    """The document itself is checked by openapi-spec-validator, not against itself."""
    assert spec["openapi"].startswith("3.1")
    validate(spec, cls=OpenAPIV31SpecValidator)
    response = client.get("/api/v1/openapi.json")
    assert response.mimetype == "application/json"
    assert response.get_json() == spec


def test_every_operation_of_this_issue_has_its_method_and_path(spec):
    found = {op["operationId"]: (method, path) for method, path, op in _operations(spec)}
    assert found == OPERATIONS
    assert not LATER & set(found)


def test_document_and_routes_agree(app, spec):
    """Every documented operation is served, and nothing under /api/v1 is undocumented."""
    served = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("api.") and rule.endpoint != "api.openapi_document":
            path = re.sub(r"<[^>]+>", "1", rule.rule)
            served |= {(method, path) for method in rule.methods - {"HEAD", "OPTIONS"}}
    documented = {
        (method, re.sub(r"\{[^}]+\}", "1", path)) for method, path, _op in _operations(spec)
    }
    assert served == documented
    for method, path in served:
        assert find_operation(spec, method, path) is not None


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_operations_declare_security_and_errors(spec, operation_id):
    operation = next(op for _m, _p, op in _operations(spec) if op["operationId"] == operation_id)
    expected = [{"bearer": []}] if operation_id in ACCOUNT_ONLY else [{}, {"bearer": []}]
    assert operation["security"] == expected
    assert "401" in operation["responses"]
    for status, response in operation["responses"].items():
        schema = resolve(spec, response)["content"]["application/json"]["schema"]
        if status.startswith("4"):
            assert schema == {"$ref": "#/components/schemas/Error"}
    writes = ("create", "decide", "transfer", "respond", "request", "add", "update")
    if operation_id.startswith(writes):
        assert {"400", "413", "422"} <= set(operation["responses"])
        assert operation["requestBody"]["required"] is True


def test_components(spec):
    schemas = spec["components"]["schemas"]
    for name in (
        "Proposal",
        "ProposalSummary",
        "ProposalPage",
        "Theme",
        "Department",
        "Error",
        "HistoryEvent",
        "Response",
    ):
        assert name in schemas
    assert spec["components"]["securitySchemes"]["bearer"] == {
        "type": "http",
        "scheme": "bearer",
        "description": spec["components"]["securitySchemes"]["bearer"]["description"],
    }
    new = schemas["NewProposal"]
    assert set(new["required"]) == {"title", "summary", "body", "theme_ids"}
    assert new["properties"]["title"]["maxLength"] == 160
    assert schemas["ModerationDecision"]["properties"]["decision"]["enum"] == [
        "approve",
        "request_changes",
        "reject",
    ]
    assert schemas["NewResponse"]["properties"]["outcome"]["enum"] == [
        "under_review",
        "accepted",
        "partially_accepted",
        "declined",
        "implemented",
    ]
