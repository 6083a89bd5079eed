from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from tests.lsp.session import CLIENTS, Session, start_session


@pytest_asyncio.fixture(scope="module", loop_scope="module", params=CLIENTS)
async def shared(request: pytest.FixtureRequest) -> AsyncIterator[Session]:
    """A server that the tests of a module share, one per captured client: each test opens
    documents of its own (see `document_uri`)."""
    async with start_session(request.param) as session:
        yield session


@pytest.fixture
def document_uri(request: pytest.FixtureRequest) -> str:
    """A URI that no other test uses."""
    name = "".join(c if c.isalnum() else "_" for c in request.node.name)
    return f"file:///project/tests/{name}.py"
