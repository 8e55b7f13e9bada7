/* 评（扣）分标准助手: the page's script. Plain JavaScript, no outside resources.
   Talks to the same server: /api/parse, /api/curve, /api/evaluate, /api/score, /api/audit. */
"use strict";

(function () {
  // ---------------------------------------------------------------- helpers

  const $ = (id) => document.getElementById(id);

  /** h("div", {class: "x", title: "…"}, child, "text", …): children are nodes or text (never HTML). */
  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k.startsWith("data-")) node.setAttribute(k, v);
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function clear(node, ...children) {
    node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  }

  function debounce(fn, ms) {
    let timer = null;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => fn(...args), ms);
    };
  }

  async function readJSON(response) {
    try {
      return await response.json();
    } catch (e) {
      return { error: { code: "bad-response", message: "服务器返回的内容无法读取（状态 " + response.status + "）" } };
    }
  }

  async function postJSON(path, body) {
    try {
      const r = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      return { ok: r.ok, status: r.status, data: await readJSON(r) };
    } catch (e) {
      return { ok: false, status: 0, data: { error: { code: "network", message: "连接不到服务器，请确认 scoring serve 仍在运行" } } };
    }
  }

  async function postForm(path, form) {
    try {
      const r = await fetch(path, { method: "POST", body: form });
      return { ok: r.ok, status: r.status, response: r };
    } catch (e) {
      return { ok: false, status: 0, response: null };
    }
  }

  const isZero = (s) => s !== null && s !== undefined && Number(s) === 0;
  const sameNumber = (a, b) => a !== null && b !== null && a !== undefined && b !== undefined && Number(a) === Number(b);
  const fmt = (s) => (s === null || s === undefined || s === "" ? "—" : String(s));

  // ---------------------------------------------------------------- tabs

  function selectTab(which) {
    for (const [tab, panel] of [["tab-rule", "panel-rule"], ["tab-table", "panel-table"]]) {
      const on = tab === which;
      $(tab).setAttribute("aria-selected", on ? "true" : "false");
      $(panel).hidden = !on;
    }
    if (which === "tab-rule") autosize();
  }
  $("tab-rule").addEventListener("click", () => selectTab("tab-rule"));
  $("tab-table").addEventListener("click", () => selectTab("tab-table"));

  // ================================================================ rule writers

  const EXAMPLES = [
    { rule: "满意度90%及以上得满分，每5%扣2分，低于75%不得分", target: "≥90%", weight: "10", comparator: "≥", unit: "%", actual: "85%" },
    { rule: "偏离小于等于5%，得20分；小于等于10%，得15分；小于等于20%得10分；大于30%，不得分", target: "100", weight: "20", comparator: "=", unit: "万元", actual: "93" },
    { rule: "完成率小于60%不得分，大于等于60%的，得分=（完成率-60%）/（1-60%）×指标分值", target: "100%", weight: "10", comparator: "≥", unit: "%", actual: "80%" },
    { rule: "每发现一例不合规扣1分，扣完为止", target: "0", weight: "5", comparator: "≤", unit: "例", actual: "2" },
    { rule: "①制定考核办法计1分，未制定不得分；②每发现1例不符扣0.25分", target: "", weight: "2", comparator: "", unit: "", actual: "" },
  ];

  const ruleBox = $("rule");
  const backdrop = $("backdrop");
  const editor = $("editor");
  const fields = { target: $("target"), weight: $("weight"), comparator: $("comparator"), unit: $("unit") };

  const state = {
    seq: 0,
    text: "",
    parse: null, // the last good /api/parse answer
    error: null, // the last syntax error {code, message, line, column, span, expected, hint}
    curve: null,
    activeFinding: -1,
    inputsKey: "",
    trySeq: 0,
  };

  function rowBody() {
    const body = { rule: ruleBox.value };
    for (const [k, input] of Object.entries(fields)) {
      const v = input.value.trim();
      if (v) body[k] = v;
    }
    return body;
  }

  function autosize() {
    ruleBox.style.height = "auto";
    ruleBox.style.height = Math.max(ruleBox.scrollHeight + 2, 120) + "px";
  }

  // ---- the highlight layer behind the textarea

  function codePoints(text) {
    return Array.from(text);
  }

  function renderBackdrop() {
    const text = ruleBox.value;
    const cps = codePoints(text);
    const n = cps.length;
    const ranges = [];
    if (state.error && state.error.span && state.text === text) {
      const [s, e] = state.error.span;
      ranges.push({ start: Math.min(s, n), end: Math.min(Math.max(e, s), n), cls: "err", rank: 9, ids: [] });
    } else if (state.parse && state.text === text) {
      state.parse.findings.forEach((f, i) => {
        if (!f.span || f.span[1] <= f.span[0]) return;
        const rank = { error: 3, warning: 2, info: 1 }[f.severity] || 1;
        ranges.push({ start: Math.min(f.span[0], n), end: Math.min(f.span[1], n), cls: f.severity, rank, ids: [i] });
      });
    }
    const cuts = new Set([0, n]);
    for (const r of ranges) {
      cuts.add(r.start);
      cuts.add(r.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const out = [];
    for (let k = 0; k < points.length - 1; k++) {
      const a = points[k];
      const b = points[k + 1];
      if (a === b) continue;
      const piece = cps.slice(a, b).join("");
      const over = ranges.filter((r) => r.start <= a && r.end >= b);
      if (!over.length) {
        out.push(document.createTextNode(piece));
        continue;
      }
      const top = over.reduce((x, y) => (y.rank > x.rank ? y : x));
      const ids = over.flatMap((r) => r.ids);
      const mark = h("mark", { class: top.cls, "data-ids": ids.join(" ") }, piece);
      if (ids.includes(state.activeFinding)) mark.classList.add("active");
      out.push(mark);
    }
    const err = ranges.find((r) => r.cls === "err");
    if (err && err.start === err.end) out.push(h("mark", { class: "err at-end" }, "\u00a0"));
    if (text.endsWith("\n") || !text) out.push(document.createTextNode("\u00a0"));
    clear(backdrop, out);
    backdrop.scrollTop = ruleBox.scrollTop;
  }

  ruleBox.addEventListener("scroll", () => {
    backdrop.scrollTop = ruleBox.scrollTop;
  });

  // ---- the error box

  function showError(err) {
    const box = $("error");
    if (!err) {
      box.hidden = true;
      editor.classList.remove("has-error");
      return;
    }
    editor.classList.add("has-error");
    box.hidden = false;
    const where = err.line ? "第" + err.line + "行第" + err.column + "列" : "";
    clear($("error-title"), where ? h("span", { class: "where" }, where) : null, err.message || "规则有误");
    const lineBox = $("error-line");
    if (err.span && state.text) {
      const cps = codePoints(state.text);
      const [s, e] = err.span;
      let lineStart = s;
      while (lineStart > 0 && cps[lineStart - 1] !== "\n") lineStart--;
      let lineEnd = Math.max(e, s);
      while (lineEnd < cps.length && cps[lineEnd] !== "\n") lineEnd++;
      const before = cps.slice(lineStart, s).join("");
      const bad = cps.slice(s, Math.min(Math.max(e, s), lineEnd)).join("");
      const after = cps.slice(Math.min(Math.max(e, s), lineEnd), lineEnd).join("");
      const mark = bad ? h("mark", { class: "err-mark" }, bad) : h("mark", { class: "err-mark at-end", title: "这里缺少内容" }, "\u3000");
      clear(lineBox, before, mark, after);
      lineBox.hidden = false;
    } else {
      clear(lineBox);
      lineBox.hidden = true;
    }
    const more = [];
    if (err.expected && err.expected.length) more.push(h("div", {}, h("b", {}, "这里应为："), err.expected.join("、")));
    if (err.hint) more.push(h("div", {}, h("b", {}, "提示："), err.hint));
    clear($("error-more"), more);
  }

  function setStatus(text, cls) {
    const s = $("rule-status");
    s.textContent = text;
    s.className = "status " + (cls || "");
  }

  // ---- reading

  const BADGES = {
    得分条款: ["得分", "award"],
    扣分条款: ["扣分", "deduct"],
    否决条款: ["否决", "veto"],
    按比例: ["按比例", "prop"],
    说明: ["说明", ""],
    下限: ["下限", "floor"],
  };

  function renderReading(p) {
    const parts = [];
    parts.push(h("p", { class: "needs" }, "实际完成值应填写：", h("b", {}, p.inputs.what || "实际完成值")));
    const list = h("ol", { class: "clauses" });
    for (const row of p.reading) {
      if (!row.kind) {
        list.append(h("li", { class: "item-head" }, row.text));
        continue;
      }
      const [label, cls] = BADGES[row.kind] || [row.kind, ""];
      list.append(
        h("li", { class: row.level === "item" ? "sub" : "" }, h("span", { class: "badge " + cls }, label),
          h("span", {}, row.text, row.default ? h("span", { class: "tag-default", title: "原文没有写明，按默认口径理解" }, "默认口径") : null))
      );
    }
    parts.push(list);
    const decisions = (p.bound && p.bound.decisions) || [];
    if (decisions.length) {
      // the reading on this row: each decision, and who took it (the text, or a named default)
      const table = h("table", { class: "decisions", id: "decisions" },
        h("tr", {}, h("th", {}, "条款"), h("th", {}, "读法"), h("th", {}, "依据")));
      for (const d of decisions) {
        table.append(h("tr", {}, h("td", {}, d.clause), h("td", {}, d.what + "：" + d.value),
          h("td", {}, d.stated ? "规则写明" : h("span", { class: "tag-default" }, "默认（" + d.source + "）"))));
      }
      parts.push(h("div", { class: "bound" }, h("h3", {}, "在本指标上的读法"), table));
    }
    const needs = (p.bound && p.bound.inputs) || [];
    if (needs.length) {
      // what the rule needs from an answer: one line per input, with what 是/否 say where it matters
      const KIND = { value: "数值", count: "次数", flag: "是/否", grade: "等级", items: "分项", rank: "名次" };
      const ul = h("ul", { class: "inputs", id: "inputs" });
      for (const i of needs) {
        const kind = (KIND[i.kind] || i.kind) + (i.meaning ? "（" + i.meaning + "）" : "");
        ul.append(h("li", {}, "[" + i.key + "] " + kind + " " + i.name + (i.unit ? "（" + i.unit + "）" : "")));
      }
      parts.push(h("div", { class: "bound" }, h("h3", {}, "需要的实际值"), ul));
    }
    const restate = h("div", { class: "restate" }, h("h3", {}, "把默认口径写明后的标准表述"));
    const text = h("div", { class: "restate-text", id: "restatement" });
    const re = /（注：.*?）/g;
    let last = 0;
    let m;
    while ((m = re.exec(p.restatement)) !== null) {
      text.append(p.restatement.slice(last, m.index), h("span", { class: "note" }, m[0]));
      last = m.index + m[0].length;
    }
    text.append(p.restatement.slice(last));
    restate.append(text);
    parts.push(restate);
    clear($("reading"), parts);
  }

  // ---- findings

  const SEV = { error: "错误", warning: "提醒", info: "提示" };

  function renderFindings(p) {
    const fs = p.findings;
    const counts = { error: 0, warning: 0, info: 0 };
    fs.forEach((f) => (counts[f.severity] = (counts[f.severity] || 0) + 1));
    const summary = [];
    if (counts.error) summary.push(counts.error + " 个错误");
    if (counts.warning) summary.push(counts.warning + " 个提醒");
    if (counts.info) summary.push(counts.info + " 个提示");
    $("findings-summary").textContent = summary.join("，");
    if (!fs.length) {
      clear($("findings"), h("p", { class: "all-good" }, "没有发现问题：这条标准写得清楚。"));
      return;
    }
    const list = h("ul", { class: "findings" });
    fs.forEach((f, i) => {
      const li = h("li", { class: f.severity, "data-i": String(i) },
        h("div", { class: "f-head" }, h("span", { class: "sev " + f.severity }, SEV[f.severity] || f.severity),
          h("span", { class: "f-title" }, f.title || f.code),
          f.words ? h("span", { class: "f-words" }, "原文 ", h("q", {}, f.words)) : null),
        h("div", { class: "f-msg" }, f.message));
      li.addEventListener("mouseenter", () => setActive(i));
      li.addEventListener("mouseleave", () => setActive(-1));
      list.append(li);
    });
    clear($("findings"), list);
  }

  function setActive(i) {
    state.activeFinding = i;
    for (const m of backdrop.querySelectorAll("mark[data-ids]")) {
      const ids = (m.getAttribute("data-ids") || "").split(" ").filter(Boolean).map(Number);
      m.classList.toggle("active", ids.includes(i));
    }
    for (const li of document.querySelectorAll("ul.findings li")) {
      li.classList.toggle("active", Number(li.getAttribute("data-i")) === i);
    }
  }

  // ---- the score table and curve

  function pointsTable(c) {
    const weight = c.weight;
    const table = h("table", { class: "points" });
    if (c.labels && c.labels.length) {
      table.append(h("thead", {}, h("tr", {}, h("th", {}, "实际完成值"), h("th", { class: "n" }, "得分"))));
      const body = h("tbody");
      for (const l of c.labels) {
        const cls = "n score-cell" + (isZero(l.score) ? " zero" : sameNumber(l.score, weight) ? " full" : "");
        const tr = h("tr", { "data-outcome": l.outcome }, h("td", {}, l.outcome), h("td", { class: cls }, fmt(l.score)));
        body.append(tr);
      }
      table.append(body);
      return table;
    }
    const unit = c.axis.kind === "count" ? "发生次数" : "实际完成值";
    table.append(h("thead", {}, h("tr", {}, h("th", {}, unit), h("th", { class: "n" }, "得分"), h("th", {}, "说明"))));
    const body = h("tbody");
    for (const p of c.points) {
      const cls = "n score-cell" + (isZero(p.score) ? " zero" : sameNumber(p.score, weight) ? " full" : "");
      const note = p.error ? p.error : p.label;
      body.append(h("tr", { "data-outcome": p.outcome, title: p.explanation || p.error || "" },
        h("td", { class: "num" }, p.shown), h("td", { class: cls }, p.score === null ? "无法计分" : p.score),
        h("td", { class: "label-note" }, note)));
    }
    table.append(body);
    return table;
  }

  function chart(c) {
    if (!c.svg) return null;
    const box = h("div", { class: "chart", role: "img", "aria-label": "得分曲线：横轴为实际完成值，纵轴为得分" });
    box.innerHTML = c.svg; // drawn by the server (scoring.writer.curve.svg), text escaped there
    return box;
  }

  function renderCurve(res) {
    const out = [];
    if (!res.ok) {
      out.push(h("p", { class: "placeholder" }, (res.data.error && res.data.error.message) || "无法列出得分"));
      clear($("curve"), out);
      return;
    }
    const c = res.data;
    if (c.kind === "composite") {
      for (const item of c.items) {
        out.push(h("div", { class: "item-title" }, "第" + item.number + "项（满分 " + item.weight + " 分）"));
        out.push(pointsTable(item));
        out.push(chart(item));
      }
    } else {
      if (!fields.weight.value.trim()) {
        out.push(h("p", { class: "note-line" }, "未填分值：按 " + c.weight + " 分列出。"));
      }
      out.push(pointsTable(c));
      if (c.labels && c.labels.length) out.push(h("p", { class: "muted small" }, "这条标准按文字判断（是/否、等级），没有得分曲线。"));
      out.push(chart(c));
    }
    clear($("curve"), out);
    for (const tr of $("curve").querySelectorAll("tbody tr")) {
      tr.addEventListener("click", () => {
        const inputs = $("try-inputs").querySelectorAll("input");
        if (inputs.length === 1) {
          inputs[0].value = tr.getAttribute("data-outcome");
          tryScore();
        }
      });
    }
  }

  // ---- try an outcome

  function buildInputs(p) {
    const inputs = p.inputs;
    const key = inputs.kind === "items" ? "items:" + inputs.items.map((i) => i.number).join(",") : "one";
    if (key !== state.inputsKey) {
      state.inputsKey = key;
      const box = $("try-inputs");
      const keep = box.querySelector("input") ? box.querySelector("input").value : "";
      if (inputs.kind === "items") {
        clear(box, inputs.items.map((it) =>
          h("label", {}, "第" + it.number + "项" + (it.points ? "（" + it.points + "分）" : ""),
            h("input", { "data-item": String(it.number), placeholder: it.example ? "如 " + it.example : "", autocomplete: "off" }),
            h("span", { class: "what" }, "填写" + it.what))));
      } else {
        clear(box, h("label", {}, "实际完成值", h("input", { id: "actual", autocomplete: "off", value: keep })));
      }
      for (const input of box.querySelectorAll("input")) input.addEventListener("input", debouncedTry);
    }
    const one = $("actual");
    if (one) one.placeholder = inputs.example ? "如 " + inputs.example : "";
    $("try-what").textContent = inputs.kind === "items" ? "各项分别填写" : "填写：" + (inputs.what || "");
    const quick = $("try-quick");
    if (inputs.kind === "label" && one) {
      clear(quick, (inputs.labels || []).map((lab) => {
        const b = h("button", { type: "button", class: "chip" }, lab);
        b.addEventListener("click", () => {
          one.value = lab;
          tryScore();
        });
        return b;
      }));
    } else {
      clear(quick);
    }
  }

  function actualValue() {
    const box = $("try-inputs");
    const itemInputs = box.querySelectorAll("input[data-item]");
    if (itemInputs.length) {
      const out = {};
      let any = false;
      for (const i of itemInputs) {
        if (i.value.trim()) {
          out[i.getAttribute("data-item")] = i.value.trim();
          any = true;
        }
      }
      return any ? out : null;
    }
    const one = $("actual");
    return one && one.value.trim() ? one.value.trim() : null;
  }

  function curveWeight() {
    const c = state.curve;
    if (!c || !c.ok) return null;
    if (c.data.kind === "composite") return String(c.data.items.reduce((s, it) => s + Number(it.weight), 0));
    return c.data.weight;
  }

  async function tryScore() {
    const out = $("try-result");
    const actual = actualValue();
    const mine = ++state.trySeq;
    if (!state.parse || state.error || state.text !== ruleBox.value) {
      clear(out, h("p", { class: "placeholder" }, state.error ? "评分标准有误，改正后才能试算。" : "输入评分标准后即可试算。"));
      return;
    }
    if (actual === null) {
      clear(out, h("p", { class: "placeholder" }, "填写实际完成值，马上看到得分和扣分原因。"));
      return;
    }
    const body = rowBody();
    body.actual = actual;
    let weightNote = null;
    if (!body.weight) {
      body.weight = curveWeight() || "100";
      weightNote = "未填分值：按 " + body.weight + " 分计算。";
    }
    const res = await postJSON("/api/evaluate", body);
    if (mine !== state.trySeq) return;
    if (!res.ok) {
      clear(out, h("p", { class: "soft-error" }, "无法计算：" + ((res.data.error && res.data.error.message) || "请检查输入")));
      return;
    }
    const s = res.data;
    const lost = Number(s.weight) - Number(s.points);
    const bigCls = "score-big" + (isZero(s.points) ? " zero" : sameNumber(s.points, s.weight) ? " full" : "");
    const steps = h("ol");
    for (const st of s.trace) {
      const d = Number(st.delta);
      const delta = d === 0 ? null : h("span", { class: "delta " + (d < 0 ? "minus" : "plus") }, (d > 0 ? "+" : "") + st.delta);
      steps.append(h("li", {}, st.clause, delta, st.note ? h("span", { class: "muted" }, "（" + st.note + "）") : null));
    }
    clear(out,
      h("div", { class: "score-line" }, h("span", { class: bigCls, id: "score-points" }, s.points),
        h("span", { class: "score-of" }, "/ " + s.weight + " 分"),
        lost > 0 ? h("span", { class: "score-lost" }, "扣 " + (Math.round(lost * 10000) / 10000) + " 分") : h("span", { class: "score-lost none" }, "满分")),
      h("p", { class: "reason", id: "score-reason" }, h("b", {}, "扣分原因："), s.explanation),
      weightNote ? h("p", { class: "note-line" }, weightNote) : null,
      h("details", { class: "steps" }, h("summary", {}, "计算步骤"), steps));
    for (const tr of $("curve").querySelectorAll("tbody tr")) {
      tr.classList.toggle("current", typeof actual === "string" && tr.getAttribute("data-outcome") === actual);
    }
  }
  const debouncedTry = debounce(tryScore, 250);

  // ---- the whole update, debounced while typing

  async function update() {
    const body = rowBody();
    const text = body.rule;
    const mine = ++state.seq;
    if (!text.trim()) {
      state.text = text;
      state.parse = null;
      state.error = null;
      showError(null);
      renderBackdrop();
      setStatus("", "");
      clear($("reading"), h("p", { class: "placeholder" }, "输入评分标准后，这里逐条列出它的意思。"));
      clear($("findings"), h("p", { class: "placeholder" }, "这里列出评分标准中写得不清楚、可能引起争议的地方。"));
      $("findings-summary").textContent = "";
      clear($("curve"), h("p", { class: "placeholder" }, "这里列出每个分档边界上的得分，并画出得分曲线。"));
      tryScore();
      return;
    }
    setStatus("正在检查…", "busy");
    const curveBody = Object.assign({}, body);
    const [parse, curve] = await Promise.all([postJSON("/api/parse", body), postJSON("/api/curve", curveBody)]);
    if (mine !== state.seq) return; // a newer edit is on its way
    state.text = text;
    if (!parse.ok) {
      const err = parse.data.error || { message: "无法检查" };
      state.parse = null;
      state.curve = null;
      state.error = err;
      setStatus("有错误", "bad");
      showError(err);
      renderBackdrop();
      const dim = h("p", { class: "placeholder" }, "评分标准有误，改正后这里会更新。");
      clear($("reading"), dim);
      clear($("findings"), dim.cloneNode(true));
      $("findings-summary").textContent = "";
      clear($("curve"), dim.cloneNode(true));
      tryScore();
      return;
    }
    state.error = null;
    state.parse = parse.data;
    state.curve = curve;
    showError(null);
    const n = parse.data.findings.filter((f) => f.severity !== "info").length;
    setStatus(n ? "读懂了，有 " + n + " 处需要注意" : "读懂了", n ? "" : "ok");
    renderBackdrop();
    renderReading(parse.data);
    renderFindings(parse.data);
    buildInputs(parse.data);
    renderCurve(curve);
    tryScore();
  }
  const debouncedUpdate = debounce(update, 300);

  ruleBox.addEventListener("input", () => {
    autosize();
    renderBackdrop(); // keep the layer in step with the text at once; marks come back with the answer
    debouncedUpdate();
  });
  for (const input of Object.values(fields)) {
    input.addEventListener("input", debouncedUpdate);
    input.addEventListener("change", debouncedUpdate);
  }
  window.addEventListener("resize", debounce(autosize, 100));

  for (const b of document.querySelectorAll("[data-example]")) {
    b.addEventListener("click", () => {
      const ex = EXAMPLES[Number(b.getAttribute("data-example"))];
      loadExample(ex);
    });
  }

  function loadExample(ex) {
    ruleBox.value = ex.rule;
    fields.target.value = ex.target;
    fields.weight.value = ex.weight;
    fields.comparator.value = ex.comparator;
    fields.unit.value = ex.unit;
    state.inputsKey = "";
    clear($("try-inputs"), h("label", {}, "实际完成值", h("input", { id: "actual", autocomplete: "off", value: ex.actual })));
    $("actual").addEventListener("input", debouncedTry);
    autosize();
    renderBackdrop();
    update();
  }

  // ================================================================ evaluators

  const upload = { form: null, data: null, audit: null };

  function fileLabel(inputId, nameId, dropId) {
    const input = $(inputId);
    const show = () => {
      const f = input.files && input.files[0];
      $(nameId).textContent = f ? f.name + "（" + Math.max(1, Math.round(f.size / 1024)) + " KB）" : "未选择文件";
      $(dropId).classList.toggle("has-file", !!f);
    };
    input.addEventListener("change", show);
    const drop = $(dropId);
    drop.addEventListener("dragover", (e) => {
      e.preventDefault();
      drop.classList.add("over");
    });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (e) => {
      e.preventDefault();
      drop.classList.remove("over");
      if (e.dataTransfer && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        show();
      }
    });
  }
  fileLabel("file-table", "name-table", "drop-table");
  fileLabel("file-outcomes", "name-outcomes", "drop-outcomes");

  async function loadProfiles() {
    try {
      const r = await fetch("/api/profiles");
      if (!r.ok) return;
      const list = await r.json();
      const select = $("profile");
      for (const p of list.profiles) {
        if (p.name === "default") continue;
        select.append(h("option", { value: p.name, title: p.description }, p.description.split("，")[0].split("；")[0] + "（" + p.name + "）"));
      }
      const note = () => {
        const p = list.profiles.find((x) => x.name === (select.value || "default"));
        $("profile-note").textContent = p ? p.description : "";
      };
      select.addEventListener("change", note);
      note();
    } catch (e) {
      /* the default profile still works */
    }
  }
  loadProfiles();

  function formData() {
    const fd = new FormData();
    fd.append("table", $("file-table").files[0]);
    const o = $("file-outcomes").files[0];
    if (o) fd.append("outcomes", o);
    if ($("profile").value) fd.append("profile", $("profile").value);
    return fd;
  }

  function uploadError(message) {
    const box = $("upload-error");
    box.hidden = !message;
    box.textContent = message || "";
  }

  $("upload-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!$("file-table").files.length) {
      uploadError("请先选择指标表文件。");
      return;
    }
    uploadError("");
    const button = $("score-button");
    button.disabled = true;
    button.textContent = "正在评分…";
    const res = await postForm("/api/score", formData());
    button.disabled = false;
    button.textContent = "开始评分";
    if (!res.response) {
      uploadError("连接不到服务器，请确认 scoring serve 仍在运行。");
      return;
    }
    const data = await readJSON(res.response);
    if (!res.ok) {
      uploadError((data.error && data.error.message) || "评分失败");
      $("results").hidden = true;
      return;
    }
    upload.data = data;
    upload.audit = null;
    renderScores(data);
    $("results").hidden = false;
    showView("scores");
  });

  function stat(k, v, cls) {
    return h("div", { class: "stat" }, h("div", { class: "k" }, k), v instanceof Node ? v : h("div", { class: "v " + (cls || "") }, v));
  }

  function renderScores(d) {
    const unscored = d.rows.filter((r) => r.points === null).length;
    clear($("summary"),
      stat("总分", h("div", { class: "v num", id: "total" }, d.total, h("small", {}, "/ " + d.weight + " 分"))),
      stat("评价等次", d.grade || "—", "grade"),
      stat("计分情况", unscored ? unscored + " 行未计分" : "全部 " + d.rows.length + " 行已计分", unscored ? "bad" : "ok"),
      stat("指标表", h("div", { class: "title" }, d.title || d.file)));

    const table = h("table", { class: "scored", id: "scored" });
    table.append(h("thead", {}, h("tr", {}, h("th", {}, "二级指标"), h("th", {}, "三级指标"), h("th", {}, "指标值"),
      h("th", { class: "n" }, "分值"), h("th", {}, "实际完成值"), h("th", { class: "n" }, "得分"), h("th", {}, "扣分原因"))));
    const body = h("tbody");
    if (d.execution) {
      body.append(h("tr", { class: "exec" }, h("td", { class: "l2" }, "预算执行"), h("td", { class: "name" }, "预算执行率"), h("td", {}, ""),
        h("td", { class: "n" }, d.execution.weight), h("td", {}, ""), h("td", { class: "n score-cell" }, d.execution.points),
        h("td", { class: "reason-cell" }, d.execution.explanation)));
    }
    const subs = new Map(d.level1.map((s) => [(s.section || "") + "\u0000" + (s.level1 || ""), s]));
    let group = null;
    const closeGroup = () => {
      if (group === null) return;
      const s = subs.get(group);
      if (s) {
        body.append(h("tr", { class: "subtotal" }, h("td", {}, ""), h("td", { colspan: "2" }, "小计：" + (s.level1 || "")),
          h("td", { class: "n" }, s.weight), h("td", {}, ""), h("td", { class: "n" }, s.points),
          h("td", {}, s.unscored ? h("span", { class: "unscored-tag" }, s.unscored + " 行未计分") : "")));
      }
    };
    for (const r of d.rows) {
      const key = (r.section || "") + "\u0000" + (r.level1 || "");
      if (key !== group) {
        closeGroup();
        group = key;
        const s = subs.get(key);
        const title = (r.section ? r.section + " · " : "") + (r.level1 || "（未分一级指标）") + (s && s.header_weight ? "（" + s.header_weight + "分）" : "");
        body.append(h("tr", { class: "group" }, h("td", { colspan: "7" }, title)));
      }
      const scored = r.points !== null;
      const full = scored && sameNumber(r.points, r.weight);
      body.append(h("tr", { class: scored ? "" : "unscored", "data-id": r.id },
        h("td", { class: "l2" }, r.level2 || ""),
        h("td", { class: "name" }, r.name),
        h("td", {}, r.target || ""),
        h("td", { class: "n" }, fmt(r.weight)),
        h("td", { class: "actual" }, typeof r.actual === "string" ? r.actual : r.actual ? JSON.stringify(r.actual) : ""),
        h("td", { class: "n score-cell" + (full ? " full" : isZero(r.points) ? " zero" : "") }, scored ? r.points : h("span", { class: "unscored-tag" }, "未计分")),
        h("td", { class: "reason-cell" }, r.explanation || "")));
    }
    closeGroup();
    body.append(h("tr", { class: "total" }, h("td", {}, ""), h("td", { colspan: "2" }, "总分" + (d.grade ? "（评价等次：" + d.grade + "）" : "")),
      h("td", { class: "n" }, d.weight), h("td", {}, ""), h("td", { class: "n" }, d.total),
      h("td", {}, d.complete ? "" : h("span", { class: "unscored-tag" }, "有未计分的行，总分不完整"))));
    table.append(body);
    clear($("score-table"), table);

    const box = $("table-findings");
    const fs = d.findings || [];
    if (!fs.length) {
      clear(box, h("div", { class: "card-head" }, h("h2", {}, "需要注意的问题")), h("p", { class: "all-good" }, "没有需要注意的问题。"));
      return;
    }
    const list = h("ul", { class: "findings" });
    for (const f of fs) {
      const sev = f.severity === "error" ? "error" : "warning";
      list.append(h("li", { class: sev }, h("div", { class: "f-head" },
        h("span", { class: "sev " + sev }, f.severity === "error" ? "未计分" : "提醒"),
        h("span", { class: "f-title" }, [f.indicator, f.name].filter(Boolean).join(" ") || "整张表")),
        h("div", { class: "f-msg" }, f.message)));
    }
    clear(box, h("div", { class: "card-head" }, h("h2", {}, "需要注意的问题"), h("span", { class: "summary" }, fs.length + " 条")), list);
  }

  function showView(which) {
    $("view-scores").setAttribute("aria-selected", which === "scores" ? "true" : "false");
    $("view-audit").setAttribute("aria-selected", which === "audit" ? "true" : "false");
    $("scores-view").hidden = which !== "scores";
    $("audit-view").hidden = which !== "audit";
  }

  $("view-scores").addEventListener("click", () => showView("scores"));
  $("view-audit").addEventListener("click", async () => {
    showView("audit");
    if (upload.audit) return;
    clear($("audit"), h("p", { class: "busy-line" }, "正在核对…"));
    const res = await postForm("/api/audit", formData());
    if (!res.response) {
      clear($("audit"), h("p", { class: "soft-error" }, "连接不到服务器。"));
      return;
    }
    const data = await readJSON(res.response);
    if (!res.ok) {
      clear($("audit"), h("p", { class: "soft-error" }, (data.error && data.error.message) || "核对失败"));
      return;
    }
    upload.audit = data;
    renderAudit(data);
  });

  function renderAudit(a) {
    const rows = a.discrepancies.filter((d) => d.kind !== "total");
    const parts = [h("div", { class: "card-head" }, h("h2", {}, "得分核对：表中填报的得分与按标准计算的得分"))];
    parts.push(h("div", { class: "audit-head" },
      stat("有填报得分的行", String(a.rows_checked)),
      stat("与计算一致", String(a.rows_matching), "ok"),
      stat("需要核对", String(rows.length) + " 行", rows.length ? "bad" : "ok")));
    if (!a.rows_checked) {
      parts.push(h("p", { class: "needs" }, "表中没有填报的得分，无法核对。请上传带“得分”列的自评表，或在实际完成值文件中写明各行的得分（score）。"));
    } else if (!a.discrepancies.length) {
      parts.push(h("p", { class: "all-good" }, "填报的得分与按标准计算的结果全部一致。"));
    }
    if (rows.length) {
      const table = h("table", { class: "scored", id: "audit-table" });
      table.append(h("thead", {}, h("tr", {}, h("th", {}, "指标"), h("th", { class: "n" }, "分值"), h("th", { class: "n" }, "填报得分"),
        h("th", { class: "n" }, "计算得分"), h("th", { class: "n" }, "相差"), h("th", {}, "原因与建议"))));
      const body = h("tbody");
      for (const d of rows) {
        body.append(h("tr", {}, h("td", { class: "name" }, d.name || d.indicator),
          h("td", { class: "n" }, fmt(d.weight)), h("td", { class: "n" }, fmt(d.printed)), h("td", { class: "n" }, fmt(d.computed)),
          h("td", { class: "n diff" }, fmt(d.difference)),
          h("td", { class: "reason-cell" }, d.reason, d.explanation ? h("span", { class: "reason-sub" }, "计算过程：" + d.explanation) : null)));
      }
      table.append(body);
      parts.push(h("div", { class: "table-wrap" }, table));
    }
    const t = a.totals;
    const lines = [];
    if (t.printed !== null) {
      lines.push("填报总分 " + t.printed + "；各行填报得分合计 " + t.printed_rows + (t.printed_consistent ? "（一致）" : "（不一致）") + "。");
    } else {
      lines.push("表中没有填报总分；各行填报得分合计 " + t.printed_rows + "。");
    }
    lines.push("按评分标准计算的总分为 " + t.computed + (a.grade ? "，评价等次 " + a.grade : "") + "。");
    if (t.rows_without_printed) lines.push(t.rows_without_printed + " 行没有填报得分，未核对。");
    parts.push(h("div", { class: "totals-box" }, lines.join("")));
    clear($("audit"), parts);
  }

  $("download").addEventListener("click", async () => {
    const button = $("download");
    button.disabled = true;
    button.textContent = "正在生成…";
    const res = await postForm("/api/score?format=xlsx", formData());
    button.disabled = false;
    button.textContent = "下载评分结果（Excel）";
    if (!res.response || !res.ok) {
      const data = res.response ? await readJSON(res.response) : null;
      uploadError((data && data.error && data.error.message) || "生成工作簿失败");
      return;
    }
    const blob = await res.response.blob();
    const header = res.response.headers.get("Content-Disposition") || "";
    const m = /filename\*=UTF-8''([^;]+)/.exec(header);
    const name = m ? decodeURIComponent(m[1]) : "评分结果.xlsx";
    const url = URL.createObjectURL(blob);
    const a = h("a", { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });

  // ---------------------------------------------------------------- start with an example

  loadExample(EXAMPLES[0]);
})();
