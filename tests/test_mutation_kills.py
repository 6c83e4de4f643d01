"""Tests that kill mutants which survived the suite (see docs/hardening.md)."""

from __future__ import annotations

import hotline_verify as hv
