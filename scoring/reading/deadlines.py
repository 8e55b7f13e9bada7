"""Worded bands on a date (semantics §88): ``2024年11月底前完成得满分，12月底前完成得3分，逾期不得分`` read as
successive deadlines, and a completion date answered against them.

The bands are the rule's worded clauses with a deadline (``Label.deadline`` / ``TargetMet.deadline``), in the
order written, and at most one late band after them (逾期, 之后完成, 次年完成, 未按期开工, 8月底以后开工). A band
whose deadline has no year takes it from the bands that state one (or from the row's target); a year is never
invented: a rule whose deadlines have no year anywhere compares a date answered without a year by its month and
day, and refuses a date with a year; a rule with a year refuses a date without one. A date answered scores the
first band whose deadline it does not pass; past them all, the late band (a gap before a late band's start, or
with no late band, scores 0, as domain point 1 says)."""

from __future__ import annotations

import calendar
import datetime
import itertools
import re

from attrs import frozen

from ..rules.lexicon import words
from ..rules.nodes import Award, Label, MonthDay, Otherwise, Requirement, Rule, TargetMet
from .cells import read_date

Day = datetime.date | MonthDay

_ANSWER = re.compile(
    r"^\s*(?:(?P<y>(?:19|20)\d\d)\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*[日号])?\s*$"
    r"|^\s*(?P<y2>(?:19|20)\d\d)\s*[-./]\s*(?P<m2>\d{1,2})\s*[-./]\s*(?P<d2>\d{1,2})\s*$"
)


@frozen
class Answered:
    """A completion date as answered: the first and last day it may be (one day, or a whole month written
    without its day), with or without a year."""

    first: Day
    last: Day
    text: str


def answer_date(text: str) -> Answered | None:
    """``2024年6月15日`` / ``2024-06-15`` / ``6月20日`` / ``2024年12月`` (the whole month): a date answered, or None
    (the text is not a date alone)."""
    m = _ANSWER.match(text)
    if m is None:
        return None
    year = m["y"] or m["y2"]
    month = int(m["m"] or m["m2"])
    day = m["d"] or m["d2"]
    if not 1 <= month <= 12:
        return None
    if year is None:
        last = 29 if month == 2 else calendar.monthrange(2001, month)[1]
        if day is None:
            return None if month == 2 else Answered(MonthDay(month, 1), MonthDay(month, last), text.strip())
        if not 1 <= int(day) <= last:
            return None
        return Answered(MonthDay(month, int(day)), MonthDay(month, int(day)), text.strip())
    y = int(year)
    last = calendar.monthrange(y, month)[1]
    if day is None:
        return Answered(datetime.date(y, month, 1), datetime.date(y, month, last), text.strip())
    if not 1 <= int(day) <= last:
        return None
    d = datetime.date(y, month, int(day))
    return Answered(d, d, text.strip())


@frozen
class DateBands:
    """The worded bands of a rule as successive deadlines, their years resolved where the text states one."""

    bands: tuple[tuple[Award, Day], ...]  # in the order written, each deadline later than the one before
    late: Award | None  # 逾期 / 之后完成 / 未按期开工 / 8月底以后开工: past the last deadline
    start: Day | None  # the day the late band starts after (8月底以后: 8月31日), when it states one
    yearless: bool  # no deadline states a year (nor the row's target): dates are compared by month and day
    next_year: bool  # a band names the next year (次年完成): a date without a year cannot be placed


def _late(a: Award) -> bool:
    c = a.condition
    if isinstance(c, Otherwise):
        return True
    if not isinstance(c, (Label, TargetMet)):
        return False
    return c.negated or (isinstance(c, Label) and c.start is not None) or c.text.startswith(words("late"))


def _due(a: Award, awards: list[Award]) -> Day | None:
    """The deadline of a worded band: its own, or for 下半年完成 before a later band (年底未完成的不得分) the half's last
    day, 12月31日: the half is the band from 7月1日 to then (ninth probe G12). As the last band 下半年 is the late band
    from 6月30日 on, as before."""
    c = a.condition
    if not isinstance(c, (Label, TargetMet)):
        return None
    if c.deadline is not None:
        return c.deadline
    if (
        isinstance(c, Label) and not c.negated and c.start == MonthDay(6, 30) and a is not awards[-1]
        and c.text.removeprefix("在").removeprefix("于").startswith(words("second_half"))
    ):  # fmt: skip
        return MonthDay(12, 31)
    return None


def _key(d: Day) -> tuple[int, int]:
    return (d.month, d.day)


def row_year(target: str | None) -> int | None:
    """The year the row's target states at its start (``2025年10月底前`` → 2025), which a deadline without a year
    in the rule takes (semantics §88, §124); None where the target states none."""
    if not target or not re.match(r"^\s*(?:19|20)\d\d\s*年", target):
        return None
    t = read_date(target)
    return t[0] if t is not None else None


