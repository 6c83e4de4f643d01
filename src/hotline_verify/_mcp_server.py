"""An MCP server over stdio exposing ``verify_number`` and ``scan_message`` as tools.

Needs the optional extra: ``pip install 'hotline-verify[mcp]'``. Run it with
``hotline-verify mcp``; the tools answer with the same JSON as
[`handle_tool_call()`][hotline_verify.chatbot.handle_tool_call].
"""

from __future__ import annotations

import importlib
import json
import sys
from typing import Any, Literal

from .chatbot import TOOL_SCHEMA, handle_tool_call

__all__ = ["build_server", "main"]

_DESCRIPTIONS = {t["function"]["name"]: t["function"]["description"] for t in TOOL_SCHEMA}
_INSTRUCTIONS = (
    "Check customer-service phone numbers (mainland China) against a list of official numbers. "
    "Use scan_message on a whole message and verify_number on one number; show the user the reply or "
    "explanation as it is."
)


def verify_number(
    number: str, claimed: str | None = None, incoming: bool = False, lang: Literal["zh", "en"] = "zh"
) -> str:
    """Judge one number; JSON with the verdict and an explanation."""
    args: dict[str, Any] = {"number": number, "incoming": incoming, "lang": lang}
    if claimed is not None:
        args["claimed"] = claimed
    return handle_tool_call("verify_number", json.dumps(args, ensure_ascii=False))


def scan_message(text: str, lang: Literal["zh", "en"] = "zh") -> str:
    """Judge every number in a message; JSON with a reply ready to send and the findings."""
    return handle_tool_call("scan_message", json.dumps({"text": text, "lang": lang}, ensure_ascii=False))


def _server_class() -> Any:
    # by module name: the type checker sees only the installed major version of mcp
    try:
        return importlib.import_module("mcp.server.mcpserver").MCPServer  # mcp 2
    except ImportError:
        return importlib.import_module("mcp.server.fastmcp").FastMCP  # mcp 1


def build_server() -> Any:
    """The server object, with both tools added (``ImportError`` without the ``mcp`` package)."""
    server = _server_class()("hotline-verify", instructions=_INSTRUCTIONS)
    for fn in (verify_number, scan_message):
        server.add_tool(fn, name=fn.__name__, description=_DESCRIPTIONS[fn.__name__])
    return server


def main() -> int:
    """Serve over stdio until the client closes the connection."""
    try:
        server = build_server()
    except ImportError:
        print(
            "hotline-verify: the MCP server needs the optional dependency; install it with "
            "pip install 'hotline-verify[mcp]'",
            file=sys.stderr,
        )
        return 2
    server.run("stdio")
    return 0


if __name__ == "__main__":
    sys.exit(main())
