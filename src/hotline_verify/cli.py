"""The ``hotline-verify`` command (also ``python -m hotline_verify``).

``hotline-verify NUMBER…`` explains verdicts for a person; ``scan FILE…`` is the
pre-commit/CI check; ``check-data FILE…`` validates allowlist files; ``mcp`` serves
the tools to an MCP client. Exit codes: 0 clean, 1 findings, 2 usage error or an
unreadable file. Nothing here touches the network.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from ._allowlist import Allowlist, load_allowlist
from ._exceptions import AllowlistError, HotlineVerifyError
from ._model import Risk, Status

__all__ = ["main"]

COMMANDS = ("scan", "check-data", "export", "mcp")
_COLOURS = {
    Status.OFFICIAL: "32",
    Status.LOOKALIKE: "31",
    Status.UNOFFICIAL: "31",
    Status.UNKNOWN: "33",
    Status.INVALID: "90",
}


class _Parser(argparse.ArgumentParser):
    """argparse that returns exit code 2 instead of calling ``sys.exit`` mid-way."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise _UsageError(f"{self.prog}: error: {message}")


class _UsageError(Exception):
    pass


def _verify_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="hotline-verify",
        description="Is this customer-service number the real one? "
        "Subcommands: scan FILE…, check-data FILE…, export vcard, mcp.",
    )
    p.add_argument("numbers", nargs="+", metavar="NUMBER", help="phone numbers, in any format")
    p.add_argument("--claimed", metavar="ORG", help="the organisation the number is presented as")
    p.add_argument("--incoming", action="store_true", help="the number called you (caller ID can be spoofed)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    _language_and_allowlist(p, lang="zh")
    return p


def _language_and_allowlist(p: argparse.ArgumentParser, *, lang: str) -> None:
    p.add_argument(
        "--lang", choices=("zh", "en"), default=lang, help=f"language of the messages (default {lang})"
    )
    p.add_argument("--allowlist", metavar="FILE", help="an allowlist file instead of the packaged one")


def _scan_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="hotline-verify scan",
        description="Report lookalike, unofficial and masked numbers "
        "presented as an organisation's in the files given.",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    _language_and_allowlist(p, lang="en")
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


def _export_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="hotline-verify export",
        description="Write the allowlist in a form other tools import: vcard (phone contacts).",
    )
    p.add_argument("format", choices=("vcard",), help="vcard: one vCard 4.0 per organisation")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--allowlist", metavar="FILE", help="an allowlist file instead of the packaged one")
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
            from ._mcp_server import main as serve

            return serve()
        return _verify(_verify_parser().parse_args(args))
    except _UsageError as exc:
        print(exc, file=sys.stderr)
        return 2
    except HotlineVerifyError as exc:  # an allowlist or baseline that cannot be used
        print(f"hotline-verify: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader went away (| head): not our error to report
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _allowlist(path: str | None) -> Allowlist | None:
    return load_allowlist(path) if path else None


def _colour(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ


def _verify(args: argparse.Namespace) -> int:
    from ._verify import verify

    allowlist = _allowlist(args.allowlist)
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
    from ._files import UnreadableFile, check_files
    from ._reporters import REPORTERS

    allowlist = _allowlist(args.allowlist)
    ignored = read_baseline(args.baseline) if args.baseline else frozenset()
    try:
        findings, skipped = check_files(args.files, allowlist=allowlist, ignored=ignored)
    except UnreadableFile as exc:
        print(f"hotline-verify: {exc}", file=sys.stderr)
        return 2
    for s in skipped:
        print(f"hotline-verify: {s.path}: {s.reason}", file=sys.stderr)
    if args.write_baseline:
        write_baseline(args.write_baseline, findings)
        return 0
    sys.stdout.write(REPORTERS[args.format](findings, skipped, lang=args.lang))
    return 1 if findings else 0


def _export(args: argparse.Namespace) -> int:
    from ._vcard import export_vcards

    data = export_vcards(allowlist=_allowlist(args.allowlist)).encode("utf-8")
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

    problems = []
    unreadable: list[AllowlistError] = []
    for path in args.files:
        try:
            problems += check_data(path)
        except AllowlistError as exc:
            print(f"hotline-verify: {exc}", file=sys.stderr)
            unreadable.append(exc)
    if args.format == "json":
        errors = [{"filename": p.file, "path": p.pointer, "message": p.message} for p in problems]
        errors += [{"filename": e.path, "path": None, "message": str(e)} for e in unreadable]
        data = {"status": "fail" if errors else "ok", "errors": errors}
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for p in problems:
            print(p)
    if unreadable:
        return 2
    return 1 if problems else 0
