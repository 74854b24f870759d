"""The barometer's effect goals against a small hand-made data set: satisfaction with the
answers (from at least five ratings) and participation."""

from datetime import timedelta

import pytest

from cocreate.accounts.models import OrganisationKind
from cocreate.core.types import utcnow
from cocreate.extensions import db
from cocreate.proposals.lifecycle import ProposalStatus
from cocreate.proposals.models import Support
from cocreate.proposals.models.rating import AnswerRating
from cocreate.stats.barometer import Period, barometer

TODAY = utcnow().date()
PERIOD = Period(TODAY - timedelta(days=30), TODAY)


def _rate(proposal, make_user, scores):
    for answer_score, process_score in scores:
        rating = AnswerRating(
            proposal_id=proposal.id,
            user_id=make_user().id,
            answer_score=answer_score,
            process_score=process_score,
        )
        db.session.add(rating)
    db.session.commit()


@pytest.fixture
def data(make_proposal, make_theme, make_user, make_organisation, make_comment):
    theme, other = make_theme(), make_theme()
    citizen = make_user()
    rated = make_proposal(ProposalStatus.ACCEPTED, author=citizen, themes=[theme])
    _rate(rated, make_user, [(5, 2), (4, 2), (4, 2), (3, 2), (1, 2)])
    member = make_user()
    association = make_organisation(OrganisationKind.ASSOCIATION, members=[member])
    make_proposal(ProposalStatus.PUBLISHED, author=member, organisation=association, themes=[theme])
    # The author comments on their own proposal and a supporter supports it: one new citizen.
    make_comment(rated, author=citizen)
    supporter = make_user()
    db.session.add(Support(proposal_id=rated.id, user_id=supporter.id))
    db.session.commit()
    few = make_proposal(ProposalStatus.DECLINED, themes=[other])
    _rate(few, make_user, [(5, 5)] * 4)
    return theme, other, rated


def test_ratings_give_a_distribution_and_a_mean(data):
    theme, _, _ = data
    figures = {f.key: f for f in barometer(PERIOD).themes}[theme.slug]

    assert figures.answer_rating.distribution == [(1, 1), (2, 0), (3, 1), (4, 2), (5, 1)]
    assert figures.answer_rating.mean == 3.4
    assert figures.handling_rating.mean == 2.0


def test_a_mean_from_fewer_than_five_ratings_is_not_given(data):
    _, other, _ = data
    figures = {f.key: f for f in barometer(PERIOD).themes}[other.slug]

    assert figures.answer_rating.cases == 4
    assert figures.answer_rating.too_few_cases and figures.answer_rating.mean is None


def test_participation_counts_each_citizen_and_organisation_once(data):
    theme, _, _ = data
    figures = {f.key: f for f in barometer(PERIOD).themes}[theme.slug]

    # The author (who also commented) and the supporter; the member acted for the association.
    assert figures.participation.citizens == 2
    assert (figures.participation.associations, figures.participation.businesses) == (1, 0)
    assert (figures.by_organisations, figures.received) == (1, 2)
    assert figures.organisations_share.too_few_cases


def test_participation_in_all_counts_a_citizen_of_two_themes_once(data, make_proposal):
    theme, other, rated = data
    make_proposal(ProposalStatus.SUBMITTED, author=rated.author, themes=[theme, other])

    total = barometer(PERIOD).total.participation

    # Three authors of their own (one of them twice), the supporter.
    assert total.citizens == 3


def test_acts_outside_the_period_are_not_counted(data):
    earlier = Period(TODAY - timedelta(days=400), TODAY - timedelta(days=300))

    figures = barometer(earlier).total

    assert figures.participation.citizens == 0 and figures.answer_rating.cases == 0
