/**
 * The server name a TLS client sends (SNI) when infio connects by IP
 * address. Node.js warns (DEP0123) when a client sends an IP address as
 * the server name, which RFC 6066 does not allow.
 *
 * In TDS 8.0 (`--tls strict`), tedious 19 sends no server name for an IP
 * host and still checks the certificate against the IP. In TDS 7.4
 * (`--tls on`), tedious passes one name to Node.js for both the SNI and
 * the certificate check, and without a name Node.js would check the
 * certificate against `localhost`. infio keeps the check against the IP
 * address, so tedious sends it as SNI too, and SQL Server ignores it.
 * The warning would only tell the user what they cannot change, so
 * `silenceIpServerNameWarning` keeps Node.js from printing it.
 */

import { isIP } from "node:net";
import { Duplex } from "node:stream";
import { connect } from "node:tls";

import type { ConnectionSettings } from "./settings.js";

/** Returns the name tedious sends as SNI for `settings`, or undefined when it sends none. */
export function sentServerName(settings: ConnectionSettings): string | undefined {
  const { server, tls } = settings;
  if (tls.serverName !== server.host) {
    return tls.serverName;
  }
  if (tls.mode === "strict" && isIP(server.host) !== 0) {
    return undefined;
  }
  return server.host;
}

let silenced = false;

/**
 * Keeps Node.js from printing DEP0123 for this process. Node.js prints it
 * once per process, at the first TLS client with an IP server name, so
 * this starts such a client on a stream that goes nowhere while
 * deprecation warnings are off, and ends it at once. It runs in one
 * synchronous step, so no other code runs while the warnings are off.
 * NOTE: DEP0123 then stays silent for other TLS clients of the process
 * too. This relies on Node.js warning once per process, as 20 does; the
 * connection tests fail if a later version warns again.
 */
export function silenceIpServerNameWarning(): void {
  if (silenced) {
    return;
  }
  silenced = true;

  const nowhere = new Duplex({
    read() {},
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
  const previous = process.noDeprecation;
  process.noDeprecation = true;
  try {
    const client = connect({ socket: nowhere, servername: "127.0.0.1" });
    client.on("error", () => {});
    client.destroy();
  } finally {
    process.noDeprecation = previous;
    nowhere.destroy();
  }
}

/** Silences DEP0123 before connecting when tedious would send an IP address as SNI. */
export function prepareServerNameIndication(settings: ConnectionSettings): void {
  const name = sentServerName(settings);
  if (name !== undefined && isIP(name) !== 0) {
    silenceIpServerNameWarning();
  }
}
