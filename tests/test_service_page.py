"""The web page (issue 14) in a real browser: Debian's headless Chromium driven by Playwright.

The application runs under uvicorn in a background thread on 127.0.0.1 (a free port); the
browser is /usr/bin/chromium (Playwright's own browser download is not used). Skipped, with
the reason, only where that browser is not installed (``apt-get install chromium``).
"""

from __future__ import annotations

import io
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
pytest.importorskip("playwright.sync_api")

import uvicorn
from openpyxl import Workbook, load_workbook
from playwright.sync_api import sync_playwright

from scoring.service import Settings, create_app

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="browser tests need Debian's Chromium at /usr/bin/chromium (apt-get install chromium)"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(create_app(Settings()), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, name="uvicorn-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1360, "height": 900}, accept_downloads=True, locale="zh-CN")
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(server + "/")
    pg.wait_for_selector("#score-points")  # the page opens with a worked example
    try:
        yield pg
    finally:
        context.close()
    assert not errors, errors


def _set_rule(page: Any, rule: str, **row: str) -> None:
    for name in ("target", "weight", "unit"):
        page.fill(f"#{name}", row.get(name, ""))
    page.select_option("#comparator", row.get("comparator", ""))
    page.fill("#rule", "")
    page.type("#rule", rule, delay=5)  # typed, as a person would: the page follows as they type


def test_the_reading_names_each_default_it_takes(page: Any) -> None:
    _set_rule(page, "满意度90%及以上得满分，每5%扣2分", target="90%", weight="10", comparator="≥", unit="%")
    page.wait_for_selector("#decisions")
    decisions = page.inner_text("#decisions")
    assert "方向：只计低于的部分" in decisions and "默认（semantics §4" in decisions
    assert "起点：满分线90%" in decisions


def test_the_page_lists_what_the_rule_needs_and_what_yes_means(page: Any) -> None:
    _set_rule(page, "合格率100%得满分，每低1%扣1分；发生安全事故的不得分。", target="100%", weight="10", unit="%")
    page.wait_for_function("() => (document.querySelector('#inputs') || {}).innerText?.includes('发生安全事故')")
    needs = page.inner_text("#inputs")
    assert "[实际值] 数值 合格率" in needs
    assert "[1] 是/否（是＝未发生，否＝发生；或填发生次数） 发生安全事故" in needs


def test_type_a_rule_and_see_its_reading_and_a_score(page: Any) -> None:
    rule = "完成率小于60%不得分，大于等于60%的，得分=（完成率-60%）/（1-60%）×指标分值"
    _set_rule(page, rule, target="100%", weight="10", comparator="≥", unit="%")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#reading li')].some(li => li.textContent.includes('60%'))"
    )
    reading = page.inner_text("#reading")
    assert "得分" in reading and "实际完成值应填写" in reading
    assert page.inner_text("#restatement")
    page.fill("#actual", "80%")
    page.wait_for_function("() => document.querySelector('#score-points')?.textContent === '5.00'")
    assert "5.00" in page.inner_text("#try-result") and "/ 10 分" in page.inner_text("#try-result")
    assert "扣分原因" in page.inner_text("#score-reason")
    # the table of outcomes at every edge, and the curve drawn as SVG
    page.wait_for_selector("#curve table.points tbody tr")
    assert page.locator("#curve svg").count() == 1
    rows = page.locator("#curve table.points tbody tr")
    assert "60%" in page.inner_text("#curve table.points")
    rows.last.click()  # a row of the table tries its outcome
    page.wait_for_function("() => document.querySelector('#score-points')?.textContent === '10.00'")


def test_findings_are_highlighted_in_the_rule_text(page: Any) -> None:
    _set_rule(
        page, "满意度90%及以上得满分，每5%扣2分，低于75%不得分", target="≥90%", weight="10", comparator="≥", unit="%"
    )
    page.wait_for_selector("ul.findings li")
    titles = page.inner_text("#findings")
    assert "不足一档" in titles
    marks = page.locator("#backdrop mark.warning")
    assert "每5%扣2分" in [marks.nth(i).inner_text() for i in range(marks.count())]
    page.hover("ul.findings li >> nth=0")
    assert page.locator("#backdrop mark.active").count() >= 1


