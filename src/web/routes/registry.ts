/**
 * The route registry. Every route of the console is declared with its
 * method, URL, the one permission it needs ("public" for the sign-in
 * pages and static assets) and its handler, and is added only through
 * registerRouteModules. An onRoute hook rejects any route added to Fastify
 * any other way, so a route without a declared permission cannot exist.
 */

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

import type { ActiveSession, SignedInUser } from "../auth/sessions.js";
import { isPermission, type Permission } from "../auth/roles.js";
import type { ActorAudit } from "../server/audit.js";
import type { ConsoleServices } from "../server/services.js";
import type { PageOptions } from "../pages/layout.js";
import { SafeHtml } from "../pages/html.js";

export type RoutePermission = Permission | "public";

export type RouteMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A link in the main navigation, shown to users whose role has the route's permission. */
export interface NavigationEntry {
  readonly label: string;
  /** Position among the links, lowest first. */
  readonly order: number;
}

/** The context a public route's handler receives. */
export interface PublicRouteContext {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly services: ConsoleServices;
  /** The signed-in user, when the visitor has a session. */
  readonly user: SignedInUser | undefined;
  readonly session: ActiveSession | undefined;
  /**
   * The token for the `_csrf` field of forms and the `x-csrf-token` header:
   * the session's, or for a visitor without one a token kept in a cookie.
   */
  readonly csrfToken: string;
  /** Renders a page in the console layout; return it from the handler. */
  page(options: PageOptions): SafeHtml;
}

/** The context of a handler whose route needs a permission. */
export interface RouteContext extends PublicRouteContext {
  readonly user: SignedInUser;
  readonly session: ActiveSession;
  /** The permission the route declared, which the user has. */
  readonly permission: Permission;
  /** Audit records with this user as the actor. */
  readonly audit: ActorAudit;
}

export type RouteContextFor<P extends RoutePermission> = P extends "public"
  ? PublicRouteContext
  : RouteContext;

export interface ConsoleRoute<P extends RoutePermission = RoutePermission> {
  readonly method: RouteMethod;
  /** Fastify URL pattern, such as `/assessments/:id`. */
  readonly url: string;
  readonly permission: P;
  /** Adds the route, a GET page, to the main navigation. */
  readonly navigation?: NavigationEntry;
  /** Largest request body accepted, in bytes; 64 KiB when not given. */
  readonly bodyLimit?: number;
  /**
   * Handles the request. Return SafeHtml (from `context.page` or `html`) to
   * send a page, any other value for Fastify to send, or the reply after
   * sending it yourself.
   */
  handler(context: RouteContextFor<P>): unknown;
}

/** The routes of one page group, such as sign-in or assessments. */
export interface RouteModule {
  /** Name for messages and the route listing, such as `assessments`. */
  readonly name: string;
  readonly routes: readonly ConsoleRoute[];
}

/** Declares a route; the permission's type chooses the handler's context. */
export function declareRoute<P extends RoutePermission>(route: ConsoleRoute<P>): ConsoleRoute {
  return route as ConsoleRoute;
}

/** A route as registered, kept in the route's Fastify config. */
export interface RegisteredRoute {
  readonly method: RouteMethod;
  readonly url: string;
  readonly permission: RoutePermission;
  readonly module: string;
  readonly navigation?: NavigationEntry;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** Set by registerRouteModules on every console route. */
    consoleRoute?: RegisteredRoute;
  }
}

/** Builds a handler's context; the app supplies it. */
export type ContextBuilder = (
  request: FastifyRequest,
  reply: FastifyReply,
  route: RegisteredRoute,
) => PublicRouteContext | RouteContext;

/**
 * Makes Fastify reject every route that registerRouteModules did not add.
 * Call it before any route or plugin is registered.
 */
export function rejectUndeclaredRoutes(app: FastifyInstance): void {
  app.addHook("onRoute", (options) => {
    if (options.config?.consoleRoute === undefined) {
      const methods = Array.isArray(options.method) ? options.method.join(",") : options.method;
      throw new Error(
        `route ${methods} ${options.url} was added without a declared permission; ` +
          "declare it with declareRoute in a route module and register the module",
      );
    }
  });
}

/** Adds every route of `modules` to `app`; returns them as registered. */
export function registerRouteModules(
  app: FastifyInstance,
  modules: readonly RouteModule[],
  buildContext: ContextBuilder,
): RegisteredRoute[] {
  const registered: RegisteredRoute[] = [];
  for (const module of modules) {
    for (const route of module.routes) {
      const declared = checkRoute(module.name, route);
      app.route({
        method: route.method,
        url: route.url,
        ...(route.bodyLimit === undefined ? {} : { bodyLimit: route.bodyLimit }),
        config: { consoleRoute: declared },
        handler: async (request, reply) => {
          const result = await route.handler(buildContext(request, reply, declared));
          return sendResult(reply, result, declared);
        },
      });
      registered.push(declared);
    }
  }
  return registered;
}

/** Checks what TypeScript cannot, for modules written in JavaScript or cast. */
function checkRoute(module: string, route: ConsoleRoute): RegisteredRoute {
  const where = `route ${route.method} ${route.url} of module '${module}'`;
  if (route.permission !== "public" && !isPermission(route.permission)) {
    throw new Error(`${where} declares unknown permission '${String(route.permission)}'`);
  }
  if (!route.url.startsWith("/")) {
    throw new Error(`${where} has a URL that does not start with '/'`);
  }
  if (route.navigation !== undefined && (route.method !== "GET" || route.url.includes(":"))) {
    throw new Error(`${where} is in the navigation, which takes only GET pages without parameters`);
  }
  return {
    method: route.method,
    url: route.url,
    permission: route.permission,
    module,
    ...(route.navigation === undefined ? {} : { navigation: route.navigation }),
  };
}

async function sendResult(reply: FastifyReply, result: unknown, route: RegisteredRoute): Promise<unknown> {
  if (result instanceof SafeHtml) {
    return reply.type("text/html; charset=utf-8").send(result.text);
  }
  if (result === undefined && !reply.sent) {
    throw new Error(`route ${route.method} ${route.url} returned nothing and sent no reply`);
  }
  return result === undefined ? reply : result;
}
