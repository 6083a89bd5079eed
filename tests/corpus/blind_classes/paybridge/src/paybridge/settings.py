# shapes: no SDK: a Settings class read from the environment and its module-level singleton `settings`, whose attributes and pure method are used in orchestration code of workflows.py (environment reads are not sources); nothing here is a finding
import os


class Settings:
    def __init__(self) -> None:
        self.ledger_url = os.environ.get("LEDGER_URL", "https://ledger.internal/api")
        self.dunning_attempts = int(os.environ.get("DUNNING_ATTEMPTS", "3"))
        self.dunning_interval_seconds = int(os.environ.get("DUNNING_INTERVAL_SECONDS", "86400"))
        self._features = {f.strip() for f in os.environ.get("PAYBRIDGE_FEATURES", "dunning").split(",") if f.strip()}

    def feature_enabled(self, name: str) -> bool:
        return name in self._features


settings = Settings()
