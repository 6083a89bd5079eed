# shapes: load_tenant_policy reads a bundled JSON policy file and is declared `# wfcheck: deterministic` on its def line (no SDK)
import json
from pathlib import Path

_POLICY_DIR = Path(__file__).parent / "policies"


def load_tenant_policy(tenant_id: str) -> dict:  # wfcheck: deterministic
    path = _POLICY_DIR / f"{tenant_id}.json"
    if not path.exists():
        path = _POLICY_DIR / "default.json"
    return json.loads(path.read_text(encoding="utf-8"))
