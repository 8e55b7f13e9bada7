"""Ranks answered with the number ranked: a band on a rank's share of those ranked (排名前30%), places counted from the
last (倒数3名), and a rank's points as a share of the first's by the ranking values (按第1名的比例) (docs/semantics.md
§109). Every expectation is computed by hand from the rule text and the semantics, its arithmetic beside it; the
evaluator and the compiled rule must agree, accepted texts read back."""

from __future__ import annotations

from typing import Any

import pytest
import shape_cases

import scoring

ROW5 = {"weight": 5}
ROW10 = {"weight": 10}

# ------------------------------------------------------------------ a rank's share of those ranked

# 前30% → 5 (a share ≤ 30%, 30% included as 前N名 holds the Nth); 30%-60% → 3 (both ends, the first listed band
# taking 30%); 60%以后 → 1 (60% included, §65, but taken by the band before it). The share is rank ÷ number ranked.
SHARE = "排名前30%得满分，30%-60%得3分，60%以后得1分"
TENTH = "排名在前10%得满分，其余得2分"

SHARES = [
    (SHARE, "第6名/共20名", ROW5, "5"),  # 6/20 = 30% ≤ 30%: the last of the top 30%
    (SHARE, "第7名/共20名", ROW5, "3"),  # 7/20 = 35%: in 30%-60%
    (SHARE, "6/20", ROW5, "5"),  # 30% again, written as a fraction of places
    (SHARE, "第6名（共20名）", ROW5, "5"),
    (SHARE, "20个中排第12", ROW5, "3"),  # 12/20 = 60%: the end of 30%-60%, included
    (SHARE, "全市20个县区中排名第13", ROW5, "1"),  # 13/20 = 65% > 60%: 60%以后
    (SHARE, {"名次": 13, "参评数": 20}, ROW5, "1"),  # the same as a mapping
    (SHARE, {"名次": "第6名", "参评数": "20个"}, ROW5, "5"),
    (SHARE, "第1名/共3名", ROW5, "3"),  # 1/3 = 33.3%: above 30%, below 60%
    (SHARE, "第20名/共20名", ROW5, "1"),  # 100%
    (SHARE, "前25%", ROW5, "5"),  # a share stated as such
    (SHARE, "前60%", ROW5, "3"),
    (TENTH, "第2名/共20名", ROW5, "5"),  # 2/20 = 10%: inside 前10%
    (TENTH, "第3名/共20名", ROW5, "2"),  # 15%: 其余
]

# ------------------------------------------------------------------ places counted from the last

# 前5名 → 10; 倒数3名 (the last three places) → 0; 其余 → 6. Of N ranked the P-th from the last is rank N − P + 1.
FROM_LAST = "全市排名前5名得满分，倒数3名不得分，其余得6分"
LAST_ONE = "倒数第一名不得分，其余得满分"
WITHIN = "排名在全省倒数第3名以内的不得分，其余得满分"
LAST_RANGE = "排名倒数第2-3名得1分，其余得满分"  # it was read as the ranks 2 to 3
LAST_BARE = "倒数2至3名得1分，其余得满分"
LAST_DEDUCT = "排名倒数2-3名扣1分"  # a band that deducts 1 from the weight

FROM_LASTS = [
    (FROM_LAST, "第18名/共20名", ROW10, "0"),  # 20 − 18 + 1 = 3rd from the last: among the last three
    (FROM_LAST, "第17名/共20名", ROW10, "6"),  # 4th from the last, not in the top 5: 其余
    (FROM_LAST, "第2名/共20名", ROW10, "10"),  # 前5名
    (FROM_LAST, "第6名/共20名", ROW10, "6"),  # neither
    (FROM_LAST, {"名次": 20, "参评数": 20}, ROW10, "0"),  # the last
    (FROM_LAST, "20个中排第18", ROW10, "0"),
    # 2nd of 4 is in 前5名 and is 3rd from the last: both bands hold, the first listed wins (§1)
    (FROM_LAST, "第2名/共4名", ROW10, "10"),
    (LAST_ONE, "第20名/共20名", ROW5, "0"),  # 倒数第1名 of 20 is rank 20
    (LAST_ONE, "第19名/共20名", ROW5, "5"),
    (WITHIN, "第8名/共10名", ROW5, "0"),  # 10 − 8 + 1 = 3 ≤ 3
    (WITHIN, "第7名/共10名", ROW5, "5"),  # 4th from the last
    (LAST_RANGE, "第9名/共10名", ROW5, "1"),  # 2nd from the last, in 2-3
    (LAST_RANGE, "第8名/共10名", ROW5, "1"),  # 3rd from the last, the range's end included
    (LAST_RANGE, "第10名/共10名", ROW5, "5"),  # the last: 其余
    (LAST_BARE, "第9名/共10名", ROW5, "1"),  # 2nd from the last (no 第: the same places)
    (LAST_BARE, "第7名/共10名", ROW5, "5"),  # 4th from the last
    (LAST_DEDUCT, "第8名/共10名", ROW5, "4"),  # 3rd from the last: 5 − 1
    (LAST_DEDUCT, "第2名/共10名", ROW5, "5"),  # 9th from the last: no band, nothing deducted
]

# ------------------------------------------------------------------ a share of the first's points by the values

# dev-040: 第1名 → 6; 第2-5名 → 6 × own ÷ first's; after 5th: no band (a gap, §1) → 0
PROPORTION = "按各地区编制资源总量/所辖村（社区）总数进行排名，第1名得6分，第2-5名按第1名的比例得分"
FULL_FIRST = "排名第1名得满分，第2-5名按第1名的比例计分，其余不得分"
ROW6 = {"weight": 6}

