/**
 * The report page in headless Chromium against the real console over
 * HTTPS: the findings-filter island filters through the findings API, its
 * links open the source view at the finding's line, and no page breaks
 * the Content Security Policy. Without script the form filters too.
 */
import assert from "node:assert/strict";
import { after, afterEach, before, describe, it } from "node:test";

import type { Page } from "playwright-core";

import { assessmentRoutes } from "../../../src/web/routes/assessment.js";
import { assessmentListRoutes } from "../../../src/web/routes/assessments.js";
import { findingsApiRoutes } from "../../../src/web/routes/findings-api.js";
import { browserTestsSkipped, launchBrowser, type BrowserSession } from "../../helpers/browser.js";
import { startTlsTestConsole, type TestUser, type TlsTestConsole } from "../../helpers/web-console.js";
import { manyFindingsAssessment, runUploadedScript, SOURCE_SCRIPT } from "./assessment-fixtures.js";

const BIG = "20250304-050607-browser";

async function signIn(page: Page, web: TlsTestConsole, user: TestUser): Promise<void> {
  await page.goto(new URL("/sign-in", web.url).href);
  await page.fill("input[name=name]", user.name);
  await page.fill("input[name=password]", user.password);
  await page.click("button[type=submit]");
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** Returns the problems the pages had, apart from the 404 of /favicon.ico that Chromium requests. */
function pageProblems(browser: BrowserSession): string[] {
  return browser.problemList().filter((problem) => !problem.includes("/favicon.ico"));
}

if (browserTestsSkipped()) {
  it("report page in Chromium", { skip: "INFIO_SKIP_BROWSER_TESTS=1 is set" });
} else {
  describe("report page in Chromium", () => {
    let web: TlsTestConsole;
    let browser: BrowserSession;
    let user: TestUser;
    let runId: string;

    before(async () => {
      web = await startTlsTestConsole({ routes: [assessmentListRoutes, assessmentRoutes, findingsApiRoutes] });
      await web.services.store.saveAssessment(manyFindingsAssessment(BIG, 600));
      runId = await runUploadedScript(web, "scroll.sql", SOURCE_SCRIPT);
      user = await web.addUser("browser-viewer", "viewer");
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await web?.close();
    });

    afterEach(async () => {
      for (const page of browser.context.pages()) {
        await page.close();
      }
      browser.clearProblems();
    });

    it("filters with the island", async () => {
      const page = await browser.newPage();
      await signIn(page, web, user);
      await page.goto(new URL(`/assessments/${BIG}`, web.url).href);
      const island = page.locator('[data-island="findings-filter"]');
      const status = island.getByRole("status");

      await island.locator("select[name=status]").selectOption("notSupported");
      await page.waitForFunction(() => /of 150 findings/.test(document.querySelector('[role="status"]')?.textContent ?? ""));
      await island.locator("select[name=group]").selectOption("Cursors");

      await page.waitForFunction(() =>
        /Showing 1–38 of 38 findings/.test(document.querySelector('[role="status"]')?.textContent ?? ""),
      );
      assert.match(await status.innerText(), /of 38 findings/);
      assert.equal(await island.locator("tbody tr").count(), 38);
      assert.equal(new URL(page.url()).search, "?status=notSupported&group=Cursors");
      assert.deepEqual(pageProblems(browser), []);
    });

    it("filters with the form without script", async () => {
      const page = await browser.newPage();
      await signIn(page, web, user);
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send("Emulation.setScriptExecutionDisabled", { value: true });
      await page.goto(new URL(`/assessments/${BIG}`, web.url).href);

      await page.selectOption("select[name=status]", "unknown");
      await page.fill("input[name=q]", "proc_3");
      await page.click(".findings-filter-form button[type=submit]");

      await page.waitForURL(/status=unknown/);
      assert.equal(new URL(page.url()).search, "?status=unknown&group=&q=proc_3");
      assert.match(await page.locator(".findings-filter-summary").innerText(), /Showing 1–30 of 30 findings/);
      assert.equal(await page.locator(".findings-table tbody tr").count(), 30);
    });

    it("opens a finding at its source line", async () => {
      const page = await browser.newPage();
      await signIn(page, web, user);
      await page.goto(new URL(`/assessments/${runId}?q=cursor.option.scroll`, web.url).href);
      const link = page.locator('[data-island="findings-filter"] tbody a').first();
      await link.waitFor();

      await link.click();

      await page.waitForURL(/\/source\?/);
      assert.equal(new URL(page.url()).hash, "#L3");
      const highlighted = page.locator("tr.hit");
      assert.equal(await highlighted.getAttribute("id"), "L3");
      assert.match(await highlighted.innerText(), /DECLARE c CURSOR SCROLL FOR/);
      assert.ok(await highlighted.isVisible());
      assert.deepEqual(pageProblems(browser), []);
    });
  });
}
