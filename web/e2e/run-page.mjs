// The runs list and a completed backtest's page: its metric cards (the final equity of its summary.json), its charts
// drawn with data, and its events (count, type filter, search, virtualised scrolling, CSV export, pages).
//   BASIS_E2E_RUN   the backtest's id (completed)
//   BASIS_E2E_NAME  the screenshots' prefix (default run)
import { checkPhoneWidth, api, apiKey, chartInk, check, checkAccessibility, formatAmount, required, scenario, screenshot, signIn, step } from "./lib.mjs";

const id = required("BASIS_E2E_RUN");
const name = process.env.BASIS_E2E_NAME ?? "run";

await scenario(name, async ({ context, page }) => {
  const summary = await api(context, `/api/v1/backtests/${encodeURIComponent(id)}/result`);
  const finalEquity = formatAmount(summary.final_equity, summary.share_class);
  step(`summary.json of ${id}: final equity ${finalEquity}`);

  await signIn(page);
  await page.getByRole("heading", { name: "Backtests" }).waitFor();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: id, exact: true }) });
  await row.waitFor();
  check((await row.textContent()).includes("Completed"), `the list shows ${id} as: ${await row.textContent()}`);
  await checkAccessibility(page, "the runs list");
  await screenshot(page, `${name}-list`);

  step("its page from the list");
  await row.getByRole("link", { name: id, exact: true }).click();
  await page.getByRole("heading", { name: id, level: 1 }).waitFor();
  const card = page.locator(".card").filter({ has: page.locator("dt", { hasText: /^Final equity$/ }) });
  await card.waitFor();
  const shown = (await card.locator("dd").textContent()).trim();
  check(shown === finalEquity, `the page shows a final equity of ${shown}, summary.json ${finalEquity}`);
  step(`final equity on the page: ${shown}`);

  step("the charts, drawn with data");
  await page.locator("figure.chart canvas").first().waitFor();
  const captions = await page.locator("figure.chart figcaption").allTextContents();
  check(captions.length >= 2, `charts: ${captions.join(", ")}`);
  const ink = await chartInk(page);
  for (const [i, chart] of ink.entries()) {
    check(chart.ink > chart.pixels * 0.002, `the chart "${captions[i]}" is empty: ${chart.ink} of ${chart.pixels} pixels drawn`);
  }
  step(`charts: ${captions.map((c, i) => `${c} (${ink[i].ink} px drawn)`).join("; ")}`);

  // The equity chart's legend: holding the share class's asset, and each lending benchmark the data has.
  const period = new URLSearchParams({ start: summary.start, end: summary.end });
  const { benchmarks } = await api(context, `/api/v1/strategies/${summary.mode}/benchmark?${period}`);
  const expected = [`Holding ${summary.share_class}`, ...benchmarks.filter((b) => b.time.length > 0).map((b) => `${b.benchmark[0].toUpperCase()}${b.benchmark.slice(1)}`)];
  const equityChart = page.locator("figure.chart").filter({ has: page.locator("figcaption", { hasText: /^Equity/ }) });
  await equityChart.locator(".u-legend").getByText(expected.at(-1), { exact: true }).waitFor();
  const legend = await equityChart.locator(".u-legend .u-label").allTextContents();
  check(expected.every((label) => legend.includes(label)), `the equity chart's legend ${legend.join(", ")} lacks one of ${expected.join(", ")}`);
  step(`equity against: ${expected.join(", ")}`);

  await checkEvents(context, page);
  await checkDownloads(page, summary);

  await checkAccessibility(page, "the run page");
  await screenshot(page, name);
  await checkPhoneWidth(page, name, "the run page");
});

/**
 * The events section (events.jsonl): every event counted, a type filter and a search narrowing them, the virtualised
 * table scrolled to its last row, the CSV export holding what is shown, and the pages when there are several.
 */
