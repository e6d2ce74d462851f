/** The console's users, sessions and sign-in counters in a store that keeps them. */

import { ConsoleSessions } from "./console-sessions.js";
import { ConsoleUsers } from "./console-users.js";
import { ConsoleSignInAttempts } from "./sign-in-attempts.js";
import { StoreError } from "./errors.js";
import { SqlStore } from "./sql-store.js";
import type { Store } from "./store.js";

export interface ConsoleAccounts {
  readonly users: ConsoleUsers;
  readonly sessions: ConsoleSessions;
  readonly signInAttempts: ConsoleSignInAttempts;
}

/**
 * Returns the users and sessions kept in `store`. Throws a StoreError
 * `invalid-spec` for `--store none`, which keeps nothing.
 */
export function consoleAccounts(store: Store): ConsoleAccounts {
  if (!(store instanceof SqlStore)) {
    throw new StoreError(
      "invalid-spec",
      "--store none keeps no console users or sessions; use --store embedded " +
        "(the default) or a postgres:// URL",
    );
  }
  return {
    users: new ConsoleUsers(store.connection),
    sessions: new ConsoleSessions(store.connection),
    signInAttempts: new ConsoleSignInAttempts(store.connection),
  };
}
