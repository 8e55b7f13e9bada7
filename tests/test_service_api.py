"""The HTTP API (issue 14): every endpoint, good and bad inputs, with FastAPI's TestClient.

Every response is checked for its status and for the error shape
``{"error": {"code", "message", "line", "column"}}``, and no response ever carries a stack
trace or a server path.
"""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")
with warnings.catch_warnings():  # newer starlette prefers httpx2 for its TestClient; httpx works the same
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from fastapi.testclient import TestClient

from openpyxl import Workbook, load_workbook

from scoring.service import Settings, create_app
from scoring.service import views as service_views

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "rulesets" / "examples" / "demo.toml"
DEMO_OUTCOMES = ROOT / "rulesets" / "examples" / "demo.outcomes.toml"
ANNEX5 = ROOT / "rulesets" / "hunan-hrss-2024-selfeval-annex5-other-development-funds.toml"
ANNEX5_OUTCOMES = ROOT / "rulesets" / "hunan-hrss-2024-selfeval-annex5-other-development-funds.outcomes.toml"

RULE = "满意度90%及以上得满分，每5%扣2分，低于75%不得分"
ROW = {"target": "90%", "weight": "10", "comparator": "≥", "unit": "%"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(Settings())) as c:
        yield c


def clean(r: Any) -> None:
    """No response shows a trace or a server path."""
    text = r.text if "json" in r.headers.get("content-type", "") or "text" in r.headers.get("content-type", "") else ""
    for bad in ("Traceback", 'File "', "scoring-service-", "/tmp/", str(ROOT)):
        assert bad not in text, (bad, text[:500])


