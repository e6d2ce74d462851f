import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { SESSION_COOKIE, VISITOR_CSRF_COOKIE } from "../../../src/web/auth/cookies.js";
import { declareRoute, type RouteMethod, type RouteModule } from "../../../src/web/routes/registry.js";
import { startTestConsole, type ConsoleClient, type TestConsole } from "../../helpers/web-console.js";

const METHODS: RouteMethod[] = ["POST", "PUT", "PATCH", "DELETE"];

const ACTIONS: RouteModule = {
  name: "actions",
  routes: [
    ...METHODS.map((method) =>
      declareRoute({
        method,
        url: "/action",
        permission: "assessments.read",
        handler: () => ({ done: method }),
      }),
    ),
    declareRoute({
      method: "POST",
      url: "/upload",
      permission: "assessments.run",
      handler: async (context) => {
        const file = await context.request.file();
        return { field: file?.fieldname ?? null, size: file === undefined ? 0 : (await file.toBuffer()).length };
      },
    }),
  ],
};

function multipart(boundary: string): string {
  return [
    `--${boundary}`,
    'Content-Disposition: form-data; name="script"; filename="a.sql"',
    "Content-Type: application/sql",
    "",
    "select 1",
    `--${boundary}--`,
    "",
  ].join("\r\n");
}

describe("CSRF protection", () => {
  let web: TestConsole;
  let admin: ConsoleClient;

  before(async () => {
    web = await startTestConsole({ routes: [ACTIONS] });
    admin = await web.signInAs("admin");
  });

  after(async () => {
    await web?.close();
  });

  for (const method of METHODS) {
    it(`rejects ${method} without a token`, async () => {
      const response = await admin.request({ method, url: "/action", form: { a: "1" } });

      assert.equal(response.statusCode, 403);
      assert.match(response.body, /This form has expired or did not come from this console/);
    });

    it(`accepts ${method} with the header token`, async () => {
      const response = await admin.request({ method, url: "/action", json: {}, headers: { "x-csrf-token": admin.csrfToken! } });

      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), { done: method });
    });
  }

  it("accepts the form field token", async () => {
    const response = await admin.post("/action", { a: "1" });

    assert.equal(response.statusCode, 200);
  });

  it("rejects a wrong token", async () => {
    const response = await admin.post("/action", { _csrf: "x".repeat(43) }, { csrf: false });

    assert.equal(response.statusCode, 403);
    assert.ok(web.logs.includes("warn rejected POST /action from 127.0.0.1: a wrong CSRF token"));
  });

  it("rejects another session's token", async () => {
    const viewer = await web.signInAs("viewer");

    const response = await admin.post("/action", { _csrf: viewer.csrfToken! }, { csrf: false });

    assert.equal(response.statusCode, 403);
  });

  it("rejects a visitor cookie token on a protected route", async () => {
    const token = "v".repeat(43);
    admin.cookies.set(VISITOR_CSRF_COOKIE, token);
    try {
      const response = await admin.post("/action", { _csrf: token }, { csrf: false });

      assert.equal(response.statusCode, 403);
    } finally {
      admin.cookies.delete(VISITOR_CSRF_COOKIE);
    }
  });

  it("rejects a request another site started, even with a token", async () => {
    const crossSite = await admin.request({
      method: "POST",
      url: "/action",
      json: {},
      headers: { "x-csrf-token": admin.csrfToken!, "sec-fetch-site": "cross-site" },
    });
    const sameOrigin = await admin.request({
      method: "POST",
      url: "/action",
      json: {},
      headers: { "x-csrf-token": admin.csrfToken!, "sec-fetch-site": "same-origin" },
    });

    assert.equal(crossSite.statusCode, 403);
    assert.equal(sameOrigin.statusCode, 200);
  });

  it("takes a multipart upload's token from the query", async () => {
    const boundary = "----infio-test-boundary";
    const headers = { "content-type": `multipart/form-data; boundary=${boundary}` };
    const cookies = Object.fromEntries(admin.cookies);

    const without = await web.app.inject({ method: "POST", url: "/upload", headers, cookies, payload: multipart(boundary) });
    const withToken = await web.app.inject({
      method: "POST",
      url: `/upload?_csrf=${encodeURIComponent(admin.csrfToken!)}`,
      headers,
      cookies,
      payload: multipart(boundary),
    });

    assert.equal(without.statusCode, 403);
    assert.equal(withToken.statusCode, 200);
    assert.deepEqual(withToken.json(), { field: "script", size: 8 });
  });

  it("ignores a query token outside multipart requests", async () => {
    const response = await admin.request({ method: "POST", url: `/action?_csrf=${admin.csrfToken}`, form: { a: "1" } });

    assert.equal(response.statusCode, 403);
  });

  it("protects sign-in with the visitor token", async () => {
    const user = await web.addUser("csrf-user", "viewer");
    const visitor = web.visitor();
    await visitor.get("/sign-in");

    const without = await visitor.post("/sign-in", { name: user.name, password: user.password }, { csrf: false });

    assert.equal(without.statusCode, 403);
    assert.equal(visitor.cookies.get(SESSION_COOKIE), undefined);
  });

  it("keeps the session when sign-out has no token", async () => {
    const client = await web.signIn(await web.addUser("stays", "viewer"));

    const response = await client.post("/sign-out", {}, { csrf: false });

    assert.equal(response.statusCode, 403);
    assert.equal((await web.console.sessions.resolve(client.cookies.get(SESSION_COOKIE)!)).ok, true);
  });
});
