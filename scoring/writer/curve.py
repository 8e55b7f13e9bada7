"""Score curves: what every outcome scores under a rule.

``table(rule, target=…, weight=…)`` evaluates the rule (with ``scoring.evaluate``, so the
numbers are the ones a real evaluation gives) at a sensible set of outcomes: every band edge
and the outcome just beside it, every step of a deduction down to the floor, the target, and
the point where the score reaches 0. ``plot(curve, path)`` draws score against outcome with
the edges and the target marked, as SVG or PNG (matplotlib, the ``plot`` extra) or as clean
hand-written SVG when matplotlib is not installed.

The outcome axis is what a person types in the 实际完成值 column: a rate in %, an amount in
the row's unit (万元), or a count of events for rules that count them (每发现一例…). Band
conditions on a deviation (偏离≤5%) or on a ratio (完成指标值的90%以上) are converted to that
axis through the target: ``Axis`` (axis.py) holds the conversion, which the checks reuse to
find gaps and overlaps by interval.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_CEILING, Decimal
from pathlib import Path
from typing import Any

from attrs import frozen

from ..api import evaluate, parse
from ..errors import ScoringError
from ..reading.values import to_decimal
from ..rules.nodes import (
    Award,
    Deduction,
    Direction,
    FullMarks,
    Measure,
    Node,
    PercentBasis,
    Points,
    Range,
    Rule,
    StepKind,
    TargetMet,
    Veto,
)
from ..rules.render import number
from .axis import Axis, Interval, axis, condition_intervals, rule_of, to_axis

# a Curve holds its Axis (Curve.axis): the axis and its intervals are offered with it
__all__ = ["Axis", "Curve", "Interval", "Point", "axis", "plot", "table", "text_table"]

ZERO = Decimal(0)
HUNDRED = Decimal(100)


# ------------------------------------------------------------------ sample outcomes


def _refs(rule: Rule, ax: Axis) -> list[tuple[Decimal, str]]:
    """Edges of bands on the axis, with a label."""
    out: list[tuple[Decimal, str]] = []
    events = ax.kind == "count"
    for c in rule.clauses:
        if isinstance(c, (Award, Veto)) and c.condition is not None:
            ivs = condition_intervals(c.condition, ax, events=events) or []
            for iv in ivs:
                for v in (iv.lo, iv.hi):
                    if v is not None:
                        out.append((v, "边界"))
    return out


def _reference(rule: Rule, d: Deduction, ax: Axis) -> Decimal | None:
    if d.start is not None:
        return to_axis(d.start.value, ax)
    for a in rule.awards:
        c = a.condition
        if isinstance(c, Range) and c.measure is Measure.VALUE and isinstance(a.outcome, (FullMarks, Points)):
            edge = c.low if c.low is not None else c.high
            if edge is not None:
                return to_axis(edge.value, ax)
    return ax.target


def _step_on_axis(d: Deduction, ax: Axis, ref: Decimal) -> Decimal | None:
    if d.step is None or d.step.value <= 0:
        return None
    s = d.step
    if d.measure is Measure.DEVIATION or (s.is_percent and (d.basis is PercentBasis.RELATIVE or not ax.percent)):
        base = ax.target if ax.target is not None else ref
        if not s.is_percent:
            return s.value / ax.scale
        return abs(base) * s.value / HUNDRED if base else None
    if s.is_percent:
        return s.value
    return s.value / ax.scale if s.unit not in ("", "分") else s.value


def _cap_of(rule: Rule, d: Deduction) -> Decimal | None:
    """What the text says this step clause loses (or, for a bonus, adds) at most."""
    caps = [c for c in (d.cap, rule.bonus_cap if d.bonus else rule.cap) if c is not None]
    return min(caps) if caps else None


def _step_count(rule: Rule, d: Deduction, weight: Decimal, limit: int) -> tuple[int, int | None]:
    """How many steps to list (one past the cap or the weight), and the step where the cap is reached."""
    per = d.points_max if d.points_max is not None else d.points
    per = per if isinstance(per, Decimal) and per > 0 else Decimal(1)
    cap = _cap_of(rule, d)
    reach = weight if cap is None else min(cap, weight) if not d.bonus else cap
    n = int((reach / per).to_integral_value(rounding=ROUND_CEILING))
    at = n if cap is not None and (d.bonus or cap < weight) else None
    return min(limit, n + 1), at


def _cap_label(d: Deduction) -> str:
    return "加分达上限" if d.bonus else "扣分达上限"


def _steps(rule: Rule, ax: Axis, weight: Decimal, limit: int = 60) -> list[tuple[Decimal, str]]:
    out: list[tuple[Decimal, str]] = []
    for d in rule.deductions:
        n, at = _step_count(rule, d, weight, limit)
        if ax.kind == "count":
            step = d.step.value if d.step is not None and d.kind is StepKind.EVENTS else Decimal(1)
            out.extend((step * k, _cap_label(d) if k == at else "") for k in range(0, n + 1))
            continue
        if d.kind is not StepKind.DISTANCE:
            continue
        ref = _reference(rule, d, ax)
        if ref is None:
            continue
        size = _step_on_axis(d, ax, ref)
        if size is None:
            continue
        signs = []
        direction = d.direction
        if direction is None and d.bonus:
            # a bonus with no direction word counts the better side (§16)
            direction = {"higher": Direction.EXCESS, "lower": Direction.SHORTFALL}.get(ax.better or "")
        elif direction is None:
            direction = {"higher": Direction.SHORTFALL, "lower": Direction.EXCESS}.get(ax.better or "", Direction.BOTH)
        if direction in (Direction.SHORTFALL, Direction.BOTH):
            signs.append(-1)
        if direction in (Direction.EXCESS, Direction.BOTH):
            signs.append(1)
        for sign in signs:
            for k in range(1, n + 1):
                out.append((ref + sign * size * k, _cap_label(d) if k == at else f"第{k}档"))
        out.append((ref, "加分起点" if d.bonus else "扣分起点"))
    return out


@frozen
class Point:
    """One row of a score table: the outcome, its score (None: the rule cannot score it) and why it is listed."""

    x: Decimal
    score: Decimal | None
    label: str = ""
    explanation: str = ""
    error: str = ""
    dense: bool = False  # an evenly spaced outcome added for the plot, not a mark of the rule
    # a range deduction (扣4-7分) that applies: no score, but the bounds of the hand score (low, high)
    bounds: tuple[Decimal, Decimal] | None = None


@frozen
class Curve:
    """A rule's scores at chosen outcomes, with the axis and the marks of a plot."""

    axis: Axis
    weight: Decimal
    points: tuple[Point, ...]
    edges: tuple[Decimal, ...]
    target: Decimal | None
    labels: tuple[tuple[str, Decimal | None], ...] = ()  # worded outcomes (是/否, grades) and their scores


