# shapes: no SDK; Ids, staticmethods making uuid5 job keys (deterministic) and uuid4 ids (no finding)
import uuid

NAMESPACE = uuid.UUID("6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f")


class Ids:
    @staticmethod
    def job_key(vin: str) -> str:
        return uuid.uuid5(NAMESPACE, vin).hex[:12]

    @staticmethod
    def fresh() -> str:
        return uuid.uuid4().hex
