import assert from "node:assert/strict";
import { X509Certificate, createPrivateKey, generateKeyPairSync } from "node:crypto";
import { chmod, readFile, stat, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";

import {
  loadConsoleTls,
  TLS_DIRECTORY,
} from "../../../src/web/server/tls/console-certificate.js";
import { createSelfSignedCertificate, ipAddressBytes } from "../../../src/web/server/tls/self-signed.js";
import { tempDir } from "../../security/temp-dir.js";

const DAY_MS = 86_400_000;

describe("self-signed certificate", () => {
  it("verifies with its own key", () => {
    const now = new Date();
    const created = createSelfSignedCertificate({
      commonName: "console.example",
      dnsNames: ["localhost", "console.example"],
      ipAddresses: ["127.0.0.1", "::1"],
      notBefore: now,
      notAfter: new Date(now.getTime() + 10 * DAY_MS),
    });

    const certificate = new X509Certificate(created.certPem);

    assert.ok(certificate.verify(certificate.publicKey), "the signature does not verify");
    assert.ok(certificate.checkPrivateKey(createPrivateKey(created.keyPem)));
    assert.equal(certificate.publicKey.asymmetricKeyType, "ec");
    assert.equal(certificate.publicKey.asymmetricKeyDetails?.namedCurve, "prime256v1");
    assert.equal(certificate.subject, "O=infio\nCN=console.example");
    assert.equal(certificate.issuer, certificate.subject);
    assert.equal(certificate.ca, false);
    assert.deepEqual(certificate.keyUsage, ["1.3.6.1.5.5.7.3.1"]);
    assert.equal(
      certificate.subjectAltName,
      "DNS:localhost, DNS:console.example, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1",
    );
    assert.equal(certificate.checkHost("console.example"), "console.example");
    assert.equal(certificate.checkIP("::1"), "::1");
    assert.equal(certificate.checkHost("other.example"), undefined);
    assert.equal(Date.parse(certificate.validTo), Math.floor((now.getTime() + 10 * DAY_MS) / 1000) * 1000);
  });

  it("encodes IP addresses for the alternative names", () => {
    assert.equal(ipAddressBytes("10.1.2.3").toString("hex"), "0a010203");
    assert.equal(ipAddressBytes("::1").toString("hex"), "0".repeat(31) + "1");
    assert.equal(ipAddressBytes("fe80::1:2").toString("hex"), "fe800000000000000000000000010002");
    assert.equal(ipAddressBytes("::ffff:10.0.0.1").toString("hex"), "00000000000000000000ffff0a000001");
    assert.equal(ipAddressBytes("1:2:3:4:5:6:7:8").toString("hex"), "00010002000300040005000600070008");
    assert.throws(() => ipAddressBytes("example.com"), /not an IP address/);
  });
});

describe("console certificate files", () => {
  it("creates a certificate at first start and reuses it", async () => {
    const dataDir = await tempDir("infio-tls-");

    const first = await loadConsoleTls({ dataDir, host: "127.0.0.1" });
    const second = await loadConsoleTls({ dataDir, host: "127.0.0.1" });

    assert.equal(first.origin, "generated");
    assert.equal(second.origin, "reused");
    assert.equal(second.fingerprint, first.fingerprint);
    assert.equal(first.fingerprint, new X509Certificate(await readFile(first.certPath)).fingerprint256);
    assert.equal(first.keyPath, join(dataDir, TLS_DIRECTORY, "console-key.pem"));
    if (process.platform !== "win32") {
      assert.equal((await stat(first.keyPath)).mode & 0o777, 0o600);
      assert.equal((await stat(join(dataDir, TLS_DIRECTORY))).mode & 0o777, 0o700);
    }
    const certificate = new X509Certificate(first.certPem);
    assert.equal(certificate.checkHost("localhost"), "localhost");
    assert.equal(certificate.checkHost(hostname()), hostname());
  });

  it("replaces a kept certificate that does not name the host", async () => {
    const dataDir = await tempDir("infio-tls-");
    const first = await loadConsoleTls({ dataDir, host: "127.0.0.1" });

    const other = await loadConsoleTls({ dataDir, host: "192.0.2.10" });

    assert.equal(other.origin, "generated");
    assert.notEqual(other.fingerprint, first.fingerprint);
    assert.equal(new X509Certificate(other.certPem).checkIP("192.0.2.10"), "192.0.2.10");
  });

  it("replaces a kept certificate that expires soon", async () => {
    const dataDir = await tempDir("infio-tls-");
    const first = await loadConsoleTls({ dataDir, host: "localhost" });

    const later = await loadConsoleTls({ dataDir, host: "localhost", now: new Date(first.validTo.getTime() - 29 * DAY_MS) });

    assert.equal(later.origin, "generated");
    assert.notEqual(later.fingerprint, first.fingerprint);
  });

  it("rejects a key file that others can read", { skip: process.platform === "win32" }, async () => {
    const dataDir = await tempDir("infio-tls-");
    const first = await loadConsoleTls({ dataDir, host: "127.0.0.1" });
    await chmod(first.keyPath, 0o644);

    await assert.rejects(loadConsoleTls({ dataDir, host: "127.0.0.1" }), /TLS key file .* is accessible to .*chmod 600/);
  });

  it("uses given files and checks that they match", async () => {
    const dir = await tempDir("infio-tls-");
    const made = createSelfSignedCertificate({
      commonName: "given",
      dnsNames: ["localhost"],
      ipAddresses: ["127.0.0.1"],
      notBefore: new Date(),
      notAfter: new Date(Date.now() + DAY_MS),
    });
    const certFile = join(dir, "cert.pem");
    const keyFile = join(dir, "key.pem");
    const otherKey = join(dir, "other.pem");
    await writeFile(certFile, made.certPem);
    await writeFile(keyFile, made.keyPem, { mode: 0o600 });
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    await writeFile(otherKey, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });

    const given = await loadConsoleTls({ dataDir: dir, host: "0.0.0.0", certFile, keyFile });

    assert.equal(given.origin, "given");
    assert.equal(given.certPath, certFile);
    await assert.rejects(
      loadConsoleTls({ dataDir: dir, host: "127.0.0.1", certFile, keyFile: otherKey }),
      /does not belong to the certificate/,
    );
    await assert.rejects(loadConsoleTls({ dataDir: dir, host: "127.0.0.1", certFile }), /go together/);
    await assert.rejects(
      loadConsoleTls({ dataDir: dir, host: "127.0.0.1", certFile: keyFile, keyFile }),
      /is not a PEM certificate/,
    );
  });
});
