"""The hooks in .pre-commit-hooks.yaml point at real commands and pick the right files."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit in the test extra")
ROOT = Path(__file__).resolve().parents[1]
HOOKS = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))}


def test_hook_ids_and_entries():
    assert HOOKS["hotline-verify"]["entry"] == "hotline-verify scan"
    assert HOOKS["hotline-verify-data"]["entry"] == "hotline-verify check-data"
    assert all(h["language"] == "python" for h in HOOKS.values())


@pytest.mark.parametrize(
    ("path", "matches"),
    [
        ("data/official_numbers.json", True),
        ("config/allowlist.json", True),
        ("support.allowlist.json", True),
        ("package.json", False),
        ("docs/official_numbers.md", False),
    ],
)
def test_data_hook_files(path, matches):
    assert bool(re.search(HOOKS["hotline-verify-data"]["files"], path)) is matches


@pytest.mark.parametrize(
    "path",
    [
        "data/official_numbers.json",
        "official_numbers.json",
        "config/allowlist.json",
        "support.allowlist.json",
        "docs/examples/acme.allowlist.json",
    ],
)
def test_scan_hook_leaves_allowlist_files_to_the_data_hook(path):
    assert re.search(HOOKS["hotline-verify-data"]["files"], path)
    assert re.search(HOOKS["hotline-verify"]["exclude"], path)


@pytest.mark.parametrize("path", ["docs/help.md", "package.json", "allowlist.md", "my_allowlist.json.bak"])
def test_scan_hook_still_reads_other_files(path):
    assert not re.search(HOOKS["hotline-verify"]["exclude"], path)


PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _documented_configs():
    for page in PAGES:
        for block in re.findall(r"^```yaml\n(.*?)^```", page.read_text("utf-8"), re.DOTALL | re.MULTILINE):
            config = yaml.safe_load(block)
            if isinstance(config, dict) and "repos" in config:
                yield page.name, config


def test_documented_pre_commit_configs_pin_a_commit_or_are_local():
    """No tag that does not exist: a remote repository is pinned by a full commit hash."""
    configs = list(_documented_configs())
    assert configs
    for page, config in configs:
        for repo in config["repos"]:
            if repo["repo"] != "local":
                assert re.fullmatch(r"[0-9a-f]{40}", str(repo["rev"])), (page, repo["rev"])
            assert {h["id"] for h in repo["hooks"]} <= set(HOOKS), page


def test_the_documented_local_hooks_match_the_published_ones():
    for _, config in _documented_configs():
        for repo in config["repos"]:
            if repo["repo"] == "local":
                for hook in repo["hooks"]:
                    published = HOOKS[hook["id"]]
                    for key in ("entry", "types", "files", "exclude"):
                        assert hook.get(key) == published.get(key), (hook["id"], key)


def test_the_docs_install_nothing_from_a_package_index():
    for page in PAGES:
        text = page.read_text("utf-8")
        assert "pip install hotline-verify" not in text and "pip install 'hotline-verify[" not in text, page


# pre-commit installs the hook's environment from the package index
@pytest.mark.network
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="the pre-commit test needs git")
def test_the_real_pre_commit_framework(tmp_path):
    pytest.importorskip("pre_commit", reason="pre-commit is in the test extra")
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if head.returncode != 0:
        pytest.skip("the repository has no commit to point pre-commit at")
    repo = tmp_path / "site"
    repo.mkdir()
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {head.stdout.strip()}\n    hooks:\n      - id: hotline-verify\n",
        "utf-8",
    )
    (repo / "help.md").write_text("# 帮助\n\n淘宝消费者热线：400-123-4567\n", "utf-8")
    env = {
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
    }
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    cmd = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
    failed = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env, timeout=600)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "help.md:3:9: unofficial-claim 4001234567" in failed.stdout and "9510211" in failed.stdout
    (repo / "help.md").write_text("# 帮助\n\n淘宝消费者热线 9510211，支付宝 95188。\n", "utf-8")
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    passed = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env, timeout=600)
    assert passed.returncode == 0, passed.stdout + passed.stderr
