// Open an HTML file in headless Chromium (Debian's, via playwright-core), run axe-core
// with the WCAG 2.1 A/AA rules, save a full-page screenshot and an A4 PDF, and print
// one JSON object on stdout: {violations, requests, consoleErrors, screenshot, pdf}.
//
//   node tests/js/axe-check.mjs PAGE.html OUT_DIR [--executable /usr/bin/chromium]
//
// Exit code 0 when it ran (the caller judges the JSON), 2 on wrong use, 1 on failure.
import { readFileSync } from "node:fs";
import { mkdirSync } from "node:fs";
import { basename, resolve } from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const args = process.argv.slice(2);
const exeIndex = args.indexOf("--executable");
let executablePath = "/usr/bin/chromium";
if (exeIndex >= 0) {
  executablePath = args[exeIndex + 1];
  args.splice(exeIndex, 2);
}
if (args.length !== 2) {
  console.error("usage: node tests/js/axe-check.mjs PAGE.html OUT_DIR [--executable PATH]");
  process.exit(2);
}
const page_path = resolve(args[0]);
const out_dir = resolve(args[1]);
mkdirSync(out_dir, { recursive: true });
const stem = basename(page_path).replace(/\.html?$/, "");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: "nl-NL" });
  const page = await context.newPage();
  const requests = [];
  const consoleErrors = [];
  const pageUrl = pathToFileURL(page_path).href;
  page.on("request", (request) => {
    if (request.url() !== pageUrl) requests.push(request.url());
  });
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  await page.goto(pageUrl, { waitUntil: "load" });
  const scriptsInPage = await page.evaluate(() => document.scripts.length);
  const screenshot = `${out_dir}/${stem}.png`;
  await page.screenshot({ path: screenshot, fullPage: true });
  // The page's CSP forbids scripts, also ours: run axe in a fresh page without that
  // policy, on the same markup (bypassCSP lets the injected script run).
  const checkContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } });
  const checkPage = await checkContext.newPage();
  await checkPage.goto(pageUrl, { waitUntil: "load" });
  await checkPage.addScriptTag({ content: axeSource });
  const result = await checkPage.evaluate(async () => {
    // eslint-disable-next-line no-undef
    return await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    });
  });
  await page.emulateMedia({ media: "print" });
  const pdf = `${out_dir}/${stem}.pdf`;
  await page.pdf({ path: pdf, format: "A4", printBackground: true, preferCSSPageSize: true });
  const violations = result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
  }));
  console.log(
    JSON.stringify({ violations, requests, consoleErrors, scriptsInPage, screenshot, pdf, axeVersion: result.testEngine.version }),
  );
} finally {
  await browser.close();
}
