/**
 * Turns a failure into a problem item, or decides that it ends the
 * collection: an error of a kind in `stopOn`, an abort, and any error that
 * is not a SqlServerError (a bug in infio, which must not pass as a gap
 * in the inventory) are rethrown.
 */

import type { CollectedItem } from "../collected.js";
import { SqlServerError, type SqlServerErrorKind } from "../errors.js";

export interface FailureContext {
  readonly server: string;
  /** Part or group name, e.g. `modules`. */
  readonly part: string;
  readonly database?: string;
  readonly stopOn: readonly SqlServerErrorKind[];
  /** Start of the message, naming the failure; `cannot read part '<part>' of <where>` when absent. */
  readonly failed?: string;
}

/** Next step for the user, by kind of failure. */
const FIXES: Readonly<Record<SqlServerErrorKind, string>> = {
  "permission-denied":
    "grant the permission docs/permissions.md lists for this part, or create a login with `infio grant-script`",
  "database-unavailable": "bring the database online, or leave it out of the collection",
  timeout: "raise the statement timeout, or collect when the server is less busy",
  "connection-lost": "check the network and the server's error log, then collect again",
  failed: "look the error number up in the SQL Server error reference, then collect again",
  "login-failed": "check the login name and password",
  tls: "check the server certificate and the TLS settings",
  unreachable: "check the server address and that the server is running",
};

/** Returns the problem item for `error`, or throws it when it ends the collection. */
export function problemOrThrow(error: unknown, context: FailureContext): CollectedItem {
  if (!(error instanceof SqlServerError) || context.stopOn.includes(error.kind)) {
    throw error;
  }

  const where =
    context.database === undefined
      ? `server '${context.server}'`
      : `database '${context.database}' on '${context.server}'`;
  return {
    kind: "problem",
    problem: {
      part: context.part,
      ...(context.database === undefined ? {} : { database: context.database }),
      reason: error.kind,
      message: `${context.failed ?? `cannot read part '${context.part}' of ${where}`}: ${error.message}; ${FIXES[error.kind]}`,
    },
  };
}
