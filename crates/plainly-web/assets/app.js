// The plainly page: checks the text as it is typed, through this server's
// own API (POST /api/check, /api/sentences), and shows the findings in
// place. Nothing is stored: no cookies, no local storage.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const textBox = $("text");
  const status = $("status");
  const checked = $("checked");
  const finding = $("finding");
  const WAIT_MS = 250; // after the last keystroke
  let latest = 0; // number of the newest request, so old answers are ignored
  let timer = null;
  let result = null; // {text, check, sentences}
  let current = null; // the mark whose finding is shown

  const LABELS = {
    "jargon": "Jargon",
    "complex-word": "Formal or wordy",
    "undefined-abbreviation": "Abbreviation not spelt out",
    "latin-abbreviation": "Latin abbreviation",
    "inclusive-language": "Word that labels people",
    "all-caps": "Capitals for emphasis",
    "passive-voice": "Passive voice",
    "uncommon-word": "Uncommon word",
    "long-sentence": "Long sentence",
    "hard-sentence": "Hard sentence",
    "long-paragraph": "Long paragraph",
    "reading-age": "Section too hard",
    "unused-suppression": "Unused plainly comment",
  };
  const WORD_RULES = ["jargon", "complex-word", "undefined-abbreviation", "latin-abbreviation",
    "inclusive-language", "all-caps", "passive-voice", "uncommon-word"];
  const BLOCK_RULES = ["long-sentence", "hard-sentence", "long-paragraph", "reading-age"];
  const TARGET = { "public": 11, "easy-read": 9, "professional": 14 };
  const FOR = { "public": "For the public", "easy-read": "For Easy Read", "professional": "For staff and professionals" };
  const AIM = { "public": "Aim for 9 to 11.", "easy-read": "Aim for 9 or under.", "professional": "Aim for 14 or under." };

  function label(rule) { return LABELS[rule] || "Other"; }
  function markClass(rule) {
    if (WORD_RULES.includes(rule)) return rule;
    if (BLOCK_RULES.includes(rule)) return "block";
    return "other";
  }
  function audience() {
    const chosen = document.querySelector("input[name=audience]:checked");
    return chosen ? chosen.value : "public";
  }
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v; else e.setAttribute(k, v);
    }
    for (const c of children) e.append(c);
    return e;
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  // Byte offsets (UTF-8, as the API gives them) to string positions
  // (UTF-16, as JavaScript counts).
  function byteMap(text) {
    const map = new Map();
    let bytes = 0;
    let i = 0;
    for (const ch of text) {
      map.set(bytes, i);
      const c = ch.codePointAt(0);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      i += ch.length;
    }
    map.set(bytes, i);
    return (b) => (map.has(b) ? map.get(b) : text.length);
  }

  function verdict(age, aud) {
    const years = Math.round(age);
    const target = TARGET[aud];
    if (years <= target - 2) return "Most of your readers can read this easily.";
    if (years <= target) return "Most of your readers can manage this.";
    if (years <= target + 2) return "Hard for many of your readers. " + AIM[aud];
    return "Harder than most of your readers can manage. " + AIM[aud];
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, WAIT_MS);
  }

  async function post(path, body) {
    const response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      let message = "The text could not be checked.";
      try { message = (await response.json()).error || message; } catch (e) { /* keep it */ }
      throw new Error(message);
    }
    return response;
  }

  async function run() {
    const text = textBox.value;
    const aud = audience();
    const number = ++latest;
    if (text.trim() === "") {
      result = null;
      $("results").hidden = true;
      $("checked-block").hidden = true;
      status.textContent = "";
      return;
    }
    const body = { text: text, audience: aud };
    try {
      const [check, sentences] = await Promise.all([
        post("/api/check", body).then((r) => r.json()),
        post("/api/sentences", body).then((r) => r.json()),
      ]);
      if (number !== latest) return; // the text changed since
      result = { text: text, audience: aud, check: check, sentences: sentences.sentences };
      show();
    } catch (e) {
      if (number !== latest) return;
      status.textContent = e.message;
    }
  }

  function show() {
    const file = result.check.files[0];
    const diagnostics = file.diagnostics;
    showAge(file.metrics);
    showText(result.text, diagnostics, result.sentences);
    const counts = {};
    for (const d of diagnostics) counts[label(d.rule)] = (counts[label(d.rule)] || 0) + 1;
    const parts = Object.entries(counts).map(([k, n]) => n + " " + k.toLowerCase());
    let said = FOR[result.audience] + ": " + (diagnostics.length === 0
      ? "no problems found."
      : plural(diagnostics.length, "problem", "problems") + " found: " + parts.join(", ") + ".");
    if (file.metrics.scores) said += " Reading age " + Math.round(file.metrics.scores.reading_age) + ".";
    status.textContent = said;
    if (current) {
      // Show the finding at the same place again, if it is still there.
      const again = checked.querySelector('[data-start="' + current + '"]');
      if (again) openFinding(again, false); else closeFinding();
    }
  }

  function showAge(metrics) {
    const aud = result.audience;
    $("results").hidden = false;
    const scores = metrics.scores;
    if (!scores) {
      $("age-number").textContent = "None yet";
      $("age-verdict").textContent = "Write a full sentence to see a reading age.";
      $("age-scale").hidden = true;
      return;
    }
    $("age-scale").hidden = false;
    const age = scores.reading_age;
    $("age-number").textContent = Math.round(age);
    $("age-verdict").textContent = verdict(age, aud) + (scores.reliable ? "" : " (a rough guide: under 100 words)");
    placeScale($("scale-band"), $("scale-marker"), age, TARGET[aud]);
    $("scale-target").textContent = "aim: " + (TARGET[aud] - 2) + " to " + TARGET[aud];
    const rows = [
      ["Reading age", age.toFixed(1)],
      ["Flesch Reading Ease", scores.flesch_reading_ease.toFixed(1)],
      ["Flesch-Kincaid grade", scores.flesch_kincaid_grade.toFixed(1)],
      ["Gunning Fog", scores.gunning_fog.toFixed(1)],
      ["SMOG", scores.smog.toFixed(1)],
      ["Coleman-Liau", scores.coleman_liau.toFixed(1)],
      ["Automated Readability Index", scores.automated_readability.toFixed(1)],
      ["Words", metrics.counts.words],
      ["Sentences", metrics.counts.sentences],
      ["Syllables", metrics.counts.syllables],
      ["Words of three or more syllables", metrics.counts.polysyllables],
    ];
    $("scores").replaceChildren(...rows.map(([k, v]) =>
      el("tr", { class: "nhsuk-table__row" },
        el("th", { class: "nhsuk-table__header", scope: "row" }, k),
        el("td", { class: "nhsuk-table__cell" }, String(v)))));
    const sections = metrics.sections.filter((s) => s.scores);
    $("sections-block").hidden = sections.length < 2;
    $("sections").replaceChildren(...sections.map((s) => {
      const a = s.scores.reading_age;
      const bar = el("span", { class: "app-scale__bar app-scale__bar--small", "aria-hidden": "true" },
        el("span", { class: "app-scale__band" }), el("span", { class: "app-scale__marker" }));
      placeScale(bar.children[0], bar.children[1], a, TARGET[aud]);
      const over = Math.round(a) > TARGET[aud];
      return el("li", { class: "app-section" + (over ? " app-section--over" : "") },
        el("span", { class: "app-section__name" }, s.heading || "Before the first heading"),
        el("span", { class: "app-section__age" }, "reading age " + Math.round(a) + (over ? " (too hard)" : "")),
        bar);
    }));
  }

  // The scale runs from reading age 5 to 20.
  function placeScale(band, marker, age, target) {
    const at = (x) => ((Math.min(Math.max(x, 5), 20) - 5) / 15) * 100;
    band.style.left = at(target - 2) + "%";
    band.style.width = (at(target) - at(target - 2)) + "%";
    marker.style.left = at(age) + "%";
  }

  // The text, with a mark for each piece covered by findings. Findings
  // about words are focusable; sentences are shaded by how hard they are.
  function showText(text, diagnostics, sentences) {
    $("checked-block").hidden = false;
    const at = byteMap(text);
    const spans = diagnostics.map((d) => [at(d.span.start), at(d.span.end)]);
    const shades = sentences.map((s) => [at(s.span.start), at(s.span.end), s.very_hard]);
    const cuts = new Set([0, text.length]);
    for (const [s, e] of spans) { cuts.add(s); cuts.add(e); }
    for (const [s, e] of shades) { cuts.add(s); cuts.add(e); }
    const points = [...cuts].sort((a, b) => a - b);
    // Sweep from start to end, keeping the findings and sentences that
    // cover the current piece, so a long text stays quick.
    const order = spans.map((_, k) => k).sort((x, y) => spans[x][0] - spans[y][0]);
    const shadeOrder = shades.map((_, k) => k).sort((x, y) => shades[x][0] - shades[y][0]);
    let next = 0, nextShade = 0;
    let active = [], activeShades = [];
    const out = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      while (next < order.length && spans[order[next]][0] <= a) active.push(order[next++]);
      while (nextShade < shadeOrder.length && shades[shadeOrder[nextShade]][0] <= a) activeShades.push(shadeOrder[nextShade++]);
      active = active.filter((k) => spans[k][1] >= b);
      activeShades = activeShades.filter((k) => shades[k][1] >= b);
      const piece = text.slice(a, b);
      const covering = active.filter((k) => spans[k][0] < spans[k][1]).sort((x, y) => x - y);
      const words = covering.filter((k) => WORD_RULES.includes(diagnostics[k].rule) || markClass(diagnostics[k].rule) === "other");
      const shade = activeShades.length ? shades[activeShades[0]] : null;
      let node;
      if (covering.length === 0) {
        node = document.createTextNode(piece);
      } else {
        const pick = (words.length ? words : covering)
          .reduce((best, k) => (spans[k][1] - spans[k][0] < spans[best][1] - spans[best][0] ? k : best));
        const d = diagnostics[pick];
        const focusable = words.length > 0;
        node = el("mark", {
          class: "pl-mark pl-k-" + markClass(d.rule) + (focusable ? " app-mark" : ""),
          "data-findings": covering.join(" "),
          "data-start": String(spans[pick][0]),
        }, piece);
        if (focusable) {
          node.setAttribute("tabindex", "0");
          node.setAttribute("role", "button");
          node.setAttribute("aria-label", piece + ": " + covering.map((k) => label(diagnostics[k].rule)).join(", "));
        }
      }
      if (shade) {
        node = el("span", { class: shade[2] ? "pl-very-hard" : "pl-hard" }, node);
      }
      out.push(node);
    }
    checked.replaceChildren(...out);
  }

  function openFinding(mark, moveFocus) {
    if (!result) return;
    const diagnostics = result.check.files[0].diagnostics;
    const ids = mark.dataset.findings.split(" ").map(Number);
    current = mark.dataset.start;
    for (const m of checked.querySelectorAll(".app-mark--open")) m.classList.remove("app-mark--open");
    mark.classList.add("app-mark--open");
    $("finding-title").textContent = ids.map((k) => label(diagnostics[k].rule)).join(" and ");
    const parts = [];
    for (const k of ids) {
      const d = diagnostics[k];
      const box = el("div", { class: "app-finding__item" },
        el("p", { class: "app-finding__message" }, d.message));
      const advice = (d.fixes || []).filter((f) => !f.edit).map((f) => el("li", {}, f.message));
      if (advice.length) box.append(el("ul", { class: "nhsuk-list nhsuk-list--bullet" }, ...advice));
      for (const fix of (d.fixes || []).filter((f) => f.edit)) {
        const button = el("button", { type: "button", class: "nhsuk-button nhsuk-button--small app-fix" },
          fix.edit.replacement === "" ? "Take it out" : "Change to \u201c" + fix.edit.replacement + "\u201d");
        button.addEventListener("click", () => applyFix(fix.edit));
        box.append(button);
        if (fix.applicability !== "safe") {
          box.append(el("p", { class: "nhsuk-hint app-fix-hint" }, "Read the sentence again after this change."));
        }
      }
      parts.push(box);
    }
    $("finding-body").replaceChildren(...parts);
    finding.hidden = false;
    if (moveFocus) {
      const button = finding.querySelector("button");
      (button || finding).focus();
    }
  }

  function closeFinding() {
    current = null;
    finding.hidden = true;
    for (const m of checked.querySelectorAll(".app-mark--open")) m.classList.remove("app-mark--open");
  }

  // Makes an edit the API gave, in byte offsets of the text it checked.
  function applyFix(edit) {
    if (!result || textBox.value !== result.text) {
      status.textContent = "The text changed after it was checked. Wait a moment, then try again.";
      return;
    }
    const at = byteMap(result.text);
    const start = at(edit.span.start), end = at(edit.span.end);
    textBox.value = result.text.slice(0, start) + edit.replacement + result.text.slice(end);
    closeFinding();
    status.textContent = "Changed. Checking again.";
    run().then(() => {
      // Put the keyboard back in the text, after the change.
      const next = checked.querySelector(".app-mark");
      (next || textBox).focus();
    });
  }

  async function copyText() {
    try {
      await navigator.clipboard.writeText(textBox.value);
    } catch (e) {
      textBox.select();
      document.execCommand("copy");
    }
    status.textContent = "Your text is copied. Paste it where you need it.";
  }

  async function download() {
    if (textBox.value.trim() === "") {
      status.textContent = "Type or paste some text first.";
      return;
    }
    try {
      const response = await post("/api/report", { text: textBox.value, audience: audience() });
      const blob = await response.blob();
      const link = el("a", { href: URL.createObjectURL(blob), download: "plainly-report.html" });
      document.body.append(link);
      link.click();
      link.remove();
      status.textContent = "The report is downloaded as plainly-report.html. You can open it, print it or send it by email.";
    } catch (e) {
      status.textContent = e.message;
    }
  }

  function legend() {
    const items = WORD_RULES.map((r) => el("li", {}, el("mark", { class: "pl-mark pl-k-" + r }, label(r))));
    items.push(el("li", {}, el("span", { class: "pl-hard" }, "Hard sentence")));
    items.push(el("li", {}, el("span", { class: "pl-very-hard" }, "Very hard sentence")));
    $("legend").replaceChildren(...items);
  }

  textBox.addEventListener("input", schedule);
  for (const radio of document.querySelectorAll("input[name=audience]")) radio.addEventListener("change", run);
  $("copy").addEventListener("click", copyText);
  $("download").addEventListener("click", download);
  checked.addEventListener("mouseover", (e) => {
    const mark = e.target.closest(".app-mark");
    if (mark) openFinding(mark, false);
  });
  checked.addEventListener("focusin", (e) => {
    const mark = e.target.closest(".app-mark");
    if (mark) openFinding(mark, false);
  });
  checked.addEventListener("click", (e) => {
    const mark = e.target.closest(".app-mark");
    if (mark) openFinding(mark, true);
  });
  checked.addEventListener("keydown", (e) => {
    const mark = e.target.closest(".app-mark");
    if (mark && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      openFinding(mark, true);
    }
  });
  finding.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && current !== null) {
      const mark = checked.querySelector('[data-start="' + current + '"]');
      if (mark) mark.focus();
    }
  });
  legend();
  if (textBox.value.trim() !== "") run();
})();
