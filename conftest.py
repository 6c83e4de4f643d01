"""Skip the doctests of optional parts whose extra is not installed."""

import importlib.util

collect_ignore = []
if importlib.util.find_spec("pandas") is None:
    collect_ignore += ["src/hotline_verify/batch.py", "docs/batch.md"]
