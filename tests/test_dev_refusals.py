"""Every dev-corpus text (tests/dev_corpus/*.toml) that `scoring.parse` still refuses, with the code it is
refused with and why (issue 11: every dev text still refused is listed with its code and the reason).

`refuse_parse` rules cannot be scored from their words; the others are shapes not read yet (their hand
cases stay in the corpus and fail as parse-refused). A text that starts to parse must leave this list,
and a text newly refused must join it with its reason: `test_every_refused_text_is_listed` fails either way.
"""

from __future__ import annotations

import pytest
from test_dev_corpus import dev_rules

import scoring

# id → (code, the reason in one line)
REFUSED: dict[str, tuple[str, str]] = {
    # cannot be scored from their words (refuse_parse rules)
    "dev-023": ("unexpected-token", "按比例分段计分 with segments, means and weights the text does not state"),
    "dev-063": ("crossing-bands", "'12月內' lost its dash (1-2月): the bands cross unless a digit is repaired"),
    "dev-073": ("unexpected-token", "a document-level weighted aggregation with an OCR-garbled formula"),
    "dev-080": ("unexpected-character", "grade columns without points: the shares are in the table header"),
    "dev-081": ("no-scoring-logic", "grade columns without points: the shares are in the table header, not in the text"),
    "dev-082": ("no-scoring-logic", "grade columns without points: the shares are in the table header, not in the text"),
    "dev-083": ("no-scoring-logic", "grade columns without points: the shares are in the table header, not in the text"),
    "dev-084": ("band-twice", "point ranges lost their dashes ('(158分)' for 15-8分): bands collide"),
    "dev-085": ("unexpected-token", "point ranges lost their dashes ('(1916分)' for 19-16分)"),
    "dev-086": ("band-twice", "point ranges lost their dashes ('(158分)' for 15-8分): bands collide"),
    "dev-087": ("unexpected-token", "point ranges lost their dashes ('(1916分)' for 19-16分)"),
    "dev-088": ("band-twice", "point ranges lost their dashes ('(158分)' for 15-8分): bands collide"),
    "dev-089": ("lost-dash", "point ranges lost their dashes in a run of (N分) alternatives (§42)"),
    "dev-090": ("lost-dash", "point ranges lost their dashes in a run of (N分) alternatives (§42)"),
    "dev-091": ("unexpected-end", "a note classifying a section total; '80' lost its %, no points awarded"),
    "dev-101": ("aggregation", "a sum of other indicators' scores (§34)"),
    "dev-102": ("aggregation", "a sum of other indicators' scores (§34)"),
    "dev-107": ("no-scoring-logic", "the total of four other scores, used to rank counties: no rule on an outcome"),
    "dev-128": ("unexpected-token", "a table footnote: a clamp for every item and a pass/fail verdict, no points"),
    "dev-141": ("restated-mark", "'510万' and '35万' lost their dashes (5–10万, 3–5万): refused, not repaired"),
    "dev-150": ("ordinal-range", "an exemption for other items (第17-22条免检、满分): it scores other rows"),
    "dev-163": ("deduct-without-points", "every digit of the page is lost (扣分。(分), 达%以上)"),
    "dev-164": ("deduct-without-points", "every digit of the page is lost (扣分。(分), 达%以上)"),
    "dev-165": ("deduct-without-points", "every digit of the page is lost (扣分。(分), 达%以上)"),
    "dev-152": ("garbled-text", "characters decoded wrongly (當?shù)厣鐣?huì)): the label cannot be read (§59)"),
    # shapes not read yet: their hand cases stay and fail as parse-refused
    "dev-028": ("unexpected-token", "五率 each with 每项低一个百分点扣0.2分, and 加倍扣减 for findings of others (without that clause: several-rates)"),
    "dev-109": ("unexpected-token", "S加=D升/D总×10: a bonus formula of letters the text defines in words (按…Ⅲ类以上水质比例×50计分 is read, §144)"),
    "dev-170": ("unexpected-token", "a general instruction on weights and share ranges, no rule for one row"),
}


def _refused() -> dict[str, str]:
    out = {}
    for _, r in dev_rules():
        try:
            scoring.parse(r["text"])
        except scoring.RuleSyntaxError as e:
            out[r["id"]] = e.code
    return out


def _text(rule_id: str) -> str:
    return next(r["text"] for _, r in dev_rules() if r["id"] == rule_id)


@pytest.mark.parametrize("rule_id", sorted(REFUSED))
def test_refused_with_its_code(rule_id: str) -> None:
    code, reason = REFUSED[rule_id]
    assert reason
    with pytest.raises(scoring.RuleSyntaxError) as info:
        scoring.parse(_text(rule_id))
    assert info.value.code == code


def test_every_refused_text_is_listed() -> None:
    assert sorted(_refused()) == sorted(REFUSED)