def date_bands(rule: Rule, target: str | None) -> DateBands | str:
    """The rule's worded bands as successive deadlines, or why they cannot be read so (in Chinese)."""
    awards = [a for a in rule.awards if isinstance(a.condition, (Label, TargetMet, Otherwise))]
    if rule.deductions or rule.proportional is not None or len(awards) != len(rule.awards) or rule.vetoes:
        return "这条规则不只按完成日期分档计分"
    due = {id(a): d for a in awards if (d := _due(a, awards)) is not None}
    dated = [a for a in awards if id(a) in due]
    if len(dated) > 1 and dated[-1] is awards[-1] and dated[-1].condition.negated:  # type: ignore[union-attr]
        dated.pop()  # 9月底前仍未完成的不得分 after the deadlines: the late band, from its deadline on (§90)
    if not dated:
        if any(isinstance(c, Requirement) and c.deadline is not None for c in rule.clauses):
            # 年度决算报表于次年3月31日前报送，逾期不得分: the deadline is the requirement's; no band scores by date (§94)
            return "这条规则的期限只写在要求里，没有按完成日期分档的得分"
        return "这条规则没有写完成期限"
    rest = [a for a in awards if not any(a is d for d in dated)]
    if len(rest) > 1 or any(not _late(a) for a in rest) or (rest and awards[-1] is not rest[0]):
        return "这条规则除期限外还有别的文字条件，不能按日期分档"
    late = rest[0] if rest else None
    years = {d.condition.deadline.year for d in dated if isinstance(d.condition.deadline, datetime.date)}  # type: ignore[union-attr]
    if not years and (y := row_year(target)) is not None:
        years = {y}
    if len(years) > 1 and any(isinstance(d.condition.deadline, MonthDay) for d in dated):  # type: ignore[union-attr]
        return "各档期限的年份不一，没有写年份的期限不能补出年份"
    year = next(iter(years)) if len(years) == 1 else None

    def resolve(d: Day) -> Day:
        if isinstance(d, MonthDay) and year is not None:
            return datetime.date(year, d.month, min(d.day, calendar.monthrange(year, d.month)[1]))
        return d

    bands = tuple((a, resolve(due[id(a)])) for a in dated)
    for (_, before), (_, after) in itertools.pairwise(bands):
        if _order(after) <= _order(before):
            return "各档期限没有依次推后（年份不能推断）"
    start = late.condition.start if late is not None and isinstance(late.condition, Label) else None
    if late is not None and isinstance(late.condition, (Label, TargetMet)) and late.condition.deadline is not None:
        start = late.condition.deadline
        if _order(resolve(start)) < _order(bands[-1][1]):
            return "“仍未完成”的期限早于前面的期限，不能按日期分档"
    next_year = any(isinstance(a.condition, (Label, TargetMet)) and a.condition.text.startswith(words("next_year"))
                    for a in awards)  # fmt: skip
    return DateBands(bands, late, resolve(start) if start is not None else None, not years, next_year)


def _order(d: Day) -> tuple[int, int, int]:
    return (d.year, d.month, d.day) if isinstance(d, datetime.date) else (0, d.month, d.day)


def place(db: DateBands, when: Answered) -> tuple[Award | None, str]:
    """The band a completion date falls in (None: a gap, scored 0), and how it was read; raises ValueError with
    the refusal where the date cannot be compared with the deadlines."""
    if db.yearless and isinstance(when.first, datetime.date):
        raise ValueError(f"规则的期限没有写年份，不能与“{when.text}”比较（年份不推断）：请填写是否按期，或规则中的等级")
    if not db.yearless and isinstance(when.first, MonthDay):
        raise ValueError(f"规则的期限写了年份，“{when.text}”没有年份：请写出完成日期的年份")
    if db.yearless and db.next_year:
        raise ValueError(f"规则提到次年，“{when.text}”没有年份，不能确定是哪一年：请写出年份，或填写规则中的等级")
    if isinstance(when.first, MonthDay) and (when.first.month, when.first.day) == (2, 29):
        raise ValueError(f"“{when.text}”只在闰年才有，没有年份不能确认这一天：请写出完成日期的年份")
    first, last = _band(db, when.first), _band(db, when.last)
    if first[0] is not last[0]:
        raise ValueError(f"“{when.text}”跨了两档期限：请写出完成的具体日期")
    return first


def _band(db: DateBands, d: Day) -> tuple[Award | None, str]:
    before: Day | None = None
    for a, deadline in db.bands:
        if _order(d) <= _order(deadline):
            after = f"晚于{_show(before)}、" if before is not None else ""
            return a, f"完成日期{after}不晚于{_show(deadline)}"
        before = deadline
    last = db.bands[-1][1]
    if db.start is not None and _order(d) <= _order(db.start):
        return None, f"完成日期晚于{_show(last)}、不晚于{_show(db.start)}：没有一档包含它"
    if db.late is None:
        return None, f"完成日期晚于{_show(last)}：没有一档包含它"
    return db.late, f"完成日期晚于{_show(last)}"


def _show(d: Day) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if isinstance(d, datetime.date) else str(d)
