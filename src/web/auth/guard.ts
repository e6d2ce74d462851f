/**
 * The route guard, run for every request. On request it identifies the
 * visitor from the session cookie, then checks the route's declared
 * permission before the body is read. A signed-out visitor is sent to the
 * sign-in page (401 under /api/), and a user whose role lacks the
 * permission gets 403. Before the handler, every request other than GET
 * and HEAD must carry the CSRF token of its session, or for public routes
 * of the visitor's cookie.
 */

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

import type { RegisteredRoute } from "../routes/registry.js";
import { forbidden, HttpError } from "../server/http-error.js";
import type { ConsoleServices } from "../server/services.js";
import { COOKIE_OPTIONS, SESSION_COOKIE, VISITOR_CSRF_COOKIE } from "./cookies.js";
import { isSafeMethod, submittedCsrfToken } from "./csrf.js";
import { hasPermission } from "./roles.js";
import type { ActiveSession, SessionManager } from "./sessions.js";
import { isTokenShaped, tokensEqual } from "./tokens.js";

/** The visitor making a request, as the guard identified it. */
export interface Visitor {
  readonly session: ActiveSession | undefined;
  /** The visitor's CSRF cookie, when it contains a well-formed token. */
  visitorCsrf: string | undefined;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the guard's first hook; null only if that hook failed. */
    visitor: Visitor | null;
  }
}

export interface GuardOptions {
  readonly sessions: SessionManager;
  readonly services: ConsoleServices;
}

/** Installs the guard's hooks on `app`; call it before registering routes. */
export function installGuard(app: FastifyInstance, options: GuardOptions): void {
  app.decorateRequest("visitor", null);

  app.addHook("onRequest", async (request, reply) => {
    request.visitor = await identifyVisitor(request, reply, options.sessions);
    const route = request.routeOptions.config.consoleRoute;
    if (route === undefined || route.permission === "public") {
      return;
    }

    const session = request.visitor.session;
    if (session === undefined) {
      return rejectSignedOut(request, reply);
    }
    if (!hasPermission(session.user.role, route.permission)) {
      await recordDenial(options.services, request, route, session);
      throw forbidden();
    }
    return undefined;
  });

  app.addHook("preHandler", async (request) => {
    const route = request.routeOptions.config.consoleRoute;
    if (route === undefined || isSafeMethod(request.method)) {
      return;
    }
    checkCsrf(request, route, options.services);
  });
}

async function identifyVisitor(
  request: FastifyRequest,
  reply: FastifyReply,
  sessions: SessionManager,
): Promise<Visitor> {
  const cookie = request.cookies[VISITOR_CSRF_COOKIE];
  const visitorCsrf = cookie !== undefined && isTokenShaped(cookie) ? cookie : undefined;
  const id = request.cookies[SESSION_COOKIE];
  if (id === undefined) {
    return { session: undefined, visitorCsrf };
  }

  const resolved = await sessions.resolve(id);
  if (!resolved.ok) {
    // The browser should stop sending a cookie that no longer works.
    reply.clearCookie(SESSION_COOKIE, COOKIE_OPTIONS);
    return { session: undefined, visitorCsrf };
  }
  return { session: resolved.session, visitorCsrf };
}

/** Sends a signed-out visitor to the sign-in page, or 401 for the API. */
function rejectSignedOut(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (isApiRequest(request)) {
    throw new HttpError(401, "Sign in first: this request needs a signed-in user.");
  }

  // Only a GET can be repeated after sign-in; other requests start over.
  const target = request.method === "GET" ? `/sign-in?next=${encodeURIComponent(request.url)}` : "/sign-in";
  return reply.redirect(target, 303);
}

function checkCsrf(request: FastifyRequest, route: RegisteredRoute, services: ConsoleServices): void {
  const visitor = request.visitor;
  // Browsers send Sec-Fetch-Site; a request another site started is
  // rejected whatever token it carries.
  if (request.headers["sec-fetch-site"] === "cross-site") {
    services.log.warn(`rejected a cross-site ${request.method} ${pathOf(request)} from ${request.ip}`);
    throw new HttpError(403, "Requests started by another site are not accepted.");
  }

  const accepted = [visitor?.session?.csrfToken];
  if (route.permission === "public") {
    accepted.push(visitor?.visitorCsrf);
  }
  const given = submittedCsrfToken(request);
  const valid =
    given !== undefined && accepted.some((token) => token !== undefined && tokensEqual(given, token));
  if (!valid) {
    const reason = given === undefined ? "no CSRF token" : "a wrong CSRF token";
    services.log.warn(`rejected ${request.method} ${pathOf(request)} from ${request.ip}: ${reason}`);
    throw new HttpError(
      403,
      "This form has expired or did not come from this console. Reload the page and try again.",
    );
  }
}

async function recordDenial(
  services: ConsoleServices,
  request: FastifyRequest,
  route: RegisteredRoute,
  session: ActiveSession,
): Promise<void> {
  const user = session.user;
  services.log.warn(
    `denied ${request.method} ${pathOf(request)} to '${user.name}' (${user.role}): needs ${route.permission}`,
  );
  await services.audit.forUser(user.name).after({
    action: "console.access",
    outcome: "denied",
    details: { method: request.method, path: pathOf(request), permission: route.permission, role: user.role },
  });
}

/** Returns true for requests to the JSON API under /api/. */
export function isApiRequest(request: FastifyRequest): boolean {
  return pathOf(request).startsWith("/api/");
}

/** Returns the request's path without its query string. */
export function pathOf(request: FastifyRequest): string {
  const query = request.url.indexOf("?");
  return query < 0 ? request.url : request.url.slice(0, query);
}