PROPORTIONS = [
    (PROPORTION, "1", ROW6, "6"),  # 第1名 → 6: no values needed
    (PROPORTION, "第1名", ROW6, "6"),
    (PROPORTION, "第1名，本单位1.5，第1名1.5", ROW6, "6"),  # rank 1's own band, the values beside it unused
    (PROPORTION, "第3名，本单位0.8，第1名1.0", ROW6, "4.8"),  # 6 × 0.8 ÷ 1.0
    (PROPORTION, {"名次": 5, "本单位值": "1.2", "第1名值": "1.5"}, ROW6, "4.8"),  # 6 × 1.2 ÷ 1.5
    (PROPORTION, {"名次": 2, "本单位值": "2", "第1名值": "3"}, ROW6, "4"),  # 6 × 2 ÷ 3
    (PROPORTION, {"名次": "第4名", "本单位值": "1", "第1名值": "3"}, ROW6, "2"),  # 6 × 1 ÷ 3
    (PROPORTION, "第6名", ROW6, "0"),  # after 5th: no band, a gap (§1)
    (PROPORTION, "第6名，本单位0.8，第1名1.0", ROW6, "0"),
    (FULL_FIRST, "第2名，本单位0.5，第1名2", ROW10, "2.5"),  # 满分 10 × 0.5 ÷ 2
    (FULL_FIRST, "第7名", ROW10, "0"),  # 其余
]

CASES: list[Any] = SHARES + FROM_LASTS + PROPORTIONS
test_hand_cases, test_compiled_agrees, test_round_trip = shape_cases.checks(CASES)


@pytest.mark.parametrize(
    ("text", "actual", "says"),
    [
        (SHARE, "6", "名次及参评总数"),  # a bare rank: of how many?
        (SHARE, "30%", "名次及参评总数"),  # a percent not stated as the rank's share
        (SHARE, {"名次": 6}, "名次及参评总数"),  # no number ranked
        (SHARE, "第21名/共20名", "排在参评总数"),  # a rank past the last
        (SHARE, "第0名/共20名", "从1起的整数"),
        (SHARE, "第2.5名/共20名", "从1起的整数"),
        (SHARE, "前0%", "0%（不含）到100%"),
        (SHARE, "前120%", "0%（不含）到100%"),
        (FROM_LAST, "第2名", "参评总数"),  # 前5名 holds, but of 4 ranked it is also among the last three
        (FROM_LAST, "18", "参评总数"),
        (FROM_LAST, "倒数第3名", "参评总数"),
        (FROM_LAST, "第25名/共20名", "排在参评总数"),
        (PROPORTION, "3", "本单位和第1名的排名依据数值"),  # 3rd scores by the values, which a rank does not give
        (PROPORTION, "第3名", "本单位和第1名的排名依据数值"),
        (PROPORTION, {"名次": 3, "本单位值": "0.8"}, "第1名值"),  # one of the two values
        (PROPORTION, "第3名，本单位0.8，第2名1.0", "第1名"),  # another rank's value
        (PROPORTION, "第3名，本单位1.2，第1名1.0", "不小于本单位值"),  # a value above the first's
        (PROPORTION, "第3名，本单位0.8，第1名0", "应大于0"),
        (PROPORTION, "0", "从1起的整数"),
        (PROPORTION, "2.5", "从1起的整数"),
    ],
)
def test_answers_that_do_not_fit_are_refused(text: str, actual: Any, says: str) -> None:
    for score in (lambda: scoring.evaluate(text, actual, weight=10), lambda: scoring.compile(text, weight=10).points(actual)):
        with pytest.raises(scoring.ScoringError) as e:
            score()
        assert says in str(e.value)


@pytest.mark.parametrize(
    ("text", "code", "at"),
    [
        ("前10%得满分", "rank-share", "10%"),  # whose share? no 排名/名次 before it
        ("倒数3名以后不得分", "rank-from-last", "3名"),  # after the last three?
        ("考核排名倒数第2名的扣2分", "rank-from-last", "2名"),  # a deduction would be a step per place
        ("第2-5名按第1名的比例得分", "rank-proportion", "按第1名的比例"),  # the first's points are not written
        ("第1名得6分，第2-5名按第1名的比例扣分", "rank-proportion", "按第1名的比例"),  # a share deducted?
        ("第1名得6分，其余按第1名的比例得分", "rank-proportion", "按第1名的比例"),  # no band of ranks
    ],
)
def test_refused_with_caret(text: str, code: str, at: str) -> None:
    e = shape_cases.refusal(text)
    assert e.code == code
    assert e.pos == text.index(at)


@pytest.mark.parametrize(
    ("text", "kind", "shown"),
    [
        (SHARE, "rank-share", "名次及参评总数（如 第6名/共20名，或 前25%）"),
        (FROM_LAST, "rank-of", "名次及参评总数（如 第18名/共20名）"),
        (PROPORTION, "rank-values", "名次；按比例计分的名次另填本单位值和第1名值（如 第3名，本单位0.8，第1名1.0）"),
    ],
)
def test_the_reading_says_what_the_answer_is(text: str, kind: str, shown: str) -> None:
    (one,) = scoring.bind(scoring.parse(text)).inputs
    assert (one.kind, one.shown) == (kind, shown)


def test_the_last_places_are_marked_in_the_rule() -> None:
    bands = [c.condition for c in scoring.parse(FROM_LAST).clauses[:2]]  # type: ignore[attr-defined]
    assert [b.from_last for b in bands] == [False, True]
