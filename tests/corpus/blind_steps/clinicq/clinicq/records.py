# shapes: no SDK; project classes that jobs.py returns and flows.py builds: a dataclass, a plain class and a pydantic model
from dataclasses import dataclass

from pydantic import BaseModel


@dataclass
class Appointment:
    appointment_id: str
    patient_id: str
    clinic: str
    starts_at: str
    next_visit: str
    urgent: bool
    patient_email: str


class Patient:
    def __init__(self, patient_id: str, name: str, email: str, high_risk: bool) -> None:
        self.patient_id = patient_id
        self.name = name
        self.email = email
        self.high_risk = high_risk


class Referral(BaseModel):
    patient_id: str
    reason: str