def error_of(r: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert r.status_code == status, r.text
    clean(r)
    body = r.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert {"code", "message", "line", "column"} <= set(err)
    assert isinstance(err["code"], str) and err["code"]
    assert isinstance(err["message"], str) and err["message"]
    if code is not None:
        assert err["code"] == code, err
    return err


def files(*pairs: tuple[str, str, Path | bytes]) -> dict[str, tuple[str, bytes]]:
    return {field: (name, p.read_bytes() if isinstance(p, Path) else p) for field, name, p in pairs}


# ------------------------------------------------------------------ /api/parse


def test_parse_reads_the_rule_with_defaults_findings_and_restatement(client: TestClient) -> None:
    r = client.post("/api/parse", json={"rule": RULE, **ROW})
    assert r.status_code == 200
    clean(r)
    d = r.json()
    assert d["kind"] == "rule"
    kinds = [row["kind"] for row in d["reading"]]
    assert kinds == ["得分条款", "扣分条款", "得分条款", "下限"]
    assert any(row["default"] for row in d["reading"])  # the deduction's unstated direction and partial step
    assert d["restatement"].startswith("满意度≥90%得满分")
    assert "方向未写明：按指标值类型≥，只计低于的部分" in d["defaults"]
    codes = {f["code"] for f in d["findings"]}
    assert {"default-partial", "percent-basis", "default-direction", "cliff"} <= codes
    partial = next(f for f in d["findings"] if f["code"] == "default-partial")
    assert partial["words"] == "每5%扣2分" and RULE[slice(*partial["span"])] == "每5%扣2分"
    assert partial["line"] == 1 and partial["column"] == RULE.index("每5%") + 1
    assert partial["severity"] == "warning" and partial["title"]
    assert d["inputs"] == {"kind": "value", "what": "比率（带 %）", "unit": "%", "example": "90%"}
    assert d["ast"]["node"] == "Rule"
    # the reading on the row (scoring.bind): one value input, each decision with who took it
    assert [(i["key"], i["kind"], i["unit"]) for i in d["bound"]["inputs"]] == [("实际值", "value", "%")]
    decided = {x["what"]: x for x in d["bound"]["decisions"]}
    assert decided["方向"]["value"] == "只计低于的部分" and not decided["方向"]["stated"]
    assert decided["方向"]["source"].startswith("semantics §4")
    assert decided["起点"]["value"] == "满分线90%"


def test_parse_without_an_indicator_and_a_composite(client: TestClient) -> None:
    r = client.post("/api/parse", json={"rule": "①制定考核办法计1分，未制定不得分；②每发现1例不符扣0.25分"})
    assert r.status_code == 200
    d = r.json()
    assert d["kind"] == "composite"
    assert [i["number"] for i in d["inputs"]["items"]] == [1, 2]
    assert d["inputs"]["items"][0]["kind"] == "label" and "未制定" in d["inputs"]["items"][0]["labels"]
    assert d["inputs"]["items"][1]["kind"] == "count"
    assert any(row["text"].startswith("第1项") for row in d["reading"])


def test_parse_accepts_numbers_as_json_numbers(client: TestClient) -> None:
    r = client.post("/api/parse", json={"rule": RULE, "target": "90%", "weight": 10, "comparator": "≥"})
    assert r.status_code == 200


def test_parse_syntax_error_has_its_position(client: TestClient) -> None:
    text = "满意度90%及以上得满分，每5%扣分"
    err = error_of(client.post("/api/parse", json={"rule": text}), 422, "deduct-without-points")
    assert err["line"] == 1 and err["column"] == 18
    assert text[slice(*err["span"])] == "分"
    assert "数字" in err["expected"] and err["hint"]
    assert err["message"] == "“扣”之后没有写扣几分"


def test_parse_error_at_the_end_and_on_two_lines(client: TestClient) -> None:
    err = error_of(client.post("/api/parse", json={"rule": "满意度90%及以上得满分，每5%扣"}), 422)
    assert err["line"] == 1 and err["span"][0] == len("满意度90%及以上得满分，每5%扣")
    err = error_of(client.post("/api/parse", json={"rule": "完成得满分，\n每5%扣分"}), 422)
    assert err["line"] == 2 and err["column"] == 5


def test_parse_text_without_scoring_logic(client: TestClient) -> None:
    err = error_of(client.post("/api/parse", json={"rule": "预算范围内完成本年度考试"}), 422, "no-scoring-logic")
    assert err["line"] == 1 and err["column"] == 1


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"rule": ""}, 422, "empty-rule"),
        ({"rule": "   "}, 422, "empty-rule"),
        ({}, 422, "bad-request"),
        ({"rule": 5}, 422, "bad-request"),
        ({"rule": RULE, "weight": True}, 422, "bad-request"),
        ({"rule": RULE, "target": ["90%"]}, 422, "bad-request"),
        ({"rule": "得满分" * 1000}, 413, "rule-too-long"),
    ],
)
def test_parse_bad_requests(client: TestClient, body: dict[str, Any], status: int, code: str) -> None:
    error_of(client.post("/api/parse", json=body), status, code)


def test_parse_bad_json_and_wrong_method(client: TestClient) -> None:
    err = error_of(
        client.post("/api/parse", content=b'{"rule": ', headers={"Content-Type": "application/json"}),
        422,
        "bad-request",
    )
    assert "JSON" in err["message"]
    error_of(client.post("/api/parse", content=b"[1, 2]", headers={"Content-Type": "application/json"}), 422)
    error_of(client.get("/api/parse"), 405, "method-not-allowed")
    error_of(client.get("/api/nothing-here"), 404, "not-found")


# ------------------------------------------------------------------ /api/evaluate


def test_evaluate_gives_points_explanation_and_trace_as_strings(client: TestClient) -> None:
    r = client.post("/api/evaluate", json={"rule": RULE, "actual": "85%", **ROW})
    assert r.status_code == 200
    d = r.json()
    assert d["points"] == "8.00" and d["weight"] == "10"
    assert "扣2分" in d["explanation"]
    assert d["trace"][0] == {"clause": "基础分", "inputs": {"满分": "10"}, "delta": "10", "note": ""}
    assert d["trace"][-1]["delta"] == "-2"
    assert all(isinstance(s["delta"], str) for s in d["trace"])


