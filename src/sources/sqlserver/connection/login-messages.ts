/**
 * The server's messages and the TLS state of a rejected login. tedious
 * keeps only the server's last message (18456), but SQL Server sends the
 * reason before it, such as 4060 for a database that cannot be opened.
 * And a connection that breaks before TLS is set up fails for another
 * reason than one that breaks later. Listeners on each new connection
 * therefore record both against the login's error.
 */

import type { Connection } from "tedious";

import type { ServerMessageInfo } from "./driver-error.js";

const messagesByError = new WeakMap<object, readonly ServerMessageInfo[]>();
const tlsEstablishedByError = new WeakMap<object, boolean>();

/** Records the messages of `connection`'s login and whether TLS was set up; mssql's beforeConnect hook calls it. */
export function recordLoginMessages(connection: Connection): void {
  const messages: ServerMessageInfo[] = [];
  let tlsEstablished = false;
  const onMessage = (token: { number: number; message: string }): void => {
    messages.push({ number: token.number, message: token.message });
  };
  // tedious emits 'secure' once the TLS handshake has completed, in
  // TDS 7.4 after PRELOGIN and in TDS 8.0 before it.
  const onSecure = (): void => {
    tlsEstablished = true;
  };

  // Only the login's messages are wanted; query errors also arrive as
  // errorMessage events, so the listener goes once the login ends.
  connection.on("errorMessage", onMessage);
  connection.once("secure", onSecure);
  connection.once("connect", (error?: Error) => {
    connection.removeListener("errorMessage", onMessage);
    connection.removeListener("secure", onSecure);
    if (error !== undefined && error !== null) {
      messagesByError.set(error, messages);
      tlsEstablishedByError.set(error, tlsEstablished);
    }
  });
}

/** Looks up the record of an mssql error, or of the tedious error it wraps. */
function recordedError<T>(records: WeakMap<object, T>, error: unknown): T | undefined {
  if (typeof error !== "object" || error === null) {
    return undefined;
  }
  const original = (error as { originalError?: unknown }).originalError;
  return records.get(error) ?? (typeof original === "object" && original !== null ? records.get(original) : undefined);
}

/**
 * Returns whether the TLS handshake completed before a connect error;
 * undefined when the error comes from no recorded login.
 */
export function tlsEstablishedOf(error: unknown): boolean | undefined {
  return recordedError(tlsEstablishedByError, error);
}

/** Returns the login messages behind a connect error from mssql or tedious. */
export function loginMessagesOf(error: unknown): readonly ServerMessageInfo[] {
  return recordedError(messagesByError, error) ?? [];
}
