/**
 * Log lines about a collection as its items pass: the server read, the
 * collection problems, and the connector's events (each database opened,
 * retries). Messages name server and database
 * and never a password, which no item or event carries.
 */

import type { CollectProgress } from "../sources/sqlserver/collect.js";
import type { CollectedItem, CollectionProblem } from "../sources/sqlserver/collected.js";
import { DATABASE_LIST_PART } from "../sources/sqlserver/collect/databases.js";
import type { ConnectionEvent } from "../sources/sqlserver/connection/events.js";
import { formatCount } from "./progress.js";
import type { Logger } from "./log.js";

/** Problems logged one by one before the rest are only counted. */
const PROBLEMS_LOGGED = 20;

/** Passes `items` on, logging the server header and each problem. */
export async function* logCollection(
  items: AsyncIterable<CollectedItem>,
  log: Logger,
): AsyncGenerator<CollectedItem, void, undefined> {
  let problems = 0;
  let modules = 0;

  for await (const item of items) {
    if (item.kind === "server") {
      const s = item.server;
      log.info(`server ${s.name} ('${s.address}'): SQL Server ${s.version}, ${s.edition}`);
      if (s.tlsVerificationDisabled) {
        log.warn(`the certificate of '${s.address}' was not verified (--trust-server-certificate); the report states it`);
      }
    } else if (item.kind === "problem") {
      problems++;
      if (problems <= PROBLEMS_LOGGED) {
        log.warn(`${problemSubject(item.problem)} (${item.problem.reason}): ${item.problem.message}`);
      }
    } else if (item.kind === "module") {
      modules++;
    }
    yield item;
  }

  if (problems > PROBLEMS_LOGGED) {
    log.warn(`${formatCount(problems - PROBLEMS_LOGGED)} more collection problem(s); the report lists them`);
  }
  log.info(`collection done: ${formatCount(modules)} module(s), ${formatCount(problems)} problem(s)`);
}

/**
 * Names what a problem left out: the database itself when the whole
 * database was skipped or not found, else the part and its database.
 */
function problemSubject(problem: CollectionProblem): string {
  const database = problem.database;
  if (database !== undefined && (problem.part === "database" || problem.part === DATABASE_LIST_PART)) {
    return `database '${database}'`;
  }
  const of = database === undefined ? "" : ` of database '${database}'`;
  return `part '${problem.part}'${of}`;
}

/** Logs one connector event. */
export function logConnectionEvent(event: ConnectionEvent, log: Logger): void {
  switch (event.type) {
    case "retry": {
      const query = event.queryId === undefined ? "connecting" : `query ${event.queryId}`;
      log.warn(
        `${query} on '${event.server}', database '${event.database}' failed (attempt ${event.attempt}): ` +
          `${event.error.message}; retrying in ${(event.delayMs / 1000).toFixed(1)} s`,
      );
      break;
    }
    case "database-opened":
      log.info(`connected to '${event.server}', database '${event.database}'`);
      break;
    case "database-released":
      break;
  }
}

/** Logs the collector's progress: each database as it starts and ends. */
export function logCollectProgress(event: CollectProgress, server: string, log: Logger): void {
  switch (event.kind) {
    case "database-started":
      log.info(`reading database '${event.database}' on '${server}' (${event.index + 1} of ${event.count})`);
      break;
    case "database-finished":
      if (event.skipped) {
        log.warn(`database '${event.database}' on '${server}' was skipped; the report gives the reason`);
      } else {
        log.info(
          `read database '${event.database}': ${formatCount(event.modules)} module(s), ` +
            `${formatCount(event.tables)} table(s)`,
        );
      }
      break;
    case "modules-read":
      break;
  }
}
