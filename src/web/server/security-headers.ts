/**
 * Headers sent with every response, errors and 404s included. The policy
 * allows scripts, styles and fetches from the console itself only, so
 * pages carry no inline script or style, and no other site may frame them.
 */

import type { FastifyReply } from "fastify";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join("; ");

/**
 * One year. Other services may run on subdomains of the console's host,
 * so includeSubDomains is left out.
 */
const HSTS = "max-age=31536000";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "strict-transport-security": HSTS,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
  // Pages show customers' code and findings: no shared or browser cache may
  // keep them. Static assets replace this with their own header.
  "cache-control": "no-store",
};

/** Sets every security header on `reply`. */
export function setSecurityHeaders(reply: FastifyReply): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    reply.header(name, value);
  }
}
