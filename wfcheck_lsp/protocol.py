"""pygls' protocol with the message handling a client can rely on.

- A request whose parameters do not fit its method gets an InvalidParams error response
  (pygls only logs it, and the client would wait for an answer forever).
- Before `initialize`, requests get ServerNotInitialized and notifications are dropped; after
  `shutdown`, requests get InvalidRequest; as the specification says.
- The open documents are the server's own (see `documents.py`), so pygls' handlers that keep
  its workspace's copies are not registered.
"""

from __future__ import annotations

import logging
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.json_rpc import RPCMessage, RPCRequest

logger = logging.getLogger(__name__)

_DOCUMENT_SYNC = (
    types.TEXT_DOCUMENT_DID_OPEN,
    types.TEXT_DOCUMENT_DID_CHANGE,
    types.TEXT_DOCUMENT_DID_CLOSE,
)


class RejectedMessage:
    """A message that could not be read; answered already if it was a request."""


class WfcheckProtocol(LanguageServerProtocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for method in _DOCUMENT_SYNC:
            del self.fm.builtin_features[method]
        self.initialize_received = False

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            request_id = data.get("id")
            if "method" in data and isinstance(request_id, int | str):
                self._send_response(request_id, error=error.to_response_error())
            logger.warning("ignored a malformed %s message", data.get("method", "response"))
            return RejectedMessage()

    def handle_message(self, message: RPCMessage | RejectedMessage) -> None:
        if isinstance(message, RejectedMessage):
            return
        method = getattr(message, "method", None)
        if not self.initialize_received and method not in (types.INITIALIZE, types.EXIT):
            self._refuse(message, types.ErrorCodes.ServerNotInitialized, "not initialized yet")
            return
        if self._shutdown and method != types.EXIT:
            self._refuse(message, types.ErrorCodes.InvalidRequest, "shutting down")
            return
        if method == types.INITIALIZE:
            self.initialize_received = True
        super().handle_message(message)

    def _refuse(self, message: RPCMessage, code: types.ErrorCodes, reason: str) -> None:
        """Answer a request with an error; drop a notification (or a response)."""
        if isinstance(message, RPCRequest):
            error = types.ResponseError(code=code, message=f"wfcheck-lsp is {reason}")
            self._send_response(message.id, error=error)
