// The health page: /health/detailed's components, read from the server.
import { checkPhoneWidth, api, check, checkAccessibility, scenario, screenshot, signIn, step } from "./lib.mjs";

await scenario("health", async ({ context, page }) => {
  const detailed = await api(context, "/health/detailed");
  await signIn(page);
  await page.getByRole("navigation").getByRole("link", { name: "Health" }).click();
  await page.getByRole("heading", { name: "Health" }).waitFor();
  const table = page.getByRole("table", { name: "Components" });
  await table.waitFor();
  for (const name of Object.keys(detailed.components)) {
    await table.getByRole("row").filter({ hasText: name }).first().waitFor();
  }
  step(`components shown: ${Object.keys(detailed.components).join(", ")}`);
  const summary = await page.getByRole("status").first().textContent();
  check(summary.includes(`The server is ${detailed.status}`), `the page says: ${summary}`);
  await checkAccessibility(page, "the health page");
  await screenshot(page, "health");
  await checkPhoneWidth(page, "health", "the health page");
});
