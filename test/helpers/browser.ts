/**
 * Headless Chromium for browser tests: Debian's chromium package (or the
 * executable in INFIO_CHROMIUM) driven by playwright-core, with a fresh
 * profile in a temporary directory that close() deletes. The session records
 * what must not happen on a console page, so tests can assert there is none:
 * console errors, uncaught exceptions, failed requests, HTTP error
 * responses, Content Security Policy violations and dialogs.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Where Debian's chromium package installs its launcher. */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

// Chromium refuses to start its sandbox as root, and CI runs as root.
// The test machine has no network beyond loopback, and Chromium's own
// update, sync and safe-browsing requests would fail there, many at a time.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
];

// The name of the function the page calls to report a CSP violation.
// Playwright installs it, so the page's own CSP does not block it.
const CSP_BINDING = "__infioReportCspViolation";

const CSP_LISTENER = `
document.addEventListener("securitypolicyviolation", (event) => {
  window.${CSP_BINDING}(
    event.effectiveDirective + " blocked " + (event.blockedURI || "inline") +
      " in " + event.sourceFile + ":" + event.lineNumber,
  );
});
`;

/** True when the caller explicitly asked to skip tests that need Chromium. */
export function browserTestsSkipped(): boolean {
  return process.env.INFIO_SKIP_BROWSER_TESTS === "1";
}

/** Returns the Chromium executable, or throws with the fix when absent. */
export function chromiumExecutable(): string {
  const path = process.env.INFIO_CHROMIUM || DEBIAN_CHROMIUM;
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}: install Debian's chromium package ` +
        "(apt-get install chromium), or set INFIO_CHROMIUM to a Chromium " +
        "executable, or set INFIO_SKIP_BROWSER_TESTS=1 to skip browser tests",
    );
  }

  return path;
}

/** Problems seen on any page of the session, one line each. */
export interface BrowserProblems {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly failedRequests: string[];
  readonly errorResponses: string[];
  readonly cspViolations: string[];
  readonly dialogs: string[];
}

export interface BrowserSession {
  readonly context: BrowserContext;
  /** The temporary Chromium profile, deleted by close(). */
  readonly userDataDir: string;
  readonly problems: BrowserProblems;
  /**
   * Requests the page itself cancelled (net::ERR_ABORTED): an aborted
   * fetch, a closed EventSource, a navigation away. These are not problems.
   */
  readonly abortedRequests: string[];
  newPage(): Promise<Page>;
  /** Every recorded problem, prefixed with its kind; empty when none. */
  problemList(): string[];
  /** Forgets the recorded problems, for a test that expects some. */
  clearProblems(): void;
  /** Closes Chromium and deletes its profile, even when closing fails. */
  close(): Promise<void>;
}

/**
 * Starts headless Chromium with a new profile. HTTPS certificate errors are
 * ignored, because the console under test uses a self-signed certificate.
 */
export async function launchBrowser(): Promise<BrowserSession> {
  const executablePath = chromiumExecutable();
  const userDataDir = await mkdtemp(join(tmpdir(), "infio-chromium-"));

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      ignoreHTTPSErrors: true,
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw new Error(
      `could not start Chromium ${executablePath}: ${(error as Error).message}`,
      { cause: error },
    );
  }

  const problems = emptyProblems();
  const abortedRequests: string[] = [];

  try {
    await recordProblems(context, problems, abortedRequests);
  } catch (error) {
    await closeContext(context, userDataDir);
    throw error;
  }

  return {
    context,
    userDataDir,
    problems,
    abortedRequests,
    newPage: () => context.newPage(),
    problemList: () => listProblems(problems),
    clearProblems: () => {
      for (const list of [...Object.values(problems), abortedRequests]) {
        list.length = 0;
      }
    },
    close: () => closeContext(context, userDataDir),
  };
}

function emptyProblems(): BrowserProblems {
  return {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    errorResponses: [],
    cspViolations: [],
    dialogs: [],
  };
}

async function recordProblems(
  context: BrowserContext,
  problems: BrowserProblems,
  abortedRequests: string[],
): Promise<void> {
  context.on("console", (message) => {
    if (message.type() === "error") {
      const { url, lineNumber } = message.location();
      problems.consoleErrors.push(`${message.text()} (at ${url}:${lineNumber})`);
    }
  });

  context.on("weberror", (webError) => {
    const error = webError.error();
    problems.pageErrors.push(error.stack ?? error.message);
  });

  context.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "unknown error";
    const line = `${request.method()} ${request.url()}: ${reason}`;
    if (reason === "net::ERR_ABORTED") {
      abortedRequests.push(line);
    } else {
      problems.failedRequests.push(line);
    }
  });

  context.on("response", (response) => {
    if (response.status() >= 400) {
      const request = response.request();
      problems.errorResponses.push(
        `${request.method()} ${request.url()}: HTTP ${response.status()}`,
      );
    }
  });

  // Dismissing a dialog keeps the page from waiting on it.
  context.on("dialog", (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });

  await context.exposeBinding(CSP_BINDING, (_source, text: unknown) => {
    problems.cspViolations.push(String(text));
  });
  await context.addInitScript({ content: CSP_LISTENER });
}

function listProblems(problems: BrowserProblems): string[] {
  return Object.entries(problems).flatMap(([kind, lines]: [string, string[]]) =>
    lines.map((line) => `${kind}: ${line}`),
  );
}

async function closeContext(
  context: BrowserContext,
  userDataDir: string,
): Promise<void> {
  try {
    await context.close();
  } finally {
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  }
}
