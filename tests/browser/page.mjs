// Drives Debian's chromium (through playwright-core) against a running
// `plainly serve`, then opens an HTML report from `plainly check --format
// html`. Run by tests/web_browser.rs, which starts the server and makes the
// report:
//
//   node page.mjs URL REPORT.html REPORT.json OUTDIR CHROMIUM
//
// Exits with 1 and says what went wrong when a check fails.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const [url, reportPath, reportJsonPath, outDir, executablePath] = process.argv.slice(2);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const LETTER = `# Your care and support at home

Dear Mrs Patel,

We are writing to you in order to tell you about your care package. Your CHC assessment will be reviewed by the multidisciplinary team, who will utilise the information you gave us, and the outcome will be communicated to you in writing prior to your next appointment with the service.

Please telephone us if you would like to discuss this. We can visit you at home if that is easier for you.

## What happens next

Your support worker will call you on Monday. They will ask how you are and what help you need.
`;

let failures = 0;
function check(ok, what) {
  if (ok) {
    console.log("ok: " + what);
  } else {
    console.log("FAILED: " + what);
    failures++;
  }
}

async function axe(page, what) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    }));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  for (const v of result.violations) {
    console.log(`  axe (${what}): ${v.impact} ${v.id}: ${v.help} (${v.nodes.length})`);
    for (const n of v.nodes.slice(0, 3)) console.log("    " + n.target.join(" ") + " " + (n.failureSummary || "").split("\n").join(" "));
  }
  check(bad.length === 0, `axe finds no serious or critical problems (${what})`);
}

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  const outside = [];
  const problems = [];
  page.on("request", (r) => { if (!r.url().startsWith(url) && !r.url().startsWith("blob:")) outside.push(r.url()); });
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));

  await page.goto(url);
  await axe(page, "empty page");

  // Paste a letter: highlights and the reading age appear.
  const box = page.getByLabel("Your text");
  await box.fill(LETTER);
  const status = page.locator("#status");
  await page.waitForFunction(() => /found[.:]/.test(document.getElementById("status").textContent));
  const firstStatus = await status.textContent();
  console.log("  status: " + firstStatus);
  const marks = page.locator("#checked .app-mark");
  check(await marks.count() >= 4, "the letter's problems are highlighted (" + (await marks.count()) + " marks)");
  check(await page.locator("#checked .pl-k-jargon").count() > 0, "jargon is marked");
  check(await page.locator("#checked .pl-very-hard, #checked .pl-hard").count() > 0, "hard sentences are shaded");
  const age = await page.locator("#age-number").textContent();
  check(/^\d+$/.test(age.trim()), "the reading age shows (" + age + ")");
  check(await page.getByText("The scores behind the reading age").isVisible(), "the scores are one click away");
  check(await page.locator("#sections li").count() === 2, "each section has its reading age");
  await page.screenshot({ path: outDir + "/page-desktop.png", fullPage: true });

  // Move to a finding with the keyboard and make its fix.
  await page.getByRole("button", { name: "Download report" }).focus();
  let found = false;
  for (let i = 0; i < 40 && !found; i++) {
    await page.keyboard.press("Tab");
    found = await page.evaluate(() => {
      const a = document.activeElement;
      return !!a && a.classList.contains("app-mark") && a.textContent === "in order to";
    });
  }
  check(found, "Tab reaches the marked words \"in order to\"");
  const panel = page.locator("#finding");
  check(await panel.isVisible(), "focusing a mark shows what it means");
  check((await panel.textContent()).includes("plainer"), "the message is shown");
  await axe(page, "a finding open");
  await page.keyboard.press("Enter");
  const focusedFix = await page.evaluate(() => document.activeElement.textContent);
  check(focusedFix === "Change to \u201cto\u201d", "Enter moves to the fix button (" + focusedFix + ")");
  await page.screenshot({ path: outDir + "/page-finding.png", fullPage: false });
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.getElementById("text").value.includes("in order to"));
  check((await box.inputValue()).includes("writing to you to tell you"), "the fix is made in the text");
  await page.waitForFunction(() => !/Checking again/.test(document.getElementById("status").textContent));
  check(await page.locator("#checked .app-mark", { hasText: "in order to" }).count() === 0, "the fixed words are no longer marked");

  // Another audience gives another result.
  const before = await status.textContent();
  const verdictBefore = await page.locator("#age-verdict").textContent();
  await page.getByLabel("Easy Read").check();
  await page.waitForFunction((b) => document.getElementById("status").textContent !== b, before);
  const after = await status.textContent();
  const verdictAfter = await page.locator("#age-verdict").textContent();
  console.log("  public: " + before + " / " + verdictBefore);
  console.log("  easy read: " + after + " / " + verdictAfter);
  const rest = (s) => s.slice(s.indexOf(":") + 1);
  check(after.startsWith("For Easy Read") && (rest(after) !== rest(before) || verdictAfter !== verdictBefore),
    "Easy Read changes the result");

  // Download report gives the HTML report.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download report" }).click(),
  ]);
  const saved = outDir + "/downloaded-report.html";
  await download.saveAs(saved);
  const downloaded = readFileSync(saved, "utf8");
  check(downloaded.startsWith("<!DOCTYPE html>") && downloaded.includes("Plain English report"), "Download report saves the report");
  await axe(page, "after the changes");

  // A phone, and 200% zoom (a 1280-pixel window at 200% lays out as 640).
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: outDir + "/page-phone.png", fullPage: true });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  check(wide <= 390, "no sideways scrolling on a phone (" + wide + " pixels)");
  const zoomed = await browser.newContext({ viewport: { width: 640, height: 500 }, deviceScaleFactor: 2 });
  const zpage = await zoomed.newPage();
  await zpage.goto(url);
  await zpage.getByLabel("Your text").fill(LETTER);
  await zpage.waitForFunction(() => /found[.:]/.test(document.getElementById("status").textContent));
  await zpage.screenshot({ path: outDir + "/page-zoom-200.png", fullPage: true });
  const zwide = await zpage.evaluate(() => document.documentElement.scrollWidth);
  check(zwide <= 640, "no sideways scrolling at 200% zoom (" + zwide + " pixels)");
  await zoomed.close();

  check(outside.length === 0, "the page asks no other site for anything " + JSON.stringify(outside));
  check(problems.length === 0, "no script errors or blocked content " + JSON.stringify(problems));

  // The HTML report: every finding marked at its place; nothing fetched.
  const report = await browser.newContext({ viewport: { width: 1280, height: 1000 }, javaScriptEnabled: false });
  const rpage = await report.newPage();
  const fetched = [];
  rpage.on("request", (r) => fetched.push(r.url()));
  const reportUrl = "file://" + reportPath;
  await rpage.goto(reportUrl);
  check(fetched.length === 1 && fetched[0] === reportUrl, "the report loads nothing else " + JSON.stringify(fetched));
  const expected = JSON.parse(readFileSync(reportJsonPath, "utf8")).files[0].diagnostics;
  const marked = await rpage.evaluate(() => {
    const byFinding = {};
    for (const m of document.querySelectorAll("mark[data-findings]")) {
      for (const k of m.dataset.findings.split(" ")) byFinding[k] = (byFinding[k] || "") + m.textContent;
    }
    const notes = [...document.querySelectorAll(".notes > li")].map((li) => li.id);
    return { byFinding, notes };
  });
  let wrong = [];
  expected.forEach((d, i) => {
    const n = String(i + 1);
    const got = (marked.byFinding[n] || "").replace(/\s+/g, " ").trim();
    const want = d.text.replace(/\s+/g, " ").trim();
    if (got !== want) wrong.push(`${n} ${d.rule}: marked "${got}", expected "${want}"`);
    if (!marked.notes.includes("f0-" + n)) wrong.push(`${n} has no note`);
  });
  for (const w of wrong.slice(0, 10)) console.log("  " + w);
  check(expected.length > 10 && wrong.length === 0, `every one of the ${expected.length} findings is marked at its place, with its note`);
  await rpage.screenshot({ path: outDir + "/report.png", fullPage: false });
  await rpage.emulateMedia({ media: "print" });
  await rpage.screenshot({ path: outDir + "/report-print.png", fullPage: false });
  await rpage.emulateMedia({ media: "screen" });
  await rpage.setViewportSize({ width: 390, height: 844 });
  await rpage.screenshot({ path: outDir + "/report-phone.png", fullPage: false });
  await rpage.evaluate(axeSource).catch(() => {});
  await report.close();
  // Accessibility of the report, in a context where the script may run.
  const rcheck = await browser.newContext();
  const rcpage = await rcheck.newPage();
  await rcpage.goto(reportUrl);
  await axe(rcpage, "the HTML report");
  await rcheck.close();
} catch (e) {
  console.log("FAILED: " + (e && e.stack ? e.stack : e));
  failures++;
} finally {
  await browser.close();
}
writeFileSync(outDir + "/result.txt", failures === 0 ? "passed\n" : failures + " checks failed\n");
process.exit(failures === 0 ? 0 : 1);
