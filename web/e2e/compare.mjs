// Two runs selected in the runs list and compared: their equity overlaid, the metrics and the P&L by source side by
// side, each with its summary.json's final equity.
//   BASIS_E2E_RUNS  the two backtests' ids, comma-separated (completed)
import { api, chartInk, check, checkAccessibility, formatAmount, required, scenario, screenshot, signIn, step } from "./lib.mjs";

const ids = required("BASIS_E2E_RUNS").split(",");

await scenario("compare", async ({ context, page }) => {
  const summaries = await Promise.all(ids.map((id) => api(context, `/api/v1/backtests/${encodeURIComponent(id)}/result`)));
  await signIn(page);
  await page.getByRole("heading", { name: "Backtests" }).waitFor();
  for (const id of ids) {
    await page.getByRole("checkbox", { name: `Select ${id}` }).check();
  }
  await page.getByRole("button", { name: `Compare selected (${ids.length})` }).click();
  await page.getByRole("heading", { name: `Comparing ${ids.length} runs` }).waitFor();

  const metrics = page.getByRole("table", { name: "Metrics side by side" });
  await metrics.waitFor();
  const finalRow = metrics.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Final equity" }) });
  const cells = (await finalRow.getByRole("cell").allTextContents()).map((text) => text.trim());
  const expected = summaries.map((s) => formatAmount(s.final_equity, s.share_class));
  check(JSON.stringify(cells) === JSON.stringify(expected), `final equity side by side: ${cells.join(" | ")}; summary.json: ${expected.join(" | ")}`);
  step(`final equity side by side: ${cells.join(" | ")}`);
  await page.getByRole("table", { name: "P&L by source side by side" }).waitFor();

  await page.locator("figure.chart").first().waitFor();
  const ink = await chartInk(page);
  check(ink.length > 0 && ink.every((chart) => chart.ink > chart.pixels * 0.002), `the overlaid chart: ${JSON.stringify(ink)}`);
  step(`overlaid equity drawn (${ink.map((c) => c.ink).join(", ")} px)`);
  await checkAccessibility(page, "the comparison");
  await screenshot(page, "compare");
});
