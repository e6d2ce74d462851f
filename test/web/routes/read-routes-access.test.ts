/**
 * Who may use the assessment pages: every route of the assessments,
 * assessment, findings API and diff modules for every role and for a
 * signed-out visitor, 404 for unknown ids, and the strict Content Security
 * Policy on every page.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { CONSOLE_ROLES, hasPermission, type ConsoleRole } from "../../../src/web/auth/roles.js";
import { assessmentRoutes } from "../../../src/web/routes/assessment.js";
import { assessmentListRoutes } from "../../../src/web/routes/assessments.js";
import { diffRoutes } from "../../../src/web/routes/diff.js";
import { findingsApiRoutes } from "../../../src/web/routes/findings-api.js";
import { PAGE_MODULES } from "../../../src/web/routes/index.js";
import type { RouteModule } from "../../../src/web/routes/registry.js";
import { startTestConsole, type ConsoleClient, type TestConsole } from "../../helpers/web-console.js";
import { assertStrictPage, manyFindingsAssessment } from "./assessment-fixtures.js";

const MODULES: readonly RouteModule[] = [assessmentListRoutes, assessmentRoutes, findingsApiRoutes, diffRoutes];

const A = "20250304-050607-aaaaaa";
const B = "20250401-093000-bbbbbb";

/** A request to each route that reaches its handler's success path. */
const REQUESTS: Readonly<Record<string, string>> = {
  "/assessments": "/assessments",
  "/assessments/:id": `/assessments/${A}`,
  "/assessments/:id/source": `/assessments/${A}/source?file=procs%2Fproc_1.sql&line=2`,
  "/api/assessments/:id/findings": `/api/assessments/${A}/findings`,
  "/diff": `/diff?a=${A}&b=${B}`,
};

/** The same routes with an id that names no assessment. */
const UNKNOWN: readonly string[] = [
  "/assessments/no-such-assessment",
  "/assessments/no-such-assessment/source?file=procs%2Fproc_1.sql&line=2",
  "/api/assessments/no-such-assessment/findings",
  `/diff?a=${A}&b=no-such-assessment`,
  `/diff?a=no-such-assessment&b=${B}`,
];

function requestFor(url: string): string {
  const request = REQUESTS[url];
  assert.ok(request, `no request for route ${url}; add one to REQUESTS`);
  return request;
}

describe("assessment pages access", () => {
  let web: TestConsole;
  const clients = new Map<ConsoleRole, ConsoleClient>();

  before(async () => {
    web = await startTestConsole({ routes: MODULES });
    await web.services.store.saveAssessment(manyFindingsAssessment(A, 40));
    await web.services.store.saveAssessment(manyFindingsAssessment(B, 50, "2025-04-01T09:30:00.000Z"));
    for (const role of CONSOLE_ROLES) {
      clients.set(role, await web.signInAs(role));
    }
  });

  after(async () => {
    await web?.close();
  });

  it("registers every module in the console", () => {
    for (const module of MODULES) {
      assert.ok(PAGE_MODULES.includes(module), `module ${module.name} is not in PAGE_MODULES`);
    }
  });

  it("declares assessments.read on every route", () => {
    const routes = web.console.routes.filter((route) => MODULES.some((m) => m.name === route.module));
    assert.deepEqual(
      routes.map((route) => `${route.method} ${route.url}`).sort(),
      Object.keys(REQUESTS).map((url) => `GET ${url}`).sort(),
    );
    for (const route of routes) {
      assert.equal(route.permission, "assessments.read", route.url);
    }
  });

  for (const role of CONSOLE_ROLES) {
    it(`answers each route for ${role}`, async () => {
      for (const route of web.console.routes.filter((r) => MODULES.some((m) => m.name === r.module))) {
        const response = await clients.get(role)!.get(requestFor(route.url));

        const label = `${route.url} as ${role}`;
        if (route.permission !== "public" && !hasPermission(role, route.permission)) {
          assert.equal(response.statusCode, 403, label);
        } else {
          assert.equal(response.statusCode, 200, `${label}: ${response.body.slice(0, 300)}`);
        }
      }
    });
  }

  it("sends signed-out visitors to sign in", async () => {
    for (const url of Object.keys(REQUESTS)) {
      const response = await web.visitor().get(requestFor(url));

      if (url.startsWith("/api/")) {
        assert.equal(response.statusCode, 401, url);
        assert.match(String(response.headers["content-type"]), /application\/json/, url);
      } else {
        assert.equal(response.statusCode, 303, url);
        assert.match(String(response.headers.location), /^\/sign-in\?next=/, url);
      }
    }
  });

  it("answers 404 for unknown ids", async () => {
    for (const role of CONSOLE_ROLES) {
      for (const url of UNKNOWN) {
        const response = await clients.get(role)!.get(url);

        assert.equal(response.statusCode, 404, `${url} as ${role}`);
        assert.doesNotMatch(response.body, /no-such-assessment/, `${url} as ${role} echoes the id`);
      }
    }
  });

  it("answers 404 alike for an unknown file", async () => {
    const response = await clients.get("viewer")!.get(`/assessments/${A}/source?file=procs%2Fnone.sql&line=1`);

    assert.equal(response.statusCode, 404);
  });

  it("serves pages under the strict policy", async () => {
    const viewer = clients.get("viewer")!;
    for (const url of Object.keys(REQUESTS).filter((u) => !u.startsWith("/api/"))) {
      const response = await viewer.get(requestFor(url));

      assert.match(String(response.headers["content-type"]), /^text\/html/, url);
      assertStrictPage(response, url);
    }
    for (const url of UNKNOWN.filter((u) => !u.startsWith("/api/"))) {
      assertStrictPage(await viewer.get(url), url);
    }
  });

  it("links Assessments and Diff in the navigation", async () => {
    const page = await clients.get("viewer")!.get("/assessments");

    assert.match(page.body, /<nav aria-label="Main">.*<a href="\/assessments" aria-current="page">Assessments<\/a>/s);
    assert.match(page.body, /<a href="\/diff">Diff<\/a>/);
  });
});
