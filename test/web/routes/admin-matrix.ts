/**
 * The authorization matrix of one route module, for the admin pages'
 * tests: every route of the module, for every role and for a signed-out
 * visitor. Each test builds a concrete request per route (real names and a
 * valid form), so that a permitted role gets the route's success status
 * and a refused one gets 403 for a request that would have worked.
 */

import assert from "node:assert/strict";
import { it } from "node:test";

import { CONSOLE_ROLES, hasPermission } from "../../../src/web/auth/roles.js";
import type { RegisteredRoute } from "../../../src/web/routes/registry.js";
import type { ConsoleClient, TestConsole } from "../../helpers/web-console.js";

export interface RouteCase {
  readonly url: string;
  /** Form fields of a POST; the CSRF field is added. */
  readonly form?: Readonly<Record<string, string>>;
  /** Status of a permitted user's request, such as 200 or 303. */
  readonly status: number;
  /** Checks, after a refused request, that it changed nothing. */
  readonly unchanged?: () => Promise<void>;
}

/** Builds a fresh request for `route`; called once per request. */
export type CaseBuilder = (route: RegisteredRoute) => Promise<RouteCase>;

/** Adds the matrix tests of module `moduleName` to the enclosing describe. */
export function matrixTests(moduleName: string, web: () => TestConsole, build: CaseBuilder): void {
  const routesOf = () => web().console.routes.filter((route) => route.module === moduleName);

  it(`registers the ${moduleName} routes`, () => {
    assert.ok(routesOf().length > 0, `no routes of module '${moduleName}' are registered`);
  });

  it(`redirects a signed-out visitor on every ${moduleName} route`, async () => {
    for (const route of routesOf()) {
      const visitor = web().visitor();
      await visitor.get("/sign-in");
      const request = await build(route);

      const response = await send(visitor, route, request);

      const label = `${route.method} ${route.url} signed out`;
      assert.equal(response.statusCode, 303, label);
      assert.match(String(response.headers.location), /^\/sign-in/, label);
      await request.unchanged?.();
    }
  });

  for (const role of CONSOLE_ROLES) {
    it(`answers every ${moduleName} route for ${role}`, async () => {
      for (const route of routesOf()) {
        // Each request gets a session of its own, because a permitted
        // change may end the sessions of the user it changes.
        const client = await web().signInAs(role);
        const request = await build(route);

        const response = await send(client, route, request);

        const label = `${route.method} ${route.url} as ${role}`;
        assert.notEqual(route.permission, "public", `${label} must not be public`);
        if (hasPermission(role, route.permission as Exclude<typeof route.permission, "public">)) {
          assert.equal(response.statusCode, request.status, `${label}: ${response.body.slice(0, 400)}`);
        } else {
          assert.equal(response.statusCode, 403, label);
          await request.unchanged?.();
        }
      }
    });
  }
}

function send(client: ConsoleClient, route: RegisteredRoute, request: RouteCase) {
  if (route.method === "GET") {
    return client.get(request.url);
  }
  return client.post(request.url, request.form ?? {});
}
