/**
 * The web console end to end. The real `infio serve` runs in a child
 * process, with users added by `infio users add`. Headless Chromium signs
 * in through the forms, uploads a script, follows the run to its end and
 * opens a finding at its source line.
 *
 * Every page must load without a Content Security Policy violation, a
 * console error or a failed request. The browser harness records those
 * (test/helpers/browser.ts), and each test checks that it saw only the
 * error responses it expects.
 */

import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, afterEach, before, describe, it } from "node:test";

import type { Cookie, Page } from "playwright-core";

import { SESSION_COOKIE, VISITOR_CSRF_COOKIE } from "../../../src/web/auth/cookies.js";
import { loadClientAssets } from "../../../src/web/client-assets.js";
import { browserTestsSkipped, launchBrowser, type BrowserSession } from "../../helpers/browser.js";
import { tlsRequest } from "../../helpers/web-console.js";
import { startServedConsole, type ServedConsole, type ServedUserWithPassword } from "./served-console.js";

/** A procedure with a cursor. Line 15 deletes through it with WHERE CURRENT OF. */
const ARCHIVE_SCRIPT_LINES = [
  "-- Moves old orders to the archive table, one order at a time.",
  "CREATE PROCEDURE dbo.ArchiveOrders",
  "    @Before date",
  "AS",
  "BEGIN",
  "    SET NOCOUNT ON;",
  "    DECLARE @OrderId int;",
  "    DECLARE order_cursor CURSOR GLOBAL DYNAMIC FOR",
  "        SELECT OrderId FROM dbo.Orders WHERE OrderDate < @Before;",
  "    OPEN order_cursor;",
  "    FETCH NEXT FROM order_cursor INTO @OrderId;",
  "    WHILE @@FETCH_STATUS = 0",
  "    BEGIN",
  "        INSERT INTO dbo.OrdersArchive SELECT * FROM dbo.Orders WHERE OrderId = @OrderId;",
  "        DELETE FROM dbo.Orders WHERE CURRENT OF order_cursor;",
  "        FETCH NEXT FROM order_cursor INTO @OrderId;",
  "    END",
  "    CLOSE order_cursor;",
  "    DEALLOCATE order_cursor;",
  "END",
  "GO",
  "",
];

const SCRIPT_NAME = "archive.sql";

/** The finding the flow opens: `dml.current_of` at line 15, column 38. */
const FINDING = { featureId: "dml.current_of", line: 15, column: 38 } as const;

/**
 * Maximum time in ms for the upload's run to end. A 21-line script takes
 * about a second, but worker threads start slowly on a loaded machine.
 */
const RUN_TIMEOUT_MS = 180_000;

