"""The MCP server, driven over stdio by the MCP SDK's own client."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

pytest.importorskip("mcp", reason="the MCP server needs the optional mcp extra")

import anyio
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

from hotline_verify.chatbot import MAX_TEXT, TOOL_SCHEMA

SRC = str(Path(__file__).resolve().parents[1] / "src")
# the SDK starts servers with a minimal environment: point it at this tree, not an installed copy
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [SRC, os.environ.get("PYTHONPATH")]))}


def _field(obj, snake: str, camel: str):
    """mcp 2 names fields in snake case, mcp 1 in camel case."""
    return getattr(obj, snake) if hasattr(obj, snake) else getattr(obj, camel)


def _text(result) -> str:
    assert not _field(result, "is_error", "isError"), result
    return "".join(block.text for block in result.content if getattr(block, "type", "") == "text")


async def _session_calls() -> dict:
    params = StdioServerParameters(command=sys.executable, args=["-m", "hotline_verify._mcp_server"], env=ENV)
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        tools = await session.list_tools()
        scanned = await session.call_tool(
            "scan_message", {"text": "昨天 400-123-4567 打来电话，自称淘宝客服，要我提供验证码。"}
        )
        verified = await session.call_tool("verify_number", {"number": "95188", "lang": "en"})
        bad = await session.call_tool("verify_number", {"number": ""})
        as_int = await session.call_tool("verify_number", {"number": 95188})
        too_long = await session.call_tool("scan_message", {"text": "淘" * (MAX_TEXT + 1)})
    return {
        "tools": tools,
        "scanned": scanned,
        "verified": verified,
        "bad": bad,
        "as_int": as_int,
        "too_long": too_long,
    }


@pytest.fixture(scope="module")
def calls() -> dict:
    return anyio.run(_session_calls)


def test_lists_both_tools(calls):
    tools = {t.name: t for t in calls["tools"].tools}
    assert set(tools) == {"verify_number", "scan_message"}
    assert "number" in _field(tools["verify_number"], "input_schema", "inputSchema")["properties"]
    assert _field(tools["scan_message"], "input_schema", "inputSchema")["required"] == ["text"]


def test_scan_over_stdio(calls):
    result = json.loads(_text(calls["scanned"]))
    assert [f["text"] for f in result["findings"]] == ["400-123-4567"]
    assert result["findings"][0]["verdict"]["status"] == "unofficial"
    assert result["reply"].splitlines()[-1] == "切记：不要把短信验证码告诉任何人，包括自称客服的人。"


def test_verify_over_stdio(calls):
    result = json.loads(_text(calls["verified"]))
    assert result["verdict"]["status"] == "official"
    assert result["explanation"].startswith("Verdict: official number")


@pytest.mark.parametrize("call", ["bad", "as_int", "too_long"])
def test_bad_arguments_come_back_as_an_error_object(calls, call):
    error = json.loads(_text(calls[call]))["error"]
    assert error["code"] == "bad-arguments" and error["message"].startswith("The arguments do not fit")


def test_the_schemas_are_the_function_calling_ones(calls):
    """Every parameter has a description; strings have length limits, as in TOOL_SCHEMA."""
    tools = {t.name: _field(t, "input_schema", "inputSchema") for t in calls["tools"].tools}
    for tool in TOOL_SCHEMA:
        expected = tool["function"]["parameters"]
        listed = tools[tool["function"]["name"]]
        assert listed["required"] == expected["required"]
        for name, spec in expected["properties"].items():
            assert {k: listed["properties"][name].get(k) for k in spec} == spec
            assert listed["properties"][name]["description"]
    assert tools["verify_number"]["properties"]["number"]["maxLength"] == 200
    assert tools["scan_message"]["properties"]["text"]["maxLength"] == MAX_TEXT


def test_the_cli_starts_the_same_server():
    """``hotline-verify mcp`` answers an MCP client over stdio like the module does."""

    async def tools():
        params = StdioServerParameters(command=sys.executable, args=["-m", "hotline_verify", "mcp"], env=ENV)
        async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
            await session.initialize()
            return sorted(t.name for t in (await session.list_tools()).tools)

    assert anyio.run(tools) == ["scan_message", "verify_number"]