def test_evaluate_exact_with_json_numbers_and_options(client: TestClient) -> None:
    d = client.post("/api/evaluate", json={"rule": RULE, "actual": 85.5, **ROW, "weight": 10}).json()
    assert d["points"] == "8.20"  # 10 − 2 × 4.5/5, exact
    d = client.post("/api/evaluate", json={"rule": RULE, "actual": "88%", **ROW, "options": {"partial": "ceil"}}).json()
    assert d["points"] == "8.00"  # 不足一档按一档计
    d = client.post("/api/evaluate", json={"rule": RULE, "actual": "88.3%", **ROW, "options": {"places": 1}}).json()
    assert d["points"] == "9.3"


def test_evaluate_words_and_sub_items(client: TestClient) -> None:
    d = client.post(
        "/api/evaluate", json={"rule": "完成得满分，未完成不得分", "actual": "未完成", "weight": "5"}
    ).json()
    assert d["points"] == "0.00"
    composite = "①制定考核办法计1分，未制定不得分；②每发现1例不符扣0.25分"
    d = client.post("/api/evaluate", json={"rule": composite, "actual": {"1": "是", "2": "3"}, "weight": "2"}).json()
    assert d["points"] == "1.25"
    d = client.post("/api/evaluate", json={"rule": composite, "actual": {"1": "是", "2": 3}, "weight": 2}).json()
    assert d["points"] == "1.25"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"rule": RULE, "actual": "abc", **ROW}, 422, "bad-value"),
        ({"rule": RULE, "actual": "85%", **ROW, "weight": "abc"}, 422, "bad-value"),
        ({"rule": RULE, "actual": "", **ROW}, 422, "missing-actual"),
        ({"rule": RULE, "actual": True, **ROW}, 422, "bad-request"),
        ({"rule": RULE, "actual": "85%", "target": "90%"}, 422, "bad-request"),
        ({"rule": RULE, **ROW}, 422, "bad-request"),
        ({"rule": RULE, "actual": "85%", **ROW, "options": {"color": "red"}}, 422, "bad-request"),
        ({"rule": RULE, "actual": "85%", **ROW, "options": {"places": 9}}, 422, "bad-request"),
        ({"rule": RULE, "actual": "85%", **ROW, "options": {"rounding": "banker"}}, 422, "bad-request"),
        ({"rule": "每5%扣", "actual": "85%", **ROW}, 422, None),
        ({"rule": "x" * 5000, "actual": "85%", **ROW}, 413, "rule-too-long"),
        ({"rule": RULE, "actual": "8" * 100000, **ROW}, 413, "value-too-long"),
        ({"rule": RULE, "actual": "85%", **ROW, "weight": ""}, 422, "missing-weight"),
        ({"rule": RULE, "actual": "1e999999", **ROW}, 422, "bad-value"),
        ({"rule": RULE, "actual": "-5%", **ROW, "weight": "-10"}, 422, None),
    ],
)
def test_evaluate_bad_inputs(client: TestClient, body: dict[str, Any], status: int, code: str | None) -> None:
    error_of(client.post("/api/evaluate", json=body), status, code)


def test_unknown_option_is_named(client: TestClient) -> None:
    r = client.post("/api/evaluate", json={"rule": RULE, "actual": "85%", **ROW, "options": {"color": "red"}})
    assert "options" in r.json()["error"]["message"] and "color" in r.json()["error"]["message"]
    r = client.post("/api/evaluate", json={"rule": RULE, "actual": "85%", **ROW, "options": {"partial": "all"}})
    assert "ceil" in r.json()["error"]["message"]


# ------------------------------------------------------------------ /api/curve


def test_curve_scores_every_edge_and_draws_svg(client: TestClient) -> None:
    r = client.post("/api/curve", json={"rule": RULE, **ROW})
    assert r.status_code == 200
    d = r.json()
    assert d["kind"] == "rule" and d["weight"] == "10" and d["target"] == "90%"
    table = {p["outcome"]: p["score"] for p in d["points"]}
    assert table["75%"] == "4.00" and table["74.99%"] == "0.00" and table["90%"] == "10.00" and table["85%"] == "8.00"
    assert any("边界" in p["label"] for p in d["points"])
    assert d["edges"] == ["75%", "90%"]
    assert d["svg"].startswith("<svg") and d["svg"].rstrip().endswith("</svg>")
    assert d["axis"]["percent"] is True and d["axis"]["better"] == "higher"


