# shapes: no SDK: Mailer keeps a requests.Session in self.http; its methods send mail and return plain dicts; used only inside steps and in the failure function; nothing here is a finding
import requests


class Mailer:
    BASE = "https://mail.internal/v1"

    def __init__(self) -> None:
        self.http = requests.Session()

    def _send(self, template: str, to: str, **fields) -> dict:
        resp = self.http.post(f"{self.BASE}/send", json={"template": template, "to": to, "fields": fields}, timeout=10)
        resp.raise_for_status()
        return {"message_id": resp.json()["id"]}

    def send_welcome(self, email: str, login: str) -> dict:
        return self._send("welcome", email, login=login)

    def introduce_buddy(self, email: str, buddy: str) -> dict:
        return self._send("buddy-intro", email, buddy=buddy)

    def send_survey(self, employee_id: str) -> dict:
        sent = self._send("week-one-survey", f"{employee_id}@corp.example", employee_id=employee_id)
        return {"survey_id": f"survey-{employee_id}", **sent}

    def remind_manager(self, employee_id: str, survey_id: str) -> dict:
        return self._send("manager-reminder", f"managers+{employee_id}@corp.example", survey_id=survey_id)

    def alert_hr(self, subject: str, body: str) -> dict:
        return self._send("hr-alert", "hr-ops@corp.example", subject=subject, body=body)
