// Checks that the browser session records the problems the island tests
// assert are absent, so those assertions can fail.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, afterEach, before, describe, it } from "node:test";

import {
  browserTestsSkipped,
  launchBrowser,
  type BrowserSession,
} from "../../helpers/browser.js";
import { startFakeConsole, type FakeConsole } from "./fake-console.js";
import { HOSTILE_MARKUP } from "./findings-fixture.js";

if (browserTestsSkipped()) {
  it("browser problem recording", { skip: "INFIO_SKIP_BROWSER_TESTS=1 is set" });
} else {
  describe("browser problem recording", () => {
    let fake: FakeConsole;
    let browser: BrowserSession;

    before(async () => {
      fake = await startFakeConsole();
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await fake?.close();
    });

    afterEach(async () => {
      for (const page of browser.context.pages()) {
        await page.close();
      }
      browser.clearProblems();
    });

    it("records a blocked inline script", async () => {
      fake.extraPages.set("/inline-script", "<script>alert(1)</script>");
      const page = await browser.newPage();
      await page.goto(`${fake.origin}/inline-script`);

      await waitFor(() => browser.problems.cspViolations.length > 0);
      assert.match(browser.problems.cspViolations[0]!, /^script-src-elem blocked inline/);
      const errors = browser.problems.consoleErrors;
      assert.ok(errors.some((line) => line.includes("Content Security Policy")), errors.join("\n"));
      assert.deepEqual(browser.problems.dialogs, []);
    });

    it("records hostile markup rendered as HTML", async () => {
      fake.extraPages.set("/hostile", HOSTILE_MARKUP);
      const page = await browser.newPage();
      await page.goto(`${fake.origin}/hostile`);

      // The image is blocked, and so is its error handler.
      const violations = browser.problems.cspViolations;
      await waitFor(() => violations.length >= 2);
      const image = new RegExp(`^img-src blocked ${fake.origin}/x `);
      assert.ok(violations.some((line) => image.test(line)), violations.join("\n"));
      assert.ok(
        violations.some((line) => line.startsWith("script-src-attr blocked inline")),
        violations.join("\n"),
      );
    });

    it("deletes the profile on close", async () => {
      const second = await launchBrowser();
      assert.equal(existsSync(second.userDataDir), true);

      await second.close();
      assert.equal(existsSync(second.userDataDir), false);
    });

    it("records errors, responses and dialogs", async () => {
      const page = await browser.newPage();
      await page.goto(`${fake.origin}/no-such-page`);
      await page.evaluate(() => {
        console.error("deliberate error");
        alert("deliberate dialog");
      });

      await waitFor(() => browser.problems.dialogs.length > 0);
      assert.deepEqual(browser.problems.dialogs, ["alert: deliberate dialog"]);
      assert.deepEqual(browser.problems.errorResponses, [
        `GET ${fake.origin}/no-such-page: HTTP 404`,
      ]);
      assert.ok(browser.problems.consoleErrors.some((line) => line.startsWith("deliberate error")));
    });
  });
}

/**
 * Waits until `condition` holds, because the browser's events reach Node
 * after the page has acted. Gives up after about 10 s.
 */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; !condition(); attempt += 1) {
    if (attempt === 500) {
      throw new Error("the browser did not report the expected problem within 10 s");
    }

    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
