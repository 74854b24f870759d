"""The panel's summary: hand-computed means (half up, one decimal), counts, the empty case."""

import pytest

from cocreate.extensions import db
from cocreate.panel.models import PanelReview, Recommendation
from cocreate.panel.queries import format_score, panel_summary

EMPTY = {"recommend": 0, "recommend_with_changes": 0, "not_recommended": 0}


def _add(proposal, member, value, feasibility, cocreation, strategy_fit, recommendation):
    db.session.add(
        PanelReview(
            proposal_id=proposal.id,
            member_id=member.id,
            score_value=value,
            score_feasibility=feasibility,
            score_cocreation=cocreation,
            score_strategy_fit=strategy_fit,
            recommendation=Recommendation(recommendation),
            comment="Kommentar.",
        )
    )


def test_no_reviews(requested):
    summary = panel_summary(requested.id)
    assert summary.as_dict() == {
        "review_count": 0,
        "mean_scores": {
            "value": None,
            "feasibility": None,
            "cocreation": None,
            "strategy_fit": None,
        },
        "recommendations": EMPTY,
    }


def test_four_reviews_round_half_up(requested, make_proposal, make_member):
    rows = [
        # value feasibility cocreation strategy_fit
        (1, 2, 1, 3, "recommend"),
        (2, 2, 1, 3, "recommend"),
        (2, 3, 1, 3, "recommend_with_changes"),
        (2, 3, 2, 4, "recommend"),
    ]
    for row in rows:
        _add(requested, make_member(), *row)
    _add(make_proposal("published"), make_member(), 5, 5, 5, 5, "not_recommended")  # elsewhere
    db.session.commit()
    assert panel_summary(requested.id).as_dict() == {
        "review_count": 4,
        # 7/4 = 1.75 → 1.8; 10/4 = 2.5; 5/4 = 1.25 → 1.3 (not 1.2); 13/4 = 3.25 → 3.3
        "mean_scores": {"value": 1.8, "feasibility": 2.5, "cocreation": 1.3, "strategy_fit": 3.3},
        "recommendations": {"recommend": 3, "recommend_with_changes": 1, "not_recommended": 0},
    }


def test_three_reviews_repeating_decimals(requested, make_member):
    for row in [
        (1, 5, 4, 1, "not_recommended"),
        (2, 5, 4, 1, "not_recommended"),
        (2, 4, 5, 2, "recommend_with_changes"),
    ]:
        _add(requested, make_member(), *row)
    db.session.commit()
    summary = panel_summary(requested.id)
    # 5/3 = 1.666… → 1.7; 14/3 = 4.666… → 4.7; 13/3 = 4.333… → 4.3; 4/3 = 1.333… → 1.3
    assert summary.mean_scores == {
        "value": 1.7,
        "feasibility": 4.7,
        "cocreation": 4.3,
        "strategy_fit": 1.3,
    }
    assert summary.recommendations == {**EMPTY, "not_recommended": 2, "recommend_with_changes": 1}


def test_one_query_however_many_reviews(requested, make_member, count_queries):
    for n in range(6):
        _add(requested, make_member(), 1 + n % 5, 2, 3, 4, "recommend")
    db.session.commit()
    proposal_id = requested.id
    with count_queries() as counter:
        summary = panel_summary(proposal_id)
    assert counter.count == 1, counter.statements
    assert summary.review_count == 6 and summary.mean_scores["value"] == 2.7  # 16/6


@pytest.mark.parametrize(("mean", "shown"), [(None, "–"), (3.0, "3,0"), (2.5, "2,5")])
def test_means_are_shown_in_danish(app, mean, shown):
    with app.test_request_context():
        assert format_score(mean) == shown
