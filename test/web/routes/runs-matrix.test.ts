/**
 * The authorization matrix of the run and connection routes: every route,
 * for every role and a signed-out visitor, with real objects behind each
 * URL, so that an allowed request shows the status of success rather than
 * a 404. A route of these modules without a case here fails the test.
 */

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import type { LightMyRequestResponse } from "fastify";

import { CONSOLE_ROLES, hasPermission, type ConsoleRole } from "../../../src/web/auth/roles.js";
import { uploadJobSource } from "../../../src/web/jobs/index.js";
import { CONNECTION_ROUTES } from "../../../src/web/routes/connections.js";
import { RUN_API_ROUTES } from "../../../src/web/routes/runs-api.js";
import { RUN_ROUTES } from "../../../src/web/routes/runs.js";
import { receiveUpload } from "../../../src/web/uploads/index.js";
import { startTestConsole, type ConsoleClient, type TestConsole } from "../../helpers/web-console.js";
import { babelfish, heldSource } from "../jobs/job-helpers.js";
import { closedPortAddress, postRun, runEnd, runIdOf, saveConnection } from "./run-helpers.js";

const SCRIPT = "CREATE TABLE dbo.T (Id int NOT NULL PRIMARY KEY);\r\nGO\r\n";

interface RouteCase {
  /** Status for a role that has the route's permission. */
  readonly allowed: number;
  /** Sends the request, after making what it needs. */
  send(client: ConsoleClient, label: string): Promise<LightMyRequestResponse>;
}

describe("run and connection routes authorization", { concurrency: false }, () => {
  let web: TestConsole;
  let assessorRun: string;
  let connectionId: string;
  let unreachable: string;
  const readers = new Map<ConsoleRole, ConsoleClient>();
  let count = 0;

  before(async () => {
    web = await startTestConsole({ routes: [RUN_ROUTES, RUN_API_ROUTES, CONNECTION_ROUTES] });
    for (const role of CONSOLE_ROLES) {
      readers.set(role, await web.signInAs(role));
    }
    const assessor = readers.get("assessor")!;
    assessorRun = runIdOf(await postRun(web, assessor, { target: "babelfish" }, [{ name: "t.sql", content: SCRIPT }]));
    assert.equal((await runEnd(web, assessorRun)).state, "done");

    unreachable = await closedPortAddress();
    connectionId = await saveConnection(web, assessor, connectionForm("Shared"));
  });

  after(async () => {
    await web?.close();
  });

  function connectionForm(name: string): Record<string, string> {
    return { name, server: unreachable, user: "reader", password: "matrix-password-1", tlsMode: "on" };
  }

  function unique(prefix: string): string {
    count++;
    return `${prefix} ${count}`;
  }

  const cases: Readonly<Record<string, RouteCase>> = {
    "GET /runs": { allowed: 200, send: (client) => client.get("/runs") },
    "GET /runs/new": { allowed: 200, send: (client) => client.get("/runs/new") },
    "POST /runs": {
      allowed: 303,
      send: async (client) => {
        const response = await postRun(web, client, { target: "postgresql@17" }, [{ name: "m.sql", content: SCRIPT }]);
        if (String(response.headers.location).startsWith("/runs/")) {
          await runEnd(web, runIdOf(response));
        }
        return response;
      },
    },
    "GET /runs/:id": { allowed: 200, send: (client) => client.get(`/runs/${assessorRun}`) },
    "GET /api/runs/:id": { allowed: 200, send: (client) => client.get(`/api/runs/${assessorRun}`) },
    "GET /api/runs/:id/events": { allowed: 200, send: (client) => client.get(`/api/runs/${assessorRun}/events`) },
    "POST /api/runs/:id/cancel": {
      allowed: 200,
      send: async (client) => {
        // A held run keeps the runner busy, so the run to cancel is still queued.
        const intake = await receiveUpload({ name: "q.sql", content: Buffer.from(SCRIPT) });
        const held = heldSource("held", uploadJobSource(intake));
        const runner = web.services.runner;
        const blocker = runner.submit({ owner: "admin-user", source: held.source, target: babelfish() });
        const queued = runner.submit({ owner: "assessor-user", source: uploadJobSource(intake), target: babelfish() });
        try {
          return await client.request({
            method: "POST",
            url: `/api/runs/${queued.id}/cancel`,
            headers: { "x-csrf-token": client.csrfToken ?? "" },
          });
        } finally {
          runner.cancel(queued.id);
          runner.cancel(blocker.id);
          await runEnd(web, blocker.id);
        }
      },
    },
    "GET /connections": { allowed: 200, send: (client) => client.get("/connections") },
    "GET /connections/new": { allowed: 200, send: (client) => client.get("/connections/new") },
    "POST /connections": {
      allowed: 303,
      send: (client) => client.post("/connections", connectionForm(unique("Created"))),
    },
    "GET /connections/:id/edit": { allowed: 200, send: (client) => client.get(`/connections/${connectionId}/edit`) },
    "POST /connections/:id": {
      allowed: 303,
      send: (client) => client.post(`/connections/${connectionId}`, { ...connectionForm(unique("Renamed")), password: "" }),
    },
    "POST /connections/:id/delete": {
      allowed: 303,
      send: async (client) => {
        const saved = await web.services.connections.create(
          { ...connectionForm(unique("Doomed")), server: unreachable },
          "admin-user",
        );
        return client.post(`/connections/${saved.id}/delete`);
      },
    },
    "POST /connections/:id/test": { allowed: 200, send: (client) => client.post(`/connections/${connectionId}/test`) },
  };

  function ownRoutes() {
    const modules = new Set(["runs", "runs-api", "connections"]);
    return web.console.routes.filter((route) => modules.has(route.module));
  }

  it("has a case for every route", () => {
    const keys = ownRoutes().map((route) => `${route.method} ${route.url}`);
    assert.deepEqual(keys.filter((key) => cases[key] === undefined), []);
    assert.equal(keys.length, Object.keys(cases).length);
  });

  it("sends a signed-out visitor to sign in", async () => {
    for (const route of ownRoutes()) {
      const visitor = web.visitor();
      await visitor.get("/sign-in");
      const label = `${route.method} ${route.url} signed out`;

      const response = await cases[`${route.method} ${route.url}`]!.send(visitor, label);

      if (route.url.startsWith("/api/")) {
        assert.equal(response.statusCode, 401, label);
      } else {
        assert.equal(response.statusCode, 303, label);
        assert.match(String(response.headers.location), /^\/sign-in/, label);
      }
    }
  });

  for (const role of CONSOLE_ROLES) {
    it(`answers every route for ${role}`, async () => {
      for (const route of ownRoutes()) {
        const client = route.method === "GET" ? readers.get(role)! : await web.signInAs(role);
        const label = `${route.method} ${route.url} as ${role}`;
        const routeCase = cases[`${route.method} ${route.url}`]!;

        const response = await routeCase.send(client, label);

        const expected = route.permission !== "public" && !hasPermission(role, route.permission) ? 403 : routeCase.allowed;
        assert.equal(response.statusCode, expected, `${label}: ${response.body.slice(0, 300)}`);
      }
    });
  }
});
