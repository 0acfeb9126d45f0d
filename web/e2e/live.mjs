// A paper live instance, created on /live/new (a bad capital refused on its field first), shown with its PAPER badge
// in the list and on its page, started, its heartbeat shown, one cycle run (Rebalance now: its performance and the
// engine's activity shown), a bad amount refused on its field, then emergency-stopped through the confirmation dialog
// and shown halted with the operator's breach and the unwind pending for the next hour. The server must run the live
// timers with its live clock inside its market data (BrowserTests: BASIS_EXECUTION_MODE=live, BASIS_LIVE_CLOCK_START
// in the sample, a heartbeat every two seconds).
import { checkPhoneWidth, api, check, checkAccessibility, scenario, screenshot, signIn, step } from "./lib.mjs";

const name = `e2e paper ${Date.now()}`;

await scenario("live", async ({ context, page }) => {
  await signIn(page);
  await page.getByRole("navigation").getByRole("link", { name: "Live" }).click();
  await page.getByRole("heading", { name: "Live instances" }).waitFor();
  await page.getByRole("link", { name: "New live instance" }).click();
  const form = page.getByRole("form", { name: "New live instance" });
  await form.waitFor();
  check((await page.getByRole("note", { name: "Execution" }).textContent()).toLowerCase().includes("paper"), "the new instance is not said to be paper");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Mode").selectOption("eth_basis");
  // The mode's venues are ticked once its coverage has loaded; binance is one of eth_basis's.
  const binance = form.getByRole("checkbox", { name: "binance" });
  await page.waitForFunction(() => [...document.querySelectorAll('input[type="checkbox"]')].some((box) => box.checked), null, { timeout: 10000 });
  check(await binance.isChecked(), "binance is not among eth_basis's suggested venues");

  step("a negative capital is refused on the capital field");
  const capital = form.getByLabel(/^Capital/);
  await capital.fill("-5");
  await form.getByRole("button", { name: "Create a paper instance (paused)" }).click();
  await page.locator(`[aria-invalid="true"]`).first().waitFor();
  check((await capital.getAttribute("aria-invalid")) === "true", "the capital field is not marked invalid");
  const capitalErrors = page.locator(`#${(await capital.getAttribute("aria-describedby")).split(" ").find((d) => d.endsWith("-errors"))}`);
  step(`the capital field says: ${(await capitalErrors.textContent()).trim()}`);
  await checkAccessibility(page, "the new live instance form with a field error");
  await screenshot(page, "live-new");

  step("created with a valid capital: its page, paused");
  await capital.fill("100000");
  await form.getByRole("button", { name: "Create a paper instance (paused)" }).click();
  await page.waitForURL(/\/live\/lv_/);
  const id = decodeURIComponent(new URL(page.url()).pathname.split("/").pop());
  const instance = await api(context, `/api/v1/live/${encodeURIComponent(id)}`);
  check(instance.execution === "paper" && instance.name === name, `${id} is ${instance.execution}, named ${instance.name}`);

  const heading = page.getByRole("heading", { level: 1 });
  await heading.filter({ hasText: instance.name }).waitFor();
  check((await heading.locator(".badge.execution").textContent()) === "PAPER", "the page's heading has no PAPER badge");
  const status = page.getByRole("region", { name: "Status" }).locator(".card").filter({ has: page.locator("dt", { hasText: /^Status$/ }) }).locator("dd");
  await waitForText(status, "paused");

  step("start: active");
  const actions = page.getByRole("region", { name: "Actions" });
  await actions.getByRole("button", { name: "Start", exact: true }).click();
  await actions.getByRole("status").filter({ hasText: "Started" }).waitFor();
  await waitForText(status, "active");

  step("its first heartbeat shown (a cycle needs a recent one)");
  await until(context, `/api/v1/live/${encodeURIComponent(id)}`, (i) => i.last_heartbeat_utc !== null, "a heartbeat");
  await page.reload();
  const heartbeat = page.getByRole("region", { name: "Status" }).locator(".card").filter({ has: page.locator("dt", { hasText: /^Last heartbeat$/ }) }).locator("dd");
  await heartbeat.filter({ hasText: /UTC$/ }).waitFor();

  step("a cycle now (Rebalance now): the paper book opened, its performance and the engine's activity shown");
  await actions.getByRole("button", { name: "Rebalance now" }).click();
  await actions.getByRole("status").filter({ hasText: /^Rebalance (accepted|running)/ }).waitFor();
  const performance = await until(context, `/api/v1/live/${encodeURIComponent(id)}/performance`, (p) => Number(p.cycles) > 0, "a cycle recorded");
  await page.reload();
  const cards = (region, label) =>
    page.getByRole("region", { name: region }).locator(".card").filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");
  await cards("Performance", "Cycles").filter({ hasText: String(performance.cycles) }).waitFor();
  const equity = Number((await cards("Performance", "Equity").textContent()).replace(/[^\d.-]/g, ""));
  check(Math.abs(equity - Number(performance.end_equity)) < 0.01, `the page shows an equity of ${equity}, the API ${performance.end_equity}`);
  await cards("Status", "Last cycle").filter({ hasText: /UTC$/ }).waitFor();
  const activity = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Kind" }) }).getByRole("row").filter({ hasText: "rebalance" });
  check((await activity.count()) > 0, "the engine's rebalance is not in the activity");
  step(`${performance.cycles} cycle(s), equity ${performance.end_equity} on the page as in the API, the engine's rebalance in the activity`);
  await checkAccessibility(page, "the live instance trading");
  await screenshot(page, "live-trading");

  step("a bad amount is shown on its field, in the API's words");
  const amount = actions.getByLabel(/^Amount/);
  await amount.fill("twelve");
  await actions.getByRole("button", { name: "Deposit" }).click();
  const fieldError = actions.locator(".field-error");
  await fieldError.waitFor();
  check((await amount.getAttribute("aria-invalid")) === "true", "the amount field is not marked invalid");
  const describedBy = await amount.getAttribute("aria-describedby");
  check(describedBy && (await fieldError.getAttribute("id")) === describedBy, "the error is not the field's description (aria-describedby)");
  step(`the amount field says: ${await fieldError.textContent()}`);
  await checkAccessibility(page, "the live instance with a field error");

  step("emergency stop, confirmed in its dialog: halted, with the operator's breach");
  await actions.getByRole("button", { name: "Emergency stop" }).click();
  const dialog = page.getByRole("dialog", { name: `Emergency stop ${instance.name}?` });
  await dialog.waitFor();
  check((await dialog.textContent()).includes("paper"), "the dialog does not say the instance is paper");
  await checkAccessibility(page, "the emergency stop dialog");
  await screenshot(page, "live-emergency-stop-dialog");
  await dialog.getByRole("button", { name: `Emergency stop ${instance.name}` }).click();
  await actions.getByRole("status").filter({ hasText: "Halted." }).waitFor();
  await waitForText(status, "halted");
  await page.getByRole("region", { name: "Status" }).getByText("emergency stop by the operator").waitFor();
  const after = await api(context, `/api/v1/live/${encodeURIComponent(id)}`);
  check(after.status === "halted", `the API says ${after.status} after the emergency stop`);

  // The unwind itself waits for the next hour's prices (40 minutes of this live clock away): the page says it is pending.
  const halted = (await actions.getByRole("status").filter({ hasText: "Halted." }).textContent()).trim();
  check(halted.includes("pending"), `the emergency stop's answer does not say the unwind is pending: ${halted}`);
  step(`the page says: ${halted}`);

  await checkAccessibility(page, "the live instance");
  await screenshot(page, "live");
  await checkPhoneWidth(page, "live", "the live instance");

  step("the list: the instance with its PAPER badge, halted");
  await page.getByRole("link", { name: "← Live instances" }).click();
  await page.getByRole("heading", { name: "Live instances" }).waitFor();
  const row = page.getByRole("row").filter({ hasText: id });
  await row.waitFor();
  check((await row.locator(".badge.execution").textContent()) === "PAPER", `the list's badge: ${await row.locator(".badge.execution").textContent()}`);
  check((await row.textContent()).includes("halted"), `the list shows: ${await row.textContent()}`);
  await checkAccessibility(page, "the live instances");
  await screenshot(page, "live-list");
});

/** Polls an API path until `done(answer)` holds (30 s at most); returns that answer. */
async function until(context, path, done, what) {
  const deadline = Date.now() + 30000;
  for (;;) {
    const answer = await api(context, path);
    if (done(answer)) {
      return answer;
    }
    check(Date.now() < deadline, `${what}: not within 30 s (${path}: ${JSON.stringify(answer).slice(0, 300)})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function waitForText(locator, text) {
  await locator.filter({ hasText: new RegExp(`^${text}$`) }).waitFor({ timeout: 15000 }).catch(async () => {
    throw new Error(`expected "${text}", the page shows "${await locator.textContent()}"`);
  });
}
