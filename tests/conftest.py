from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_files(*folders: str) -> list[Path]:
    return sorted(path for folder in folders for path in (FIXTURES / folder).rglob("*.py"))


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES
