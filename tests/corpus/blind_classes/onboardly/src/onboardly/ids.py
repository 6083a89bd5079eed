# shapes: no SDK: Ids.badge_id, a classmethod built on uuid5 (deterministic), used in a step name by services/plan.py; nothing here is a finding
import uuid


class Ids:
    NAMESPACE = uuid.UUID("1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed")

    @classmethod
    def badge_id(cls, employee_id: str) -> str:
        return uuid.uuid5(cls.NAMESPACE, f"badge:{employee_id}").hex[:12]