def _outcomes(rule: Rule, ax: Axis, weight: Decimal, lo: Decimal | None, hi: Decimal | None) -> dict[Decimal, str]:
    marks: dict[Decimal, str] = {}

    def add(x: Decimal, label: str) -> None:
        if x < 0 and ax.domain.lo is not None:
            return
        if ax.domain.hi is not None and x > ax.domain.hi:
            return
        if (lo is not None and x < lo) or (hi is not None and x > hi):
            return
        have = marks.get(x, "")
        if label and label not in have.split("、"):
            marks[x] = f"{have}、{label}" if have else label
        else:
            marks.setdefault(x, have)

    edges = _refs(rule, ax)
    eps = Decimal("0.01") if not ax.integral else Decimal(1)
    for v, label in edges:
        add(v, label)
        add(v - eps, "")
        add(v + eps, "")
    for v, label in _steps(rule, ax, weight):
        add(v, label)
    if ax.target is not None:
        add(ax.target, "指标值")
    add(ZERO, "")
    if ax.percent and ax.domain.hi is not None:
        add(ax.domain.hi, "")
    if lo is not None:
        add(lo, "")
    if hi is not None:
        add(hi, "")
    elif ax.domain.hi is None and ax.kind == "value" and marks:
        # beyond the last edge: where the last band (or the steps) lead
        top, bottom = max(marks), min(marks)
        add(top + max((top - bottom) / 4, Decimal(1)), "")
    if ax.kind == "value" and not any(True for _ in edges) and not _steps(rule, ax, weight) and ax.target is not None:
        for k in range(0, 11):
            add(ax.target * k / 5, "")
    return marks


