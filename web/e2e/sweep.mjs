// A two-setting sweep: listed, its page with the ranking and the heatmap (one cell per run), a cell opening its run.
//   BASIS_E2E_SWEEP  the sweep's id (completed, a two-setting grid)
import { api, check, checkAccessibility, required, scenario, screenshot, signIn, step } from "./lib.mjs";

const id = required("BASIS_E2E_SWEEP");

await scenario("sweep", async ({ context, page }) => {
  const result = await api(context, `/api/v1/sweeps/${encodeURIComponent(id)}/result`);
  const runs = result.ranking.length;
  await signIn(page);
  await page.goto("/sweeps");
  await page.getByRole("heading", { name: "Sweeps" }).waitFor();
  await page.getByRole("table", { name: "Sweeps" }).getByRole("link", { name: id }).click();
  await page.getByRole("heading", { name: id, level: 1 }).waitFor();

  const ranking = page.getByRole("table", { name: "Ranking" });
  await ranking.waitFor();
  const rows = await ranking.locator("tbody tr").count();
  check(rows === runs, `the ranking shows ${rows} runs, the result ${runs}`);
  const heatmap = page.getByRole("group").filter({ has: page.locator("a") });
  const cells = heatmap.getByRole("link");
  check((await cells.count()) === runs, `the heatmap has ${await cells.count()} cells for ${runs} runs`);
  const best = cells.filter({ has: page.locator("text") }).and(page.locator('a[aria-label$=", rank 1"]'));
  check((await best.count()) === 1, "no heatmap cell is ranked first");
  step(`ranking of ${rows}, heatmap of ${await cells.count()} cells; best: ${await best.getAttribute("aria-label")}`);
  await checkAccessibility(page, "the sweep");
  await screenshot(page, "sweep");

  step("the best cell opens its run");
  const bestRun = result.ranking.find((run) => run.rank === 1).runId;
  await best.click();
  await page.getByRole("heading", { name: bestRun, level: 1 }).waitFor();
  await page.locator(".card").filter({ has: page.locator("dt", { hasText: /^Final equity$/ }) }).waitFor();
});
