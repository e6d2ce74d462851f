/**
 * The console's cookies. The `__Host-` prefix makes browsers accept a
 * cookie only with Secure, Path=/ and no Domain, so neither another host
 * nor plain HTTP can set or overwrite it.
 */

import type { SerializeOptions } from "@fastify/cookie";

/** The session id. */
export const SESSION_COOKIE = "__Host-infio_session";

/**
 * A random token for visitors who are not signed in. The sign-in form
 * repeats it in its `_csrf` field (a double-submit token), because there is
 * no session yet to keep a token in.
 */
export const VISITOR_CSRF_COOKIE = "__Host-infio_csrf";

/**
 * Secure, HttpOnly, SameSite=Strict, Path=/, and no Max-Age: the browser
 * drops the cookie when it closes, and the server ends the session anyway
 * at its idle or absolute timeout.
 */
export const COOKIE_OPTIONS: SerializeOptions = {
  secure: true,
  httpOnly: true,
  sameSite: "strict",
  path: "/",
};