def test_curve_of_words_sub_items_and_events(client: TestClient) -> None:
    d = client.post("/api/curve", json={"rule": "完成得满分，未完成不得分", "weight": "5"}).json()
    assert {lab["outcome"]: lab["score"] for lab in d["labels"]}["未完成"] == "0.00"
    assert d["svg"] is None and d["points"] == []
    composite = "①制定考核办法计1分，未制定不得分；②每发现1例不符扣0.25分"
    d = client.post("/api/curve", json={"rule": composite, "weight": "2"}).json()
    assert d["kind"] == "composite" and [i["number"] for i in d["items"]] == [1, 2]
    assert d["items"][1]["weight"] == "1"  # the weight item ① leaves
    d = client.post("/api/curve", json={"rule": composite, "weight": "2", "item": 2}).json()
    assert [i["number"] for i in d["items"]] == [2]
    d = client.post("/api/curve", json={"rule": "每发现一例不合规扣1分，扣完为止", "weight": "5"}).json()
    assert [p["score"] for p in d["points"]][:2] == ["5.00", "4.00"] and d["axis"]["kind"] == "count"


def test_curve_bad_inputs(client: TestClient) -> None:
    error_of(client.post("/api/curve", json={"rule": RULE, **ROW, "item": 2}), 422, "no-such-item")
    composite = "①制定考核办法计1分，未制定不得分；②每发现1例不符扣0.25分"
    error_of(client.post("/api/curve", json={"rule": composite, "item": 7}), 422, "no-such-item")
    error_of(client.post("/api/curve", json={"rule": RULE, **ROW, "weight": "十分"}), 422)
    error_of(client.post("/api/curve", json={"rule": "每5%扣"}), 422)
    error_of(client.post("/api/curve", json={"weight": "10"}), 422, "bad-request")


# ------------------------------------------------------------------ /api/score


def test_score_a_toml_table_with_outcomes(client: TestClient) -> None:
    r = client.post(
        "/api/score", files=files(("table", "demo.toml", DEMO), ("outcomes", "demo.outcomes.toml", DEMO_OUTCOMES))
    )
    assert r.status_code == 200, r.text
    clean(r)
    d = r.json()
    assert d["total"] == "89.58" and d["grade"] == "良" and d["complete"] is True
    assert d["file"] == "demo.toml" and d["outcomes_file"] == "demo.outcomes.toml"
    d01 = next(row for row in d["rows"] if row["id"] == "D01")
    assert d01["points"] == "7.60" and "2.85万人" in d01["explanation"]
    assert {s["level1"] for s in d["level1"]} == {"产出指标", "效益指标", "满意度指标"}
    assert d["execution"]["points"] == "9.37"


def test_score_format_xlsx_returns_the_scored_workbook(client: TestClient) -> None:
    r = client.post(
        "/api/score?format=xlsx",
        files=files(("table", "demo.toml", DEMO), ("outcomes", "demo.outcomes.toml", DEMO_OUTCOMES)),
    )
    assert r.status_code == 200
    assert r.headers["content-type"] == XLSX
    assert (
        "attachment" in r.headers["content-disposition"]
        and "filename*=UTF-8''demo-" in r.headers["content-disposition"]
    )
    wb = load_workbook(io.BytesIO(r.content))
    ws = wb["评分表"]
    header = [c.value for c in ws[2]]
    score_col, reason_col = header.index("得分"), header.index("扣分原因")
    rows = {row[header.index("三级指标")]: row for row in ws.iter_rows(min_row=3, values_only=True) if row}
    assert str(rows["城镇新增就业人数"][score_col]) == "7.6" or rows["城镇新增就业人数"][score_col] == 7.6
    assert "2.85万人" in rows["城镇新增就业人数"][reason_col]
    assert "问题" in wb.sheetnames


