"""Strategies and their themes (pejlemærker, fokusområder)."""

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cocreate.extensions import db


class Strategy(db.Model):
    __tablename__ = "strategy"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    period: Mapped[str] = mapped_column(String(40), default="")
    description: Mapped[str] = mapped_column(Text, default="")

    themes: Mapped[list["Theme"]] = relationship(
        back_populates="strategy", order_by="Theme.position"
    )


class Theme(db.Model):
    __tablename__ = "theme"

    id: Mapped[int] = mapped_column(primary_key=True)
    strategy_id: Mapped[int] = mapped_column(ForeignKey("strategy.id"), index=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)
    # The department that owns proposals on this theme unless a moderator routes elsewhere.
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"), index=True)

    strategy: Mapped[Strategy] = relationship(back_populates="themes")
    department: Mapped["Department"] = relationship()  # noqa: F821
