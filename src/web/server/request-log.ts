/**
 * One log line per response: method, path (without the query, which may
 * contain search terms or a CSRF token), status, time, user and client
 * address. Cookies, bodies and headers are never logged.
 */

import type { FastifyInstance } from "fastify";

import { pathOf } from "../auth/guard.js";
import type { ConsoleLogger } from "./services.js";

export function installRequestLog(app: FastifyInstance, log: ConsoleLogger): void {
  app.addHook("onResponse", async (request, reply) => {
    const user = request.visitor?.session?.user.name ?? "-";
    const ms = reply.elapsedTime.toFixed(0);
    log.info(
      `${request.method} ${pathOf(request)} ${reply.statusCode} ${ms}ms user ${user} ` +
        `from ${request.ip} (request ${request.id})`,
    );
  });
}
