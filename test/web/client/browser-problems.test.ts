// Checks that the browser session records the problems the island tests
// assert are absent, so those assertions can fail.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { describe, it } from "node:test";

import {
  browserTestsSkipped,
  launchBrowser,
} from "../../helpers/browser.js";
import { fakeConsoleSuite } from "./fake-console.js";
import { HOSTILE_MARKUP } from "./findings-fixture.js";

if (browserTestsSkipped()) {
  it("browser problem recording", { skip: "INFIO_SKIP_BROWSER_TESTS=1 is set" });
} else {
  describe("browser problem recording", () => {
    const suite = fakeConsoleSuite();

    it("records a blocked inline script", async () => {
      suite.fake.extraPages.set("/inline-script", "<script>alert(1)</script>");
      const page = await suite.browser.newPage();
      await page.goto(`${suite.fake.origin}/inline-script`);

      await waitFor(() => suite.browser.problems.cspViolations.length > 0);
      assert.match(suite.browser.problems.cspViolations[0]!, /^script-src-elem blocked inline/);
      const errors = suite.browser.problems.consoleErrors;
      assert.ok(errors.some((line) => line.includes("Content Security Policy")), errors.join("\n"));
      assert.deepEqual(suite.browser.problems.dialogs, []);
    });

    it("records hostile markup rendered as HTML", async () => {
      suite.fake.extraPages.set("/hostile", HOSTILE_MARKUP);
      const page = await suite.browser.newPage();
      await page.goto(`${suite.fake.origin}/hostile`);

      // The image is blocked, and so is its error handler.
      const violations = suite.browser.problems.cspViolations;
      await waitFor(() => violations.length >= 2);
      const image = new RegExp(`^img-src blocked ${suite.fake.origin}/x `);
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
      const page = await suite.browser.newPage();
      await page.goto(`${suite.fake.origin}/no-such-page`);
      await page.evaluate(() => {
        console.error("deliberate error");
        alert("deliberate dialog");
      });

      await waitFor(() => suite.browser.problems.dialogs.length > 0);
      assert.deepEqual(suite.browser.problems.dialogs, ["alert: deliberate dialog"]);
      assert.deepEqual(suite.browser.problems.errorResponses, [
        `GET ${suite.fake.origin}/no-such-page: HTTP 404`,
      ]);
      assert.ok(suite.browser.problems.consoleErrors.some((line) => line.startsWith("deliberate error")));
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
