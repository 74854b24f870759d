"""Which department has a proposal: every move, the first routing and each transfer."""

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocreate.core.types import Id, Stamp, belongs_to
from cocreate.extensions import db
from cocreate.strategy.models import Department

ROUTING_REASON_MAX = 2_000


class Routing(db.Model):
    """One move of a proposal to a department: the first routing or a transfer."""

    __tablename__ = "routing"

    id: Mapped[Id]
    proposal_id: Mapped[int] = belongs_to("proposal", index=True)
    from_department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    to_department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[Stamp]

    from_department: Mapped[Department | None] = relationship(
        foreign_keys=[from_department_id], lazy="joined"
    )
    to_department: Mapped[Department] = relationship(foreign_keys=[to_department_id], lazy="joined")
    actor: Mapped["User | None"] = relationship(lazy="joined")  # noqa: F821
