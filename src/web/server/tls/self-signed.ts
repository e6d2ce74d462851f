/**
 * A self-signed X.509 v3 certificate for the console, with an ECDSA P-256
 * key, built with the DER encoder of der.ts and signed by node:crypto,
 * which has no certificate builder of its own. The fields follow RFC 5280:
 * subject and issuer are the same common name, and the subject alternative
 * names list the DNS names and IP addresses the console answers on, which
 * is what browsers check.
 */

import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";

import {
  derBitString,
  derBoolean,

  derExplicit,
  derImplicit,
  derInteger,
  derObjectIdentifier,
  derOctetString,
  derSequence,
  derSet,
  derTime,
  derUtf8String,
} from "./der.js";

/** Object identifiers, RFC 5280 and RFC 5758 (ecdsa-with-SHA256). */
const OID = {
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  commonName: "2.5.4.3",
  organization: "2.5.4.10",
  subjectKeyIdentifier: "2.5.29.14",
  keyUsage: "2.5.29.15",
  subjectAltName: "2.5.29.17",
  basicConstraints: "2.5.29.19",
  extKeyUsage: "2.5.29.37",
  serverAuth: "1.3.6.1.5.5.7.3.1",
};

export interface SelfSignedOptions {
  readonly commonName: string;
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
  readonly notBefore: Date;
  readonly notAfter: Date;
}

export interface SelfSignedCertificate {
  /** The certificate in PEM. */
  readonly certPem: string;
  /** The private key in PKCS #8 PEM. */
  readonly keyPem: string;
}

/** Creates a new key pair and a certificate for it, signed with its own key. */
export function createSelfSignedCertificate(options: SelfSignedOptions): SelfSignedCertificate {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const algorithm = derSequence(derObjectIdentifier(OID.ecdsaWithSha256));
  const name = derSequence(
    relativeName(OID.organization, "infio"),
    relativeName(OID.commonName, options.commonName),
  );

  const tbs = derSequence(
    derExplicit(0, derInteger(2)), // version 3
    derInteger(serialNumber()),
    algorithm,
    name,
    derSequence(derTime(options.notBefore), derTime(options.notAfter)),
    name,
    publicKey.export({ type: "spki", format: "der" }),
    derExplicit(3, derSequence(...extensions(options, publicKey))),
  );
  const signature = sign("sha256", tbs, { key: privateKey, dsaEncoding: "der" });
  const certificate = derSequence(tbs, algorithm, derBitString(signature));

  return {
    certPem: pem("CERTIFICATE", certificate),
    keyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

function relativeName(oid: string, value: string): Buffer {
  return derSet(derSequence(derObjectIdentifier(oid), derUtf8String(value)));
}

/** 16 random octets, positive and non-zero, as RFC 5280, section 4.1.2.2, requires of serial numbers. */
function serialNumber(): Buffer {
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x01;
  return serial;
}

function extensions(options: SelfSignedOptions, publicKey: KeyObject): Buffer[] {
  const altNames = [
    ...options.dnsNames.map((dns) => derImplicit(2, Buffer.from(dns, "ascii"))),
    ...options.ipAddresses.map((ip) => derImplicit(7, ipAddressBytes(ip))),
  ];
  return [
    // Not a certificate authority, so it cannot sign other certificates.
    extension(OID.basicConstraints, true, derSequence()),
    // digitalSignature only: bit 0 set, 7 unused bits.
    extension(OID.keyUsage, true, derBitString(Buffer.from([0x80]), 7)),
    extension(OID.extKeyUsage, false, derSequence(derObjectIdentifier(OID.serverAuth))),
    extension(OID.subjectAltName, false, derSequence(...altNames)),
    extension(OID.subjectKeyIdentifier, false, derOctetString(keyIdentifier(publicKey))),
  ];
}

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  // DER leaves out a BOOLEAN that has its default value, FALSE.
  const flag = critical ? [derBoolean(true)] : [];
  return derSequence(derObjectIdentifier(oid), ...flag, derOctetString(value));
}

/** SHA-1 of the public key's point: method 1 of RFC 5280, section 4.2.1.2. */
function keyIdentifier(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: "jwk" });
  const point = Buffer.concat([
    Buffer.from([0x04]),
    Buffer.from(jwk.x ?? "", "base64url"),
    Buffer.from(jwk.y ?? "", "base64url"),
  ]);
  return createHash("sha1").update(point).digest();
}

/** Returns the 4 or 16 octets of an IPv4 or IPv6 address. */
export function ipAddressBytes(address: string): Buffer {
  if (isIPv4(address)) {
    return Buffer.from(address.split(".").map((part) => Number(part)));
  }
  if (!isIPv6(address)) {
    throw new RangeError(`'${address}' is not an IP address`);
  }

  let text = address.replace(/%.*$/, "");
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4 !== null) {
    const [a, b, c, d] = v4[1]!.split(".").map((part) => Number(part));
    text = text.slice(0, v4.index) + `${((a! << 8) | b!).toString(16)}:${((c! << 8) | d!).toString(16)}`;
  }

  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const headGroups = head === "" || head === undefined ? [] : head.split(":");
  const tailGroups = tail === undefined || tail === "" ? [] : tail.split(":");
  const zeros = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(zeros).fill("0"), ...tailGroups];

  const bytes = Buffer.alloc(16);
  groups.forEach((group, i) => bytes.writeUInt16BE(parseInt(group, 16), i * 2));
  return bytes;
}

function pem(label: string, der: Buffer): string {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

