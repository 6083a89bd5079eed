# shapes: no SDK: DirectoryGateway keeps an httpx.Client in self.http; HrisRepository keeps a SQLModel engine and reads it through Session(...); FacilitiesClient posts with requests; every method returns plain dicts/lists and runs only inside steps; nothing here is a finding
from typing import List, Optional

import httpx
import requests
from sqlmodel import Field, Session, SQLModel, create_engine

from onboardly.settings import settings


class Hire(SQLModel, table=True):
    id: str = Field(primary_key=True)
    name: str
    email: str
    department: str
    start_date: str
    status: str = "confirmed"
    groups: Optional[str] = None


class HrisRepository:
    def __init__(self, url: str = settings.hris_db_url) -> None:
        self.engine = create_engine(url)

    def fetch_hire(self, employee_id: str) -> dict:
        with Session(self.engine) as session:
            hire = session.get(Hire, employee_id)
        if hire is None:
            return {"id": employee_id, "status": "withdrawn"}
        return {"id": hire.id, "name": hire.name, "email": hire.email, "department": hire.department, "start_date": hire.start_date, "status": hire.status, "groups": (hire.groups or "").split(",")}


class DirectoryGateway:
    def __init__(self, base_url: str = settings.directory_url) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=15.0)

    def create_account(self, email: str, department: str) -> dict:
        resp = self.http.post("/accounts", json={"email": email, "department": department})
        resp.raise_for_status()
        return resp.json()

    def assign_groups(self, login: str, groups: List[str]) -> List[str]:
        for group in groups:
            self.http.put(f"/groups/{group}/members/{login}")
        return sorted(groups)


class FacilitiesClient:
    ENDPOINT = "https://facilities.internal"

    def print_badge(self, badge_id: str, name: str) -> dict:
        resp = requests.post(f"{self.ENDPOINT}/badges", json={"badge_id": badge_id, "name": name}, timeout=10)
        return {"printed": resp.ok, "badge_id": badge_id}

    def confirm_delivery(self, employee_id: str) -> dict:
        resp = requests.get(f"{self.ENDPOINT}/deliveries/{employee_id}", timeout=10)
        return {"delivered": resp.json().get("delivered", False)}
