/**
 * A local stand-in for AWS KMS and AWS Secrets Manager on loopback. It
 * speaks the AWS JSON 1.1 protocol that both SDK clients use: POST / with
 * the operation in the X-Amz-Target header and JSON bodies. Blobs are in
 * base64, and errors are `{"__type": ..., "message": ...}` with status 400.
 */

import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  readonly target: string;
  readonly authorization: string;
  readonly body: Record<string, unknown>;
}

export interface FakeAws {
  readonly endpoint: string;
  readonly requests: RecordedRequest[];
  /** KMS key ids the server accepts. */
  addKmsKey(keyId: string): void;
  setSecret(secretId: string, value: string): void;
  close(): Promise<void>;
}

/** Test credentials; the fake server checks only that requests are signed. */
export const TEST_CREDENTIALS = { accessKeyId: "AKIDFAKEINFIOTEST", secretAccessKey: "fake-secret-access-key" };

class AwsError extends Error {
  constructor(readonly type: string, message: string) {
    super(message);
  }
}

export async function startFakeAws(): Promise<FakeAws> {
  const kmsKeys = new Map<string, Buffer>();
  const secrets = new Map<string, string>();
  const requests: RecordedRequest[] = [];

  const handlers: Record<string, (body: Record<string, unknown>) => Record<string, unknown>> = {
    "TrentService.Encrypt": (body) => kmsEncrypt(kmsKeys, body),
    "TrentService.Decrypt": (body) => kmsDecrypt(kmsKeys, body),
    "secretsmanager.GetSecretValue": (body) => {
      const id = String(body.SecretId);
      const value = secrets.get(id);
      if (value === undefined) {
        throw new AwsError("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
      }
      return { ARN: id, Name: id, SecretString: value, VersionId: "v1", VersionStages: ["AWSCURRENT"] };
    },
  };

  const server: Server = createServer(async (request, response) => {
    const target = String(request.headers["x-amz-target"] ?? "");
    const body = JSON.parse((await readBody(request)) || "{}") as Record<string, unknown>;
    requests.push({ target, authorization: String(request.headers.authorization ?? ""), body });

    const send = (status: number, payload: unknown): void => {
      response.writeHead(status, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "fake-request" });
      response.end(JSON.stringify(payload));
    };

    const handler = handlers[target];
    if (handler === undefined) {
      send(400, { __type: "UnknownOperationException", message: `fake AWS has no ${target}` });
      return;
    }
    if (!String(request.headers.authorization ?? "").startsWith("AWS4-HMAC-SHA256 ")) {
      send(400, { __type: "MissingAuthenticationTokenException", message: "request is not signed" });
      return;
    }
    try {
      send(200, handler(body));
    } catch (error) {
      if (error instanceof AwsError) {
        send(400, { __type: error.type, message: error.message });
        return;
      }
      send(500, { __type: "InternalFailure", message: String(error) });
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    addKmsKey: (keyId) => kmsKeys.set(keyId, randomBytes(32)),
    setSecret: (secretId, value) => secrets.set(secretId, value),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function contextBytes(context: unknown): Buffer {
  const pairs = Object.entries((context ?? {}) as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : 1));
  return Buffer.from(JSON.stringify(pairs));
}

/** Ciphertext blob: key id length (1 byte), key id, nonce, ciphertext, tag. */
function kmsEncrypt(keys: Map<string, Buffer>, body: Record<string, unknown>): Record<string, unknown> {
  const keyId = String(body.KeyId);
  const key = keys.get(keyId);
  if (key === undefined) {
    throw new AwsError("NotFoundException", `Key '${keyId}' does not exist`);
  }

  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(contextBytes(body.EncryptionContext));
  const sealed = Buffer.concat([cipher.update(Buffer.from(String(body.Plaintext), "base64")), cipher.final()]);
  const id = Buffer.from(keyId);
  const blob = Buffer.concat([Buffer.from([id.length]), id, nonce, sealed, cipher.getAuthTag()]);
  return { CiphertextBlob: blob.toString("base64"), KeyId: keyId, EncryptionAlgorithm: "SYMMETRIC_DEFAULT" };
}

function kmsDecrypt(keys: Map<string, Buffer>, body: Record<string, unknown>): Record<string, unknown> {
  const blob = Buffer.from(String(body.CiphertextBlob), "base64");
  const keyId = blob.subarray(1, 1 + blob[0]!).toString();
  if (body.KeyId !== undefined && body.KeyId !== keyId) {
    throw new AwsError("IncorrectKeyException", "The key ID in the request does not identify a KMS key that can decrypt the ciphertext.");
  }
  const key = keys.get(keyId);
  if (key === undefined) {
    throw new AwsError("InvalidCiphertextException", "");
  }

  const rest = blob.subarray(1 + blob[0]!);
  const decipher = createDecipheriv("aes-256-gcm", key, rest.subarray(0, 12));
  decipher.setAAD(contextBytes(body.EncryptionContext));
  decipher.setAuthTag(rest.subarray(rest.length - 16));
  try {
    const plain = Buffer.concat([decipher.update(rest.subarray(12, rest.length - 16)), decipher.final()]);
    return { Plaintext: plain.toString("base64"), KeyId: keyId, EncryptionAlgorithm: "SYMMETRIC_DEFAULT" };
  } catch {
    throw new AwsError("InvalidCiphertextException", "");
  }
}
