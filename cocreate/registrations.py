"""Import every module that registers something with a feature below it: outbox jobs and
periodic work, history sources, parts of the proposal's page, objections to co-authors,
and the search index's hooks on every commit.

Registration happens at import, so every process (web, worker, command line) imports
these once, from create_app, and sees them all.
"""

from cocreate.accounts import jobs as account_jobs
from cocreate.accounts import mail as account_mail
from cocreate.core import schedule
from cocreate.departments import followup_page
from cocreate.departments import jobs as department_jobs
from cocreate.moderation import history as moderation_history
from cocreate.notifications import delivery, events
from cocreate.panel import jobs as panel_jobs
from cocreate.panel import queries as panel_queries
from cocreate.proposals import call_notices, coauthors, engagement, ratings
from cocreate.proposals.comments import thread
from cocreate.proposals.search import index as search_index
from cocreate.stats import kept as barometer_kept

__all__ = [
    "account_jobs",
    "account_mail",
    "barometer_kept",
    "call_notices",
    "coauthors",
    "delivery",
    "department_jobs",
    "engagement",
    "events",
    "followup_page",
    "moderation_history",
    "panel_jobs",
    "panel_queries",
    "ratings",
    "schedule",
    "search_index",
    "thread",
]
