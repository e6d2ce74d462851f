/** Builds the context that each route handler receives. */

import type { FastifyReply, FastifyRequest } from "fastify";

import { COOKIE_OPTIONS, VISITOR_CSRF_COOKIE } from "../auth/cookies.js";
import { pathOf } from "../auth/guard.js";
import { newToken } from "../auth/tokens.js";
import { renderPage, type NavigationLink, type PageFrame, type PageOptions } from "../pages/layout.js";
import type { ConsoleServices } from "../server/services.js";
import type { ContextBuilder, PublicRouteContext, RegisteredRoute, RouteContext } from "./registry.js";

export function contextBuilder(
  services: ConsoleServices,
  navigation: () => readonly NavigationLink[],
): ContextBuilder {
  return (request, reply, route) => buildContext(services, navigation, request, reply, route);
}

function buildContext(
  services: ConsoleServices,
  navigation: () => readonly NavigationLink[],
  request: FastifyRequest,
  reply: FastifyReply,
  route: RegisteredRoute,
): PublicRouteContext | RouteContext {
  const session = request.visitor?.session;
  const page = (options: PageOptions) => renderPage(pageFrame(request, navigation()), options);

  if (route.permission === "public") {
    return {
      request,
      reply,
      services,
      user: session?.user,
      session,
      get csrfToken() {
        return csrfTokenFor(request, reply);
      },
      page,
    };
  }

  if (session === undefined) {
    // The guard rejects signed-out visitors before any handler runs.
    throw new Error(`route ${route.method} ${route.url} was reached without a session`);
  }
  return {
    request,
    reply,
    services,
    user: session.user,
    session,
    csrfToken: session.csrfToken,
    permission: route.permission,
    audit: services.audit.forUser(session.user.name),
    page,
  };
}

/** Returns the layout's frame for the visitor of `request`. */
export function pageFrame(request: FastifyRequest, navigation: readonly NavigationLink[]): PageFrame {
  const session = request.visitor?.session;
  return {
    user: session?.user,
    csrfToken: session?.csrfToken,
    navigation,
    currentPath: pathOf(request),
  };
}

/**
 * Returns the session's CSRF token or, for a visitor without a session,
 * the token of the visitor's CSRF cookie, setting a new one when missing.
 */
function csrfTokenFor(request: FastifyRequest, reply: FastifyReply): string {
  const visitor = request.visitor;
  if (visitor?.session !== undefined) {
    return visitor.session.csrfToken;
  }
  if (visitor?.visitorCsrf !== undefined) {
    return visitor.visitorCsrf;
  }

  const token = newToken();
  reply.setCookie(VISITOR_CSRF_COOKIE, token, COOKIE_OPTIONS);
  if (visitor !== null) {
    visitor.visitorCsrf = token;
  }
  return token;
}

/** Returns the navigation links of registered routes. */
export function navigationLinks(routes: readonly RegisteredRoute[]): NavigationLink[] {
  const links: NavigationLink[] = [];
  for (const route of routes) {
    if (route.navigation !== undefined) {
      links.push({ label: route.navigation.label, url: route.url, order: route.navigation.order, permission: route.permission });
    }
  }
  return links;
}
