/**
 * Reads what mssql and tedious put in an error: mssql wraps tedious'
 * error in `originalError`, tedious wraps socket and TLS errors in
 * `cause`, and a failed connect to several addresses is an
 * AggregateError. This collects the codes and the SQL Server error
 * number from the whole chain.
 */

/** A message the server sent during login, such as 4060 before 18456. */
export interface ServerMessageInfo {
  readonly number: number;
  readonly message: string;
}

export interface DriverErrorDetails {
  /** mssql's class: ConnectionError, RequestError, or another name. */
  readonly name: string;
  /** Every `code` in the chain, outermost first: `ESOCKET`, `CERT_HAS_EXPIRED`. */
  readonly codes: readonly string[];
  /** SQL Server's error number, when the server sent one. */
  readonly number: number | undefined;
  /** The innermost message: the server's text or the socket's. */
  readonly message: string;
  /** Node.js's detail on a host name mismatch (`reason`). */
  readonly tlsReason: string | undefined;
}

const MAX_DEPTH = 8;

export function driverErrorDetails(error: unknown): DriverErrorDetails {
  const codes: string[] = [];
  let number: number | undefined;
  let message = error instanceof Error ? error.message : String(error);
  let tlsReason: string | undefined;
  const seen = new Set<unknown>();

  const visit = (value: unknown, depth: number): void => {
    if (typeof value !== "object" || value === null || seen.has(value) || depth > MAX_DEPTH) {
      return;
    }
    seen.add(value);
    const fields = value as Record<string, unknown>;

    if (typeof fields.code === "string" && !codes.includes(fields.code)) {
      codes.push(fields.code);
    }
    // mssql copies a code such as 'ETIMEOUT' into `number` when the
    // server sent none, so only numbers count.
    if (number === undefined && typeof fields.number === "number") {
      number = fields.number;
    }
    if (typeof fields.reason === "string") {
      tlsReason ??= fields.reason;
    }
    if (typeof fields.message === "string" && fields.message !== "") {
      message = fields.message;
    }

    visit(fields.originalError, depth + 1);
    visit(fields.cause, depth + 1);
    for (const inner of arrayOf(fields.errors)) {
      visit(inner, depth + 1);
    }
  };
  visit(error, 0);

  const name = error instanceof Error ? error.name : "Error";
  return { name, codes, number, message, tlsReason };
}

function arrayOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Returns whether the peer closed the connection during the TLS
 * handshake. Node.js reports that as ECONNRESET with this message
 * (lib/_tls_wrap.js), and a server without TDS 8.0 does it to every
 * `--tls strict` connection.
 */
export function isHandshakeReset(details: DriverErrorDetails): boolean {
  return details.message.includes("before secure TLS connection was established");
}
