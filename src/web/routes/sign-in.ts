/**
 * Signing in and out, and the home page. A sign-in always starts a new
 * session with a new id, and ends the one the browser had, so a session id
 * planted before sign-in is worthless after it.
 */

import { COOKIE_OPTIONS, SESSION_COOKIE, VISITOR_CSRF_COOKIE } from "../auth/cookies.js";
import { checkSignIn, type SignInDependencies } from "../auth/sign-in.js";
import type { SessionManager } from "../auth/sessions.js";
import { checkUserName } from "../auth/user-name.js";
import { signInPage } from "../pages/sign-in.js";
import { declareRoute, type PublicRouteContext, type RouteModule } from "./registry.js";

/** The page signed-in users land on. */
export const HOME_URL = "/assessments";

const FAILED_MESSAGE =
  "Sign-in failed: the user name or password is wrong, or the account is locked " +
  "after repeated failures. Try again, or ask an admin.";

/** A sign-in form is small; this leaves room for a long password. */
const SIGN_IN_BODY_LIMIT = 16 * 1024;

export interface SignInRouteOptions {
  readonly sessions: SessionManager;
  readonly signIn: Omit<SignInDependencies, "users" | "hasher" | "now">;
}

export function signInRoutes(options: SignInRouteOptions): RouteModule {
  return {
    name: "sign-in",
    routes: [
      declareRoute({
        method: "GET",
        url: "/",
        permission: "assessments.read",
        handler: ({ reply }) => reply.redirect(HOME_URL, 303),
      }),
      declareRoute({
        method: "GET",
        url: "/sign-in",
        permission: "public",
        handler: (context) => {
          const next = safeNext(queryField(context, "next"));
          if (context.user !== undefined) {
            return context.reply.redirect(next, 303);
          }
          return context.page(signInPage({ csrfToken: context.csrfToken, next }));
        },
      }),
      declareRoute({
        method: "POST",
        url: "/sign-in",
        permission: "public",
        bodyLimit: SIGN_IN_BODY_LIMIT,
        handler: (context) => signIn(context, options),
      }),
      declareRoute({
        method: "POST",
        url: "/sign-out",
        permission: "public",
        handler: (context) => signOut(context, options.sessions),
      }),
    ],
  };
}

async function signIn(context: PublicRouteContext, options: SignInRouteOptions): Promise<unknown> {
  const { request, reply, services } = context;
  const name = bodyField(context, "name").trim();
  const password = bodyField(context, "password");
  const next = safeNext(bodyField(context, "next"));
  if (name === "" || password === "") {
    reply.code(400);
    return context.page(signInPage({ csrfToken: context.csrfToken, next, name, error: "Enter your user name and password." }));
  }

  const result = await checkSignIn(
    { ...options.signIn, users: services.accounts.users, hasher: services.hasher, now: services.now },
    name,
    password,
    request.ip,
  );
  // A name that no user could have is not repeated: it may be anything, a
  // password typed into the wrong field among them.
  const shownName = checkUserName(name) === undefined ? name : "(invalid name)";
  const audit = services.audit.forUser(shownName);

  if (!result.ok) {
    const reason = result.reason === "rate-limited" ? "too many attempts" : result.reason;
    services.log.warn(`sign-in failed for '${shownName}' from ${request.ip}: ${reason}`);
    if (result.reason === "rate-limited") {
      // Not audited: a flood of rejected attempts would otherwise grow the
      // audit log at the attacker's pace. The attempts that led here are in it.
      const minutes = Math.max(1, Math.ceil(result.retryAfterMs / 60_000));
      reply.code(429).header("retry-after", String(Math.ceil(result.retryAfterMs / 1000)));
      const error = `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
      return context.page(signInPage({ csrfToken: context.csrfToken, next, name, error }));
    }

    if (result.lockedNow) {
      services.log.warn(`console user '${shownName}' is locked after repeated wrong passwords`);
    }
    await audit.after({
      action: "console.sign-in",
      outcome: "failed",
      details: { address: request.ip, reason: result.reason },
    });
    reply.code(401);
    return context.page(signInPage({ csrfToken: context.csrfToken, next, name, error: FAILED_MESSAGE }));
  }

  // Recorded before the session exists: a sign-in the log cannot record does not happen.
  await audit.before({ action: "console.sign-in", outcome: "succeeded", details: { address: request.ip } });
  if (context.session !== undefined) {
    await options.sessions.end(context.session.id);
  }
  const session = await options.sessions.start(result.user);
  reply.setCookie(SESSION_COOKIE, session.id, COOKIE_OPTIONS);
  reply.clearCookie(VISITOR_CSRF_COOKIE, COOKIE_OPTIONS);
  services.log.info(`console user '${result.user.name}' (${result.user.role}) signed in from ${request.ip}`);
  return reply.redirect(next, 303);
}

async function signOut(context: PublicRouteContext, sessions: SessionManager): Promise<unknown> {
  const { reply, services, session } = context;
  reply.clearCookie(SESSION_COOKIE, COOKIE_OPTIONS);
  if (session !== undefined) {
    // The session ends first: signing out must work even when the audit log fails.
    await sessions.end(session.id);
    services.log.info(`console user '${session.user.name}' signed out`);
    await services.audit.forUser(session.user.name).after({
      action: "console.sign-out",
      outcome: "succeeded",
      details: { address: context.request.ip },
    });
  }
  return reply.redirect("/sign-in", 303);
}

/**
 * Returns `next` when it is a path on this console, else the home page, so
 * that a crafted sign-in link cannot send the user to another site.
 */
export function safeNext(next: string): string {
  const local =
    next.startsWith("/") &&
    !next.startsWith("//") &&
    !next.startsWith("/\\") &&
    next.length <= 2048 &&
    !/[\u0000-\u001f\u007f\\]/.test(next);
  return local ? next : HOME_URL;
}

function bodyField(context: PublicRouteContext, name: string): string {
  const body = context.request.body;
  if (typeof body !== "object" || body === null) {
    return "";
  }
  const value = (body as Record<string, unknown>)[name];
  return typeof value === "string" ? value : "";
}

function queryField(context: PublicRouteContext, name: string): string {
  const query = context.request.query as Record<string, unknown> | undefined;
  const value = query?.[name];
  return typeof value === "string" ? value : "";
}
