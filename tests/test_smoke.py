from cocreate.moderation.states import ProposalStatus


def test_every_state_can_be_reached(make_proposal):
    for status in ProposalStatus:
        assert make_proposal(status).status == status
