/**
 * The TLS options from the command line and the connection string:
 * `--tls`/Encrypt, `--tls-ca`/Server Certificate,
 * `--server-name`/HostNameInCertificate and the opt-out
 * `--trust-server-certificate`/TrustServerCertificate.
 */

import type { ConnectionStringSettings } from "./connection-string.js";
import { pickSetting } from "./pick-setting.js";
import { ConnectionSettingsError } from "./settings-error.js";
import { parseTlsMode, type TlsMode } from "./tls.js";

export interface TlsOptions {
  /** `--tls on|strict`. */
  readonly tls?: string;
  /** `--tls-ca FILE`. */
  readonly tlsCa?: string;
  /** `--server-name NAME`. */
  readonly serverName?: string;
  /** `--trust-server-certificate`. */
  readonly trustServerCertificate?: boolean;
}

export interface ParsedTlsOptions {
  readonly tlsMode: TlsMode;
  /** The CA file to read, with the option that named it for messages. */
  readonly caFile: { readonly path: string; readonly option: string } | undefined;
  readonly serverName: string | undefined;
  readonly trustServerCertificate: boolean;
}

export function parseTlsOptions(options: TlsOptions, fromString: ConnectionStringSettings): ParsedTlsOptions {
  const mode = options.tls === undefined ? undefined : parseTlsMode(options.tls);
  const tlsMode = pickSetting("--tls", mode, "Encrypt", fromString.tlsMode) ?? "on";
  const trust = checkTrust(options.trustServerCertificate === true, fromString.trustServerCertificate);

  const caPath = pickSetting("--tls-ca", options.tlsCa, "Server Certificate", fromString.caFile);
  if (trust && caPath !== undefined) {
    throw new ConnectionSettingsError(
      "--trust-server-certificate",
      "--trust-server-certificate turns off the certificate check that --tls-ca is for; pass only one of them",
    );
  }
  const caOption = options.tlsCa === undefined ? "--connection-string Server Certificate" : "--tls-ca";

  if (options.serverName !== undefined && options.serverName.trim() === "") {
    throw new ConnectionSettingsError("--server-name", "invalid --server-name '': it is empty; pass the name the certificate lists");
  }
  const serverName = pickSetting("--server-name", options.serverName?.trim(), "HostNameInCertificate", fromString.serverName);

  return {
    tlsMode,
    caFile: caPath === undefined ? undefined : { path: caPath, option: caOption },
    serverName,
    trustServerCertificate: trust,
  };
}

/**
 * Returns whether certificate verification is off. TrustServerCertificate
 * =True in a connection string does not turn it off alone: the
 * `--trust-server-certificate` flag must be given too, so that the opt-out
 * is visible on the command line, where the log and the audit trail
 * record it.
 */
function checkTrust(flag: boolean, fromString: boolean | undefined): boolean {
  if (fromString === true && !flag) {
    throw new ConnectionSettingsError(
      "--connection-string",
      "TrustServerCertificate=True in --connection-string turns off certificate verification, which infio " +
        "accepts only with the explicit --trust-server-certificate flag; pass --tls-ca FILE with the CA that " +
        "signed the server's certificate, or add --trust-server-certificate",
    );
  }
  if (fromString === false && flag) {
    throw new ConnectionSettingsError(
      "--trust-server-certificate",
      "--trust-server-certificate contradicts TrustServerCertificate=False in --connection-string; remove one of them",
    );
  }
  return flag;
}
