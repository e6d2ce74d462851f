/**
 * A small HTTPS server that replaces the console in the islands' browser
 * tests. It serves the built client from dist/web-client, pages with the
 * island markup that console pages must emit, and the run and findings API
 * with data the test controls. Every response carries the console's strict
 * Content Security Policy. It listens on 127.0.0.1 at a free port.
 */
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:https";
import { after, afterEach, before } from "node:test";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import {
  clientAssetTags,
  loadClientAssets,
  type ClientAssets,
} from "../../../src/web/client-assets.js";
import { escapeHtml } from "../../../src/report/html/escape.js";
import { launchBrowser, type BrowserSession } from "../../helpers/browser.js";
import { testCertificates } from "../../helpers/tds-server/index.js";
import {
  FINDING_GROUPS,
  FINDING_STATUS_LABELS,
  filterFindings,
  type FakeFinding,
} from "./findings-fixture.js";

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'";

/** A run's state as the API sends it. */
export interface RunSnapshotJson {
  readonly id: string;
  readonly state: "queued" | "running" | "done" | "failed" | "cancelled";
  readonly phase: string;
  readonly unitsDone: number;
  readonly unitsTotal: number;
  readonly lines: number;
  readonly findings: number;
  readonly elapsedMs: number;
  readonly assessmentId?: string;
  readonly error?: string;
}

export interface CancelRequest {
  readonly runId: string;
  readonly csrfToken: string | undefined;
}

export interface FakeConsole {
  /** `https://127.0.0.1:PORT`. */
  readonly origin: string;
  /** The token the pages put in `<meta name="csrf-token">`. */
  readonly csrfToken: string;
  /** Findings of every assessment, in order. */
  findings: readonly FakeFinding[];
  /** HTTP status of the findings API; any other than 200 sends an error. */
  findingsStatus: number;
  /** Extra pages by path: the body of a page with the client's tags. */
  readonly extraPages: Map<string, string>;
  /** Runs whose event stream returns HTTP 503, so the island must poll. */
  readonly runsWithoutEvents: Set<string>;
  readonly cancelRequests: CancelRequest[];
  /** Query strings of every findings API request, in order. */
  readonly findingsQueries: URLSearchParams[];
  /** Sets a run's state without sending it to event stream subscribers. */
  setRun(snapshot: RunSnapshotJson): void;
  /** Sets a run's state and sends it to every event stream subscriber. */
  pushRun(snapshot: RunSnapshotJson): void;
  /** Resolves once a page has subscribed to the run's event stream. */
  waitForSubscriber(runId: string): Promise<void>;
  close(): Promise<void>;
}

type Handler = (
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
) => void;

/** A fake console and a browser shared by the tests of one suite. */
export interface FakeConsoleSuite {
  readonly fake: FakeConsole;
  readonly browser: BrowserSession;
}

/**
 * Starts a fake console and a browser before the suite and stops both
 * after it. After each test, its pages are closed and the recorded
 * problems cleared.
 */
export function fakeConsoleSuite(): FakeConsoleSuite {
  const state: { fake?: FakeConsole; browser?: BrowserSession } = {};

  before(async () => {
    state.fake = await startFakeConsole();
    state.browser = await launchBrowser();
  });

  after(async () => {
    await state.browser?.close();
    await state.fake?.close();
  });

  afterEach(async () => {
    for (const page of state.browser?.context.pages() ?? []) {
      await page.close();
    }
    state.browser?.clearProblems();
  });

  return {
    get fake() {
      return state.fake!;
    },
    get browser() {
      return state.browser!;
    },
  };
}

