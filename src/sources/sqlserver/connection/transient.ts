/**
 * The failures worth another attempt: the SQL Server and Azure SQL errors
 * on the transient error list of Microsoft.Data.SqlClient's retry logic
 * (SqlConfigurableRetryFactory on Microsoft Learn), less the ones named
 * below, and a connection reset by the peer or the network.
 */

import { isHandshakeReset, type DriverErrorDetails } from "./driver-error.js";

/**
 * 1204 no lock resource, 1205 deadlock victim, 1222 lock request timed
 * out; 4221 login to a readable secondary waited too long for row
 * versioning; 40143, 40197, 40540 service error, 40501 service busy, 40613
 * database not currently available (failover or reconfiguration),
 * 49918-49920 not enough resources or too many operations, 10928/10929
 * resource limit reached.
 *
 * SqlClient's list also has 4060 (cannot open database), which is left
 * out on purpose. A database that is
 * offline, restoring or closed to the login returns it every time, so it
 * is reported unavailable and skipped at once. A database in the middle of
 * an availability group failover returns it for a few seconds too. It is
 * then reported unavailable instead of waited for, and a second run
 * reads it.
 */
export const TRANSIENT_ERROR_NUMBERS: ReadonlySet<number> = new Set([
  1204, 1205, 1222, 4221, 40143, 40197, 40501, 40540, 40613, 49918, 49919, 49920, 10928, 10929,
]);

/** Socket errors of a connection the peer or the network cut. */
const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);

/** Permission errors, never retried: another attempt is denied again. */
export const PERMISSION_ERROR_NUMBERS: ReadonlySet<number> = new Set([229, 230, 262, 297, 300, 15247]);

export function isTransient(details: DriverErrorDetails): boolean {
  if (details.number !== undefined) {
    return TRANSIENT_ERROR_NUMBERS.has(details.number);
  }
  return details.codes.some((code) => RESET_CODES.has(code)) && !isHandshakeReset(details);
}