def _dense(xs: Sequence[Decimal], n: int, integral: bool) -> list[Decimal]:
    if len(xs) < 2:
        return []
    a, b = min(xs), max(xs)
    if a == b:
        return []
    out = []
    for k in range(1, n):
        x = a + (b - a) * k / n
        if integral:
            x = x.to_integral_value()
        else:
            x = x.quantize(Decimal("0.0001")).normalize()
        out.append(x)
    return out


def table(
    node: Node,
    *,
    target: Any = None,
    weight: Any = None,
    comparator: str | None = None,
    unit: str | None = None,
    lo: Any = None,
    hi: Any = None,
    dense: int = 0,
    **options: Any,
) -> Curve:
    """Score the rule at its edges, steps, target and floor (and ``dense`` evenly spaced outcomes).

    ``lo``/``hi`` bound the outcomes (on the axis: 80 means 80% on a rate axis). Raises
    ScoringError for a composite rule (score one item at a time) and for bad values.
    """
    rule = rule_of(parse(node) if isinstance(node, str) else node)
    w = to_decimal(weight, "weight") if weight is not None else _stated_max(rule)
    ax = axis(rule, target=target, comparator=comparator, unit=unit)
    lo_d = to_decimal(str(lo), "--from") if lo is not None else None
    hi_d = to_decimal(str(hi), "--to") if hi is not None else None

    bounds: dict[Any, tuple[Decimal, Decimal]] = {}

    def score(actual: Any) -> tuple[Decimal | None, str, str]:
        try:
            s = evaluate(rule, actual, target=target, weight=w, comparator=comparator, unit=unit, **options)
        except ScoringError as e:
            low, high = getattr(e, "low", None), getattr(e, "high", None)
            if isinstance(low, Decimal) and isinstance(high, Decimal):
                bounds[actual] = (low, high)
            return None, "", str(e).splitlines()[0]
        return s.points, s.explanation, ""

    if ax.kind == "label":
        labels = _labels(rule)
        rows = tuple((lab, score(lab)[0]) for lab in labels)
        return Curve(ax, w, (), (), None, rows)
    marks = _outcomes(rule, ax, w, lo_d, hi_d)
    xs = sorted(marks)
    extra = {x for x in _dense(xs, dense, ax.integral) if x not in marks}
    points = []
    for x in sorted(set(marks) | extra):
        if x < 0:
            continue
        typed = ax.typed(x)
        s, why, err = score(typed)
        points.append(Point(x, s, marks.get(x, ""), why, err, x in extra, bounds.get(typed)))
    points = _mark_floor(points, ax)
    edges = sorted({v for v, _ in _refs(rule, ax) if (lo_d is None or v >= lo_d) and (hi_d is None or v <= hi_d)})
    return Curve(ax, w, tuple(points), tuple(edges), ax.target)


def _mark_floor(points: list[Point], ax: Axis) -> list[Point]:
    """Label the outcome where the score first reaches 0, walking from the better end."""
    order = list(range(len(points)))
    if ax.better == "higher":
        order.reverse()
    elif ax.better not in ("lower",):
        return points
    seen_positive = False
    for i in order:
        p = points[i]
        if p.score is None:
            continue
        if p.score > 0:
            seen_positive = True
        elif seen_positive:
            label = f"{p.label}、得分降为0" if p.label else "得分降为0"
            points[i] = Point(p.x, p.score, label, p.explanation, p.error, p.dense, p.bounds)
            break
    return points


def _labels(rule: Rule) -> list[str]:
    out = ["是", "否"]
    for a in rule.awards:
        c = a.condition
        text = getattr(c, "text", "")
        if text and text not in out and not isinstance(c, TargetMet):
            out.append(text)
    return out


def _stated_max(rule: Rule) -> Decimal:
    best = ZERO
    for a in rule.awards:
        if isinstance(a.outcome, Points):
            best = max(best, a.outcome.value)
    return best if best > 0 else Decimal(100)


# ------------------------------------------------------------------ output


