/**
 * The server's messages during a rejected login. tedious keeps only the
 * last one (18456), but SQL Server sends the reason before it, such as
 * 4060 for a database that cannot be opened. A listener on each new
 * connection therefore records them against the login's error.
 */

import type { Connection } from "tedious";

import type { ServerMessageInfo } from "./driver-error.js";

const messagesByError = new WeakMap<object, readonly ServerMessageInfo[]>();

/** Records the messages of `connection`'s login; mssql's beforeConnect hook calls it. */
export function recordLoginMessages(connection: Connection): void {
  const messages: ServerMessageInfo[] = [];
  const onMessage = (token: { number: number; message: string }): void => {
    messages.push({ number: token.number, message: token.message });
  };

  // Only the login's messages are wanted; query errors also arrive as
  // errorMessage events, so the listener goes once the login ends.
  connection.on("errorMessage", onMessage);
  connection.once("connect", (error?: Error) => {
    connection.removeListener("errorMessage", onMessage);
    if (error !== undefined && error !== null) {
      messagesByError.set(error, messages);
    }
  });
}

/** Returns the login messages behind a connect error from mssql or tedious. */
export function loginMessagesOf(error: unknown): readonly ServerMessageInfo[] {
  if (typeof error !== "object" || error === null) {
    return [];
  }
  const original = (error as { originalError?: unknown }).originalError;
  return messagesByError.get(error) ?? (typeof original === "object" && original !== null ? messagesByError.get(original) : undefined) ?? [];
}
