"""Build hook: the packaged allowlist compiled, and the SHA-256 of what the wheel ships.

``hotline_verify/data/official_numbers.json.sha256`` is checked when the package loads the
allowlist (hotline_verify._integrity), so a changed installation is reported instead of
trusted. ``official_numbers.compiled`` (hotline_verify._compiled) holds the entries, names and
lookalike index ready to read, with its own ``.sha256``, and ``numbering_plan.compiled``
(hotline_verify._numbering) the rows of the numbering plan, so the first verdict of a process
need not parse and index the JSON files.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

DATA = "data/official_numbers.json"
PLAN = "data/numbering_plan.json"
TARGET = "hotline_verify/data/"


def _digest_line(path: Path) -> str:
    return f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}\n"


class AllowlistDigestHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads the data from the checkout: nothing to pin
        root = Path(self.root)
        self._tmp = tempfile.mkdtemp(prefix="hotline-verify-build-")
        tmp = Path(self._tmp)
        compiled = tmp / "official_numbers.compiled"
        # compiled by the package's own code in a process of its own, which sees what this one
        # sees (an isolated build adds its requirements, attrs among them, to the path)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "src"), *filter(None, sys.path)])}
        subprocess.run(
            [sys.executable, "-m", "hotline_verify._compiled", str(root / DATA), str(compiled)],
            check=True,
            env=env,
            cwd=tmp,
        )
        # the numbering plan's rows, so the first verdict need not parse its JSON either
        subprocess.run(
            [
                sys.executable,
                "-m",
                "hotline_verify._numbering",
                str(root / PLAN),
                str(tmp / "numbering_plan.compiled"),
            ],
            check=True,
            env=env,
            cwd=tmp,
        )
        for name, content in (
            ("official_numbers.json.sha256", _digest_line(root / DATA)),
            ("official_numbers.compiled.sha256", _digest_line(compiled)),
        ):
            (tmp / name).write_text(content, "ascii")
        for name in (
            "official_numbers.compiled",
            "numbering_plan.compiled",
            "official_numbers.json.sha256",
            "official_numbers.compiled.sha256",
        ):
            build_data["force_include"][str(tmp / name)] = TARGET + name

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
