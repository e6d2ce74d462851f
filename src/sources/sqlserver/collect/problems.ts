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
      // The error's message already ends with its fix.
      message: `${context.failed ?? `cannot read part '${context.part}' of ${where}`}: ${error.message}`,
    },
  };
}