def _workbook() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(["2024年度项目支出绩效自评表"])
    ws.append(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "评（扣）分标准"])
    ws.append(["产出指标", "数量指标", "参保人数", "≥10万人", "9.7万人", 10, 9.7, None])
    ws.append(["满意度指标", "满意度", "满意度", "≥90%", "88%", 10, 9, RULE])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_score_and_audit_an_uploaded_workbook(client: TestClient) -> None:
    r = client.post("/api/score", files=files(("table", "自评表.xlsx", _workbook())))
    assert r.status_code == 200, r.text
    d = r.json()
    assert {row["name"]: row["points"] for row in d["rows"]} == {"参保人数": "9.70", "满意度": "9.20"}
    assert d["title"] == "2024年度项目支出绩效自评表" and d["file"] == "自评表.xlsx"
    r = client.post("/api/audit", files=files(("table", "自评表.xlsx", _workbook())))
    assert r.status_code == 200
    a = r.json()
    assert a["rows_checked"] == 2 and a["rows_matching"] == 1 and a["ok"] is False
    (diff,) = [x for x in a["discrepancies"] if x["kind"] == "score"]
    assert diff["name"] == "满意度" and diff["printed"] == "9" and diff["computed"] == "9.20"


def test_score_a_csv_table(client: TestClient) -> None:
    csv = "三级指标,指标值,分值,实际完成值\n城镇新增就业人数,≥3万人,8,2.85万人\n".encode()
    d = client.post("/api/score", files=files(("table", "targets.csv", csv))).json()
    assert d["rows"][0]["points"] == "7.60"


def test_score_with_a_table_rule(client: TestClient) -> None:
    # a CSV without a rule column: every row takes the table note's rule (3 points short, 2 each)
    csv = "三级指标,指标值,分值,实际完成值\n开工率,≥100%,10,97%\n".encode()
    d = client.post("/api/score", files=files(("table", "t.csv", csv)),
                    data={"table_rule": "完成率100%得满分，每低1%扣2分"}).json()  # fmt: skip
    assert d["rows"][0]["points"] == "4.00"
    assert "rule-from-table" in [f["code"] for f in d["rows"][0]["findings"]]


def test_audit_finds_the_printed_discrepancies(client: TestClient) -> None:
    r = client.post(
        "/api/audit", files=files(("table", "a.toml", ANNEX5), ("outcomes", "a.outcomes.toml", ANNEX5_OUTCOMES))
    )
    assert r.status_code == 200
    clean(r)
    a = r.json()
    assert a["ok"] is False and a["rows_checked"] == 31 and a["rows_matching"] == 28
    kinds = [d["indicator"] for d in a["discrepancies"]]
    assert "L1078" in kinds and "total" in kinds
    assert a["totals"]["printed"] == "95.94" and a["totals"]["printed_consistent"] is False


@pytest.mark.parametrize("endpoint", ["/api/score", "/api/audit"])
def test_table_bad_inputs(client: TestClient, endpoint: str) -> None:
    error_of(client.post(endpoint), 422, "bad-request")
    error_of(client.post(endpoint, files=files(("table", "x.exe", b"MZ"))), 422, "bad-file-type")
    error_of(client.post(endpoint, files=files(("table", "x", b"abc"))), 422, "bad-file-type")
    error_of(client.post(endpoint, files=files(("table", "x.xlsx", b"PK\x03\x04 not a zip"))), 422, "bad-workbook")
    error_of(client.post(endpoint, files=files(("table", "x.toml", b""))), 422, "empty-file")
    error_of(client.post(endpoint, files=files(("table", "x.csv", b"a,b\n1,2\n"))), 422, "bad-table")
    error_of(client.post(endpoint, files=files(("table", "x.csv", b"\xff\xfe\x00\x01garbage"))), 422, "bad-table")
    err = error_of(client.post(endpoint, files=files(("table", "x.toml", b"[meta\n"))), 422, "bad-table")
    assert err["message"].startswith("x.toml: TOML")
    error_of(
        client.post(endpoint, files=files(("table", "demo.toml", DEMO), ("outcomes", "o.xlsx", b"PK"))),
        422,
        "bad-file-type",
    )
    error_of(
        client.post(endpoint, files=files(("table", "demo.toml", DEMO), ("outcomes", "o.toml", b"[[outcome]\n"))),
        422,
        "bad-table",
    )
    error_of(client.post(endpoint, files=files(("table", "demo.toml", DEMO)), data={"profile": "nope"}), 422)


