# shapes: no SDK; step functions and factories that flows.py imports: zero-parameter async defs, a zero-parameter def, a def with only a defaulted parameter, a def with only *args, a def with a required positional parameter, a def with a required keyword-only parameter, a factory returning a lambda, pure functions returning a dict and an int, and helpers returning a dataclass, a plain class, a pydantic model, bytes, a date, a UUID, a Path, a set comprehension and plain dicts; reads httpx, requests, sqlite3, smtplib and the clock freely
import smtplib
import sqlite3
import time
import uuid
from datetime import date
from email.message import EmailMessage
from pathlib import Path

import httpx
import requests

from clinicq.records import Appointment, Patient, Referral

DB_PATH = "/var/lib/clinicq/clinic.db"
LAB_API = "https://labs.example.org/api"
VISIT_NAMESPACE = uuid.UUID("6f1c1d2e-8a53-4c1b-9a7e-3f0f7b1c2d4e")
LETTER_TEMPLATE = "Dear {name},\n\nyour visit at {clinic} is confirmed for {starts_at}.\n"


def _db():
    return sqlite3.connect(DB_PATH)


async def fetch_labs() -> list:
    async with httpx.AsyncClient(timeout=20) as client:
        resp = await client.get(f"{LAB_API}/pending")
        return resp.json()["results"]


async def sync_chart() -> dict:
    async with httpx.AsyncClient(timeout=20) as client:
        resp = await client.post(f"{LAB_API}/charts/sync")
        return {"status": resp.status_code}


def sync_roster() -> dict:
    resp = requests.get("https://roster.example.org/today", timeout=10)
    return {"shifts": len(resp.json())}


def rebuild_waitlist(clinic: str = "main") -> dict:
    with _db() as conn:
        conn.execute("DELETE FROM waitlist_cache WHERE clinic = ?", (clinic,))
    return {"clinic": clinic}


def purge_holds(*clinic_ids: str) -> dict:
    with _db() as conn:
        conn.execute("DELETE FROM holds WHERE expires_at < ?", (time.time(),))
    return {"clinics": list(clinic_ids)}


def book_slot(appointment_id: str) -> dict:
    with _db() as conn:
        conn.execute("UPDATE appointments SET booked = 1 WHERE id = ?", (appointment_id,))
    return {"appointment_id": appointment_id, "booked": True}


def send_reminder(*, channel: str) -> dict:
    resp = requests.post("https://notify.example.org/reminders", json={"channel": channel}, timeout=10)
    return {"channel": channel, "status": resp.status_code}


def _send_mail(to: str, subject: str, body: str) -> dict:
    msg = EmailMessage()
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    with smtplib.SMTP("localhost") as smtp:
        smtp.send_message(msg)
    return {"to": to, "sent": True}


def reminder_step(appt: dict):
    return lambda: _send_mail(appt["patient_email"], "Your visit", f"See you at {appt['starts_at']}")


def log_visit(appointment_id: str, logged_at: float) -> dict:
    with _db() as conn:
        conn.execute("INSERT INTO visit_log VALUES (?, ?)", (appointment_id, logged_at))
    return {"appointment_id": appointment_id}


def place_hold(appointment_id: str, ref: str) -> dict:
    with _db() as conn:
        conn.execute("INSERT INTO holds VALUES (?, ?, ?)", (appointment_id, ref, time.time() + 900))
    return {"ref": ref}


def load_appointment(appointment_id: str) -> Appointment:
    with _db() as conn:
        row = conn.execute(
            "SELECT id, patient_id, clinic, starts_at, next_visit, urgent, email FROM appointments WHERE id = ?",
            (appointment_id,),
        ).fetchone()
    return Appointment(row[0], row[1], row[2], row[3], row[4], bool(row[5]), row[6])


def load_patient(patient_id: str) -> Patient:
    with _db() as conn:
        name, email, high_risk = conn.execute(
            "SELECT name, email, high_risk FROM patients WHERE id = ?", (patient_id,)
        ).fetchone()
    return Patient(patient_id, name, email, bool(high_risk))


def patient_record(patient_id: str) -> dict:
    with _db() as conn:
        name, email, high_risk = conn.execute(
            "SELECT name, email, high_risk FROM patients WHERE id = ?", (patient_id,)
        ).fetchone()
    return {"patient_id": patient_id, "name": name, "email": email, "high_risk": bool(high_risk)}


def load_referral(referral_id: str) -> Referral:
    with _db() as conn:
        patient_id, reason = conn.execute(
            "SELECT patient_id, reason FROM referrals WHERE id = ?", (referral_id,)
        ).fetchone()
    return Referral(patient_id=patient_id, reason=reason)


def render_letter(appt: dict) -> bytes:
    body = LETTER_TEMPLATE.format(name=appt["patient_id"], clinic=appt["clinic"], starts_at=appt["starts_at"])
    return body.encode("utf-8")


def next_visit_date(appt: dict) -> date:
    year, month, day = appt["next_visit"].split("-")
    return date(int(year), int(month), int(day))


def visit_token(appointment_id: str) -> uuid.UUID:
    return uuid.uuid5(VISIT_NAMESPACE, appointment_id)


def schedule_path(clinic: str) -> Path:
    return Path(f"/srv/clinicq/schedules/{clinic}.ics")


def open_slot_ids(clinic: str) -> set:
    with _db() as conn:
        rows = conn.execute("SELECT id FROM slots WHERE clinic = ? AND free = 1", (clinic,)).fetchall()
    return {row[0] for row in rows}


def build_chart_summary(appt: dict) -> dict:
    return {"appointment_id": appt["appointment_id"], "clinic": appt["clinic"], "urgent": appt["urgent"]}


def triage_score(intake: dict) -> int:
    return 3 * len(intake.get("symptoms", [])) + (5 if intake.get("fever") else 0)


def send_letter(email: str, letter_text: str, next_visit: str, token: str) -> dict:
    return _send_mail(email, f"Visit letter ({next_visit})", f"{letter_text}\nRef: {token}")
