/**
 * Error replies: an HTML page, or JSON under /api/. The reply shows the
 * message of an HttpError, a fixed text for Fastify's client errors (body
 * too large, unsupported media type), and for anything else only a
 * reference to the log line that holds the error and its stack.
 */

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

import { isApiRequest, pathOf } from "../auth/guard.js";
import { renderErrorPage } from "../pages/error-page.js";
import type { NavigationLink } from "../pages/layout.js";
import { pageFrame } from "../routes/route-context.js";
import { HttpError } from "./http-error.js";
import { setSecurityHeaders } from "./security-headers.js";
import type { ConsoleLogger } from "./services.js";

const CLIENT_ERROR_MESSAGES: Readonly<Record<number, string>> = {
  400: "The request is not valid.",
  404: "The page was not found.",
  405: "This page does not accept that method.",
  413: "The request is larger than this page accepts.",
  414: "The URL is too long.",
  415: "This page does not accept that kind of content.",
  429: "Too many requests; wait a moment and try again.",
};

export interface ErrorHandlingOptions {
  readonly log: ConsoleLogger;
  readonly navigation: () => readonly NavigationLink[];
}

export function installErrorHandling(app: FastifyInstance, options: ErrorHandlingOptions): void {
  app.setErrorHandler(async (error: FastifyError | HttpError | Error, request, reply) => {
    const { status, message } = describeForVisitor(error, request);
    if (status >= 500) {
      const detail = error.stack ?? error.message;
      options.log.error(`request ${request.id} ${request.method} ${pathOf(request)} failed: ${detail}`);
    }
    return sendError(request, reply, status, message, options.navigation());
  });

  app.setNotFoundHandler(async (request, reply) =>
    sendError(request, reply, 404, "The page was not found.", options.navigation()),
  );
}

/**
 * Handles the errors Fastify raises before any hook runs, such as a URL
 * that is not valid UTF-8; the security headers are set here for that
 * reason. Pass it as Fastify's `frameworkErrors` option.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  setSecurityHeaders(reply);
  const status = typeof error.statusCode === "number" && error.statusCode < 500 ? error.statusCode : 400;
  const message = CLIENT_ERROR_MESSAGES[status] ?? "The request is not valid.";
  const frame = { user: undefined, csrfToken: undefined, navigation: [], currentPath: "/" };
  void reply.code(status).type("text/html; charset=utf-8").send(renderErrorPage(frame, status, message).text);
}

function describeForVisitor(
  error: FastifyError | HttpError | Error,
  request: FastifyRequest,
): { status: number; message: string } {
  if (error instanceof HttpError) {
    return { status: error.statusCode, message: error.publicMessage };
  }

  const status = "statusCode" in error && typeof error.statusCode === "number" ? error.statusCode : 500;
  if (status >= 400 && status < 500) {
    return { status, message: CLIENT_ERROR_MESSAGES[status] ?? "The request could not be handled." };
  }
  return {
    status: 500,
    message: `Something went wrong on the server. The error is logged with reference ${request.id}.`,
  };
}

function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message: string,
  navigation: readonly NavigationLink[],
): FastifyReply {
  reply.code(status);
  if (isApiRequest(request)) {
    return reply.type("application/json; charset=utf-8").send({ error: { status, message } });
  }
  const page = renderErrorPage(pageFrame(request, navigation), status, message);
  return reply.type("text/html; charset=utf-8").send(page.text);
}
