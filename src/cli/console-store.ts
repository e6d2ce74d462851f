/**
 * Opens the store for the commands that manage console users. The
 * embedded store is locked by the process that has it open, so while
 * `infio serve` runs on it, these commands cannot change users. The error
 * then names `infio serve` and the two ways to proceed.
 */

import { openStore, parseStoreSpec, type Store } from "../store/index.js";
import { FailureError, UsageError } from "./errors.js";
import type { Logger } from "./log.js";
import { cliStoreKeys } from "./store-keys.js";

export async function openConsoleUserStore(spec: string, dataDir: string, log: Logger): Promise<Store> {
  const parsed = parseStoreSpec(spec);
  if (!parsed.ok) {
    throw new UsageError(parsed.error.message);
  }
  if (parsed.spec.kind === "none") {
    throw new UsageError(
      "--store none keeps no console users; use --store embedded (the default) or the " +
        "postgres:// URL that 'infio serve' uses",
    );
  }

  const opened = await openStore(parsed.spec, {
    dataDir,
    keys: cliStoreKeys(log),
    onBackgroundError: (error) => log.warn(error.message),
  });
  if (!opened.ok) {
    if (opened.error.code === "locked") {
      throw new FailureError(
        "cannot open the console users: another infio process, such as a running " +
          `'infio serve', has the embedded store of '${dataDir}' open, and only one process ` +
          `at a time can. ${opened.error.message}. Stop 'infio serve' and run this command ` +
          "again, or keep the store on a PostgreSQL server (--store postgres://...) so that " +
          "users can be managed while the console runs",
      );
    }
    throw new FailureError(opened.error.message);
  }

  for (const m of opened.migrations) {
    log.info(`store ${opened.store.location}: applied migration ${m.version} ${m.name}`);
  }
  for (const id of opened.removedInterrupted) {
    log.warn(`removed the rows of interrupted assessment ${id}`);
  }
  return opened.store;
}
