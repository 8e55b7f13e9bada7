"""Numbers as people write them: Arabic with thousands commas, Chinese numerals, 万 multipliers.

Text becomes Decimal here directly, never through float.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SCALES = {"十": 10, "百": 100, "千": 1000}

WAN = Decimal(10000)
YI = Decimal(100000000)


def chinese_numeral(text: str) -> Decimal:
    """一 → 1, 十二 → 12, 两 → 2, 三十 → 30, 一百零五 → 105; 半 (半个月, 半小时) → 0.5; 一个半 (一个半月) → 1.5."""
    if text == "半":
        return Decimal("0.5")
    if text.endswith("个半"):  # 一个半月, 两个半小时: the whole number and a half
        return chinese_numeral(text[:-2]) + Decimal("0.5")
    total = 0
    current = 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in _SCALES:
            total += (current or 1) * _SCALES[ch]
            current = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return Decimal(total + current)


def arabic(text: str) -> Decimal:
    """'5,441.47' → Decimal('5441.47'); raises ValueError on anything else."""
    try:
        value = Decimal(text.replace(",", "").replace("，", ""))
    except InvalidOperation:
        raise ValueError(f"not a number: {text!r}") from None
    if not value.is_finite():
        raise ValueError(f"not a finite number: {text!r}")
    return value


def split_unit(unit: str) -> tuple[Decimal, str]:
    """A unit with a 万/亿 multiplier → (multiplier, base unit): 万元 → (10000, 元), 万 → (10000, '')."""
    if unit.startswith("万"):
        return WAN, unit[1:]
    if unit.startswith("亿"):
        return YI, unit[1:]
    return Decimal(1), unit
