// The API reference at /docs: Swagger UI from the build (no CDN: lib.mjs fails any request off the server), rendering
// the server's own /openapi/v1.json.
//   BASIS_E2E_NAME  the screenshot's name (default docs)
import { api, check, checkAccessibility, scenario, screenshot, step } from "./lib.mjs";

const name = process.env.BASIS_E2E_NAME ?? "docs";

await scenario(name, async ({ context, page }) => {
  const document = await api(context, "/openapi/v1.json");
  const response = await page.goto("/docs");
  check(new URL(page.url()).pathname === "/docs/", `/docs ended at ${page.url()}`);
  check(response.ok(), `/docs: ${response.status()}`);
  await page.locator(".opblock").first().waitFor();
  const title = (await page.locator(".info .title").textContent()) ?? "";
  check(title.includes(document.info.title), `the title shown is "${title}", the document's "${document.info.title}"`);
  const paths = await page.locator(".opblock-summary-path").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-path")));
  const expected = Object.entries(document.paths).reduce((n, [, operations]) => n + Object.keys(operations).filter((k) => k !== "parameters").length, 0);
  check(paths.length === expected, `${paths.length} operations shown, the document has ${expected}`);
  check(paths.includes("/api/v1/backtests"), "no /api/v1/backtests operation shown");
  step(`${paths.length} operations shown, as in /openapi/v1.json`);

  step("an operation opens with its parameters");
  await page.locator(".opblock-summary-path[data-path='/api/v1/backtests/{id}']").first().click();
  await page.locator(".opblock.is-open .parameters").first().waitFor();
  await checkAccessibility(page, "the API reference");
  await screenshot(page, name);
});
