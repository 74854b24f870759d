"""The municipality's strategy and organisation: strategies and their themes (pejlemærker,
fokusområder), and the departments (forvaltninger) that own the themes, with their staff."""

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocreate.core.translated import translated
from cocreate.core.types import Id, belongs_to
from cocreate.extensions import db

# The longest names, titles, periods and slugs the columns keep, and the longest
# description an admin may write.
NAME_MAX, TITLE_MAX, PERIOD_MAX, SLUG_MAX = 120, 200, 40, 80
DESCRIPTION_MAX = 2000


class Department(db.Model):
    __tablename__ = "department"

    id: Mapped[Id]
    slug: Mapped[str] = mapped_column(String(SLUG_MAX), unique=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    name_en: Mapped[str] = mapped_column(String(NAME_MAX), default="", server_default="")
    description: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    sla_acknowledge_days: Mapped[int] = mapped_column(default=10)
    sla_answer_days: Mapped[int] = mapped_column(default=60)
    # After a preliminary answer, the final answer is due this many days after its comment
    # window closes (the citizens' comments are read before the department decides).
    sla_after_window_days: Mapped[int] = mapped_column(default=7, server_default="7")

    memberships: Mapped[list["DepartmentMembership"]] = relationship(
        back_populates="department", cascade="all, delete-orphan"
    )

    display_name = translated("name")
    display_description = translated("description")

    def __repr__(self) -> str:
        return f"<Department {self.slug}>"


class DepartmentMembership(db.Model):
    __tablename__ = "department_membership"
    __table_args__ = (UniqueConstraint("user_id", "department_id"),)

    id: Mapped[Id]
    user_id: Mapped[int] = belongs_to("user_account")
    department_id: Mapped[int] = belongs_to("department", index=True)
    is_head: Mapped[bool] = mapped_column(default=False)

    user: Mapped["User"] = relationship(back_populates="memberships")  # noqa: F821
    department: Mapped[Department] = relationship(back_populates="memberships")


class Strategy(db.Model):
    __tablename__ = "strategy"

    id: Mapped[Id]
    slug: Mapped[str] = mapped_column(String(SLUG_MAX), unique=True)
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    title_en: Mapped[str] = mapped_column(String(TITLE_MAX), default="", server_default="")
    period: Mapped[str] = mapped_column(String(PERIOD_MAX), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="", server_default="")

    themes: Mapped[list["Theme"]] = relationship(
        back_populates="strategy", order_by="Theme.position"
    )

    display_title = translated("title")
    display_description = translated("description")


class Theme(db.Model):
    __tablename__ = "theme"

    id: Mapped[Id]
    strategy_id: Mapped[int] = mapped_column(ForeignKey("strategy.id"), index=True)
    slug: Mapped[str] = mapped_column(String(SLUG_MAX), unique=True)
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    title_en: Mapped[str] = mapped_column(String(TITLE_MAX), default="", server_default="")
    description: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    position: Mapped[int] = mapped_column(default=0)
    # The department that owns proposals on this theme unless a moderator routes elsewhere.
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"), index=True)

    strategy: Mapped[Strategy] = relationship(back_populates="themes")
    department: Mapped[Department] = relationship()

    display_title = translated("title")
    display_description = translated("description")
