"""docs/semantics.md is cited by section number (§93) from code, tests and readings: each number once, in order."""

from __future__ import annotations

import re
from pathlib import Path

SEMANTICS = Path(__file__).resolve().parent.parent / "docs" / "semantics.md"


def test_semantics_sections_are_numbered_once_and_in_order() -> None:
    numbers = [int(n) for n in re.findall(r"(?m)^## (\d+)\. ", SEMANTICS.read_text(encoding="utf-8"))]
    assert numbers, "no numbered sections found"
    assert len(numbers) == len(set(numbers)), sorted({n for n in numbers if numbers.count(n) > 1})
    assert numbers == sorted(numbers)
