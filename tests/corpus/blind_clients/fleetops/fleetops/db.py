# shapes: no SDK; SQLAlchemy engine, a module-level Session(engine), a sessionmaker; a declarative model; a function reading one row through an annotated Session parameter; functions using sessionmaker sessions and session.begin(); a count query through the module-level session
import os

from sqlalchemy import String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

engine = create_engine(os.environ.get("FLEET_DB_URL", "sqlite:///fleet.db"))
session = Session(engine)
SessionLocal = sessionmaker(bind=engine)


class Base(DeclarativeBase):
    pass


class Vehicle(Base):
    __tablename__ = "vehicles"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    status: Mapped[str] = mapped_column(String)
    depot: Mapped[str] = mapped_column(String)


def vehicle_status(db: Session, vehicle_id: str) -> str:
    vehicle = db.get(Vehicle, vehicle_id)
    return vehicle.status if vehicle is not None else "unknown"


def mark_dispatched(vehicle_id: str) -> str:
    with SessionLocal() as db:
        with db.begin():
            db.get(Vehicle, vehicle_id).status = "dispatched"
    return vehicle_id


def depot_vehicle_ids(depot: str) -> list:
    with SessionLocal() as db:
        return [v.id for v in db.scalars(select(Vehicle).where(Vehicle.depot == depot))]


def count_active() -> int:
    return session.scalar(select(func.count()).select_from(Vehicle).where(Vehicle.status == "active"))
