"""The MCP server, driven over stdio by the MCP SDK's own client."""

from __future__ import annotations

import json
import sys

import pytest

pytest.importorskip("mcp", reason="the MCP server is the optional extra: pip install 'hotline-verify[mcp]'")

import anyio
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


def _field(obj, snake: str, camel: str):
    """mcp 2 names fields in snake case, mcp 1 in camel case."""
    return getattr(obj, snake) if hasattr(obj, snake) else getattr(obj, camel)


def _text(result) -> str:
    assert not _field(result, "is_error", "isError"), result
    return "".join(block.text for block in result.content if getattr(block, "type", "") == "text")


async def _session_calls() -> dict:
    params = StdioServerParameters(command=sys.executable, args=["-m", "hotline_verify._mcp_server"])
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        tools = await session.list_tools()
        scanned = await session.call_tool(
            "scan_message", {"text": "昨天 400-123-4567 打来电话，自称淘宝客服，要我提供验证码。"}
        )
        verified = await session.call_tool("verify_number", {"number": "95188", "lang": "en"})
        bad = await session.call_tool("verify_number", {"number": ""})
    return {"tools": tools, "scanned": scanned, "verified": verified, "bad": bad}


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


def test_bad_arguments_come_back_as_an_error_object(calls):
    assert json.loads(_text(calls["bad"]))["error"]["code"] == "bad-arguments"


def test_the_cli_starts_the_same_server():
    """``hotline-verify mcp`` answers an MCP client over stdio like the module does."""

    async def tools():
        params = StdioServerParameters(command=sys.executable, args=["-m", "hotline_verify", "mcp"])
        async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
            await session.initialize()
            return sorted(t.name for t in (await session.list_tools()).tools)

    assert anyio.run(tools) == ["scan_message", "verify_number"]