async function checkEvents(context, page) {
  const section = page.getByRole("region", { name: "Events", exact: true });
  if ((await section.count()) === 0) {
    throw new Error("the run page has no Events section");
  }
  const response = await context.request.get(`/api/v1/backtests/${encodeURIComponent(id)}/events`, { headers: { "X-API-Key": apiKey } });
  check(response.ok(), `GET events: ${response.status()}`);
  const all = (await response.text()).split("\n").filter((line) => line.trim() !== "").map((line) => JSON.parse(line));
  const shown = section.getByRole("status");
  const count = async () => Number(((await shown.textContent()).match(/^([\d,]+) events shown/) ?? ["", "NaN"])[1].replace(/,/g, ""));
  await shown.filter({ hasText: "events shown" }).waitFor();
  check((await count()) === all.length, `the page counts ${await count()} events, events.jsonl has ${all.length}`);
  step(`events: ${all.length.toLocaleString("en-US")} shown, as in events.jsonl (${await shown.textContent()})`);

  step("events: the table scrolls to its last row of the page (virtualised: only the rows in view exist)");
  const scroller = section.getByRole("region", { name: "Events, scrollable" });
  const onPage = Math.min(all.length, 5000);
  await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await page.waitForFunction((rows) => document.querySelector(`tr[aria-rowindex="${rows + 1}"]`) !== null, onPage);
  const rendered = await scroller.locator("tbody tr[aria-rowindex]").count();
  check(rendered < onPage || onPage < 60, `${rendered} rows rendered for ${onPage}: the table is not virtualised`);

  const types = [...new Set(all.map((event) => event.type))];
  const rarest = types.map((type) => [type, all.filter((event) => event.type === type).length]).sort((a, b) => a[1] - b[1])[0];
  step(`events: filtered to the type ${rarest[0]} (${rarest[1]})`);
  await section.getByLabel("Type").selectOption(rarest[0]);
  await shown.filter({ hasText: new RegExp(`^${rarest[1].toLocaleString("en-US")} events shown`) }).waitFor();

  step("events: the shown ones exported as CSV");
  const [download] = await Promise.all([page.waitForEvent("download"), section.getByRole("button", { name: "Export CSV" }).click()]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) {
    chunks.push(chunk);
  }
  const lines = Buffer.concat(chunks).toString("utf8").split("\n").filter((line) => line !== "");
  check(lines[0] === "time,type,details", `the CSV's header: ${lines[0]}`);
  check(lines.length === rarest[1] + 1, `the CSV has ${lines.length - 1} events, ${rarest[1]} are shown`);
  check(lines.slice(1).every((line) => line.split(",")[1] === rarest[0]), `the CSV holds events other than ${rarest[0]}`);
  step(`events: ${download.suggestedFilename()}, ${lines.length - 1} rows`);

  step("events: a search that matches nothing, then all again");
  await section.getByLabel("Type").selectOption("");
  await section.getByLabel("Search").fill("no-event-says-this");
  await shown.filter({ hasText: /^0 events shown/ }).waitFor();
  await section.getByLabel("Search").fill("");
  await shown.filter({ hasText: new RegExp(`^${all.length.toLocaleString("en-US")} events shown`) }).waitFor();

  const pages = section.getByRole("navigation", { name: "Event pages" });
  if (all.length > 5000) {
    step("events: the next page");
    check((await shown.textContent()).includes("page 1 of"), `no page count: ${await shown.textContent()}`);
    await pages.getByRole("button", { name: "Next page" }).click();
    await shown.filter({ hasText: "page 2 of" }).waitFor();
    await pages.getByRole("button", { name: "Previous page" }).click();
    await shown.filter({ hasText: "page 1 of" }).waitFor();
  } else {
    check((await pages.count()) === 0, `${all.length} events fit one page, yet the page offers others`);
    step(`events: one page (${all.length} of at most 5,000 a page)`);
  }
}

/** Every artefact saved from the Downloads section (through the API client, with the key): each the run's own. */
async function checkDownloads(page, summary) {
  const section = page.getByRole("region", { name: "Downloads" });
  const save = async (name) => {
    const [download] = await Promise.all([page.waitForEvent("download"), section.getByRole("button", { name: `Download ${name}` }).click()]);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) {
      chunks.push(chunk);
    }
    check(download.suggestedFilename() === `${id}-${name}`, `saved as ${download.suggestedFilename()}`);
    return Buffer.concat(chunks).toString("utf8");
  };
  const saved = JSON.parse(await save("summary.json"));
  check(saved.run_id === summary.run_id && saved.final_equity === summary.final_equity, `the saved summary.json is not the run's: ${saved.run_id} ${saved.final_equity}`);
  const rows = (await save("timeseries.csv")).split("\n").filter((line) => line !== "").length - 1;
  const hours = Math.round((Date.parse(summary.end) - Date.parse(summary.start)) / 3_600_000);
  check(rows >= hours, `timeseries.csv has ${rows} rows for ${hours} hours`);
  const events = (await save("events.jsonl")).split("\n").filter((line) => line.trim() !== "").length;
  check(events > 0, "events.jsonl is empty");
  const report = await save("report.html");
  check(report.includes("<html") && report.includes(summary.run_id), "report.html is not the run's report");
  step(`downloads: summary.json, timeseries.csv (${rows} rows), events.jsonl (${events}), report.html (${(report.length / 1024).toFixed(0)} KiB)`);
}
