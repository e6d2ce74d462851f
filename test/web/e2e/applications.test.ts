/**
 * Companies and applications end to end. The real `infio serve` runs in a
 * child process. Headless Chromium signs in as an assessor, adds a company
 * and an application through the forms, answers the questionnaire and
 * opens the application report. No page may show a Content Security Policy
 * violation, a console error or a failed request.
 */

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { browserTestsSkipped, launchBrowser, type BrowserSession } from "../../helpers/browser.js";
import { startServedConsole, type ServedConsole, type ServedUserWithPassword } from "./served-console.js";

if (browserTestsSkipped()) {
  it("applications end to end in Chromium", { skip: "INFIO_SKIP_BROWSER_TESTS=1 is set" });
} else {
  describe("applications end to end in Chromium", () => {
    let served: ServedConsole | undefined;
    let browser: BrowserSession | undefined;
    let assessor: ServedUserWithPassword;

    before(async () => {
      served = await startServedConsole([{ name: "ann", role: "assessor" }]);
      assessor = served.users[0]!;
      browser = await launchBrowser();
    });

    // Each resource is released on its own, so that a failure to close
    // Chromium still stops the console and deletes its workspace.
    after(async () => {
      try {
        await browser?.close();
      } finally {
        await served?.close();
      }
    });

    it("assessor builds an application and opens its report", async () => {
      assert.ok(served, "the console did not start");
      assert.ok(browser, "Chromium did not start");
      const page = await browser.newPage();
      await page.goto(served.url);
      await page.waitForURL((url) => url.pathname === "/sign-in");
      await page.fill("input[name=name]", assessor.name);
      await page.fill("input[name=password]", assessor.password);
      await page.click("button[type=submit]");
      await page.waitForURL((url) => url.pathname !== "/sign-in");

      await page.getByRole("link", { name: "Companies" }).click();
      await page.waitForURL((url) => url.pathname === "/companies");
      await page.fill("input[name=name]", "Kestrel Logistics");
      await page.getByRole("button", { name: "Add company" }).click();
      await page.getByRole("link", { name: "Kestrel Logistics" }).click();
      await page.waitForURL((url) => /^\/companies\/\d+$/.test(url.pathname));

      await page.fill("input[name=name]", "Cold chain");
      await page.getByRole("button", { name: "Add application" }).click();
      await page.waitForURL((url) => /^\/applications\/\d+$/.test(url.pathname));
      const applicationPath = new URL(page.url()).pathname;
      assert.equal(await page.getByRole("heading", { level: 1 }).innerText(), "Application Cold chain");

      await page.selectOption("select[name=thirdParty]", "no");
      await page.selectOption("select[name=codeChangeable]", "yes");
      await page.fill("textarea[name=notes]", "Owned by the logistics team.");
      await page.getByRole("button", { name: "Save answers" }).click();
      await page.waitForURL((url) => url.pathname === applicationPath);
      assert.equal(await page.inputValue("select[name=codeChangeable]"), "yes");

      await page.getByRole("link", { name: "HTML" }).click();
      await page.waitForURL((url) => url.pathname === `${applicationPath}/report`);
      assert.equal(await page.getByRole("heading", { level: 1 }).innerText(), "Cold chain");
      const summary = await page.locator("#summary").innerText();
      assert.match(summary, /Application report for Kestrel Logistics/);
      assert.match(summary, /Third-party product\s+no/);
      assert.match(summary, /Code may be changed\s+yes/);
      assert.match(await page.locator("body").innerText(), /Owned by the logistics team\./);

      const favicon = `GET ${served.origin}/favicon.ico: HTTP 404`;
      const problems = browser
        .problemList()
        .filter((problem) => !problem.includes(favicon) && !problem.includes("/favicon.ico"));
      assert.deepEqual(problems, [], "problems on the pages");
      assert.doesNotMatch(served.stderr(), /^\S+ error /m);
    });
  });
}