def test_a_broken_rule_shows_the_error_under_the_right_characters(page: Any) -> None:
    text = "满意度90%及以上得满分，每5%扣分"
    _set_rule(page, text, weight="10")
    page.wait_for_selector("#error:not([hidden])")
    assert "第1行第18列" in page.inner_text("#error-title")
    assert "“扣”之后没有写扣几分" in page.inner_text("#error-title")
    mark = page.locator("#error-line mark")
    assert mark.inner_text() == "分"
    line = page.inner_text("#error-line")
    assert line == text and line.index(mark.inner_text(), len("满意度90%及以上得满分，每5%扣")) == 17
    # and in the text box itself: the highlight layer marks the same character, inside the box
    under = page.locator("#backdrop mark.err")
    assert under.inner_text() == "分"
    before = page.evaluate("() => document.querySelector('#backdrop mark.err').previousSibling.textContent")
    assert before == "满意度90%及以上得满分，每5%扣"
    box, mark_box = page.locator("#rule").bounding_box(), under.bounding_box()
    assert box["x"] < mark_box["x"] < box["x"] + box["width"] and box["y"] < mark_box["y"] < box["y"] + box["height"]
    assert "数字" in page.inner_text("#error-more")
    assert "改正后" in page.inner_text("#try-result")
    # fixing it clears the error
    page.click("#rule")
    page.keyboard.press("End")
    page.keyboard.press("Backspace")
    page.keyboard.type("2分", delay=5)
    page.wait_for_selector("#error", state="hidden")
    assert page.locator("#backdrop mark.err").count() == 0


def _workbook(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["2024年度项目支出绩效自评表"])
    ws.append(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "评（扣）分标准"])
    ws.append(["产出指标", "数量指标", "参保人数", "≥10万人", "9.7万人，完成率97%。", 10, 9.7, None])
    ws.append(["产出指标", "数量指标", "培训场次", "≥40场", "现场34，线上31场", 5, 5, None])
    ws.append(
        ["满意度指标", "满意度", "满意度", "≥90%", "88%", 10, 9, "满意度90%及以上得满分，每5%扣2分，低于75%不得分"]
    )
    wb.save(path)


def test_upload_a_workbook_see_the_scores_and_download_the_scored_one(page: Any, tmp_path: Path) -> None:
    src = tmp_path / "自评表.xlsx"
    _workbook(src)
    page.click("#tab-table")
    page.set_input_files("#file-table", str(src))
    assert "自评表.xlsx" in page.inner_text("#name-table")
    page.click("#score-button")
    page.wait_for_selector("#scored")
    assert page.inner_text("#total").startswith("23.90")  # 9.70 + 5.00 + (10 − 2 × 2/5)
    table = page.inner_text("#scored")
    assert "小计：产出指标" in table and "总分" in table and "9.20" in table
    assert "2024年度项目支出绩效自评表" in page.inner_text("#summary")

    with page.expect_download() as info:
        page.click("#download")
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    out = tmp_path / "scored.xlsx"
    download.save_as(out)
    wb = load_workbook(io.BytesIO(out.read_bytes()))
    ws = wb["评分表"]
    header = [c.value for c in ws[2]]
    rows = {r[header.index("三级指标")]: r for r in ws.iter_rows(min_row=3, values_only=True) if r}
    computed = header.index("计算得分")  # the table's own 得分 column stays as printed, beside the computed one
    assert float(rows["满意度"][computed]) == 9.2 and float(rows["满意度"][header.index("得分")]) == 9
    assert "每5%扣2分" in rows["满意度"][header.index("扣分原因")]

    page.click("#view-audit")
    page.wait_for_selector("#audit-table")
    audit = page.inner_text("#audit")
    assert "满意度" in audit and "9.20" in audit


def test_a_bad_upload_is_explained(page: Any, tmp_path: Path) -> None:
    bad = tmp_path / "表.xlsx"
    bad.write_bytes(b"not a workbook")
    page.click("#tab-table")
    page.set_input_files("#file-table", str(bad))
    page.click("#score-button")
    page.wait_for_selector("#upload-error:not([hidden])")
    assert "不是有效的 Excel 工作簿" in page.inner_text("#upload-error")
