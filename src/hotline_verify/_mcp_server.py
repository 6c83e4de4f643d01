"""An MCP server over stdio exposing ``verify_number`` and ``scan_message`` as tools.

Needs the ``mcp`` package (the ``mcp`` extra: ``pip install '.[mcp]'`` from a checkout). Run it with
``hotline-verify mcp``; the tools answer with the same JSON as
[`handle_tool_call()`][hotline_verify.chatbot.handle_tool_call].
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable
from typing import Annotated, Any

from .chatbot import TOOL_SCHEMA, handle_tool_call

__all__ = ["build_server", "main"]

_DESCRIPTIONS = {t["function"]["name"]: t["function"]["description"] for t in TOOL_SCHEMA}
_PARAMETERS = {t["function"]["name"]: t["function"]["parameters"] for t in TOOL_SCHEMA}
_INSTRUCTIONS = (
    "Check customer-service phone numbers (mainland China) against a list of official numbers. "
    "Use scan_message on a whole message and verify_number on one number; show the user the reply or "
    "explanation as it is."
)


def _as_in_tool_schema(tool: str, name: str) -> Any:
    """A parameter the SDK passes through unchecked, advertised with TOOL_SCHEMA's JSON Schema.

    The SDK would otherwise check types itself and answer a wrong type (a number given as
    an int) with its own validation text; handle_tool_call answers the documented error object.
    """
    from pydantic import Field  # installed with mcp

    spec = _PARAMETERS[tool]["properties"][name]

    def advertise(schema: dict[str, Any]) -> None:
        schema.clear()
        schema.update(spec)  # description, type, length limits; no "default": null

    return Field(json_schema_extra=advertise)


def _call(tool: str, given: dict[str, Any]) -> str:
    args = {k: v for k, v in given.items() if v is not None}  # None: left out by the client
    return handle_tool_call(tool, json.dumps(args, ensure_ascii=False))


def _tools() -> tuple[Callable[..., str], Callable[..., str]]:
    def verify_number(
        number: Annotated[Any, _as_in_tool_schema("verify_number", "number")],
        claimed: Annotated[Any, _as_in_tool_schema("verify_number", "claimed")] = None,
        incoming: Annotated[Any, _as_in_tool_schema("verify_number", "incoming")] = None,
        lang: Annotated[Any, _as_in_tool_schema("verify_number", "lang")] = None,
    ) -> str:
        """Judge one number; JSON with the verdict and an explanation."""
        return _call(
            "verify_number", {"number": number, "claimed": claimed, "incoming": incoming, "lang": lang}
        )

    def scan_message(
        text: Annotated[Any, _as_in_tool_schema("scan_message", "text")],
        lang: Annotated[Any, _as_in_tool_schema("scan_message", "lang")] = None,
    ) -> str:
        """Judge every number in a message; JSON with a reply ready to send and the findings."""
        return _call("scan_message", {"text": text, "lang": lang})

    return verify_number, scan_message


def _server_class() -> Any:
    # by module name: the type checker sees only the installed major version of mcp
    try:
        return importlib.import_module("mcp.server.mcpserver").MCPServer  # mcp 2
    except ImportError:
        return importlib.import_module("mcp.server.fastmcp").FastMCP  # mcp 1


def build_server() -> Any:
    """The server object, with both tools added (``ImportError`` without the ``mcp`` package)."""
    server = _server_class()("hotline-verify", instructions=_INSTRUCTIONS)
    for fn in _tools():
        server.add_tool(fn, name=fn.__name__, description=_DESCRIPTIONS[fn.__name__])
    return server


def main() -> int:
    """Serve over stdio until the client closes the connection."""
    try:
        server = build_server()
    except ImportError:
        print(
            "hotline-verify: the MCP server needs the optional dependency; install it with "
            "pip install mcp (or install hotline-verify with its mcp extra)",
            file=sys.stderr,
        )
        return 2
    server.run("stdio")
    return 0


if __name__ == "__main__":  # through the command line, so that --help answers without serving
    from .cli import main as cli

    sys.exit(cli(["mcp", *sys.argv[1:]]))
