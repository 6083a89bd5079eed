# shapes: no SDK: a Settings class read from the environment and its module-level singleton; flows.py uses an attribute as a sleep duration and a pure method in a deterministic header check; nothing here is a finding
import os


class Settings:
    def __init__(self) -> None:
        self.delivery_wait_seconds = int(os.environ.get("DELIVERY_WAIT_SECONDS", "172800"))
        self.directory_url = os.environ.get("DIRECTORY_URL", "https://directory.internal/api")
        self.hris_db_url = os.environ.get("HRIS_DB_URL", "sqlite:///hris.db")
        self._signature_header = os.environ.get("HR_SIGNATURE_HEADER", "x-hr-signature")

    def signature_header(self) -> str:
        return self._signature_header.lower()


settings = Settings()
