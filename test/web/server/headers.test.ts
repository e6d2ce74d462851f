import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { declareRoute, type RouteModule } from "../../../src/web/routes/registry.js";
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "../../../src/web/server/security-headers.js";
import { startTestConsole, type ConsoleClient, type TestConsole } from "../../helpers/web-console.js";

const FAILING: RouteModule = {
  name: "failing",
  routes: [
    declareRoute({
      method: "GET",
      url: "/boom",
      permission: "assessments.read",
      handler: () => {
        throw new Error("database password=hunter2 at /srv/secret/path");
      },
    }),
    declareRoute({
      method: "GET",
      url: "/api/boom",
      permission: "assessments.read",
      handler: () => {
        throw new Error("internal detail in the API");
      },
    }),
    declareRoute({
      method: "POST",
      url: "/echo",
      permission: "assessments.read",
      handler: (context) => ({ length: JSON.stringify(context.request.body).length }),
    }),
  ],
};

describe("security headers and error pages", () => {
  let web: TestConsole;
  let viewer: ConsoleClient;

  before(async () => {
    web = await startTestConsole({ routes: [FAILING] });
    viewer = await web.signInAs("viewer");
  });

  after(async () => {
    await web?.close();
  });

  it("uses the console's content security policy", () => {
    assert.equal(
      CONTENT_SECURITY_POLICY,
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
  });

  const cases: { label: string; status: number; send: () => Promise<{ statusCode: number; headers: Record<string, unknown> }> }[] = [
    { label: "a page", status: 200, send: () => web.visitor().get("/sign-in") },
    { label: "a redirect", status: 303, send: () => viewer.get("/") },
    { label: "a signed-out API call", status: 401, send: () => web.visitor().get("/api/boom") },
    { label: "a forbidden request", status: 403, send: () => viewer.post("/echo", {}, { csrf: false }) },
    { label: "an unknown URL", status: 404, send: () => viewer.get("/no/such/page") },
    { label: "a failing route", status: 500, send: () => viewer.get("/boom") },
    { label: "a URL that is not UTF-8", status: 400, send: () => viewer.get("/%c0") },
    { label: "a too large body", status: 413, send: () => viewer.post("/echo", { big: "x".repeat(70 * 1024) }) },
    {
      label: "an unsupported body",
      status: 415,
      send: () => viewer.request({ method: "POST", url: "/echo", headers: { "content-type": "application/xml", "x-csrf-token": viewer.csrfToken! } }),
    },
    { label: "a HEAD request", status: 200, send: () => web.visitor().request({ method: "HEAD", url: "/sign-in" }) },
    { label: "an asset", status: 200, send: () => web.visitor().get("/assets/console.css") },
  ];

  for (const { label, status, send } of cases) {
    it(`sets every header on ${label}`, async () => {
      const response = await send();

      assert.equal(response.statusCode, status);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        if (name === "cache-control" && label === "an asset") {
          continue;
        }
        assert.equal(response.headers[name], value, `${name} on ${label}`);
      }
    });
  }

  it("shows no error details on a failing page", async () => {
    const page = await viewer.get("/boom");
    const api = await viewer.get("/api/boom");

    assert.doesNotMatch(page.body, /hunter2|secret|at .*\.js|Error/);
    assert.match(page.body, /The error is logged with reference [0-9a-f]{12}/);
    assert.equal(api.json().error.status, 500);
    assert.doesNotMatch(api.body, /internal detail/);
    assert.ok(web.logs.some((line) => line.startsWith("error request ") && line.includes("GET /boom failed: Error: database")));
  });

  it("serves assets with a validator instead of no-store", async () => {
    const visitor = web.visitor();
    const first = await visitor.get("/assets/console.css");

    const again = await visitor.request({ method: "GET", url: "/assets/console.css", headers: { "if-none-match": String(first.headers.etag) } });

    assert.equal(first.headers["content-type"], "text/css; charset=utf-8");
    assert.equal(first.headers["cache-control"], "no-cache");
    assert.match(first.body, /header\.top/);
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, "");
  });

  it("serves the icon to a signed-out visitor", async () => {
    const response = await web.visitor().request({ method: "GET", url: "/favicon.ico" });
    const body = response.rawPayload;

    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["content-type"], "image/x-icon");
    assert.deepEqual([...body.subarray(0, 6)], [0, 0, 1, 0, 1, 0], "ICONDIR of one icon");
    assert.equal(body.readUInt32LE(18), 22, "image offset");
    assert.equal(body.readUInt32LE(14) + 22, body.length, "image size");
  });

  it("renders pages without inline script or style", async () => {
    const pages = [await web.visitor().get("/sign-in"), await viewer.get("/no/such/page"), await viewer.get("/boom")];

    for (const page of pages) {
      assert.doesNotMatch(page.body, /<script(?![^>]*\ssrc=)/);
      assert.doesNotMatch(page.body, /<style|\sstyle=|\son[a-z]+=/i);
      assert.match(page.body, /<link rel="stylesheet" href="\/assets\/console.css">/);
    }
  });

  it("logs one line per request without the query", async () => {
    await viewer.get("/no/such/page?q=private-search-term");

    const line = [...web.logs].reverse().find((l) => l.includes("/no/such/page")) ?? "";
    assert.match(line, /^info GET \/no\/such\/page 404 \d+ms user viewer-user from 127\.0\.0\.1 \(request [0-9a-f]{12}\)$/);
    assert.ok(!web.logs.some((l) => l.includes("private-search-term")));
  });
});