/** Starts the server with the client built in dist/web-client. */
export async function startFakeConsole(): Promise<FakeConsole> {
  const assets = await loadClientAssets();
  const certificates = await testCertificates();
  const csrfToken = randomBytes(18).toString("base64url");
  const runs = new Map<string, RunSnapshotJson>();
  const subscribers = new Map<string, Set<ServerResponse>>();
  const subscriberWaiters = new Map<string, (() => void)[]>();

  const fake: Omit<FakeConsole, "origin" | "close"> = {
    csrfToken,
    findings: [],
    findingsStatus: 200,
    extraPages: new Map(),
    runsWithoutEvents: new Set(),
    cancelRequests: [],
    findingsQueries: [],
    setRun: (snapshot) => {
      runs.set(snapshot.id, snapshot);
    },
    pushRun: (snapshot) => {
      runs.set(snapshot.id, snapshot);
      for (const response of subscribers.get(snapshot.id) ?? []) {
        response.write(`data: ${JSON.stringify(snapshot)}\n\n`);
      }
    },
    waitForSubscriber: (runId) => {
      if ((subscribers.get(runId)?.size ?? 0) > 0) {
        return Promise.resolve();
      }

      return new Promise((resolve) => {
        const waiters = subscriberWaiters.get(runId) ?? [];
        waiters.push(resolve);
        subscriberWaiters.set(runId, waiters);
      });
    },
  };

  const streamRun: Handler = (request, response, url) => {
    const runId = decodeURIComponent(url.pathname.split("/")[3] ?? "");
    if (fake.runsWithoutEvents.has(runId)) {
      sendText(response, 503, "event stream unavailable");
      return;
    }

    response.writeHead(200, {
      ...SECURITY_HEADERS,
      "content-type": "text/event-stream; charset=utf-8",
    });
    const current = runs.get(runId);
    // A comment line when the run has no state yet, so the stream starts.
    const first = current === undefined ? ": subscribed" : `data: ${JSON.stringify(current)}`;
    response.write(`${first}\n\n`);

    const set = subscribers.get(runId) ?? new Set();
    set.add(response);
    subscribers.set(runId, set);
    request.on("close", () => set.delete(response));

    for (const resolve of subscriberWaiters.get(runId) ?? []) {
      resolve();
    }
    subscriberWaiters.delete(runId);
  };

  const readRun: Handler = (_request, response, url) => {
    const runId = decodeURIComponent(url.pathname.split("/")[3] ?? "");
    const snapshot = runs.get(runId);
    if (snapshot === undefined) {
      sendJson(response, 404, { error: "run not found" });
      return;
    }

    sendJson(response, 200, snapshot);
  };

  const cancelRun: Handler = (request, response, url) => {
    const runId = decodeURIComponent(url.pathname.split("/")[3] ?? "");
    const header = request.headers["x-csrf-token"];
    const token = typeof header === "string" ? header : undefined;
    fake.cancelRequests.push({ runId, csrfToken: token });

    if (token !== csrfToken) {
      sendJson(response, 403, { error: "invalid CSRF token" });
      return;
    }

    sendJson(response, 202, { accepted: true });
  };

  const listFindings: Handler = (_request, response, url) => {
    fake.findingsQueries.push(new URLSearchParams(url.search));
    if (fake.findingsStatus !== 200) {
      sendJson(response, fake.findingsStatus, { error: "deliberate failure" });
      return;
    }

    const matching = filterFindings(fake.findings, url.searchParams);
    const offset = Number(url.searchParams.get("offset") ?? "0");
    const limit = Number(url.searchParams.get("limit") ?? "50");

    sendJson(response, 200, {
      total: matching.length,
      findings: matching.slice(offset, offset + limit),
    });
  };

  const runPage: Handler = (_request, response, url) => {
    const runId = decodeURIComponent(url.pathname.split("/")[2] ?? "");
    const body =
      `<div data-island="run-progress" data-run-id="${escapeHtml(runId)}">` +
      `<p>Reload the page to see the run's progress.</p></div>`;
    sendHtml(response, page(assets, csrfToken, `Run ${runId}`, body));
  };

  const assessmentPage: Handler = (_request, response, url) => {
    const assessmentId = decodeURIComponent(url.pathname.split("/")[2] ?? "");
    const body = findingsIsland(assessmentId, fake.findings, url.searchParams);
    sendHtml(response, page(assets, csrfToken, `Assessment ${assessmentId}`, body));
  };

  const routes: [string, RegExp, Handler][] = [
    ["GET", /^\/api\/runs\/[^/]+\/events$/, streamRun],
    ["GET", /^\/api\/runs\/[^/]+$/, readRun],
    ["POST", /^\/api\/runs\/[^/]+\/cancel$/, cancelRun],
    ["GET", /^\/api\/assessments\/[^/]+\/findings$/, listFindings],
    ["GET", /^\/runs\/[^/]+$/, runPage],
    ["GET", /^\/assessments\/[^/]+$/, assessmentPage],
  ];

  const server = createServer(
    { key: certificates.valid.key, cert: certificates.valid.cert },
    (request, response) => {
      const url = new URL(request.url ?? "/", "https://127.0.0.1");
      const asset = request.method === "GET" ? assets.asset(url.pathname) : undefined;
      if (asset !== undefined) {
        response.writeHead(200, { ...SECURITY_HEADERS, "content-type": asset.contentType });
        response.end(asset.body);
        return;
      }

      const extra = fake.extraPages.get(url.pathname);
      if (request.method === "GET" && extra !== undefined) {
        sendHtml(response, page(assets, csrfToken, "Test page", extra));
        return;
      }

      const route = routes.find(
        ([method, path]) => method === request.method && path.test(url.pathname),
      );
      if (route === undefined) {
        sendText(response, 404, "not found");
        return;
      }

      route[2](request, response, url);
    },
  );

  await listen(server);
  const { port } = server.address() as AddressInfo;

  return Object.assign(fake, {
    origin: `https://127.0.0.1:${port}`,
    close: async () => {
      for (const set of subscribers.values()) {
        for (const response of set) {
          response.end();
        }
      }

      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

const SECURITY_HEADERS = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "cache-control": "no-store",
};

function page(assets: ClientAssets, csrfToken: string, title: string, body: string): string {
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta name="csrf-token" content="${escapeHtml(csrfToken)}">`,
    `<title>${escapeHtml(title)}</title>`,
    clientAssetTags(assets),
    `</head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
  ].join("\n");
}

/**
 * Renders the findings filter as a page does without script: a GET form
 * and the first page of matching findings.
 */
function findingsIsland(
  assessmentId: string,
  findings: readonly FakeFinding[],
  params: URLSearchParams,
): string {
  const option = (value: string, label: string, selected: string) =>
    `<option value="${escapeHtml(value)}"${value === selected ? " selected" : ""}>` +
    `${escapeHtml(label)}</option>`;
  const status = params.get("status") ?? "";
  const group = params.get("group") ?? "";
  const statusOptions = Object.entries(FINDING_STATUS_LABELS).map(([value, label]) =>
    option(value, label, status),
  );
  const groupOptions = FINDING_GROUPS.map((name) => option(name, name, group));
  const rows = filterFindings(findings, params)
    .slice(0, 50)
    .map((f) => `<tr><td>${escapeHtml(f.featureId)}</td><td>${escapeHtml(f.message)}</td></tr>`);

  return [
    `<div data-island="findings-filter" data-assessment-id="${escapeHtml(assessmentId)}">`,
    '<form method="get">',
    `<select name="status">${option("", "All statuses", status)}${statusOptions.join("")}</select>`,
    `<select name="group">${option("", "All groups", group)}${groupOptions.join("")}</select>`,
    `<input type="search" name="q" value="${escapeHtml(params.get("q") ?? "")}">`,
    "<button>Filter</button></form>",
    `<table class="server-rendered"><tbody>${rows.join("")}</tbody></table>`,
    "</div>",
  ].join("");
}

function sendHtml(response: ServerResponse, html: string): void {
  response.writeHead(200, { ...SECURITY_HEADERS, "content-type": "text/html; charset=utf-8" });
  response.end(html);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    "content-type": "application/json; charset=utf-8",
  });
  response.end(JSON.stringify(value));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, "content-type": "text/plain; charset=utf-8" });
  response.end(text);
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
}
