"""What people do with a proposal: co-authors, comments with replies, supports, follows.

Each happens only while the proposal's state allows it, by the same sets of states the
permissions use, and the counts on the proposal's row are those of the rows written.
"""

from datetime import datetime, timedelta

from cocreate.demo.bench import officialese
from cocreate.demo.bench.bench import Bench
from cocreate.demo.bench.record import Record
from cocreate.proposals.lifecycle import PUBLIC_STATUSES
from cocreate.proposals.models import CoauthorStatus, Comment, Follow, ProposalCoauthor, Support
from cocreate.proposals.permissions import COAUTHOR_STATUSES, SUPPORTABLE_STATUSES

COAUTHORED = 0.04
REPLIES = 0.35
# Of the replies: the owning department's, and the proposal's own author's.
OFFICIAL_REPLIES = 0.25
AUTHORS_REPLIES = 0.1
FOR_AN_ORGANISATION = 0.03
SUPPORTERS_WHO_FOLLOW = 0.2


def follow(bench: Bench, record: Record, user_id: int, at: datetime) -> None:
    bench.rows.add(
        Follow, {"user_id": user_id, "proposal_id": record.id, "theme_id": None, "created_at": at}
    )


def invite_coauthor(bench: Bench, record: Record) -> int | None:
    """Now and then the author invites a co-author while writing; return one who accepted."""
    if not bench.chance(COAUTHORED):
        return None
    _start, end = record.span_in(COAUTHOR_STATUSES)
    end = end or bench.now
    invited = record.row["created_at"] + timedelta(hours=bench.days(0.1, 10))
    user_id = bench.citizen()
    if invited >= end or user_id == record.author_id:
        return None
    answered = invited + timedelta(days=bench.days(0.1, 3))
    if answered >= end:
        status, answered = CoauthorStatus.INVITED, None
    else:
        status = CoauthorStatus.ACCEPTED if bench.chance(0.85) else CoauthorStatus.DECLINED
    bench.rows.add(
        ProposalCoauthor,
        {
            "proposal_id": record.id,
            "user_id": user_id,
            "invited_by_id": record.author_id,
            "status": status,
            "created_at": invited,
            "responded_at": answered,
        },
    )
    if status != CoauthorStatus.ACCEPTED:
        return None
    follow(bench, record, user_id, answered)
    return user_id


def comment(bench: Bench, record: Record, topic) -> None:
    """Comments on a public proposal, mostly soon after it was published; one level of
    replies; those written while a preliminary answer invited comments belong to it."""
    if record.status not in PUBLIC_STATUSES:
        return
    count = bench.how_many(bench.comments)
    published = record.row["published_at"]
    windows = [r for r in record.responses if r["preliminary"]]
    threads: list[int] = []
    for at in sorted(bench.between(published, bench.now, skew=3) for _ in range(count)):
        parent = bench.rng.choice(threads) if threads and bench.chance(REPLIES) else None
        row = _written(bench, record, topic, at, parent)
        row["response_id"] = next(
            (r["id"] for r in windows if r["created_at"] <= at < r["comment_window_ends_at"]),
            None,
        )
        bench.rows.add(Comment, row)
        if parent is None:
            threads.append(row["id"])
    # Every comment written is shown: none deleted, hidden or removed.
    record.row["comment_count"] = count


def _written(bench: Bench, record: Record, topic, at: datetime, parent: int | None) -> dict:
    """Who writes a comment, for whom, and what."""
    book, organisation_id, official = bench.book, None, None
    if parent is not None and bench.chance(OFFICIAL_REPLIES):
        department = record.department_at(at)
        author_id, official = bench.staff(department), department.id
        body, html = officialese.official_reply(book, topic)
    elif parent is not None and bench.chance(AUTHORS_REPLIES):
        author_id = record.author_id
        body, html = book.reply(topic)
    else:
        if bench.chance(FOR_AN_ORGANISATION):
            organisation = bench.rng.choice(bench.cast.organisations)
            author_id = bench.rng.choice(organisation.member_ids)
            organisation_id = organisation.id
        else:
            author_id = bench.citizen()
        body, html = book.reply(topic) if parent is not None else book.comment(topic)
    return {
        "proposal_id": record.id,
        "parent_id": parent,
        "author_id": author_id,
        "organisation_id": organisation_id,
        "body": body,
        "body_html": html,
        "official_department_id": official,
        "created_at": at,
    }


def support(bench: Bench, record: Record, coauthor_id: int | None) -> None:
    """Supports by distinct accounts, not its authors', while the proposal accepted them;
    some supporters follow it too."""
    span = record.span_in(SUPPORTABLE_STATUSES)
    if span is None:
        return
    start, end = span[0], span[1] or bench.now
    citizens = bench.cast.citizens
    count = min(bench.how_many(bench.supports), len(citizens) - 2)
    writers = {record.author_id, coauthor_id}
    supporters = [u for u in bench.rng.sample(citizens, count + 2) if u not in writers][:count]
    times = sorted(bench.between(start, end, skew=2) for _ in supporters)
    for user_id, at in zip(supporters, times, strict=True):
        bench.rows.add(Support, {"proposal_id": record.id, "user_id": user_id, "created_at": at})
        if bench.chance(SUPPORTERS_WHO_FOLLOW):
            follow(bench, record, user_id, at)
    record.row["support_count"] = len(supporters)