def text_table(curve: Curve, *, all_points: bool = False) -> str:
    """The score table as aligned text: outcome, score, why it is listed."""
    from ..errors import display_width

    rows: list[tuple[str, str, str]] = []
    if curve.labels:
        rows = [(lab, "-" if s is None else number(s), "") for lab, s in curve.labels]
        head = ("实际值", "得分", "")
    else:
        head = (curve.axis.name, "得分", "说明")
        last: Decimal | str | None = "none"  # the score (or the bounds of a hand score) of the row before
        for p in curve.points:
            if p.dense and not all_points:
                continue
            key = p.score if p.bounds is None else f"{p.bounds}"
            changed = key != last
            last = key
            steps_only = all(part.startswith("第") for part in p.label.split("、")) if p.label else True
            if not all_points and steps_only and not changed:
                continue
            if p.bounds is not None:
                shown = f"{p.bounds[0]}–{p.bounds[1]}"  # a hand score between these
                why = "、".join(x for x in (p.label, "扣分是区间：得分须人工确定") if x)
            else:
                shown, why = "-" if p.score is None else f"{p.score}", p.label or p.error
            rows.append((curve.axis.show(p.x), shown, why))
    widths = [max(display_width(r[i]) for r in [head, *rows]) for i in range(3)]

    def line(r: tuple[str, str, str]) -> str:
        cells = [r[i] + " " * (widths[i] - display_width(r[i])) for i in range(3)]
        return "  ".join(cells).rstrip()

    return "\n".join([line(head), *(line(r) for r in rows)])


def plot(curve: Curve, path: str | Path, *, title: str = "", engine: str = "auto") -> Path:
    """Draw score against outcome (steps and jumps as drawn by the evaluator), band edges as
    dotted lines and the target as a dashed line; ``.svg`` or ``.png``. ``engine``: "auto"
    (matplotlib when installed, else hand-written SVG), "matplotlib" or "svg"."""
    p = Path(path)
    if curve.labels or not curve.points:
        raise ScoringError("这条规则的实际值是文字（是/否、等级），没有可画的曲线；见得分表")
    if p.suffix.lower() not in (".svg", ".png"):
        raise ScoringError(f"图片格式应为 .svg 或 .png，而不是“{p.suffix or p.name}”")
    use_mpl = engine == "matplotlib"
    if engine == "auto":
        try:
            import matplotlib  # noqa: F401

            use_mpl = True
        except ImportError:
            use_mpl = False
    if p.suffix.lower() == ".png" and not use_mpl:
        raise ScoringError("画 PNG 需要 matplotlib（pip install 'scoring[plot]'），或改用 .svg")
    if use_mpl:
        _plot_mpl(curve, p, title)
    else:
        p.write_text(svg(curve, title=title), encoding="utf-8")
    return p


def _series(curve: Curve) -> list[list[tuple[float, float]]]:
    """Runs of scored points; a run breaks where the rule cannot score."""
    runs: list[list[tuple[float, float]]] = [[]]
    for pt in curve.points:
        if pt.score is None:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append((float(pt.x), float(pt.score)))
    return [r for r in runs if r]


def _cjk_font() -> list[str]:
    """Installed fonts that have Chinese glyphs (matplotlib's cache may predate them: look on disk too)."""
    import re as _re

    from matplotlib import font_manager

    wanted = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
              "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "AR PL UMing CN", "Droid Sans Fallback")  # fmt: skip
    names = {f.name for f in font_manager.fontManager.ttflist}
    if not any(n in names for n in wanted):
        pattern = _re.compile(r"cjk|wqy|wenquanyi|droidsansfallback|simhei|msyh|pingfang|sourcehan|uming", _re.I)
        for path in font_manager.findSystemFonts():
            if pattern.search(path):
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    continue
        names = {f.name for f in font_manager.fontManager.ttflist}
    return [n for n in wanted if n in names]


