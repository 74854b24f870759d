from cocreate.proposals.lifecycle import ProposalStatus


def test_every_state_can_be_reached(make_proposal):
    for status in ProposalStatus:
        assert make_proposal(status).status == status


def test_behind_a_proxy_the_visitors_address_is_used():
    from cocreate import create_app

    app = create_app({"TESTING": True, "PROXY_HOPS": 1, "SQLALCHEMY_DATABASE_URI": "sqlite://"})

    @app.get("/whoami")
    def whoami():
        from flask import request

        return request.remote_addr

    response = app.test_client().get("/whoami", headers={"X-Forwarded-For": "203.0.113.9"})
    assert response.get_data(as_text=True) == "203.0.113.9"
