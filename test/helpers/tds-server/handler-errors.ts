/**
 * Error 50000 responses for handler problems, so that a mistake in a test's
 * handler reaches the client as a query error naming the cause.
 */
import type { SqlRequest } from "./requests.js";
import type { ServerMessage } from "./tokens.js";

export function handlerFailure(reason: string): ServerMessage {
  return {
    number: 50000,
    state: 1,
    class: 16,
    message: `The TDS test server's query handler failed: ${reason}`,
  };
}

export function noHandlerError(request: SqlRequest): ServerMessage {
  return {
    number: 50000,
    state: 1,
    class: 16,
    message:
      `The TDS test server has no query handler; it received ` +
      `${JSON.stringify(request.sql || request.procedure)}.`,
  };
}
