"""Build hook: record the SHA-256 of the packaged allowlist inside the wheel.

``hotline_verify/data/official_numbers.json.sha256`` is checked when the package
loads the allowlist (hotline_verify._integrity), so a changed installation is
reported instead of trusted.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

DATA = "data/official_numbers.json"
TARGET = "hotline_verify/data/official_numbers.json.sha256"


class AllowlistDigestHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads the data from the checkout: nothing to pin
        digest = hashlib.sha256((Path(self.root) / DATA).read_bytes()).hexdigest()
        self._tmp = tempfile.mkdtemp(prefix="hotline-verify-digest-")
        out = Path(self._tmp) / "official_numbers.json.sha256"
        out.write_text(f"{digest}  official_numbers.json\n", "ascii")
        build_data["force_include"][str(out)] = TARGET

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
