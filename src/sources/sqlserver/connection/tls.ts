/**
 * TLS settings: the encryption mode and the CA file that verifies the
 * server's certificate. infio always encrypts. Mode `on` is TDS 7.4 with
 * TLS negotiated in PRELOGIN. Mode `strict` is TDS 8.0, where TLS starts
 * before any TDS byte (SQL Server 2022 and later).
 */

import { X509Certificate } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";

import { formatOverLimit } from "../../../util/byte-size.js";
import { ConnectionSettingsError } from "./settings-error.js";

export type TlsMode = "on" | "strict";

export interface CaFile {
  /** Absolute path, for messages and the audit trail. */
  readonly path: string;
  /** The PEM text, passed to TLS as the only trusted CAs. */
  readonly pem: string;
  /** Subjects of the certificates in it, for the log. */
  readonly subjects: readonly string[];
}

export interface TlsSettings {
  readonly mode: TlsMode;
  /** Trusted CAs; without one, Node.js's bundled root CAs are used. */
  readonly ca: CaFile | undefined;
  /** Name the certificate must carry: `--server-name`, else the host. */
  readonly serverName: string;
  /**
   * Certificate verification turned off with `--trust-server-certificate`.
   * The connection is still encrypted but open to an impostor, so callers
   * log it, write it to the audit trail and show it in the report.
   */
  readonly trustServerCertificate: boolean;
}

/** A CA bundle is a few kilobytes; anything this large is the wrong file. */
const MAX_CA_FILE_BYTES = 1024 * 1024;

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Parses `--tls`: `on` or `strict`. */
export function parseTlsMode(value: string, option = "--tls"): TlsMode {
  const mode = value.trim().toLowerCase();
  if (mode === "on" || mode === "strict") {
    return mode;
  }
  if (["off", "false", "no", "optional", "none"].includes(mode)) {
    throw new ConnectionSettingsError(
      option,
      `invalid ${option} '${value}': infio always encrypts the connection to SQL Server; ` +
        "pass 'on' (TDS 7.4 with TLS) or 'strict' (TDS 8.0, SQL Server 2022 and later)",
    );
  }
  throw new ConnectionSettingsError(
    option,
    `invalid ${option} '${value}': pass 'on' (TDS 7.4 with TLS) or 'strict' (TDS 8.0, SQL Server 2022 and later)`,
  );
}

/**
 * Reads a CA file and checks that it contains PEM certificates that
 * parse, not all of them expired. Relative paths are resolved against `cwd`.
 */
export async function readCaFile(
  path: string,
  option = "--tls-ca",
  cwd = process.cwd(),
  now = new Date(),
): Promise<CaFile> {
  const absolute = resolve(cwd, path);
  const fail = (problem: string, cause?: unknown): never => {
    throw new ConnectionSettingsError(
      option,
      `invalid ${option} '${path}': ${problem}`,
      cause === undefined ? undefined : { cause },
    );
  };

  const text = await readSmallFile(absolute, fail);
  const blocks = text.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0) {
    fail(
      "it contains no PEM certificate (-----BEGIN CERTIFICATE-----); pass the CA certificate in PEM form, " +
        "converting a DER file with 'openssl x509 -inform der -in FILE -out FILE.pem'",
    );
  }

  const certificates = blocks.map((block, index) => {
    try {
      return new X509Certificate(block);
    } catch (error) {
      return fail(`certificate ${index + 1} in it cannot be read: ${(error as Error).message}; export it again`, error);
    }
  });
  if (certificates.every((certificate) => new Date(certificate.validTo) < now)) {
    const latest = certificates.map((certificate) => certificate.validTo).join(", ");
    fail(`every certificate in it has expired (valid to ${latest}); pass the CA's current certificate`);
  }

  return { path: absolute, pem: blocks.join("\n"), subjects: certificates.map((c) => c.subject) };
}

async function readSmallFile(path: string, fail: (problem: string, cause?: unknown) => never): Promise<string> {
  try {
    const stats = await stat(path);
    if (!stats.isFile()) {
      fail("it is not a file; pass the path of a PEM file with the CA certificate");
    }
    if (stats.size > MAX_CA_FILE_BYTES) {
      fail(`it is ${formatOverLimit(stats.size, MAX_CA_FILE_BYTES)} for a CA bundle; check the path`);
    }
    return await readFile(path, "utf8");
  } catch (error) {
    if (error instanceof ConnectionSettingsError) {
      throw error;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      return fail("file not found; check the path");
    }
    return fail(`cannot read it (${code ?? (error as Error).message}); check the path and its permissions`, error);
  }
}
