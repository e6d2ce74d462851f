/**
 * The places a request carries its CSRF token in. Forms send it in the `_csrf`
 * field, scripts in the `x-csrf-token` header. A multipart upload is not
 * parsed before its handler streams it, so a multipart form puts the token
 * in the `_csrf` query parameter of its action instead. That URL is never
 * logged (request logs omit the query) nor sent on as a Referer (the
 * Referrer-Policy is no-referrer), and the token is not the session id.
 */

import type { FastifyRequest } from "fastify";

export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "x-csrf-token";

/** Methods that change nothing, so they need no CSRF token. */
export function isSafeMethod(method: string): boolean {
  return method === "GET" || method === "HEAD";
}

/** Returns the CSRF token a request carries, or undefined. */
export function submittedCsrfToken(request: FastifyRequest): string | undefined {
  const header = request.headers[CSRF_HEADER];
  if (typeof header === "string") {
    return header;
  }

  const body = request.body;
  if (typeof body === "object" && body !== null && !Array.isArray(body)) {
    const field = (body as Record<string, unknown>)[CSRF_FIELD];
    if (typeof field === "string") {
      return field;
    }
  }

  if (isMultipart(request)) {
    const query = request.query as Record<string, unknown> | undefined;
    const field = query?.[CSRF_FIELD];
    return typeof field === "string" ? field : undefined;
  }
  return undefined;
}

function isMultipart(request: FastifyRequest): boolean {
  const type = request.headers["content-type"] ?? "";
  return type.toLowerCase().startsWith("multipart/form-data");
}