def test_score_bad_format(client: TestClient) -> None:
    err = error_of(client.post("/api/score?format=pdf", files=files(("table", "demo.toml", DEMO))), 422, "bad-request")
    assert "xlsx" in err["message"]


def test_an_uploaded_name_never_becomes_a_path(client: TestClient) -> None:
    err = error_of(client.post("/api/score", files=files(("table", "../../../etc/passwd.toml", b"[meta\n"))), 422)
    assert err["message"].startswith("passwd.toml:")
    assert not Path("/etc/passwd.toml").exists()
    r = client.post("/api/score", files=files(("table", "/etc/../tmp/自评 表.toml", DEMO)))
    assert r.status_code == 200 and r.json()["file"] == "自评 表.toml"
    r = client.post("/api/score", files=files(("table", "C:\\Users\\a\\demo.toml", DEMO)))
    assert r.status_code == 200 and r.json()["file"] == "demo.toml"


def test_profiles_change_the_scores(client: TestClient) -> None:
    both = files(("table", "demo.toml", DEMO), ("outcomes", "demo.outcomes.toml", DEMO_OUTCOMES))
    one = client.post("/api/score", files=both, data={"profile": "one-decimal"}).json()
    assert one["profile"] == "one-decimal"
    names = [p["name"] for p in client.get("/api/profiles").json()["profiles"]]
    assert names[0] == "default" and "one-decimal" in names


# ------------------------------------------------------------------ limits


def test_body_over_the_limit_is_413_before_it_is_read() -> None:
    small = TestClient(create_app(Settings(max_body_bytes=2000, max_upload_bytes=1000)))
    err = error_of(small.post("/api/parse", json={"rule": "满" * 1500}), 413, "too-large")
    assert "MB" in err["message"]
    error_of(small.post("/api/score", files=files(("table", "demo.toml", DEMO))), 413, "too-large")

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(10):
            yield b" " * 500

    error_of(small.post("/api/parse", content=chunks(), headers={"Content-Type": "application/json"}), 413, "too-large")


def test_upload_over_its_limit_is_413() -> None:
    c = TestClient(create_app(Settings(max_upload_bytes=1000)))
    error_of(c.post("/api/score", files=files(("table", "demo.toml", DEMO))), 413, "too-large")


def test_workbook_that_unpacks_too_far_is_413() -> None:
    c = TestClient(create_app(Settings(max_unpacked_bytes=1000)))
    error_of(c.post("/api/score", files=files(("table", "t.xlsx", _workbook()))), 413, "too-large")


def test_too_many_rows_is_413() -> None:
    c = TestClient(create_app(Settings(max_rows=3)))
    err = error_of(c.post("/api/score", files=files(("table", "demo.toml", DEMO))), 413, "too-many-rows")
    assert "10" in err["message"]


def test_rule_length_limit_is_a_setting() -> None:
    c = TestClient(create_app(Settings(max_rule_chars=10)))
    error_of(c.post("/api/parse", json={"rule": RULE}), 413, "rule-too-long")