if (browserTestsSkipped()) {
  it("console end to end in Chromium", { skip: "INFIO_SKIP_BROWSER_TESTS=1 is set" });
} else {
  describe("console end to end in Chromium", () => {
    let served: ServedConsole | undefined;
    let browser: BrowserSession | undefined;
    let scriptPath: string;
    let assessor: ServedUserWithPassword;
    let viewer: ServedUserWithPassword;

    before(async () => {
      await requireClientBuild();
      served = await startServedConsole([
        { name: "ann", role: "assessor" },
        { name: "vic", role: "viewer" },
      ]);
      [assessor, viewer] = served.users as [ServedUserWithPassword, ServedUserWithPassword];

      const uploads = join(served.workspace.root, "uploads");
      await mkdir(uploads);
      scriptPath = join(uploads, SCRIPT_NAME);
      await writeFile(scriptPath, ARCHIVE_SCRIPT_LINES.join("\r\n"), "utf8");

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

    afterEach(async () => {
      if (browser === undefined) {
        return;
      }
      for (const page of browser.context.pages()) {
        await page.close();
      }
      await browser.context.clearCookies();
      browser.clearProblems();
    });

    it("wrong password sets no session", async () => {
      const { page, console: web } = await open();
      await page.goto(web.url);
      await page.waitForURL((url) => url.pathname === "/sign-in");
      const visitorCookie = await cookie(VISITOR_CSRF_COOKIE);

      await page.fill("input[name=name]", assessor.name);
      await page.fill("input[name=password]", `${assessor.password}-wrong`);
      await page.click("button[type=submit]");

      await page.getByRole("alert").waitFor();
      assert.match(await page.getByRole("alert").innerText(), /^Sign-in failed: the user name or password is wrong/);
      assert.equal(new URL(page.url()).pathname, "/sign-in");
      assert.equal(await page.inputValue("input[name=name]"), assessor.name);
      assert.equal(await page.inputValue("input[name=password]"), "");
      assert.equal(await cookie(SESSION_COOKIE), undefined);
      assertStrictCookie(visitorCookie, VISITOR_CSRF_COOKIE);
      assertProblems([`POST ${web.origin}/sign-in: HTTP 401`]);
    });

    it("assessor uploads and opens a finding", async () => {
      const { page, console: web } = await open();
      await signIn(page, assessor);
      assert.equal(new URL(page.url()).pathname, "/assessments");
      assertStrictCookie(await cookie(SESSION_COOKIE), SESSION_COOKIE);
      for (const consoleCookie of await browser!.context.cookies(web.origin)) {
        assertStrictCookie(consoleCookie, consoleCookie.name);
      }

      await page.getByRole("link", { name: "Start an assessment" }).click();
      await page.waitForURL((url) => url.pathname === "/runs/new");
      await page.setInputFiles("input[name=scripts]", scriptPath);
      await page.getByRole("button", { name: "Start assessment" }).click();
      await page.waitForURL((url) => /^\/runs\/[0-9a-f-]{36}$/.test(url.pathname));

      const island = page.locator('[data-island="run-progress"]');
      const openLink = island.getByRole("link", { name: "Open the assessment" });
      await openLink.waitFor({ timeout: RUN_TIMEOUT_MS });
      assert.match(await island.getByRole("status").innerText(), /^Done\b/);
      assert.match(await island.innerText(), /Lines\s+21\b/);
      const assessmentPath = await openLink.getAttribute("href");
      assert.match(assessmentPath ?? "", /^\/assessments\/[^/]+$/);

      await openLink.click();
      await page.waitForURL((url) => url.pathname === assessmentPath);
      const findings = page.locator('[data-island="findings-filter"]');
      await findings.locator("input[name=q]").fill(FINDING.featureId);
      await findings
        .getByRole("status")
        .getByText("Showing 1–1 of 1 findings.", { exact: true })
        .waitFor();
      const location = `${SCRIPT_NAME}:${FINDING.line}:${FINDING.column}`;
      const findingLink = findings.locator("tbody").getByRole("link", { name: location, exact: true });
      assert.match(await findings.locator("tbody tr").innerText(), new RegExp(FINDING.featureId.replace(".", "\\.")));

      await findingLink.click();
      await page.waitForURL((url) => url.pathname === `${assessmentPath}/source`);
      assert.equal(new URL(page.url()).hash, `#L${FINDING.line}`);
      assert.equal(new URL(page.url()).searchParams.get("file"), SCRIPT_NAME);
      const highlighted = page.locator("tr.hit");
      assert.equal(await highlighted.count(), 1);
      assert.equal(await highlighted.getAttribute("id"), `L${FINDING.line}`);
      assert.equal(await highlighted.getAttribute("aria-current"), "location");
      assert.equal(await highlighted.locator("td.ln").innerText(), String(FINDING.line));
      assert.equal(await highlighted.locator("td.src").textContent(), ARCHIVE_SCRIPT_LINES[FINDING.line - 1]);
      assert.equal(await inViewport(page, `L${FINDING.line}`), true);

      assertProblems([]);
      assert.doesNotMatch(web.stderr(), /^\S+ error /m);
      assert.match(web.stderr(), new RegExp(`'${assessor.name}' queued run [0-9a-f-]{36}: upload '${SCRIPT_NAME}'`));
    });

    it("sign-out ends the session", async () => {
      const { page, console: web } = await open();
      await signIn(page, assessor);
      const session = await cookie(SESSION_COOKIE);
      assert.ok(session, "no session cookie after signing in");

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL((url) => url.pathname === "/sign-in");
      assert.equal(await cookie(SESSION_COOKIE), undefined);

      await page.goBack();
      await page.waitForURL((url) => url.pathname === "/sign-in");
      assert.equal(new URL(page.url()).searchParams.get("next"), "/assessments");
      assert.equal(await page.getByRole("heading", { level: 1 }).innerText(), "Sign in");
      assert.equal(await page.locator("input[name=password]").isVisible(), true);
      assert.equal(await page.getByRole("button", { name: "Sign out" }).count(), 0);

      // The server ended the session too: its old id no longer signs anyone in.
      const replayed = await tlsRequest(new URL("/assessments", web.url), web.certPem, {
        headers: { cookie: `${SESSION_COOKIE}=${session.value}` },
      });
      assert.equal(replayed.status, 303);
      assert.match(String(replayed.headers.location), /^\/sign-in\?next=/);
      assertProblems([]);
    });

    it("viewer gets no upload page", async () => {
      const { page, console: web } = await open();
      await signIn(page, viewer);
      assert.equal(new URL(page.url()).pathname, "/assessments");
      assert.equal(await page.getByRole("link", { name: "Start an assessment" }).count(), 0);
      assert.equal(await page.locator('a[href="/runs/new"]').count(), 0);
      const navigation = page.getByRole("navigation", { name: "Main" });
      assert.equal(await navigation.getByRole("link", { name: "Assessments" }).count(), 1);
      assert.equal(await navigation.getByRole("link", { name: "Runs" }).count(), 0);

      const response = await page.goto(new URL("/runs/new", web.url).href);
      assert.equal(response?.status(), 403);
      assert.equal(await page.getByRole("heading", { level: 1 }).innerText(), "Not allowed");
      assert.equal(await page.locator("input[name=scripts]").count(), 0);
      assertProblems([`GET ${web.origin}/runs/new: HTTP 403`]);
    });

    async function open(): Promise<{ page: Page; console: ServedConsole }> {
      assert.ok(served, "the console did not start");
      assert.ok(browser, "Chromium did not start");
      return { page: await browser.newPage(), console: served };
    }

    /** Signs in through the form, starting at the console's root, and waits to leave the form. */
    async function signIn(page: Page, user: ServedUserWithPassword): Promise<void> {
      await page.goto(served!.url);
      await page.waitForURL((url) => url.pathname === "/sign-in");
      await page.fill("input[name=name]", user.name);
      await page.fill("input[name=password]", user.password);
      await page.click("button[type=submit]");
      await page.waitForURL((url) => url.pathname !== "/sign-in");
    }

    async function cookie(name: string): Promise<Cookie | undefined> {
      const cookies = await browser!.context.cookies(served!.origin);
      return cookies.find((found) => found.name === name);
    }

    /**
     * Asserts that the pages had no problem but the error responses
     * `expected` (`METHOD URL: HTTP STATUS`), in that order, and the
     * "Failed to load resource" console error that Chromium logs for each.
     * Chromium requests /favicon.ico on its own, and the console has none,
     * so that 404 is allowed too.
     */
    function assertProblems(expected: readonly string[]): void {
      const favicon = `GET ${served!.origin}/favicon.ico: HTTP 404`;
      const responses = browser!.problems.errorResponses.filter((line) => line !== favicon);
      assert.deepEqual(responses, expected, "error responses");

      const allowed = [favicon, ...expected];
      const others = browser!
        .problemList()
        .filter((problem) => !problem.startsWith("errorResponses: ") && !isLoadFailureOf(problem, allowed));
      assert.deepEqual(others, [], "problems other than the expected error responses");
    }
  });
}

function assertStrictCookie(cookie: Cookie | undefined, name: string): void {
  assert.ok(cookie, `the browser has no cookie ${name}`);
  assert.equal(cookie.secure, true, `${name}: Secure`);
  assert.equal(cookie.httpOnly, true, `${name}: HttpOnly`);
  assert.equal(cookie.sameSite, "Strict", `${name}: SameSite`);
  assert.equal(cookie.path, "/", `${name}: Path`);
  assert.equal(cookie.domain, "127.0.0.1", `${name}: host-only`);
  // -1: a session cookie, which the browser drops when it closes.
  assert.equal(cookie.expires, -1, `${name}: Expires`);
}

/** Fails with the fix when the console's client islands are not built. */
async function requireClientBuild(): Promise<void> {
  try {
    await loadClientAssets();
  } catch (error) {
    throw new Error(
      `the console's client is not built, so no island would run: ${(error as Error).message}; ` +
        "run `npm run build:client`",
      { cause: error },
    );
  }
}

/**
 * Checks whether `problem` is the console error that Chromium logs for one
 * of the error `responses` (`METHOD URL: HTTP STATUS`).
 */
function isLoadFailureOf(problem: string, responses: readonly string[]): boolean {
  const match = /^consoleErrors: Failed to load resource: the server responded with a status of (\d{3}) \([^)]*\) \(at (\S+):0\)$/.exec(problem);
  if (match === null) {
    return false;
  }
  const [, status, url] = match;
  return responses.some((response) => response.endsWith(` ${url}: HTTP ${status}`));
}

/** Checks whether the element with `id` lies inside the page's viewport. */
function inViewport(page: Page, id: string): Promise<boolean> {
  return page.evaluate((elementId) => {
    const box = document.getElementById(elementId)?.getBoundingClientRect();
    return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
  }, id);
}
