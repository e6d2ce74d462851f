/**
 * The authorization matrix: every route the console registers, for every
 * role and for a signed-out visitor. It enumerates the routes of the real
 * page modules, so a new route is covered as soon as it is registered.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { CONSOLE_ROLES, hasPermission, type ConsoleRole } from "../../../src/web/auth/roles.js";
import { PAGE_MODULES } from "../../../src/web/routes/index.js";
import type { RegisteredRoute } from "../../../src/web/routes/registry.js";
import { startTestConsole, type ConsoleClient, type TestConsole } from "../../helpers/web-console.js";

/** Fills the route's parameters with a value that names no object. */
function concreteUrl(route: RegisteredRoute): string {
  return route.url.replace(/:[A-Za-z0-9_]+/g, "matrix-probe").replace(/\*/g, "matrix-probe");
}

function isApi(route: RegisteredRoute): boolean {
  return route.url.startsWith("/api/");
}

async function send(client: ConsoleClient, route: RegisteredRoute) {
  const url = concreteUrl(route);
  if (route.method === "GET") {
    return client.get(url);
  }
  const token = client.csrfToken;
  return client.request({ method: route.method, url, form: token === undefined ? {} : { _csrf: token } });
}

describe("authorization matrix", () => {
  let web: TestConsole;
  const readers = new Map<ConsoleRole, ConsoleClient>();

  before(async () => {
    web = await startTestConsole({ routes: PAGE_MODULES });
    for (const role of CONSOLE_ROLES) {
      readers.set(role, await web.signInAs(role));
    }
  });

  after(async () => {
    await web?.close();
  });

  it("covers at least the built-in routes", () => {
    assert.ok(web.console.routes.length >= 5);
  });

  it("answers each route for a signed-out visitor", async () => {
    for (const route of web.console.routes) {
      const visitor = web.visitor();
      await visitor.get("/sign-in");

      const response = await send(visitor, route);

      const label = `${route.method} ${route.url} signed out`;
      if (route.permission === "public") {
        assert.ok(![401, 403].includes(response.statusCode), `${label}: ${response.statusCode}`);
        assert.ok(response.statusCode < 500, `${label}: ${response.statusCode}`);
      } else if (isApi(route)) {
        assert.equal(response.statusCode, 401, label);
      } else {
        assert.equal(response.statusCode, 303, label);
        assert.match(String(response.headers.location), /^\/sign-in/, label);
      }
    }
  });

  for (const role of CONSOLE_ROLES) {
    it(`answers each route for ${role}`, async () => {
      for (const route of web.console.routes) {
        // A request that may change something gets a session of its own, so
        // that signing out or a failed action cannot affect the next one.
        const client = route.method === "GET" ? readers.get(role)! : await web.signInAs(role);

        const response = await send(client, route);

        const label = `${route.method} ${route.url} as ${role}`;
        if (route.permission !== "public" && !hasPermission(role, route.permission)) {
          assert.equal(response.statusCode, 403, label);
        } else {
          assert.ok(![401, 403].includes(response.statusCode), `${label}: ${response.statusCode}`);
          assert.ok(response.statusCode < 500, `${label}: ${response.statusCode} ${response.body.slice(0, 300)}`);
        }
      }
    });
  }
});
