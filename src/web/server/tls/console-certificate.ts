/**
 * The console's TLS certificate and key: the files given with --tls-cert
 * and --tls-key, or else a self-signed certificate kept in the data folder,
 * created at first start and reused after. A kept certificate is replaced
 * when it expires within 30 days or does not name the host the console
 * listens on.
 */

import { X509Certificate, createPrivateKey } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { isIP } from "node:net";

import { replaceFile } from "../../../security/durable-file.js";
import { errorCode } from "../../../security/errors.js";
import { readOwnerOnlyFile } from "../../../security/owner-only-file.js";
import { createSelfSignedCertificate } from "./self-signed.js";

/** Folder of the generated certificate inside the data folder. */
export const TLS_DIRECTORY = "console-tls";
const CERT_FILE = "console-cert.pem";
const KEY_FILE = "console-key.pem";

/** How long a generated certificate is valid, in days. */
const VALIDITY_DAYS = 397;
/** A kept certificate that expires sooner than this is replaced, in days. */
const RENEW_DAYS = 30;
const DAY_MS = 86_400_000;

export interface ConsoleTls {
  readonly certPem: string;
  readonly keyPem: string;
  /** SHA-256 fingerprint, colon-separated hex, as browsers show it. */
  readonly fingerprint: string;
  readonly certPath: string;
  readonly keyPath: string;
  /** Origin of the certificate at this start: given files, newly generated, or kept from before. */
  readonly origin: "given" | "generated" | "reused";
  /** End of validity. */
  readonly validTo: Date;
  /** Checks that could not be made, such as Windows ACLs on the key file. */
  readonly notes: readonly string[];
}

/** A certificate or key that cannot be used; the message names the fix. */
export class ConsoleTlsError extends Error {
  override readonly name = "ConsoleTlsError";
}

export interface ConsoleTlsOptions {
  readonly dataDir: string;
  /** The address or name the console listens on; the certificate must name it. */
  readonly host: string;
  readonly certFile?: string;
  readonly keyFile?: string;
  readonly now?: Date;
  readonly platform?: NodeJS.Platform;
}

/** Loads the given certificate, or the kept self-signed one, or creates it. */
export async function loadConsoleTls(options: ConsoleTlsOptions): Promise<ConsoleTls> {
  if (options.certFile !== undefined || options.keyFile !== undefined) {
    if (options.certFile === undefined || options.keyFile === undefined) {
      throw new ConsoleTlsError("--tls-cert and --tls-key go together: pass both files, or neither for a self-signed certificate");
    }
    return loadFiles(options.certFile, options.keyFile, "given", options);
  }

  const directory = join(options.dataDir, TLS_DIRECTORY);
  const certPath = join(directory, CERT_FILE);
  const keyPath = join(directory, KEY_FILE);
  const now = options.now ?? new Date();
  const kept = await loadKept(certPath, keyPath, options);
  if (kept !== undefined && kept.validTo.getTime() - now.getTime() > RENEW_DAYS * DAY_MS && names(kept, options.host)) {
    return kept;
  }

  await mkdir(directory, { recursive: true, mode: 0o700 });
  const created = createSelfSignedCertificate({
    commonName: hostname(),
    dnsNames: dnsNamesFor(options.host),
    ipAddresses: ipAddressesFor(options.host),
    // An hour back, so that a client whose clock is a little behind accepts it.
    notBefore: new Date(now.getTime() - 3_600_000),
    notAfter: new Date(now.getTime() + VALIDITY_DAYS * DAY_MS),
  });
  // The key first: a certificate without its key would be of no use.
  await replaceFile(keyPath, created.keyPem, 0o600);
  await replaceFile(certPath, created.certPem, 0o644);
  return describe(created.certPem, created.keyPem, { certPath, keyPath, origin: "generated", notes: [] });
}

async function loadKept(certPath: string, keyPath: string, options: ConsoleTlsOptions): Promise<ConsoleTls | undefined> {
  try {
    await readFile(certPath);
  } catch (error) {
    if (errorCode(error) === "ENOENT") {
      return undefined;
    }
    throw error;
  }
  return loadFiles(certPath, keyPath, "reused", options);
}

async function loadFiles(
  certPath: string,
  keyPath: string,
  origin: ConsoleTls["origin"],
  options: ConsoleTlsOptions,
): Promise<ConsoleTls> {
  let certPem: string;
  try {
    certPem = await readFile(certPath, "utf8");
  } catch (error) {
    throw new ConsoleTlsError(`cannot read the TLS certificate '${certPath}': ${(error as Error).message}`);
  }
  // The key must be private to its owner, like every key infio reads.
  const key = await readOwnerOnlyFile(keyPath, {
    what: "TLS key file",
    maxBytes: 64 * 1024,
    ...(options.platform === undefined ? {} : { platform: options.platform }),
  });
  if (!key.ok) {
    throw new ConsoleTlsError(key.error.message);
  }
  return describe(certPem, key.value.bytes.toString("utf8"), { certPath, keyPath, origin, notes: key.value.notes });
}

function describe(
  certPem: string,
  keyPem: string,
  about: Pick<ConsoleTls, "certPath" | "keyPath" | "origin" | "notes">,
): ConsoleTls {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certPem);
  } catch (error) {
    throw new ConsoleTlsError(
      `the TLS certificate '${about.certPath}' is not a PEM certificate: ${(error as Error).message}`,
    );
  }
  let matches: boolean;
  try {
    matches = certificate.checkPrivateKey(createPrivateKey(keyPem));
  } catch (error) {
    throw new ConsoleTlsError(`the TLS key '${about.keyPath}' is not a PEM private key: ${(error as Error).message}`);
  }
  if (!matches) {
    throw new ConsoleTlsError(
      `the TLS key '${about.keyPath}' does not belong to the certificate '${about.certPath}'; pass the key of that certificate`,
    );
  }
  return { certPem, keyPem, fingerprint: certificate.fingerprint256, validTo: new Date(certificate.validTo), ...about };
}

/** Checks whether the certificate names `host`, so that browsers accept it there. */
function names(tls: ConsoleTls, host: string): boolean {
  const certificate = new X509Certificate(tls.certPem);
  if (isWildcard(host)) {
    return certificate.checkHost(hostname()) !== undefined;
  }
  return isIP(host) === 0 ? certificate.checkHost(host) !== undefined : certificate.checkIP(host) !== undefined;
}

/** 0.0.0.0 and :: listen on every address; the certificate then names this host. */
function isWildcard(host: string): boolean {
  return host === "0.0.0.0" || host === "::";
}

function dnsNamesFor(host: string): string[] {
  const dns = new Set(["localhost", hostname()]);
  if (isIP(host) === 0 && !isWildcard(host)) {
    dns.add(host);
  }
  return [...dns];
}

function ipAddressesFor(host: string): string[] {
  const ips = new Set(["127.0.0.1", "::1"]);
  if (isIP(host) !== 0 && !isWildcard(host)) {
    ips.add(host);
  }
  return [...ips];
}
