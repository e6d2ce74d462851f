/**
 * The `--server` value (and a connection string's Server keyword) in the
 * forms SQL Server's own tools take: `HOST`, `HOST,PORT`,
 * `HOST\INSTANCE` and `HOST\INSTANCE,PORT`, each optionally prefixed
 * with `tcp:`. HOST is a DNS name, an IPv4 address or an IPv6 address,
 * in brackets when a port follows.
 */

import { isIP } from "node:net";

import { ConnectionSettingsError } from "./settings-error.js";

export const DEFAULT_PORT = 1433;

export interface ServerAddress {
  /** The value as the user wrote it, trimmed; used in messages. */
  readonly text: string;
  /** DNS name or IP address, without brackets. */
  readonly host: string;
  /**
   * TCP port. Undefined for a named instance without a port, whose port
   * the SQL Server Browser service reports (UDP 1434).
   */
  readonly port: number | undefined;
  /** Named instance, e.g. `PROD` in `sql01\PROD`. */
  readonly instance: string | undefined;
}

const FORMS = "HOST, HOST,PORT, HOST\\INSTANCE or tcp:HOST,PORT";

/** Hosts that SqlClient reads as the local machine. */
const LOCAL_ALIASES = new Set([".", "(local)"]);

/** RFC 1123 labels; underscores are let through for NetBIOS-style names. */
const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;

/**
 * An instance name without the characters that end it or cannot appear in
 * it here. Setup's own rules are stricter; a name that breaks them fails
 * at the SQL Server Browser lookup with its own message.
 */
const INSTANCE_NAME = /^[^\s\\,;:/\[\]"'\x00-\x1f]+$/;

/**
 * Parses a server address. `option` names where the value came from, for
 * messages: `--server` or the connection string's `Server` keyword.
 */
export function parseServerAddress(value: string, option = "--server"): ServerAddress {
  const text = value.trim();
  const fail = (problem: string): never => {
    throw new ConnectionSettingsError(option, `invalid ${option} '${value}': ${problem}`);
  };
  if (text === "") {
    fail(`it is empty; pass ${FORMS}`);
  }

  const rest = stripProtocol(text, fail);
  const { hostPart, portPart } = splitPort(rest);
  const port = portPart === undefined ? undefined : parsePort(portPart, fail);
  const { host, instance } = splitInstance(hostPart, fail);

  return {
    text,
    host,
    port: port ?? (instance === undefined ? DEFAULT_PORT : undefined),
    instance,
  };
}

/** Formats host and port for a message, with IPv6 in brackets. */
export function formatEndpoint(address: ServerAddress): string {
  const host = isIP(address.host) === 6 ? `[${address.host}]` : address.host;
  if (address.port !== undefined) {
    return `${host},${address.port}`;
  }
  return `${host}\\${address.instance ?? ""}`;
}

function stripProtocol(text: string, fail: (problem: string) => never): string {
  const protocol = /^([A-Za-z]+):/.exec(text)?.[1]?.toLowerCase();
  if (protocol === "tcp") {
    return text.slice(4).trim();
  }
  if (protocol === "np" || protocol === "lpc") {
    fail(`named pipes and shared memory are not supported; connect over TCP with ${FORMS}`);
  }
  if (protocol === "admin") {
    fail("infio does not use the dedicated administrator connection; pass the server without 'admin:'");
  }
  return text;
}

/** Splits at the last comma, which ends the host (IPv6 has none). */
function splitPort(text: string): { hostPart: string; portPart: string | undefined } {
  const comma = text.lastIndexOf(",");
  if (comma < 0) {
    return { hostPart: text, portPart: undefined };
  }
  return { hostPart: text.slice(0, comma).trim(), portPart: text.slice(comma + 1).trim() };
}

function parsePort(text: string, fail: (problem: string) => never): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65535)) {
    fail(`port '${text}' is not a number from 1 to 65535`);
  }
  return port;
}

function splitInstance(
  text: string,
  fail: (problem: string) => never,
): { host: string; instance: string | undefined } {
  const backslash = text.indexOf("\\");
  const hostText = backslash < 0 ? text : text.slice(0, backslash).trim();
  const instance = backslash < 0 ? undefined : text.slice(backslash + 1).trim();

  if (instance !== undefined && !INSTANCE_NAME.test(instance)) {
    fail(
      `instance name '${instance}' is not valid; pass the instance name alone, ` +
        "without spaces, quotes or any of \\ , ; : / [ ]",
    );
  }
  return { host: parseHost(hostText, fail), instance };
}

function parseHost(text: string, fail: (problem: string) => never): string {
  if (text === "") {
    fail(`the host name is missing; pass ${FORMS}`);
  }
  if (LOCAL_ALIASES.has(text.toLowerCase())) {
    return "localhost";
  }

  const bracketed = /^\[(.*)\]$/.exec(text);
  if (bracketed !== null) {
    if (isIP(bracketed[1]!) !== 6) {
      fail(`'${bracketed[1]}' in brackets is not an IPv6 address`);
    }
    return bracketed[1]!;
  }
  if (isIP(text) !== 0) {
    return text;
  }

  // HOST:PORT is the usual slip; SQL Server tools separate the port with a comma.
  const colonPort = /^([^:]+):(\d+)$/.exec(text);
  if (colonPort !== null) {
    fail(`SQL Server separates the port with a comma; pass '${colonPort[1]},${colonPort[2]}'`);
  }
  if (!HOST_NAME.test(text)) {
    fail(`'${text}' is not a host name or IP address; pass ${FORMS}, with IPv6 in brackets`);
  }
  return text;
}
