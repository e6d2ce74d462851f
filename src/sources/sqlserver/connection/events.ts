/**
 * Events of a server session, for the caller to log, since library code
 * does not log. No event contains the password.
 */

import type { SqlServerError } from "../errors.js";

export type ConnectionEvent =
  | {
      readonly type: "retry";
      readonly server: string;
      readonly database: string;
      /** Undefined while connecting. */
      readonly queryId: string | undefined;
      /** The attempt that failed, 1 for the first. */
      readonly attempt: number;
      readonly delayMs: number;
      readonly error: SqlServerError;
    }
  | { readonly type: "database-opened"; readonly server: string; readonly database: string }
  | { readonly type: "database-released"; readonly server: string; readonly database: string };

export type ConnectionEventListener = (event: ConnectionEvent) => void;
