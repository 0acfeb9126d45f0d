// Sign-in with an API key, a refused key, the key kept for the browser session only, sign-out.
// Needs a server that asks for the key on reads too (BASIS_API_REQUIRE_KEY_FOR_READS=true), so a wrong key is refused.
import { baseUrl, checkAccessibility, check, scenario, screenshot, signIn, step } from "./lib.mjs";

await scenario("sign-in", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("API key").waitFor();
  await checkAccessibility(page, "the sign-in page");
  await screenshot(page, "sign-in");

  step("a wrong key is refused, with the reason, back on the sign-in page");
  await signIn(page, "not-the-key");
  const notice = page.getByRole("alert");
  await notice.waitFor();
  check((await notice.textContent()).includes("refused this key (401)"), `the notice says: ${await notice.textContent()}`);
  check((await page.evaluate(() => sessionStorage.length)) === 0, "a refused key stays in sessionStorage");
  await checkAccessibility(page, "the sign-in page with its notice");

  step("the server's key signs in: the backtests list");
  await signIn(page);
  await page.getByRole("heading", { name: "Backtests" }).waitFor();
  await page.getByRole("navigation").getByRole("link", { name: "Runs" }).waitFor();
  check((await page.getByRole("link", { name: "Runs" }).getAttribute("aria-current")) === "page", "Runs is not marked as the current page");

  step("a reload keeps the session; a new browser context (another session) starts signed out");
  await page.reload();
  await page.getByRole("heading", { name: "Backtests" }).waitFor();
  const other = await page.context().browser().newContext({ baseURL: baseUrl });
  const fresh = await other.newPage();
  await fresh.goto("/");
  await fresh.getByLabel("API key").waitFor();
  await other.close();

  step("sign out: the sign-in page, the key forgotten");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("API key").waitFor();
  check((await page.evaluate(() => sessionStorage.length)) === 0, "the key is still in sessionStorage after signing out");
  await page.reload();
  await page.getByLabel("API key").waitFor();
});