def test_a_slow_request_is_answered_503(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(*args: Any, **kwargs: Any) -> dict[str, Any]:
        time.sleep(0.5)
        return {}

    monkeypatch.setattr(service_views, "parse_view", slow)
    c = TestClient(create_app(Settings(timeout_seconds=0.05)))
    err = error_of(c.post("/api/parse", json={"rule": RULE, **ROW}), 503, "timeout")
    assert "秒" in err["message"]


def test_an_internal_error_is_500_with_no_trace(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: Any, **kwargs: Any) -> dict[str, Any]:
        raise RuntimeError("secret detail at /srv/app/x.py")

    monkeypatch.setattr(service_views, "parse_view", broken)
    c = TestClient(create_app(Settings()), raise_server_exceptions=False)
    with caplog.at_level("ERROR", logger="scoring.service"):
        r = c.post("/api/parse", json={"rule": RULE})
    err = error_of(r, 500, "internal-error")
    assert "secret" not in r.text and "RuntimeError" not in r.text and "/srv" not in r.text
    assert err["line"] is None and err["column"] is None
    assert any("internal error" in rec.getMessage() for rec in caplog.records)  # logged on the server


# ------------------------------------------------------------------ CORS, the page, settings


def test_cors_closed_unless_configured() -> None:
    closed = TestClient(create_app(Settings()))
    r = closed.post("/api/parse", json={"rule": RULE}, headers={"Origin": "https://example.org"})
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers
    r = closed.options("/api/parse", headers={"Origin": "https://example.org", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in r.headers

    open_ = TestClient(create_app(Settings(cors_origins=("https://budget.example",))))
    r = open_.post("/api/parse", json={"rule": RULE}, headers={"Origin": "https://budget.example"})
    assert r.headers["access-control-allow-origin"] == "https://budget.example"
    r = open_.post("/api/parse", json={"rule": RULE}, headers={"Origin": "https://other.example"})
    assert "access-control-allow-origin" not in r.headers


def test_page_and_its_files_are_local(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "评（扣）分标准" in r.text and 'lang="zh-CN"' in r.text
    assert "default-src 'self'" in r.headers["content-security-policy"]
    for name in ("app.js", "style.css", "favicon.svg"):
        s = client.get(f"/static/{name}")
        assert s.status_code == 200, name
    static = Path(__file__).resolve().parent.parent / "scoring" / "service" / "static"
    for p in static.iterdir():
        text = p.read_text(encoding="utf-8").replace("http://www.w3.org/2000/svg", "")
        assert "http://" not in text and "https://" not in text and "//cdn" not in text, p.name
    error_of(client.get("/static/../app.py"), 404)


def test_openapi_describes_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/parse", "/api/evaluate", "/api/curve", "/api/score", "/api/audit"} <= set(paths)
    assert client.get("/docs").status_code == 200


def test_settings_from_the_environment() -> None:
    s = Settings.from_env({"SCORING_CORS_ORIGINS": "https://a.example, https://b.example", "SCORING_MAX_ROWS": "7",
                           "SCORING_TIMEOUT_SECONDS": "1.5"})  # fmt: skip
    assert s.cors_origins == ("https://a.example", "https://b.example") and s.max_rows == 7 and s.timeout_seconds == 1.5
    assert Settings.from_env({}) == Settings()


def test_import_scoring_needs_no_service_extra() -> None:
    code = (
        "import sys\n"
        "for m in ('fastapi', 'uvicorn', 'multipart', 'starlette'): sys.modules[m] = None\n"
        "import scoring, scoring.service, scoring.cli\n"
        "scoring.cli.build_parser()\n"
        "rc = scoring.cli.main(['serve'])\n"
        "print('rc', rc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "rc 2" in out.stdout and "scoring[service]" in out.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_scoring_serve_answers_on_localhost() -> None:
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "scoring", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        import httpx

        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.1)
        assert r.json()["status"] == "ok"
        r = httpx.post(f"http://127.0.0.1:{port}/api/evaluate", json={"rule": RULE, "actual": "85%", **ROW})
        assert r.json()["points"] == "8.00"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_help_lists_its_options() -> None:
    from scoring.cli import build_parser

    help_text = build_parser()._subparsers._group_actions[0].choices["serve"].format_help()  # type: ignore[union-attr]
    assert "--host" in help_text and "--port" in help_text and "127.0.0.1" in help_text


def test_views_refuse_bad_values_directly() -> None:
    with pytest.raises(service_views.ServiceError):
        service_views.text_value(float("nan"), "分值")
    assert service_views.text_value(85.5, "x") == "85.5" and service_views.text_value(3, "x") == "3"
    assert json.dumps(service_views.actual_value({"1": "是", "2": 3}), ensure_ascii=False) == '{"1": "是", "2": "3"}'
