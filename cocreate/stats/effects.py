"""The barometer's effect goals beside its counts: how satisfied authors and supporters
are with the final answers (their ratings), and who takes part (distinct citizens,
associations and businesses who proposed, commented, supported or reviewed).

Ratings are few (one per author or supporter of an answered proposal) and are folded in
Python beside the barometer's rows; participation is counted by the database, as a
period's comments and supports run to the hundred thousands.
"""

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Select, case, distinct, func, null, select, union_all

from cocreate.accounts.models import Organisation, OrganisationKind
from cocreate.extensions import db
from cocreate.panel.models import PanelMember, PanelReview
from cocreate.proposals.models import Comment, Proposal, ProposalTheme, Support
from cocreate.proposals.models.rating import SCORE_MAX, SCORE_MIN, AnswerRating

SCORES = range(SCORE_MIN, SCORE_MAX + 1)


@dataclass
class Rating:
    """One kind of rating (of the answer, or of the handling): how many gave each score,
    and their mean; no mean below `min_cases`."""

    min_cases: int
    counts: Counter = field(default_factory=Counter)

    def add(self, score: int) -> None:
        self.counts[score] += 1

    @property
    def cases(self) -> int:
        return sum(self.counts.values())

    @property
    def too_few_cases(self) -> bool:
        return self.cases < self.min_cases

    @property
    def mean(self) -> float | None:
        if self.too_few_cases:
            return None
        return round(sum(score * n for score, n in self.counts.items()) / self.cases, 1)

    @property
    def distribution(self) -> list[tuple[int, int]]:
        return [(score, self.counts[score]) for score in SCORES]

    def data(self) -> dict:
        return {
            "cases": self.cases,
            "mean": self.mean,
            "too_few_cases": self.too_few_cases,
            "distribution": [{"score": s, "count": n} for s, n in self.distribution],
        }


@dataclass
class Participation:
    """Distinct accounts acting for themselves, and organisations by kind, who took part."""

    citizens: int = 0
    associations: int = 0
    businesses: int = 0

    def data(self) -> dict:
        return {
            "citizens": self.citizens,
            "associations": self.associations,
            "businesses": self.businesses,
        }


def ratings_of(proposals: Select) -> list:
    """(proposal_id, answer_score, process_score) of the ratings of these proposals' answers."""
    return db.session.execute(
        select(
            AnswerRating.proposal_id, AnswerRating.answer_score, AnswerRating.process_score
        ).where(AnswerRating.proposal_id.in_(proposals))
    ).all()


def _acts(lower, upper):
    """Every act of taking part in the period: (proposal_id, user_id, organisation_id)."""

    def within(column):
        return (column >= lower) & (column < upper)

    return union_all(
        select(
            Proposal.id.label("proposal_id"),
            Proposal.author_id.label("user_id"),
            Proposal.organisation_id.label("organisation_id"),
        ).where(within(Proposal.submitted_at)),
        select(Comment.proposal_id, Comment.author_id, Comment.organisation_id).where(
            within(Comment.created_at)
        ),
        select(Support.proposal_id, Support.user_id, null()).where(within(Support.created_at)),
        select(PanelReview.proposal_id, PanelMember.user_id, null())
        .join(PanelMember, PanelMember.id == PanelReview.member_id)
        .where(within(PanelReview.created_at)),
    ).subquery("act")


def participation(lower, upper, theme=None, department=None) -> dict:
    """Participation in the period per theme id, per department id and in all (key None):
    {("theme", id) | ("department", id) | ("total", None): Participation}, one query each."""
    act = _acts(lower, upper)
    groups = {
        "theme": (ProposalTheme.theme_id, ProposalTheme, ProposalTheme.proposal_id),
        "department": (Proposal.department_id, Proposal, Proposal.id),
        "total": (None, Proposal, Proposal.id),
    }

    def distinct_organisations(kind):
        return func.count(distinct(case((Organisation.kind == kind, act.c.organisation_id))))

    counted = (
        func.count(distinct(case((act.c.organisation_id.is_(None), act.c.user_id)))),
        distinct_organisations(OrganisationKind.ASSOCIATION),
        distinct_organisations(OrganisationKind.BUSINESS),
    )
    found = {}
    for name, (group, table, proposal_id) in groups.items():
        keys = [group] if group is not None else []
        statement = (
            select(*keys, *counted)
            .select_from(act)
            .join(table, proposal_id == act.c.proposal_id)
            .outerjoin(Organisation, Organisation.id == act.c.organisation_id)
            .group_by(*keys)
        )
        for *key, citizens, associations, businesses in db.session.execute(
            _narrowed(statement, act, theme, department)
        ):
            found[name, key[0] if key else None] = Participation(citizens, associations, businesses)
    return found


def _narrowed(statement: Select, act, theme, department) -> Select:
    """The statement's acts only on proposals of the theme and department, if given."""
    if theme is not None:
        on_theme = select(ProposalTheme.proposal_id).where(ProposalTheme.theme_id == theme.id)
        statement = statement.where(act.c.proposal_id.in_(on_theme))
    if department is not None:
        in_department = select(Proposal.id).where(Proposal.department_id == department.id)
        statement = statement.where(act.c.proposal_id.in_(in_department))
    return statement
