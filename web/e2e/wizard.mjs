// The backtest wizard (/backtests/new): share class → mode → capital and period → parameters → review. An impossible
// period is refused on its field before anything is sent, a malformed stress scenario comes back from the API onto its
// field; then the run is submitted, completes on its page, and shows the final equity of its summary.json.
import { api, check, checkAccessibility, formatAmount, scenario, screenshot, signIn, step } from "./lib.mjs";

await scenario("wizard", async ({ context, page }) => {
  await signIn(page);
  await page.getByRole("heading", { name: "Backtests" }).waitFor();
  await page.getByRole("link", { name: "New backtest" }).click();
  await page.getByRole("heading", { name: "New backtest" }).waitFor();
  const next = page.getByRole("button", { name: "Next" });

  step("share class: USDT");
  await page.getByRole("form", { name: "Share class" }).getByRole("radio", { name: "USDT" }).check();
  await checkAccessibility(page, "the wizard's share class step");
  await screenshot(page, "wizard-1-share-class");
  await next.click();

  step("mode: eth_basis, with its description and venues");
  const modeForm = page.getByRole("form", { name: "Mode" });
  await modeForm.getByRole("radio", { name: /^eth_basis/ }).check();
  const about = modeForm.getByRole("region", { name: "About the mode" });
  await about.getByText("binance", { exact: false }).first().waitFor();
  await checkAccessibility(page, "the wizard's mode step");
  await screenshot(page, "wizard-2-mode");
  await next.click();

  step("capital and period: an end past the data's coverage is refused on its field before submitting");
  const period = page.getByRole("form", { name: "Capital and period" });
  await period.getByLabel(/^Initial capital/).fill("250000");
  await period.getByLabel("Start (UTC midnight)").fill("2025-01-01");
  const end = period.getByLabel("End (UTC midnight, exclusive)");
  await end.fill("2027-01-01");
  let requests = 0;
  const count = (request) => request.method() === "POST" && request.url().includes("/api/v1/backtests") && requests++;
  page.on("request", count);
  await next.click();
  await period.locator('[aria-invalid="true"]').first().waitFor();
  check((await end.getAttribute("aria-invalid")) === "true", "the end date is not marked invalid");
  const endErrors = page.locator(`#${(await end.getAttribute("aria-describedby")).split(" ").find((d) => d.endsWith("-errors"))}`);
  step(`the end field says: ${(await endErrors.textContent()).trim()}`);
  check(requests === 0, "the impossible period was sent to the API");
  await checkAccessibility(page, "the wizard's period step with a field error");
  await screenshot(page, "wizard-3-period-refused");
  await end.fill("2025-04-01");
  await next.click();

  step("parameters: a malformed stress scenario");
  const parameters = page.getByRole("form", { name: "Parameters" });
  const stress = parameters.getByLabel("Stress scenarios, one a line");
  await stress.fill("lst_depeg=not-a-number");
  await checkAccessibility(page, "the wizard's parameters step");
  await screenshot(page, "wizard-4-parameters");
  await next.click();

  step("review, submitted: the API's problem comes back onto the stress field");
  const review = page.getByRole("form", { name: "Review" });
  await review.waitFor();
  await checkAccessibility(page, "the wizard's review step");
  await screenshot(page, "wizard-5-review");
  await page.getByRole("button", { name: "Start the backtest" }).click();
  await parameters.waitFor();
  await stress.and(page.locator('[aria-invalid="true"]')).waitFor();
  const stressErrors = page.locator(`#${(await stress.getAttribute("aria-describedby")).split(" ").find((d) => d.endsWith("-errors"))}`);
  step(`the stress field says: ${(await stressErrors.textContent()).trim()}`);
  check(requests === 1, `${requests} submissions so far, 1 expected`);
  await checkAccessibility(page, "the wizard with the API's problem on a field");
  await screenshot(page, "wizard-6-api-problem");

  step("the scenario removed and submitted again: the run's page, completed");
  await stress.fill("");
  await next.click();
  await page.getByRole("button", { name: "Start the backtest" }).click();
  await page.waitForURL(/\/runs\//);
  const id = decodeURIComponent(new URL(page.url()).pathname.split("/").pop());
  const card = page.locator(".card").filter({ has: page.locator("dt", { hasText: /^Final equity$/ }) });
  await card.waitFor({ timeout: 120000 });
  const summary = await api(context, `/api/v1/backtests/${encodeURIComponent(id)}/result`);
  check(summary.mode === "eth_basis" && summary.initial_capital === 250000, `the run is ${summary.mode} with ${summary.initial_capital}`);
  const shown = (await card.locator("dd").textContent()).trim();
  check(shown === formatAmount(summary.final_equity, summary.share_class), `the page shows ${shown}, summary.json ${formatAmount(summary.final_equity, summary.share_class)}`);
  step(`${id} completed: final equity ${shown}, as in summary.json`);
  await screenshot(page, "wizard-7-run");
});
