"""The exceptions hotline_verify raises.

Every exception derives from [`HotlineVerifyError`][hotline_verify.HotlineVerifyError]; the two a
caller usually meets are [`InvalidNumber`][hotline_verify.InvalidNumber] (from
[`normalize()`][hotline_verify.normalize] and [`lookalikes()`][hotline_verify.lookalikes]) and
[`AllowlistError`][hotline_verify.AllowlistError] (from [`load_allowlist()`][hotline_verify.load_allowlist]).
Both are also ``ValueError``. Their messages are sentences that can be shown to a user as they are.
"""

from __future__ import annotations

__all__ = ["AllowlistError", "HotlineVerifyError", "InvalidNumber"]


class HotlineVerifyError(Exception):
    """Base class of every error raised by hotline_verify."""


class InvalidNumber(HotlineVerifyError, ValueError):
    """The text is not a phone number that can be read.

    ``code`` is a stable identifier of the problem (for example ``"masked"``).
    """

    def __init__(self, message: str, *, code: str = "invalid") -> None:
        super().__init__(message)
        self.code = code


class AllowlistError(HotlineVerifyError, ValueError):
    """An allowlist file cannot be read or breaks the format.

    ``path`` is the file (or ``None`` for data given in memory) and ``problems`` a
    tuple of ``(json_pointer, message)`` pairs, one per problem found.
    """

    def __init__(
        self, message: str, *, path: str | None = None, problems: tuple[tuple[str, str], ...] = ()
    ) -> None:
        super().__init__(message)
        self.path = path
        self.problems = problems
