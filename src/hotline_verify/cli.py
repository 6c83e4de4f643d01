"""The ``hotline-verify`` command (also ``python -m hotline_verify``).

``hotline-verify NUMBER…`` explains verdicts for a person; ``scan FILE…`` is the
pre-commit/CI check; ``check-data FILE…`` validates allowlist files; ``mcp`` serves
the tools to an MCP client. Exit codes: 0 clean, 1 findings, 2 usage error or a file
that cannot be read or decoded. Messages are in Chinese unless ``--lang en`` is given.
Nothing here touches the network.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from . import load_allowlist, merge_allowlists, packaged_allowlist
from ._allowlist import Allowlist
from ._exceptions import AllowlistError, HotlineVerifyError
from ._messages import LANGS
from ._model import Risk, Status

if TYPE_CHECKING:
    from ._datacheck import Problem

__all__ = ["main"]

COMMANDS = ("scan", "check-data", "export", "mcp")
DEFAULT_LANG = "zh"  # the library's default too (explain, reply)
_COLOURS = {
    Status.OFFICIAL: "32",
    Status.LOOKALIKE: "31",
    Status.UNOFFICIAL: "31",
    Status.UNKNOWN: "33",
    Status.INVALID: "90",
}


class _Parser(argparse.ArgumentParser):
    """argparse that returns an exit code instead of calling ``sys.exit`` mid-way."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise _UsageError(f"{self.prog}: error: {message}")

    def exit(self, status: int = 0, message: str | None = None) -> None:  # type: ignore[override]
        if message:
            print(message, end="", file=sys.stderr)
        raise _Exit(status)  # after --help or --version


class _UsageError(Exception):
    pass


class _Exit(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("hotline-verify")
    except PackageNotFoundError:  # a source tree on the path, never installed
        return "unknown (not installed)"


def _add_version(p: argparse.ArgumentParser) -> None:
    p.add_argument("--version", action="version", version=f"hotline-verify {_version()}")


def _verify_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="hotline-verify",
        description="Is this customer-service number the real one? "
        "Subcommands: scan FILE…, check-data FILE…, export vcard|blocker, mcp (each has --help).",
    )
    _add_version(p)
    p.add_argument("numbers", nargs="+", metavar="NUMBER", help="phone numbers, in any format")
    p.add_argument("--claimed", metavar="ORG", help="the organisation the number is presented as")
    p.add_argument("--incoming", action="store_true", help="the number called you (caller ID can be spoofed)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    _language_and_allowlist(p)
    return p


def _language_and_allowlist(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang",
        choices=LANGS,
        default=DEFAULT_LANG,
        help=f"language of the messages: zh (Chinese) or en (English); default {DEFAULT_LANG}",
    )
    _allowlist_options(p)


def _allowlist_options(p: argparse.ArgumentParser) -> None:
    lists = p.add_mutually_exclusive_group()
    lists.add_argument(
        "--allowlist",
        metavar="FILE",
        help="add your own allowlist file to the packaged one; a number or name the packaged list "
        "gives to another organisation is refused",
    )
    lists.add_argument(
        "--replace-allowlist",
        metavar="FILE",
        help="use this allowlist file alone, instead of the packaged one",
    )


def _scan_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="hotline-verify scan",
        description="Report lookalike, unofficial and masked numbers "
        "presented as an organisation's in the files given. Files are read as UTF-8 (with or "
        "without a BOM), UTF-16 or UTF-32 with a BOM, or GB18030/GBK; a file that is none of "
        "these is an error (exit 2).",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="files to scan; - reads standard input")
    p.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    _language_and_allowlist(p)
    p.add_argument("--baseline", metavar="FILE", help="ignore the findings recorded in this baseline")
    p.add_argument("--write-baseline", metavar="FILE", help="record the current findings as the baseline")
    return p


def _data_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="hotline-verify check-data",
        description="Validate allowlist files against the schema and the data rules.",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=("text", "json"), default="text")
    return p


