"""Where the data files shipped with the package lie, and reading them.

Plain strings and ``open()`` rather than ``pathlib``: importing pathlib costs about 4 ms,
a twentieth of the package's start-up, and nothing here needs more than a join.
"""

from __future__ import annotations

import os

__all__ = ["data_file", "read_bytes", "sibling", "write_bytes"]

_HERE = os.path.dirname(os.path.abspath(__file__))


def data_file(name: str, /) -> str:
    """The data file ``name``: inside the installed package, else at the root of the source tree
    (a checkout or an editable install)."""
    installed = os.path.join(_HERE, "data", name)
    if os.path.isfile(installed):
        return installed
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
    return os.path.join(root, "data", name)


def sibling(path: str | os.PathLike[str], name: str, /) -> str:
    """The file ``name`` in the directory of ``path``."""
    return os.path.join(os.path.dirname(os.fspath(path)), name)


def read_bytes(path: str | os.PathLike[str], /) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def write_bytes(path: str | os.PathLike[str], data: bytes, /) -> None:
    with open(path, "wb") as f:
        f.write(data)
