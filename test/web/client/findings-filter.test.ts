import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { Locator, Page } from "playwright-core";

import {
  browserTestsSkipped,
  type BrowserSession,
} from "../../helpers/browser.js";
import { fakeConsoleSuite, type FakeConsole } from "./fake-console.js";
import {
  HOSTILE_MARKUP,
  sampleFindings,
  sourceHref,
  type FakeFinding,
} from "./findings-fixture.js";

const ASSESSMENT = "asm-7";

/** Returns the text of each cell of a column, from the island's table. */
async function column(island: Locator, index: number): Promise<string[]> {
  return island.locator(`tbody tr td:nth-child(${index})`).allInnerTexts();
}

async function openFindings(
  browser: BrowserSession,
  fake: FakeConsole,
  search = "",
): Promise<{ page: Page; island: Locator }> {
  const page = await browser.newPage();
  await page.goto(`${fake.origin}/assessments/${ASSESSMENT}${search}`);
  const island = page.locator('[data-island="findings-filter"]');
  return { page, island };
}

function summary(island: Locator): Locator {
  return island.getByRole("status");
}

if (browserTestsSkipped()) {
  it("findings-filter island", { skip: "INFIO_SKIP_BROWSER_TESTS=1 is set" });
} else {
  describe("findings-filter island", () => {
    const suite = fakeConsoleSuite();

    it("filters by status and group", async () => {
      suite.fake.findings = sampleFindings(120, ASSESSMENT);
      const { page, island } = await openFindings(suite.browser, suite.fake);
      await summary(island).getByText("Showing 1–50 of 120 findings.").waitFor();
      assert.equal(await island.locator("tbody tr").count(), 50);
      assert.equal(await island.locator("table.server-rendered").count(), 0);

      await island.locator('select[name="status"]').selectOption("notSupported");
      await summary(island).getByText("Showing 1–30 of 30 findings.").waitFor();
      const statuses = await column(island, 1);
      assert.equal(statuses.length, 30);
      assert.ok(statuses.every((text) => text === "Not supported"), statuses.join());
      assert.equal(new URL(page.url()).search, "?status=notSupported");

      await island.locator('select[name="group"]').selectOption("Cursors");
      await summary(island).getByText("Showing 1–10 of 10 findings.").waitFor();
      const groups = await column(island, 3);
      assert.deepEqual(groups, Array(10).fill("Cursors"));
      assert.equal(new URL(page.url()).search, "?status=notSupported&group=Cursors");

      const sent = suite.fake.findingsQueries.at(-1)!;
      assert.equal(sent.get("status"), "notSupported");
      assert.equal(sent.get("group"), "Cursors");
      assert.equal(sent.get("offset"), "0");
      assert.equal(sent.get("limit"), "50");
      assert.deepEqual(suite.browser.problemList(), []);
    });

    it("pages through findings", async () => {
      suite.fake.findings = sampleFindings(120, ASSESSMENT);
      const { page, island } = await openFindings(suite.browser, suite.fake, "?limit=20");
      await summary(island).getByText("Showing 1–20 of 120 findings.").waitFor();
      const pager = island.getByRole("navigation", { name: "Pages of findings" });
      assert.match(await pager.innerText(), /Page 1 of 6/);
      assert.equal(await pager.getByRole("link", { name: "Previous" }).count(), 0);

      const next = pager.getByRole("link", { name: "Next" });
      assert.equal(
        await next.getAttribute("href"),
        `/assessments/${ASSESSMENT}?offset=20&limit=20`,
      );
      await next.click();
      await summary(island).getByText("Showing 21–40 of 120 findings.").waitFor();
      assert.equal((await column(island, 2))[0], "feature.sample.n20");
      assert.match(await pager.innerText(), /Page 2 of 6/);
      assert.equal(new URL(page.url()).search, "?offset=20&limit=20");

      await pager.getByRole("link", { name: "Previous" }).click();
      await summary(island).getByText("Showing 1–20 of 120 findings.").waitFor();
      assert.equal((await column(island, 2))[0], "feature.sample.n0");
      assert.equal(new URL(page.url()).search, "?limit=20");

      // Changing the filter goes back to the first page.
      await page.goto(`${suite.fake.origin}/assessments/${ASSESSMENT}?offset=100&limit=20`);
      await summary(island).getByText("Showing 101–120 of 120 findings.").waitFor();
      assert.equal(await pager.getByRole("link", { name: "Next" }).count(), 0);
      await island.locator('select[name="status"]').selectOption("supported");
      await summary(island).getByText("Showing 1–20 of 30 findings.").waitFor();
      assert.equal(new URL(page.url()).search, "?status=supported&limit=20");
      assert.deepEqual(suite.browser.problemList(), []);
    });

    it("clamps offset to last page", async () => {
      suite.fake.findings = sampleFindings(120, ASSESSMENT);
      const { page, island } = await openFindings(
        suite.browser,
        suite.fake,
        "?status=supported&offset=200&limit=20",
      );
      await summary(island).getByText("Showing 21–30 of 30 findings.").waitFor();
      assert.equal(new URL(page.url()).search, "?status=supported&offset=20&limit=20");
      assert.deepEqual(suite.browser.problemList(), []);
    });

    it("keeps search text on reload", async () => {
      suite.fake.findings = sampleFindings(120, ASSESSMENT);
      const { page, island } = await openFindings(suite.browser, suite.fake);
      await summary(island).getByText("Showing 1–50 of 120 findings.").waitFor();

      // "n11" is in feature.sample.n11 and n110 to n119.
      await island.getByRole("searchbox").fill("n11");
      await summary(island).getByText("Showing 1–11 of 11 findings.").waitFor();
      const features = await column(island, 2);
      assert.deepEqual(features, [
        "feature.sample.n11",
        ...Array.from({ length: 10 }, (_, i) => `feature.sample.n11${i}`),
      ]);
      assert.equal(new URL(page.url()).search, "?q=n11");

      await page.reload();
      await summary(island).getByText("Showing 1–11 of 11 findings.").waitFor();
      assert.equal(await island.getByRole("searchbox").inputValue(), "n11");

      await island.getByRole("searchbox").fill("no such text");
      await island.getByRole("searchbox").press("Enter");
      await summary(island).getByText("No findings match this filter.").waitFor();
      assert.equal(await island.locator("table").count(), 0);
      assert.equal(new URL(page.url()).search, "?q=no+such+text");
      assert.deepEqual(suite.browser.problemList(), []);
    });

    it("links findings to source lines", async () => {
      suite.fake.findings = sampleFindings(3, ASSESSMENT);
      const { island } = await openFindings(suite.browser, suite.fake);
      await summary(island).getByText("Showing 1–3 of 3 findings.").waitFor();

      const link = island.getByRole("link", { name: "scripts/proc_1.sql:11:2" });
      assert.equal(
        await link.getAttribute("href"),
        sourceHref(ASSESSMENT, "scripts/proc_1.sql", 11),
      );
      assert.deepEqual(suite.browser.problemList(), []);
    });

    it("renders hostile text as text", async () => {
      const hostile: FakeFinding = {
        featureId: HOSTILE_MARKUP,
        status: "notSupported",
        group: HOSTILE_MARKUP,
        file: `abc\u202Edef.sql`,
        line: 3,
        column: 7,
        object: "<script>alert(2)</script>",
        message: HOSTILE_MARKUP,
        href: "javascript:alert(3)",
      };
      suite.fake.findings = [
        hostile,
        { ...hostile, file: "foreign.sql", href: "https://attacker.invalid/x" },
        { ...hostile, file: "proc.sql", href: "//attacker.invalid/y" },
      ];
      const { page, island } = await openFindings(suite.browser, suite.fake);
      await summary(island).getByText("Showing 1–3 of 3 findings.").waitFor();

      const firstRow = await island.locator("tbody tr").first().locator("td").allInnerTexts();
      assert.deepEqual(firstRow, [
        "Not supported",
        HOSTILE_MARKUP,
        HOSTILE_MARKUP,
        "abc[U+202E]def.sql:3:7",
        "<script>alert(2)</script>",
        HOSTILE_MARKUP,
      ]);
      assert.equal(await island.locator("tbody a").count(), 0);
      assert.equal(await page.locator("img").count(), 0);
      assert.equal(await island.locator("script").count(), 0);
      assert.deepEqual(suite.browser.problemList(), []);
    });

    it("ignores invalid paging parameters", async () => {
      suite.fake.findings = sampleFindings(3, ASSESSMENT);
      const { island } = await openFindings(suite.browser, suite.fake, "?limit=abc&offset=-1");
      await summary(island).getByText("Showing 1–3 of 3 findings.").waitFor();
      const sent = suite.fake.findingsQueries.at(-1)!;
      assert.equal(sent.get("limit"), "50");
      assert.equal(sent.get("offset"), "0");
      assert.deepEqual(suite.browser.problemList(), []);
    });

    it("shows an API error", async () => {
      suite.fake.findings = sampleFindings(3, ASSESSMENT);
      suite.fake.findingsStatus = 500;
      try {
        const { island } = await openFindings(suite.browser, suite.fake);
        const alert = island.getByRole("alert");
        await alert.waitFor();
        assert.equal(
          await alert.innerText(),
          "Could not load findings: the server returned HTTP 500.",
        );
        assert.equal(await summary(island).innerText(), "");
      } finally {
        suite.fake.findingsStatus = 200;
      }

      const findingsUrl = `${suite.fake.origin}/api/assessments/${ASSESSMENT}/findings?`;
      for (const problem of suite.browser.problemList()) {
        assert.ok(problem.includes(findingsUrl), `unexpected problem: ${problem}`);
      }
      assert.equal(suite.browser.problems.errorResponses.length, 1);
    });
  });
}
