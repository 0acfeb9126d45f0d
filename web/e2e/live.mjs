// A paper live instance: listed with its PAPER badge, opened, started, a bad amount refused on its field, then
// emergency-stopped through the confirmation dialog and shown halted with the operator's breach.
//   BASIS_E2E_LIVE  the instance's id (paused, paper)
import { api, check, checkAccessibility, required, scenario, screenshot, signIn, step } from "./lib.mjs";

const id = required("BASIS_E2E_LIVE");

await scenario("live", async ({ context, page }) => {
  const instance = await api(context, `/api/v1/live/${encodeURIComponent(id)}`);
  check(instance.execution === "paper", `${id} is ${instance.execution}, not paper`);

  await signIn(page);
  await page.getByRole("navigation").getByRole("link", { name: "Live" }).click();
  await page.getByRole("heading", { name: "Live instances" }).waitFor();
  const row = page.getByRole("row").filter({ hasText: id });
  await row.waitFor();
  check((await row.locator(".badge.execution").textContent()) === "PAPER", `the list's badge: ${await row.locator(".badge.execution").textContent()}`);
  await checkAccessibility(page, "the live instances");
  await screenshot(page, "live-list");

  step(`${instance.name}: its page, paused`);
  await row.getByRole("link", { name: instance.name }).click();
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

  await checkAccessibility(page, "the live instance");
  await screenshot(page, "live");
});

async function waitForText(locator, text) {
  await locator.filter({ hasText: new RegExp(`^${text}$`) }).waitFor({ timeout: 15000 }).catch(async () => {
    throw new Error(`expected "${text}", the page shows "${await locator.textContent()}"`);
  });
}