def _mcp_parser() -> argparse.ArgumentParser:
    return _Parser(
        prog="hotline-verify mcp",
        description="Serve the verify_number and scan_message tools to an MCP client over standard "
        "input and output, until the client closes the connection. Needs the mcp package.",
    )


def _export_parser() -> argparse.ArgumentParser:
    from ._blocker import CHOICES, DEFAULT_SPACES, FORMATS

    p = _Parser(
        prog="hotline-verify export",
        description="Write the allowlist in a form other tools import: vcard (phone contacts) or "
        "blocker (call-blocker rules that block whole number spaces and allow every official number).",
    )
    p.add_argument(
        "target",
        metavar="{vcard,blocker}",
        choices=("vcard", "blocker"),
        help="vcard: one vCard 4.0 per organisation; blocker: allow and block rules",
    )
    p.add_argument(
        "--format",
        choices=FORMATS,
        help="blocker only: csv (a pattern column and more, the default) or wildcard (one pattern a line)",
    )
    p.add_argument(
        "--spaces",
        metavar="A,B,…",
        help=f"blocker only: what to block, from {', '.join(CHOICES)}; default {','.join(DEFAULT_SPACES)}",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    _allowlist_options(p)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "scan":
            return _scan(_scan_parser().parse_args(args[1:]))
        if args and args[0] == "check-data":
            return _check_data(_data_parser().parse_args(args[1:]))
        if args and args[0] == "export":
            return _export(_export_parser().parse_args(args[1:]))
        if args and args[0] == "mcp":
            _mcp_parser().parse_args(args[1:])  # --help answers here, before any server starts
            from ._mcp_server import main as serve

            return serve()
        return _verify(_verify_parser().parse_args(args))
    except _Exit as exc:
        return exc.status
    except _UsageError as exc:
        print(exc, file=sys.stderr)
        return 2
    except HotlineVerifyError as exc:  # an allowlist or baseline that cannot be used
        print(f"hotline-verify: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader went away (| head): not our error to report
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _allowlist(args: argparse.Namespace) -> Allowlist | None:
    """The packaged list, extended by ``--allowlist`` or replaced by ``--replace-allowlist``."""
    if args.replace_allowlist:
        return load_allowlist(args.replace_allowlist)
    if not args.allowlist:
        return None
    own = load_allowlist(args.allowlist)  # a broken file fails here, with its own message
    try:
        return merge_allowlists(packaged_allowlist(), own)
    except AllowlistError as exc:
        conflict = str(exc).partition("; pass override=True")[0]  # the library's way, not the command's
        raise AllowlistError(
            f"{conflict}\nhotline-verify: --allowlist adds to the packaged list and refuses to take over its "
            f"numbers and names; to use {args.allowlist} alone, pass --replace-allowlist {args.allowlist}",
            path=exc.path,
            problems=exc.problems,
        ) from None


def _colour(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ


def _verify(args: argparse.Namespace) -> int:
    from ._verify import verify

    allowlist = _allowlist(args)
    verdicts = [
        verify(n, claimed=args.claimed, incoming=args.incoming, allowlist=allowlist) for n in args.numbers
    ]
    if args.json:
        print(json.dumps([v.to_dict() for v in verdicts], ensure_ascii=False, indent=2))
    else:
        colour = _colour(sys.stdout)
        blocks = []
        for v in verdicts:
            text = f"{v.input}\n{v.explain(args.lang)}"
            if colour:
                first, _, rest = text.partition("\n")
                text = (
                    f"\033[1m{first}\033[0m\n\033[{_COLOURS[v.status]}m{rest.splitlines()[0]}\033[0m"
                    + "\n"
                    + "\n".join(rest.splitlines()[1:])
                )
            blocks.append(text)
        print("\n\n".join(blocks))
    risky = any(v.status in (Status.LOOKALIKE, Status.UNOFFICIAL) or v.risk is Risk.HIGH for v in verdicts)
    return 1 if risky else 0


def _scan(args: argparse.Namespace) -> int:
    from ._baseline import read_baseline, write_baseline
    from ._files import check_files
    from ._reporters import REPORTERS

    allowlist = _allowlist(args)
    ignored = read_baseline(args.baseline) if args.baseline else frozenset()
    checked = check_files(args.files, allowlist=allowlist, ignored=ignored, stdin=sys.stdin.buffer)
    for s in checked.failed:
        print(f"hotline-verify: {s.path}: {s.reason}", file=sys.stderr)
    for s in checked.skipped:
        print(f"hotline-verify: {s.path}: {s.reason}", file=sys.stderr)
    if args.write_baseline:
        write_baseline(args.write_baseline, checked.findings)
    else:
        # machine formats are written in full even when a file failed: CI uploads them as they are
        sys.stdout.write(REPORTERS[args.format](checked, lang=args.lang))
    if checked.failed:
        return 2
    return 1 if checked.findings and not args.write_baseline else 0


def _export(args: argparse.Namespace) -> int:
    if args.target == "vcard":
        if args.format or args.spaces:
            raise _UsageError(
                "hotline-verify export: --format and --spaces apply to blocker rules, not vcard"
            )
        from ._vcard import export_vcards

        data = export_vcards(allowlist=_allowlist(args)).encode("utf-8")
    else:
        from ._blocker import DEFAULT_SPACES, export_block_rules

        spaces = (
            DEFAULT_SPACES
            if args.spaces is None
            else [s.strip() for s in args.spaces.split(",") if s.strip()]
        )
        allowlist = _allowlist(args)  # a broken file is its own error, not one of --spaces
        try:
            text = export_block_rules(spaces=spaces, allowlist=allowlist, format=args.format or "csv")
        except ValueError as exc:
            raise _UsageError(f"hotline-verify export: --spaces: {exc}") from None
        data = text.encode("utf-8")
    if args.output:
        try:
            with open(args.output, "wb") as handle:  # bytes: the CRLF line ends stay as they are
                handle.write(data)
        except OSError as exc:
            print(
                f"hotline-verify: {args.output}: cannot write the file: {exc.strerror or exc}",
                file=sys.stderr,
            )
            return 2
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return 0


def _check_data(args: argparse.Namespace) -> int:
    from ._datacheck import check_data

    problems: list[Problem] = []
    unreadable: list[AllowlistError] = []
    valid = 0
    for path in args.files:
        try:
            found = _syntax_problems(path) or check_data(path)
        except AllowlistError as exc:
            print(f"hotline-verify: {exc}", file=sys.stderr)
            unreadable.append(exc)
            continue
        problems += found
        valid += not found
    if args.format == "json":
        errors: list[dict[str, str | None]] = [
            {"filename": p.file, "path": p.pointer, "message": p.message} for p in problems
        ]
        errors += [{"filename": e.path, "path": None, "message": str(e)} for e in unreadable]
        data = {
            "status": "fail" if errors else "ok",
            "valid": valid,
            "files": len(args.files),
            "errors": errors,
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for p in problems:
            print(p)
        print(_count(valid, len(args.files)))
    if unreadable:
        return 2
    return 1 if problems else 0


def _count(valid: int, total: int) -> str:
    files = "file" if total == 1 else "files"
    if valid == total:
        return f"{total} {files} valid"
    return f"{valid} of {total} {files} valid"


def _syntax_problems(path: str) -> tuple[Problem, ...]:
    """A JSON syntax error as a problem at ``/`` whose message starts with ``line:col``.

    Anything else (a file that cannot be read, valid JSON) is left to ``check_data``.
    """
    from ._allowlist import parse_json, read_file
    from ._datacheck import Problem

    try:
        name, raw = read_file(path)
        parse_json(raw, name)
    except AllowlistError as exc:
        where, _, message = str(exc).partition(": ")
        position = where[len(path) + 1 :] if where.startswith(path) else ""
        if position and message.startswith("not valid JSON"):
            return (Problem(path, "/", f"{position}: {message}"),)
    return ()
