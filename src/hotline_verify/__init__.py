"""hotline_verify: is this customer-service number the real one?

```python
>>> import hotline_verify as hv
>>> hv.verify("9510211").status
<Status.OFFICIAL: 'official'>
>>> hv.verify("400-123-4567", claimed="淘宝").status.value
'unofficial'
>>> [(f.text, f.status.value) for f in hv.scan("支付宝客服 95188，不是 4OO-988-8898")]
[('95188', 'official'), ('4OO-988-8898', 'lookalike')]

```
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ._allowlist import Allowlist, load_allowlist, packaged_allowlist
from ._exceptions import AllowlistError, HotlineVerifyError, InvalidNumber
from ._lookalike import generate
from ._model import (
    Case,
    Evidence,
    LookalikeKind,
    NumberKind,
    OfficialNumber,
    Organisation,
    Reason,
    Risk,
    Source,
    Status,
)
from ._normalize import normalize
from ._verdict import Verdict
from ._verify import verify

if TYPE_CHECKING:
    from ._blocker import export_block_rules
    from ._datacheck import Problem, check_data
    from ._html import HtmlFinding, scan_html
    from ._many import verify_many
    from ._merge import merge_allowlists
    from ._scan import Finding, scan
    from ._variant import Lookalike
    from ._vcard import export_vcards

# imported on first use: a program that only verifies numbers never pays for the scanner,
# verify_many(), the HTML reader, the data checker, the vCard writer or the lookalike record
_LAZY = {
    "Lookalike": "_variant",
    "Finding": "_scan",
    "scan": "_scan",
    "HtmlFinding": "_html",
    "scan_html": "_html",
    "Problem": "_datacheck",
    "check_data": "_datacheck",
    "merge_allowlists": "_merge",
    "verify_many": "_many",
    "export_vcards": "_vcard",
    "export_block_rules": "_blocker",
}

__all__ = [
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
]


def lookalikes(number: str, /, *, kinds: Iterable[str] | None = None) -> Iterator[Lookalike]:
    """Enumerate lookalike variants of ``number``, kind by kind.

    ``kinds`` picks some of the [`LookalikeKind`][hotline_verify.LookalikeKind] names; an unknown name raises
    ``ValueError``. The number is normalized first ([`InvalidNumber`][hotline_verify.InvalidNumber] if it
    cannot be read).

        >>> [v.number for v in lookalikes("400-988-8898", kinds=["prefix-swap", "international"])]
        ['8009888898', '+4009888898', '004009888898']
    """
    from ._lookalike import parse_kinds

    chosen = parse_kinds(kinds)  # fail on a bad kind before reading the number
    canonical = normalize(number)
    entry = packaged_allowlist().lookup(canonical)
    national = entry is None or entry.scope == "national"
    return generate(canonical, kinds=[k.value for k in chosen], national=national)


def _show_here(obj: Any) -> None:
    """Public classes live in private modules; show them where users import them from."""
    if getattr(obj, "__module__", "").startswith("hotline_verify._"):
        obj.__module__ = __name__


for _name in __all__:
    if _name not in _LAZY:
        _show_here(globals()[_name])
del _name


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is not None:
        obj = getattr(importlib.import_module(f"{__name__}.{module}"), name)
        _show_here(obj)
        globals()[name] = obj
        return obj
    if name == "__version__":
        from importlib.metadata import version

        return version("hotline-verify")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
