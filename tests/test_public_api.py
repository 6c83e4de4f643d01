"""The public surface: what users may import, and nothing else by accident."""

from __future__ import annotations

import importlib
import pkgutil

import hotline_verify

PUBLIC = {
    "Allowlist",
    "AllowlistError",
    "Case",
    "Evidence",
    "Finding",
    "HotlineVerifyError",
    "HtmlFinding",
    "InvalidNumber",
    "Lookalike",
    "LookalikeKind",
    "NumberKind",
    "OfficialNumber",
    "Organisation",
    "Problem",
    "Reason",
    "Risk",
    "Source",
    "Status",
    "Verdict",
    "check_data",
    "export_block_rules",
    "export_vcards",
    "load_allowlist",
    "lookalikes",
    "merge_allowlists",
    "normalize",
    "packaged_allowlist",
    "scan",
    "scan_html",
    "verify",
    "verify_many",
}
PUBLIC_SUBMODULES = {"batch", "chatbot", "cli"}


def test_all_is_pinned() -> None:
    assert set(hotline_verify.__all__) == PUBLIC


def test_every_other_module_is_private() -> None:
    names = {m.name for m in pkgutil.iter_modules(hotline_verify.__path__)}
    public = {n for n in names if not n.startswith("_")}
    assert public == PUBLIC_SUBMODULES


def test_exported_classes_name_the_package() -> None:
    for name in hotline_verify.__all__:
        obj = getattr(hotline_verify, name)
        if isinstance(obj, type):
            assert obj.__module__ == "hotline_verify", name


def _module_imports() -> dict[str, set[str]]:
    """Module -> the package modules it imports at module level (not inside functions)."""
    import ast
    from pathlib import Path

    root = Path(hotline_verify.__file__).parent
    graph: dict[str, set[str]] = {}
    for path in root.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found: set[str] = set()
        for node in tree.body:  # top level only: imports inside functions are lazy
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                if node.module:
                    found.add(node.module)
                else:
                    found.update(a.name for a in node.names)
        graph[path.stem] = found
    return graph


def test_no_import_cycles() -> None:
    graph = _module_imports()
    state: dict[str, int] = {}

    def visit(name: str, trail: tuple[str, ...]) -> None:
        if state.get(name) == 2:
            return
        assert state.get(name) != 1, " -> ".join((*trail, name))
        state[name] = 1
        for dep in sorted(graph.get(name, ())):
            visit(dep, (*trail, name))
        state[name] = 2

    for name in sorted(graph):
        visit(name, ())


def test_version_comes_from_metadata() -> None:
    assert importlib.metadata.version("hotline-verify") == hotline_verify.__version__
