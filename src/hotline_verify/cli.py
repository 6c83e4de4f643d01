"""The ``hotline-verify`` command."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .verify import verify

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hotline-verify", description="Check customer-service numbers.")
    parser.add_argument("numbers", nargs="+", metavar="NUMBER")
    parser.add_argument("--claimed", metavar="ORG")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    verdicts = [verify(n, claimed=args.claimed) for n in args.numbers]
    if args.json:
        print(json.dumps([v.to_dict() for v in verdicts], ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(v.explain(args.lang) for v in verdicts))
    return 0 if all(v.status.value in ("official", "unknown") for v in verdicts) else 1
