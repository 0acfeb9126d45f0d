// What every end-to-end scenario shares: Debian's Chromium through playwright-core, signed in with the server's key,
// every request kept on the server's origin, axe-core run in the page, a screenshot of each page.
//
// A scenario is a script: `node web/e2e/<name>.mjs`, configured by the environment (tests/Basis.Server.Tests'
// BrowserTests sets it; run by hand against any `basis serve`):
//   BASIS_E2E_URL          the server (or Caddy in front of it), e.g. http://127.0.0.1:7071
//   BASIS_E2E_KEY          an API key whose hash the server has
//   BASIS_E2E_SCREENSHOTS  where the screenshots go (default artifacts/screenshots under the working directory)
//   BASIS_CHROMIUM         the browser (default /usr/bin/chromium, Debian's 'chromium' package)
// plus what a scenario asks for itself. It exits 0 when every check held, 1 after printing the first that did not
// (with a screenshot of the page at that moment, failed-<scenario>.png).
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const baseUrl = required("BASIS_E2E_URL").replace(/\/$/, "");
export const apiKey = required("BASIS_E2E_KEY");
export const screenshots = resolve(process.env.BASIS_E2E_SCREENSHOTS ?? "artifacts/screenshots");
const executablePath = process.env.BASIS_CHROMIUM ?? "/usr/bin/chromium";

export function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
}

/** Prints one step of a scenario, with the time since it started. */
let started = performance.now();
export function step(text) {
  console.log(`  ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s  ${text}`);
}

/** Throws with `message` unless `condition` holds. */
export function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

/**
 * Runs `body({ browser, context, page })` in a fresh headless Chromium at 1280 × 900. Requests to any other origin are
 * refused and fail the scenario (the dashboard and /docs carry everything they need), and so does an uncaught
 * exception in the page.
 */
export async function scenario(name, body) {
  if (!existsSync(executablePath)) {
    console.error(`${executablePath} is missing: apt-get install chromium (or set BASIS_CHROMIUM)`);
    process.exit(2);
  }

  mkdirSync(screenshots, { recursive: true });
  started = performance.now();
  console.log(`scenario ${name} on ${baseUrl} (screenshots in ${screenshots})`);
  // Root (CI) cannot use Chromium's sandbox; /dev/shm is small in containers.
  const browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  const problems = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${baseUrl}/`) || url.startsWith("data:") || url.startsWith("blob:")) {
      return route.continue();
    }
    problems.push(`a request left the server: ${url}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`uncaught in the page: ${error.message}`));
  try {
    await body({ browser, context, page });
    check(problems.length === 0, problems.join("\n"));
    console.log(`scenario ${name}: passed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    const shot = resolve(screenshots, `failed-${name}.png`);
    await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
    console.error(`scenario ${name}: FAILED at ${page.url()}: ${error instanceof Error ? error.stack : error}`);
    if (problems.length > 0) {
      console.error(problems.join("\n"));
    }
    console.error(`screenshot: ${shot}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

/** Signs in on the sign-in page with `key` (the server's by default) and waits for the backtests list. */
export async function signIn(page, key = apiKey) {
  await page.goto("/");
  await page.getByLabel("API key").fill(key);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * axe-core in the page (WCAG 2.x A and AA rules): fails on any serious or critical violation, printing each with the
 * elements it names; lesser ones are printed only.
 */
export async function checkAccessibility(page, what) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }, resultTypes: ["violations"] }),
  );
  const describe = (v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")})`;
  const blocking = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const minor = result.violations.filter((v) => !blocking.includes(v));
  for (const v of minor) {
    step(`axe ${what}: ${describe(v)}`);
  }
  check(blocking.length === 0, `axe on ${what}: ${blocking.length} serious or critical violation(s):\n${blocking.map(describe).join("\n")}`);
  step(`axe ${what}: no serious or critical violations (${result.passes?.length ?? "its"} rules passed, ${minor.length} minor)`);
}

/** A full-page screenshot, <name>.png in the screenshots folder. */
export async function screenshot(page, name) {
  const path = resolve(screenshots, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  step(`screenshot ${path}`);
}

/** GET an API path with the key; the parsed JSON. */
export async function api(context, path) {
  const response = await context.request.get(path, { headers: { "X-API-Key": apiKey } });
  check(response.ok(), `GET ${path}: ${response.status()} ${await response.text()}`);
  return response.json();
}

/**
 * How many pixels of each chart's canvas inside `scope` were drawn on (alpha > 0), and the canvas's size. A chart is
 * drawn as it nears the view (web/src/components/TimeChart.tsx), so each is scrolled into view and waited for first.
 */
export async function chartInk(scope) {
  const ink = [];
  for (const figure of await scope.locator("figure.chart").all()) {
    await figure.scrollIntoViewIfNeeded();
    const canvas = figure.locator("canvas");
    await canvas.waitFor();
    ink.push(
      await canvas.evaluate(async (canvas) => {
        // uPlot draws in the frame after it is made.
        await new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)));
        const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
        let ink = 0;
        for (let i = 3; i < data.length; i += 4) {
          if (data[i] > 0) ink++;
        }
        return { ink, pixels: canvas.width * canvas.height };
      }),
    );
  }

  return ink;
}

/** An amount as the dashboard writes it (web/src/format.ts): "101,644.13 USDT". */
export function formatAmount(value, shareClass) {
  const digits = { USDT: 2, ETH: 6 }[shareClass] ?? 4;
  const text = new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  return `${text} ${shareClass}`;
}

/**
 * The page at a phone's width (390 × 844): nothing wider than the screen (tables and charts scroll inside their own
 * boxes) and axe again, then a screenshot <name>-phone.png and back to 1280 × 900. Everything it finds fails the
 * scenario, named together in one message.
 */
export async function checkPhoneWidth(page, name, what) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  const findings = [];
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width + 1) {
      return null;
    }
    const wide = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > width + 1))
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}${e.className ? "." + String(e.className).split(" ").join(".") : ""} (${Math.round(e.getBoundingClientRect().right)} px)`);
    return `${document.documentElement.scrollWidth} px wide: ${wide.join(", ")}`;
  });
  if (overflow !== null) {
    findings.push(`wider than the screen, ${overflow}`);
  }
  try {
    await checkAccessibility(page, `${what} at a phone's width`);
  } catch (error) {
    findings.push(error.message);
  }
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize({ width: 1280, height: 900 });
  if (findings.length === 0) {
    step(`${what}: fits a phone's width`);
    return;
  }
  throw new Error(`${what} at a phone's width (390 px): ${findings.join("; ")}`);
}
