import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { CONSOLE_ROLES, hasPermission, PERMISSIONS, type Permission } from "../../../src/web/auth/roles.js";
import { declareRoute, type RouteModule } from "../../../src/web/routes/registry.js";
import { html } from "../../../src/web/pages/html.js";
import { startTestConsole, type ConsoleClient, type TestConsole } from "../../helpers/web-console.js";

/** One page, one form action and one API call per permission. */
const PROBES: RouteModule = {
  name: "probes",
  routes: PERMISSIONS.flatMap((permission) => [
    declareRoute({
      method: "GET",
      url: `/probe/${permission}`,
      permission,
      handler: (context) => context.page({ title: permission, main: html`<p>page ${context.user.name}</p>` }),
    }),
    declareRoute({
      method: "POST",
      url: `/probe/${permission}`,
      permission,
      handler: ({ reply }) => reply.redirect(`/probe/${permission}`, 303),
    }),
    declareRoute({
      method: "GET",
      url: `/api/probe/${permission}`,
      permission,
      handler: (context) => ({ user: context.user.name, permission: context.permission }),
    }),
  ]),
};

/** Navigation links for two permissions, at the probe pages' URLs. */
const NAVIGATION: RouteModule = {
  name: "navigation",
  routes: (["assessments.read", "users.manage"] as Permission[]).map((permission, order) =>
    declareRoute({
      method: "GET",
      url: `/nav/${permission}`,
      permission,
      navigation: { label: `Link ${permission}`, order },
      handler: (context) => context.page({ title: "Nav", main: "" }),
    }),
  ),
};

describe("route guard", () => {
  let web: TestConsole;
  const clients = new Map<string, ConsoleClient>();

  before(async () => {
    web = await startTestConsole({ routes: [PROBES, NAVIGATION] });
    for (const role of CONSOLE_ROLES) {
      clients.set(role, await web.signInAs(role));
    }
  });

  after(async () => {
    await web?.close();
  });

  for (const role of CONSOLE_ROLES) {
    for (const permission of PERMISSIONS) {
      const allowed = hasPermission(role, permission);
      it(`${role} ${allowed ? "may" : "may not"} use ${permission}`, async () => {
        const client = clients.get(role)!;

        const page = await client.get(`/probe/${permission}`);
        const form = await client.post(`/probe/${permission}`);
        const api = await client.get(`/api/probe/${permission}`);

        assert.equal(page.statusCode, allowed ? 200 : 403);
        assert.equal(form.statusCode, allowed ? 303 : 403);
        assert.equal(api.statusCode, allowed ? 200 : 403);
        if (allowed) {
          assert.deepEqual(api.json(), { user: `${role}-user`, permission });
        } else {
          assert.equal(api.json().error.status, 403);
          assert.match(page.body, /Not allowed/);
        }
      });
    }
  }

  it("sends signed-out visitors to sign-in", async () => {
    for (const permission of PERMISSIONS) {
      const visitor = web.visitor();

      const page = await visitor.get(`/probe/${permission}?x=1`);
      const form = await visitor.post(`/probe/${permission}`);
      const api = await visitor.get(`/api/probe/${permission}`);

      assert.equal(page.statusCode, 303);
      assert.equal(page.headers.location, `/sign-in?next=${encodeURIComponent(`/probe/${permission}?x=1`)}`);
      assert.equal(form.statusCode, 303);
      assert.equal(form.headers.location, "/sign-in");
      assert.equal(api.statusCode, 401);
      assert.equal(api.json().error.status, 401);
    }
  });

  it("records denials in the audit log", async () => {
    const viewer = clients.get("viewer")!;
    await viewer.get("/probe/data.purge");

    const entries = await web.auditEntries();
    const denial = [...entries].reverse().find((entry) => entry.action === "console.access");
    assert.ok(denial, "no console.access entry");
    assert.equal(denial.outcome, "denied");
    assert.deepEqual(denial.actor, { kind: "console-user", name: "viewer-user" });
    assert.equal(denial.details.permission, "data.purge");
  });

  it("shows each role only its navigation links", async () => {
    const viewerPage = (await clients.get("viewer")!.get("/nav/assessments.read")).body;
    const adminPage = (await clients.get("admin")!.get("/nav/assessments.read")).body;

    assert.match(viewerPage, /Link assessments\.read/);
    assert.doesNotMatch(viewerPage, /Link users\.manage/);
    assert.match(adminPage, /Link assessments\.read/);
    assert.match(adminPage, /Link users\.manage/);
    assert.match(adminPage, /aria-current="page">Link assessments\.read/);
  });
});
