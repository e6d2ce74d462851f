/**
 * Which collections from a live server give an assessment worth storing.
 * A part the login may not read, or a database that cannot be opened, is
 * a problem that the report states. A timeout or a lost connection leaves
 * a gap of unknown extent, so the whole run fails instead.
 */

import type { CollectedItem, CollectionProblem } from "../sources/sqlserver/collected.js";
import { SqlServerError } from "../sources/sqlserver/errors.js";

/** Problem reasons that fail the run. */
export const FATAL_PROBLEM_REASONS: readonly string[] = ["timeout", "connection-lost"];

/** A collection that failed: its message names the server and the database. */
export class CollectionError extends Error {
  override readonly name = "CollectionError";
  readonly server: string;
  readonly database: string | undefined;

  constructor(message: string, server: string, database: string | undefined, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.server = server;
    this.database = database;
  }
}

export function isFatalProblem(problem: CollectionProblem): boolean {
  return FATAL_PROBLEM_REASONS.includes(problem.reason);
}

/**
 * Passes the items of a collection on, and throws a CollectionError at the
 * first fatal problem or when the collection itself rejects. Stopping
 * early returns the source iterator, so the collector closes its
 * connections. `server` is the address the user gave.
 */
export async function* checkCollection(
  items: AsyncIterable<CollectedItem>,
  server: string,
): AsyncGenerator<CollectedItem, void, undefined> {
  try {
    for await (const item of items) {
      if (item.kind === "problem" && isFatalProblem(item.problem)) {
        throw fatalProblemError(item.problem, server);
      }
      yield item;
    }
  } catch (error) {
    throw error instanceof CollectionError ? error : collectionError(error, server);
  }
}

function fatalProblemError(problem: CollectionProblem, server: string): CollectionError {
  const message = `${named(problem.message, server, problem.database)} (${problem.reason} in ${problem.part})`;
  return new CollectionError(message, server, problem.database);
}

/** Wraps a rejection of the collection in a message that names the server. */
export function collectionError(error: unknown, server: string): CollectionError {
  if (error instanceof SqlServerError) {
    return new CollectionError(named(error.message, error.server, error.database), error.server, error.database, error);
  }

  const message = error instanceof Error ? error.message : String(error);
  return new CollectionError(named(message, server, undefined), server, undefined, error);
}

/**
 * Returns `message` as it is when it quotes the server and the database
 * already, as the connector's and collector's messages do, and prefixed
 * with them otherwise.
 */
function named(message: string, server: string, database: string | undefined): string {
  const noDatabase = database === undefined || database === "";
  if (message.includes(`'${server}'`) && (noDatabase || message.includes(`'${database}'`))) {
    return message;
  }
  const inDatabase = noDatabase ? "" : `, database '${database}'`;
  return `cannot assess server '${server}'${inDatabase}: ${message}`;
}
