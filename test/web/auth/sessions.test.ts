import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, it } from "node:test";

import { SessionManager, DEFAULT_SESSION_TIMEOUTS } from "../../../src/web/auth/sessions.js";
import { SESSION_COOKIE } from "../../../src/web/auth/cookies.js";
import { SqlStore } from "../../../src/store/sql-store.js";
import { html } from "../../../src/web/pages/html.js";
import { declareRoute, type RouteModule } from "../../../src/web/routes/registry.js";
import { startTestConsole, type TestConsole } from "../../helpers/web-console.js";

const PAGES: RouteModule = {
  name: "pages",
  routes: [
    declareRoute({
      method: "GET",
      url: "/probe",
      permission: "assessments.read",
      handler: (context) => context.page({ title: "Probe", main: html`<p>${context.user.role}</p>` }),
    }),
    declareRoute({
      method: "GET",
      url: "/probe/admin",
      permission: "users.manage",
      handler: (context) => context.page({ title: "Admin", main: "" }),
    }),
  ],
};

const { idleMs, absoluteMs } = DEFAULT_SESSION_TIMEOUTS;

/** Returns the Set-Cookie header of `name` in a response. */
function setCookie(headers: Record<string, unknown>, name: string): string | undefined {
  const values = headers["set-cookie"];
  if (values === undefined) {
    return undefined;
  }
  const list = Array.isArray(values) ? (values as string[]) : [String(values)];
  return list.find((value) => value.startsWith(`${name}=`));
}

describe("console sessions", () => {
  let web: TestConsole;

  before(async () => {
    web = await startTestConsole({ routes: [PAGES] });
  });

  after(async () => {
    await web?.close();
  });

  it("sets the session cookie with every flag", async () => {
    const user = await web.addUser("flags", "viewer");
    const client = web.visitor();
    await client.get("/sign-in");

    const response = await client.post("/sign-in", { name: user.name, password: user.password, next: "/probe" });

    const cookie = setCookie(response.headers, SESSION_COOKIE);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/probe");
    assert.ok(cookie, "no session cookie");
    const attributes = cookie.split("; ").slice(1);
    assert.deepEqual(attributes.sort(), ["HttpOnly", "Path=/", "SameSite=Strict", "Secure"]);
    assert.match(cookie, /^__Host-infio_session=[A-Za-z0-9_-]{43};/);
  });

  it("starts a new session id at each sign-in", async () => {
    const user = await web.addUser("rotate", "viewer");
    const client = await web.signIn(user);
    const firstId = client.cookies.get(SESSION_COOKIE)!;

    await client.get("/sign-in");
    const again = await client.post("/sign-in", { name: user.name, password: user.password });
    const secondId = client.cookies.get(SESSION_COOKIE)!;

    assert.equal(again.statusCode, 303);
    assert.notEqual(secondId, firstId);
    assert.equal((await web.console.sessions.resolve(firstId)).ok, false, "the old session still works");
    assert.equal((await web.console.sessions.resolve(secondId)).ok, true);
  });

  it("replaces a session id planted before sign-in", async () => {
    const user = await web.addUser("planted", "viewer");
    const client = web.visitor();
    const planted = "A".repeat(43);
    client.cookies.set(SESSION_COOKIE, planted);

    await client.get("/sign-in");
    await client.post("/sign-in", { name: user.name, password: user.password });

    assert.notEqual(client.cookies.get(SESSION_COOKIE), planted);
    assert.equal((await client.get("/probe")).statusCode, 200);
  });

  it("stores only a hash of the session id", async () => {
    const client = await web.signIn(await web.addUser("hashed", "viewer"));
    const id = client.cookies.get(SESSION_COOKIE)!;
    assert.ok(web.services.store instanceof SqlStore);

    const rows = await web.services.store.connection.query<{ hash: string }>(
      "select encode(id_hash, 'hex') as hash from console_sessions",
    );

    const expected = createHash("sha256").update(id).digest("hex");
    assert.ok(rows.some((row) => row.hash === expected));
    assert.ok(rows.every((row) => !row.hash.includes(Buffer.from(id).toString("hex"))));
  });

  it("ends the session at sign-out", async () => {
    const client = await web.signIn(await web.addUser("leaver", "viewer"));
    const id = client.cookies.get(SESSION_COOKIE)!;

    const response = await client.post("/sign-out");

    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/sign-in");
    assert.match(setCookie(response.headers, SESSION_COOKIE) ?? "", /Expires=Thu, 01 Jan 1970/);
    assert.equal((await web.console.sessions.resolve(id)).ok, false);
    client.cookies.set(SESSION_COOKIE, id);
    assert.equal((await client.get("/probe")).statusCode, 303);
  });

  it("ends an idle session", async () => {
    const client = await web.signIn(await web.addUser("idler", "viewer"));
    assert.equal((await client.get("/probe")).statusCode, 200);

    web.clock.advance(idleMs - 1000);
    assert.equal((await client.get("/probe")).statusCode, 200, "activity should restart the idle time");
    web.clock.advance(idleMs + 1);
    const response = await client.get("/probe");

    assert.equal(response.statusCode, 303);
    assert.match(String(response.headers.location), /^\/sign-in\?next=/);
  });

  it("ends a session at its absolute timeout despite activity", async () => {
    const client = await web.signIn(await web.addUser("busy", "viewer"));
    const step = idleMs / 2;

    for (let elapsed = step; elapsed < absoluteMs; elapsed += step) {
      web.clock.advance(step);
      assert.equal((await client.get("/probe")).statusCode, 200, `signed out after ${elapsed} ms`);
    }
    web.clock.advance(step);

    assert.equal((await client.get("/probe")).statusCode, 303);
  });

  it("applies a new role to a live session", async () => {
    const client = await web.signIn(await web.addUser("promoted", "viewer"));
    assert.equal((await client.get("/probe/admin")).statusCode, 403);

    await web.services.accounts.users.setRole("promoted", "admin");

    assert.equal((await client.get("/probe/admin")).statusCode, 200);
  });

  it("ends the sessions of a disabled user", async () => {
    const client = await web.signIn(await web.addUser("disabled", "viewer"));

    await web.services.accounts.users.setDisabled("disabled", true);

    assert.equal((await client.get("/probe")).statusCode, 303);
  });

  it("deletes expired sessions from the store", async () => {
    const manager = new SessionManager(web.services.accounts.sessions, DEFAULT_SESSION_TIMEOUTS, web.clock.now);
    const user = await web.services.accounts.users.find("flags");
    await manager.start(user!);

    web.clock.advance(idleMs + 1);
    const deleted = await manager.deleteExpired();

    assert.ok(deleted >= 1);
    assert.equal(await web.services.accounts.sessions.countFor(user!.key), 0);
  });
});
