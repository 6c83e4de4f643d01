"""The packaged allowlist's SHA-256, recorded when the wheel is built and checked on load.

The build hook (``hatch_build.py``) writes ``official_numbers.json.sha256`` next to
the data file in the wheel. A source checkout has no recorded digest, and nothing is
checked there. The check catches a data file changed after installation (by a
script, a bad merge of site-packages, a partial write); it is no defence against
someone who can also change the code next to it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from ._datafiles import read_bytes
from ._exceptions import AllowlistError

__all__ = ["DIGEST_SUFFIX", "check_digest", "digest_path", "recorded_digest", "sha256"]

DIGEST_SUFFIX = ".sha256"
_HEX = frozenset("0123456789abcdef")


def _openssl_or_builtin() -> Callable[[bytes], Any]:
    # OpenSSL's SHA-256 straight from its module: ``hashlib`` sets up every algorithm it offers
    # when imported (about 1 ms of a first verdict), and this module needs one
    try:
        from _hashlib import openssl_sha256

        openssl_sha256(b"")  # an OpenSSL that refuses it (a FIPS build, say): hashlib decides
    except (ImportError, ValueError):
        from hashlib import sha256 as builtin

        return builtin
    return openssl_sha256


_SHA256 = _openssl_or_builtin()


def sha256(raw: bytes, /) -> str:
    return str(_SHA256(raw).hexdigest())


def digest_path(data_path: str | os.PathLike[str], /) -> str:
    return os.fspath(data_path) + DIGEST_SUFFIX


def recorded_digest(data_path: str | os.PathLike[str], /) -> str | None:
    """The digest recorded for ``data_path`` (``sha256sum`` format), or ``None`` if none was."""
    path = digest_path(data_path)
    try:
        text = read_bytes(path).decode("ascii")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise AllowlistError(f"{path}: cannot read the recorded digest: {exc}", path=path) from None
    token = text.split()[0] if text.split() else ""
    if len(token) != 64 or not set(token) <= _HEX:
        raise AllowlistError(
            f"{path}: the recorded digest is not a SHA-256 digest; reinstall hotline-verify", path=path
        )
    return token


def check_digest(data_path: str | os.PathLike[str], raw: bytes, /) -> str | None:
    """Raise [`AllowlistError`][hotline_verify.AllowlistError] when ``raw`` does not match the recorded
    digest; else the digest, or ``None`` when none was recorded (and nothing was worked out)."""
    expected = recorded_digest(data_path)
    if expected is None:
        return None  # a source checkout: nothing was recorded
    found = sha256(raw)
    if found != expected:
        raise AllowlistError(
            f"{data_path}: the packaged allowlist has changed since the package was built (SHA-256 {found[:16]}…, "
            f"recorded {expected[:16]}…), so it cannot be trusted; reinstall hotline-verify",
            path=os.fspath(data_path),
        )
    return found
