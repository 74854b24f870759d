"""Import every module that registers outbox jobs, so that any process can run them all."""

from cocreate.accounts import jobs as account_jobs
from cocreate.accounts import mail as account_mail
from cocreate.core import schedule
from cocreate.departments import jobs as department_jobs
from cocreate.notifications import delivery, events
from cocreate.panel import jobs as panel_jobs

__all__ = [
    "account_jobs",
    "account_mail",
    "delivery",
    "department_jobs",
    "events",
    "panel_jobs",
    "schedule",
]