def _plot_mpl(curve: Curve, path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    fonts = _cjk_font()
    cjk = bool(fonts)
    rc: Any = {"font.sans-serif": [*fonts, "DejaVu Sans"], "axes.unicode_minus": False} if cjk else {}
    ax_ = curve.axis
    xlabel = ("实际值" if cjk else "outcome") + (" (%)" if ax_.percent else f" ({ax_.unit})" if ax_.unit else "")
    if ax_.kind == "count":
        xlabel = "次数" if cjk else "count"
    with plt.rc_context(rc):
        fig, ax = plt.subplots(figsize=(7.5, 4.2), dpi=120)
        for run in _series(curve):
            xs, ys = zip(*run, strict=True)
            ax.plot(xs, ys, color="#1f5fa8", linewidth=1.8)
        marked = [(float(p.x), float(p.score)) for p in curve.points if p.score is not None and p.label]
        if marked:
            mx, my = zip(*marked, strict=True)
            ax.plot(mx, my, linestyle="none", marker="o", markersize=3.5, color="#1f5fa8")
        for e in curve.edges:
            ax.axvline(float(e), color="#888888", linestyle=":", linewidth=1)
        if curve.target is not None:
            ax.axvline(float(curve.target), color="#c0392b", linestyle="--", linewidth=1.2,
                       label=("指标值 " if cjk else "target ") + ax_.show(curve.target))  # fmt: skip
            ax.legend(loc="best", fontsize=9, frameon=False)
        ax.axhline(float(curve.weight), color="#2e8b57", linestyle="-", linewidth=0.6, alpha=0.6)
        ax.set_ylim(-0.05 * float(curve.weight), float(curve.weight) * 1.08)
        ax.set_xlabel(xlabel)
        ax.set_ylabel("得分" if cjk else "score")
        if title and (cjk or title.isascii()):
            ax.set_title(title, fontsize=10)
        ax.grid(True, alpha=0.25)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        fig.tight_layout()
        fig.savefig(path)
        plt.close(fig)


def svg(curve: Curve, *, title: str = "", width: int = 640, height: int = 360) -> str:
    """The curve as a self-contained SVG document, written by hand (no dependencies)."""
    pts = [p for p in curve.points if p.score is not None]
    xs = [float(p.x) for p in curve.points] or [0.0, 1.0]
    x0, x1 = min(xs), max(xs)
    if x1 == x0:
        x1 = x0 + 1
    w = float(curve.weight) or 1.0
    left, right, top, bottom = 56, 16, 30 if title else 14, 40
    pw, ph = width - left - right, height - top - bottom

    def X(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * pw

    def Y(y: float) -> float:
        return top + ph - (y / (w * 1.08)) * ph

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'font-family="Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif" font-size="11">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
    ]
    if title:
        out.append(f'<text x="{width / 2:.1f}" y="18" text-anchor="middle" font-size="13">{_esc(title)}</text>')
    out.append(f'<line x1="{left}" y1="{top + ph}" x2="{left + pw}" y2="{top + ph}" stroke="#333"/>')
    out.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + ph}" stroke="#333"/>')
    for k in range(0, 5):
        yv = w * k / 4
        y = Y(yv)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + pw}" y2="{y:.1f}" stroke="#eee"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{_fmt_tick(yv)}</text>')
    for k in range(0, 6):
        xv = x0 + (x1 - x0) * k / 5
        x = X(xv)
        out.append(f'<text x="{x:.1f}" y="{top + ph + 16}" text-anchor="middle">{_fmt_tick(xv)}</text>')
    for e in curve.edges:
        x = X(float(e))
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + ph}" stroke="#999" stroke-dasharray="2,3"/>')
    if curve.target is not None:
        x = X(float(curve.target))
        out.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + ph}" stroke="#c0392b" stroke-dasharray="6,4"/>'
        )
        out.append(
            f'<text x="{x + 4:.1f}" y="{top + 12}" fill="#c0392b">指标值 {_esc(curve.axis.show(curve.target))}</text>'
        )
    for run in _series(curve):
        d = " ".join(f"{X(a):.1f},{Y(b):.1f}" for a, b in run)
        out.append(f'<polyline points="{d}" fill="none" stroke="#1f5fa8" stroke-width="1.8"/>')
    for p in pts:
        out.append(f'<circle cx="{X(float(p.x)):.1f}" cy="{Y(float(p.score or 0)):.1f}" r="1.8" fill="#1f5fa8"/>')
    unit = " (%)" if curve.axis.percent else f" ({curve.axis.unit})" if curve.axis.unit else ""
    out.append(
        f'<text x="{left + pw / 2:.1f}" y="{height - 6}" text-anchor="middle">{curve.axis.name}{_esc(unit)}</text>'
    )
    out.append(
        f'<text x="14" y="{top + ph / 2:.1f}" text-anchor="middle" transform="rotate(-90 14 {top + ph / 2:.1f})">得分</text>'
    )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _fmt_tick(v: float) -> str:
    if math.isclose(v, round(v), abs_tol=1e-9):
        return str(round(v))
    return f"{v:.2f}".rstrip("0").rstrip(".")


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
