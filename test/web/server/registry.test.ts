import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import Fastify from "fastify";

import { PERMISSIONS } from "../../../src/web/auth/roles.js";
import {
  declareRoute,
  registerRouteModules,
  rejectUndeclaredRoutes,
  type ContextBuilder,
  type RouteModule,
} from "../../../src/web/routes/registry.js";
import { startTestConsole, type TestConsole } from "../../helpers/web-console.js";

const NO_CONTEXT: ContextBuilder = () => {
  throw new Error("not called");
};

describe("route registry", () => {
  it("rejects a route added without the registry", async () => {
    const app = Fastify();
    rejectUndeclaredRoutes(app);

    assert.throws(() => app.get("/sneaky", async () => "x"), /route GET \/sneaky was added without a declared permission/);
    assert.throws(
      () => app.route({ method: ["GET", "POST"], url: "/both", handler: async () => "x" }),
      /route GET,POST \/both was added without/,
    );
    await app.close();
  });

  it("rejects an unknown permission", async () => {
    const app = Fastify();
    rejectUndeclaredRoutes(app);
    const module = {
      name: "bad",
      routes: [{ method: "GET", url: "/x", permission: "everything", handler: () => "x" }],
    } as unknown as RouteModule;

    assert.throws(() => registerRouteModules(app, [module], NO_CONTEXT), /route GET \/x of module 'bad' declares unknown permission 'everything'/);
    await app.close();
  });

  it("rejects navigation on anything but a plain GET page", async () => {
    const app = Fastify();
    rejectUndeclaredRoutes(app);
    const post: RouteModule = {
      name: "nav",
      routes: [declareRoute({ method: "POST", url: "/p", permission: "assessments.read", navigation: { label: "P", order: 1 }, handler: () => "x" })],
    };
    const withParameter: RouteModule = {
      name: "nav",
      routes: [declareRoute({ method: "GET", url: "/p/:id", permission: "assessments.read", navigation: { label: "P", order: 1 }, handler: () => "x" })],
    };

    assert.throws(() => registerRouteModules(app, [post], NO_CONTEXT), /is in the navigation/);
    assert.throws(() => registerRouteModules(app, [withParameter], NO_CONTEXT), /is in the navigation/);
    await app.close();
  });
});

describe("registered console routes", () => {
  let web: TestConsole;
  const SILENT: RouteModule = {
    name: "silent",
    routes: [declareRoute({ method: "GET", url: "/silent", permission: "assessments.read", handler: () => undefined })],
  };

  before(async () => {
    web = await startTestConsole({ routes: [SILENT] });
  });

  after(async () => {
    await web?.close();
  });

  it("declares the built-in routes with their permissions", () => {
    const declared = web.console.routes
      .filter((route) => route.module !== "assets")
      .map((route) => `${route.method} ${route.url} ${route.permission}`);
    const assets = web.console.routes.filter((route) => route.module === "assets");

    assert.deepEqual(declared, [
      "GET / assessments.read",
      "GET /sign-in public",
      "POST /sign-in public",
      "POST /sign-out public",
      "GET /silent assessments.read",
    ]);
    assert.ok(assets.some((route) => route.url === "/assets/console.css"));
    for (const asset of assets) {
      assert.equal(asset.method, "GET", asset.url);
      assert.equal(asset.permission, "public", asset.url);
      assert.match(asset.url, /^\/assets\/|^\/favicon\.ico$/);
    }
  });

  it("gives every route a known permission", () => {
    for (const route of web.console.routes) {
      assert.ok(
        route.permission === "public" || (PERMISSIONS as readonly string[]).includes(route.permission),
        `${route.method} ${route.url}`,
      );
      assert.ok(web.app.hasRoute({ method: route.method, url: route.url }), `${route.method} ${route.url} not in Fastify`);
    }
  });

  it("keeps only sign-in and assets public", () => {
    const publicRoutes = web.console.routes.filter((route) => route.permission === "public").map((route) => route.module);

    assert.deepEqual([...new Set(publicRoutes)], ["sign-in", "assets"]);
  });

  it("fails a handler that sends nothing", async () => {
    const viewer = await web.signInAs("viewer");

    const response = await viewer.get("/silent");

    assert.equal(response.statusCode, 500);
    assert.ok(web.logs.some((line) => line.includes("route GET /silent returned nothing and sent no reply")));
  });
});
