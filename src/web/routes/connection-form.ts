/**
 * The saved-connection form as it arrives: URL-encoded fields, turned into
 * the ConnectionInput that SavedConnections checks. The password is read
 * as typed, without trimming, and is the only field a page never shows
 * back.
 */

import type { ConnectionInput } from "../connections/index.js";

/** The form's values without the password, for showing the form again. */
export type ConnectionFormValues = Omit<ConnectionInput, "password">;

export function connectionInputFrom(body: unknown): ConnectionInput {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const text = (name: string): string => {
    const value = record[name];
    return typeof value === "string" ? value : "";
  };

  return {
    name: text("name"),
    server: text("server"),
    port: text("port"),
    instance: text("instance"),
    // One name per line: database names may contain commas.
    databases: text("databases").split(/\r?\n/),
    user: text("user"),
    tlsMode: text("tlsMode"),
    caFile: text("caFile"),
    serverName: text("serverName"),
    trustServerCertificate: text("trustServerCertificate") === "on",
    password: text("password"),
  };
}

/** Returns the input without its password. */
export function formValuesOf(input: ConnectionInput): ConnectionFormValues {
  const { password: _password, ...values } = input;
  return values;
}
