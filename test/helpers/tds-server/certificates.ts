/**
 * Certificates for TLS tests, made at test time with the `openssl` command
 * (Debian's openssl package; OpenSSL 3.0 or later). A test CA signs three
 * server certificates: a valid one for localhost, one for another host name
 * and an expired one. A second CA, which tests do not trust, signs a fourth.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface KeyAndCertificate {
  readonly key: string;
  readonly cert: string;
}

export interface TestCertificates {
  /** The CA that tests pass to the client as trusted (PEM). */
  readonly ca: string;
  /** For localhost, 127.0.0.1 and ::1, signed by `ca`, valid now. */
  readonly valid: KeyAndCertificate;
  /** For db.example.invalid only, signed by `ca`. */
  readonly wrongHost: KeyAndCertificate;
  /** For localhost, signed by `ca`, valid only on 1 January 2020. */
  readonly expired: KeyAndCertificate;
  /** For localhost, signed by a CA the tests do not trust. */
  readonly untrusted: KeyAndCertificate;
}

const LOCAL_NAMES = "DNS:localhost, IP:127.0.0.1, IP:::1";

let cached: Promise<TestCertificates> | undefined;

/**
 * Returns the test certificates, creating them once per process. Elliptic
 * curve keys (P-256) keep generation to a few hundred milliseconds.
 */
export function testCertificates(): Promise<TestCertificates> {
  cached ??= createCertificates();
  return cached;
}

async function createCertificates(): Promise<TestCertificates> {
  const dir = await mkdtemp(join(tmpdir(), "infio-tds-certs-"));

  try {
    await writeFile(join(dir, "index.txt"), "");
    await writeFile(join(dir, "serial"), "1000\n");
    await writeFile(join(dir, "ca.cnf"), caConfig(dir));

    const trusted = await createAuthority(dir, "trusted", "infio test CA");
    const other = await createAuthority(dir, "other", "infio untrusted test CA");
    const now = Date.now();
    const validFrom = openSslDate(new Date(now - 3_600_000));
    const validTo = openSslDate(new Date(now + 2 * 86_400_000));

    return {
      ca: await readFile(trusted.cert, "utf8"),
      valid: await createLeaf(
        dir,
        trusted,
        "valid",
        LOCAL_NAMES,
        validFrom,
        validTo,
      ),
      wrongHost: await createLeaf(
        dir,
        trusted,
        "wrong-host",
        "DNS:db.example.invalid",
        validFrom,
        validTo,
      ),
      expired: await createLeaf(
        dir,
        trusted,
        "expired",
        LOCAL_NAMES,
        "20200101000000Z",
        "20200102000000Z",
      ),
      untrusted: await createLeaf(
        dir,
        other,
        "untrusted",
        LOCAL_NAMES,
        validFrom,
        validTo,
      ),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface Authority {
  readonly key: string;
  readonly cert: string;
}

async function createAuthority(
  dir: string,
  name: string,
  commonName: string,
): Promise<Authority> {
  const key = join(dir, `${name}-ca.key`);
  const cert = join(dir, `${name}-ca.pem`);
  await run("openssl", [
    "req", "-x509", "-new", "-nodes",
    "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
    "-keyout", key, "-out", cert, "-days", "3",
    "-subj", `/CN=${commonName}`,
    "-addext", "basicConstraints=critical,CA:TRUE",
    "-addext", "keyUsage=critical,keyCertSign,cRLSign",
  ]);
  return { key, cert };
}

/**
 * Signs a server certificate with `openssl ca`, because only that command
 * accepts explicit start and end dates in OpenSSL 3.0.
 */
async function createLeaf(
  dir: string,
  authority: Authority,
  name: string,
  subjectAltName: string,
  startDate: string,
  endDate: string,
): Promise<KeyAndCertificate> {
  const key = join(dir, `${name}.key`);
  const request = join(dir, `${name}.csr`);
  const cert = join(dir, `${name}.pem`);
  const extensions = join(dir, `${name}.ext`);

  await writeFile(
    extensions,
    [
      "[leaf]",
      "basicConstraints = CA:FALSE",
      "keyUsage = critical, digitalSignature, keyEncipherment",
      "extendedKeyUsage = serverAuth",
      `subjectAltName = ${subjectAltName}`,
      "",
    ].join("\n"),
  );
  await run("openssl", [
    "req", "-new", "-nodes",
    "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
    "-keyout", key, "-out", request, "-subj", `/CN=${name} test server`,
  ]);
  await run("openssl", [
    "ca", "-batch", "-notext", "-config", join(dir, "ca.cnf"),
    "-cert", authority.cert, "-keyfile", authority.key,
    "-in", request, "-out", cert,
    "-startdate", startDate, "-enddate", endDate,
    "-extfile", extensions, "-extensions", "leaf",
  ]);

  return { key: await readFile(key, "utf8"), cert: await readFile(cert, "utf8") };
}

function caConfig(dir: string): string {
  return [
    "[ca]",
    "default_ca = test_ca",
    "[test_ca]",
    `database = ${join(dir, "index.txt")}`,
    `new_certs_dir = ${dir}`,
    `serial = ${join(dir, "serial")}`,
    "default_md = sha256",
    "policy = any_name",
    "unique_subject = no",
    "[any_name]",
    "commonName = supplied",
    "",
  ].join("\n");
}

/** Formats a date as ASN.1 GeneralizedTime, the form `openssl ca` takes. */
function openSslDate(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").replace(/\.\d+Z$/, "Z");
}
