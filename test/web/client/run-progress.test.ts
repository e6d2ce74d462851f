import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  browserTestsSkipped,
} from "../../helpers/browser.js";
import { fakeConsoleSuite, type RunSnapshotJson } from "./fake-console.js";
import { HOSTILE_MARKUP } from "./findings-fixture.js";

function snapshot(
  id: string,
  overrides: Partial<RunSnapshotJson> = {},
): RunSnapshotJson {
  return {
    id,
    state: "running",
    phase: "parsing",
    unitsDone: 0,
    unitsTotal: 10,
    lines: 0,
    findings: 0,
    elapsedMs: 0,
    ...overrides,
  };
}

if (browserTestsSkipped()) {
  it("run-progress island", { skip: "INFIO_SKIP_BROWSER_TESTS=1 is set" });
} else {
  describe("run-progress island", () => {
    const suite = fakeConsoleSuite();

    it("follows events until done", async () => {
      const page = await suite.browser.newPage();
      suite.fake.setRun(snapshot("run-1", { state: "queued", phase: "", unitsTotal: 0 }));
      const subscribed = suite.fake.waitForSubscriber("run-1");
      await page.goto(`${suite.fake.origin}/runs/run-1`);
      await subscribed;
      const island = page.locator('[data-island="run-progress"]');

      await island.getByRole("status").getByText("Queued", { exact: true }).waitFor();
      assert.equal(await island.locator("progress").getAttribute("value"), null);
      assert.equal(await island.getByText("Reload the page").count(), 0);

      suite.fake.pushRun(
        snapshot("run-1", {
          unitsDone: 3,
          lines: 12_345,
          findings: 17,
          elapsedMs: 65_000,
        }),
      );
      await island.getByText("3 of 10 (30 %)").waitFor();
      const text = await island.innerText();
      assert.match(text, /Running: parsing/);
      assert.match(text, /Lines\s+12,345/);
      assert.match(text, /Findings\s+17/);
      assert.match(text, /Elapsed\s+1 min 05 s/);
      const bar = island.locator("progress");
      assert.equal(await bar.getAttribute("max"), "10");
      assert.equal(await bar.getAttribute("value"), "3");
      assert.equal(await island.getByRole("button", { name: "Cancel run" }).count(), 1);

      suite.fake.pushRun(
        snapshot("run-1", {
          state: "done",
          phase: "done",
          unitsDone: 10,
          assessmentId: "asm 1/a",
        }),
      );
      const link = island.getByRole("link", { name: "Open the assessment" });
      await link.waitFor();
      assert.equal(await link.getAttribute("href"), "/assessments/asm%201%2Fa");
      assert.equal(await island.getByRole("button").count(), 0);

      await link.click();
      await page.waitForURL(`${suite.fake.origin}/assessments/asm%201%2Fa`);
      assert.deepEqual(suite.browser.problemList(), []);
    });

    it("cancel sends the CSRF token", async () => {
      const page = await suite.browser.newPage();
      suite.fake.setRun(snapshot("run-2", { unitsDone: 4 }));
      await page.goto(`${suite.fake.origin}/runs/run-2`);
      const island = page.locator('[data-island="run-progress"]');
      await island.getByText("4 of 10 (40 %)").waitFor();

      await island.getByRole("button", { name: "Cancel run" }).click();
      await island.getByText("Running: parsing (cancel requested)").waitFor();
      assert.deepEqual(suite.fake.cancelRequests.at(-1), {
        runId: "run-2",
        csrfToken: suite.fake.csrfToken,
      });
      assert.equal(await island.getByRole("button", { name: "Cancelling…" }).isDisabled(), true);

      suite.fake.pushRun(snapshot("run-2", { state: "cancelled", unitsDone: 4 }));
      await island.getByText("Cancelled: parsing").waitFor();
      assert.equal(await island.getByRole("button").count(), 0);
      assert.equal(await island.getByRole("link").count(), 0);
      assert.deepEqual(suite.browser.problemList(), []);
    });

    it("shows a rejected cancel", async () => {
      const page = await suite.browser.newPage();
      suite.fake.setRun(snapshot("run-3"));
      await page.goto(`${suite.fake.origin}/runs/run-3`);
      const island = page.locator('[data-island="run-progress"]');
      await island.getByRole("button", { name: "Cancel run" }).waitFor();

      // A token that is no longer the session's, as after signing in again
      // in another tab.
      await page.evaluate(() => {
        document.querySelector('meta[name="csrf-token"]')?.setAttribute("content", "stale");
      });
      await island.getByRole("button", { name: "Cancel run" }).click();

      const alert = island.getByRole("alert");
      await alert.waitFor();
      assert.equal(
        await alert.innerText(),
        "Cancel failed: the server returned HTTP 403. Reload the page and try again.",
      );
      assert.deepEqual(suite.fake.cancelRequests.at(-1), { runId: "run-3", csrfToken: "stale" });
      assert.equal(await island.getByRole("button", { name: "Cancel run" }).isEnabled(), true);

      const cancelUrl = `${suite.fake.origin}/api/runs/run-3/cancel`;
      for (const problem of suite.browser.problemList()) {
        assert.ok(problem.includes(cancelUrl), `unexpected problem: ${problem}`);
      }
      assert.ok(suite.browser.problems.errorResponses.length > 0);
    });

    it("polls when the event stream fails", async () => {
      const page = await suite.browser.newPage();
      suite.fake.runsWithoutEvents.add("run-4");
      suite.fake.setRun(snapshot("run-4", { unitsDone: 5 }));
      await page.goto(`${suite.fake.origin}/runs/run-4`);
      const island = page.locator('[data-island="run-progress"]');
      await island.getByText("5 of 10 (50 %)").waitFor();

      suite.fake.setRun(snapshot("run-4", { state: "done", unitsDone: 10, assessmentId: "asm-4" }));
      await island.getByRole("link", { name: "Open the assessment" }).waitFor();
      assert.equal(await island.getByRole("alert").count(), 0);

      // The failed event stream is the only problem.
      const eventsUrl = `${suite.fake.origin}/api/runs/run-4/events`;
      assert.deepEqual(suite.browser.problems.errorResponses, [`GET ${eventsUrl}: HTTP 503`]);
      for (const problem of suite.browser.problemList()) {
        assert.ok(problem.includes(eventsUrl), `unexpected problem: ${problem}`);
      }
    });

    it("renders hostile text as text", async () => {
      const page = await suite.browser.newPage();
      const error = `${HOSTILE_MARKUP} in abc\u202Edef`;
      suite.fake.setRun(
        snapshot("run-5", { state: "failed", phase: HOSTILE_MARKUP, error }),
      );
      await page.goto(`${suite.fake.origin}/runs/run-5`);
      const island = page.locator('[data-island="run-progress"]');
      const alert = island.getByRole("alert");
      await alert.waitFor();

      assert.equal(
        await alert.innerText(),
        `The run failed: ${HOSTILE_MARKUP} in abc[U+202E]def`,
      );
      assert.equal(
        await island.getByRole("status").innerText(),
        `Failed: ${HOSTILE_MARKUP}`,
      );
      assert.equal(await page.locator("img").count(), 0);
      assert.deepEqual(suite.browser.problemList(), []);
    });
  });
}
