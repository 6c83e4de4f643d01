"""A light base for internal records: a plain class with slots.

The public records are attrs classes. Internal ones (a reading, the facts of one verdict,
a number space …) are made per number or once per process, and are never shown to a user,
so they skip attrs: building an attrs class compiles each of its methods when the package
is imported, and a plain ``__init__`` that stores slots is the quickest to call. They are
read-only by convention: nothing assigns to a record once it is made.
"""

from __future__ import annotations

__all__ = ["Record"]


class Record:
    """Equality, hashing and a repr by the values of the fields named in ``__slots__``."""

    __slots__ = ()

    @classmethod
    def _fields(cls) -> tuple[str, ...]:
        names: tuple[str, ...] = cls.__slots__  # every record class names its fields in __slots__
        return names

    def _values(self) -> tuple[object, ...]:
        return tuple([getattr(self, name) for name in self._fields()])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Record)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields())
        return f"{type(self).__name__}({fields})"
