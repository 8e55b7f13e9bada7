"""Named profiles: the options a table (or one indicator) uses where its rule text is silent.

A profile fixes rounding (places and mode), how a partial step counts, how a lower-is-better
(≤) row without a rule loses points, how satisfaction rows without a rule are scored, how
qualitative outcomes are read, and the grade bands (评价等次) of a total. ``PROFILES`` lists
them; ``get(name)`` returns one; ``Profile.with_options(...)`` overrides single options (a
ruleset's ``[meta.options]`` or an indicator's ``options``).

    >>> from scoring import profiles
    >>> for p in profiles.PROFILES.values(): print(p.name, p.description)
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs
from attrs import frozen

from ..errors import ScoringError

#: 优 ≥ 90, 良 [80, 90), 中 [60, 80), 差 < 60 (财预〔2020〕10号)
GRADES_90 = ((Decimal(90), "优"), (Decimal(80), "良"), (Decimal(60), "中"), (Decimal(0), "差"))
#: 优 ≥ 80, 良 [70, 80), 中 [60, 70), 差 < 60 (the national budget system's performance module)
GRADES_80 = ((Decimal(80), "优"), (Decimal(70), "良"), (Decimal(60), "中"), (Decimal(0), "差"))

_GRADE_BANDS = {"90/80/60": GRADES_90, "80/70/60": GRADES_80}


class ProfileError(ScoringError):
    """An unknown profile name or option."""


@frozen
class Profile:
    """How to score where the text is silent. Every field is an option a table may override."""

    name: str
    description: str
    places: int = 2  # decimals of an indicator's score (and of the execution score)
    rounding: str = "half_up"  # half_up (四舍五入) | truncate
    partial: str = "prorata"  # a partial step: prorata | ceil (不足一档按一档计) | floor (每满)
    reverse: str = "ratio"  # ≤ rows without a rule: ratio (weight × target/actual) | linear (0 at twice the target)
    satisfaction: str = "proportional"  # 满意度 rows without a rule: proportional | rate (weight × rate)
    qualitative: str = "lenient"  # lenient: a statement with no word of failure is met | strict: needs 完成/达到/是 …
    grades: tuple[tuple[Decimal, str], ...] = GRADES_90

    def __attrs_post_init__(self) -> None:
        choices = {
            "rounding": ("half_up", "truncate"),
            "partial": ("prorata", "ceil", "floor"),
            "reverse": ("ratio", "linear"),
            "satisfaction": ("proportional", "rate"),
            "qualitative": ("lenient", "strict"),
        }
        for field, allowed in choices.items():
            value = getattr(self, field)
            if value not in allowed:
                raise ProfileError(f"选项 {field} 应为 {' | '.join(allowed)}，而不是 {value!r}")
        if not 0 <= self.places <= 6:
            raise ProfileError(f"选项 places 应在 0 到 6 之间，而不是 {self.places}")

    @property
    def evaluate_options(self) -> dict[str, Any]:
        """The keyword options of ``scoring.evaluate`` (places, rounding, partial, reverse)."""
        return {"places": self.places, "rounding": self.rounding, "partial": self.partial, "reverse": self.reverse}

    @property
    def default_options(self) -> dict[str, Any]:
        """The keyword options of ``scoring.defaults.score_default``."""
        return {**self.evaluate_options, "satisfaction": self.satisfaction, "qualitative": self.qualitative}

    @property
    def grade_bands(self) -> str:
        for name, bands in _GRADE_BANDS.items():
            if bands == self.grades:
                return name
        return "/".join(str(b) for b, _ in self.grades[:-1])

    def grade(self, total: Decimal) -> str:
        """评价等次 of a total out of 100."""
        for bound, label in self.grades:
            if total >= bound:
                return label
        return self.grades[-1][1]

    def with_options(self, options: Mapping[str, Any] | None = None, **more: Any) -> Profile:
        """This profile with some options overridden; unknown options raise ProfileError."""
        merged = dict(options or {})
        merged.update(more)
        if not merged:
            return self
        changes: dict[str, Any] = {}
        for key, value in merged.items():
            if key == "profile":
                continue
            if key == "grades":
                changes["grades"] = _grades(value)
            elif key == "rounding" and isinstance(value, str) and value[-1:].isdigit() and "_" in value:
                # shorthand: half_up_1, truncate_2
                mode, _, places = value.rpartition("_")
                changes["rounding"] = mode
                changes["places"] = int(places)
            elif key == "places":
                try:
                    changes["places"] = int(str(value))
                except ValueError:
                    raise ProfileError(f"选项 places 应为整数，而不是 {value!r}") from None
            elif key in ("rounding", "partial", "reverse", "satisfaction", "qualitative"):
                changes[key] = str(value)
            else:
                known = "places, rounding, partial, reverse, satisfaction, qualitative, grades"
                raise ProfileError(f"未知选项 {key!r}（可用: {known}）")
        name = self.name if self.name.endswith("*") else self.name + "*"
        return attrs.evolve(self, name=name, **changes)


def _grades(value: Any) -> tuple[tuple[Decimal, str], ...]:
    if isinstance(value, str):
        key = value.replace(" ", "")
        if key in _GRADE_BANDS:
            return _GRADE_BANDS[key]
        raise ProfileError(f"评价等次应为 {' | '.join(_GRADE_BANDS)}，而不是 {value!r}")
    raise ProfileError(f"评价等次应写作字符串 {' | '.join(_GRADE_BANDS)}，而不是 {value!r}")


def _p(name: str, description: str, **options: Any) -> Profile:
    return Profile(name, description, **options)


PROFILES: dict[str, Profile] = {
    p.name: p
    for p in (
        _p(
            "default",
            "2位小数四舍五入；不足一档按比例；反向指标按 指标值/实际值；满意度按完成比例；等次90/80/60（财预〔2020〕10号）",
        ),
        _p("one-decimal", "1位小数四舍五入（部分自评表的口径），其余同 default", places=1),
        _p("truncate", "2位小数截尾（不四舍五入），其余同 default", rounding="truncate"),
        _p("truncate-1", "1位小数截尾，其余同 default", places=1, rounding="truncate"),
        _p("ceil-steps", "不足一档按一档计（步长向上取整），其余同 default", partial="ceil"),
        _p("floor-steps", "不足一档不计（只计满档），其余同 default", partial="floor"),
        _p(
            "linear-reverse",
            "反向指标超出指标值时线性递减，到两倍指标值为0（预算管理一体化系统的算法），其余同 default",
            reverse="linear",
        ),
        _p(
            "satisfaction-rate",
            "无评分标准的满意度指标按 分值×满意度 计（不看指标值），其余同 default",
            satisfaction="rate",
        ),
        _p(
            "strict-qualitative",
            "定性指标须明确写明完成/达到/是等才得满分，其余需评定等级或人工给分，其余同 default",
            qualitative="strict",
        ),
        _p(
            "grades-80",
            "评价等次 优≥80、良70–80、中60–70、差<60（一体化系统绩效模块），其余同 default",
            grades=GRADES_80,
        ),
        _p(
            "national",
            "预算管理一体化系统口径：反向指标线性递减、等次80/70/60，2位小数四舍五入",
            reverse="linear",
            grades=GRADES_80,
        ),
    )
}

DEFAULT = PROFILES["default"]


def get(name: str | None) -> Profile:
    """The profile called ``name`` (None → default); ProfileError lists the names otherwise."""
    if name is None or name == "":
        return DEFAULT
    try:
        return PROFILES[name]
    except KeyError:
        raise ProfileError(f"未知的评分口径 {name!r}；可用: {', '.join(PROFILES)}") from None


def names() -> list[str]:
    return list(PROFILES)


def describe() -> str:
    """One line per profile: its name and what it does."""
    width = max(len(n) for n in PROFILES)
    return "\n".join(f"{p.name:<{width}}  {p.description}" for p in PROFILES.values())


__all__ = ["DEFAULT", "GRADES_80", "GRADES_90", "PROFILES", "Profile", "ProfileError", "describe", "get", "names"]
