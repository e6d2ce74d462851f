/**
 * A master key in AWS KMS. Data keys are generated locally and wrapped with
 * the KMS Encrypt operation, so KMS receives each data key once at creation
 * and returns it once per unwrap. The assessment id is sent as encryption
 * context, which KMS binds to the ciphertext and records in CloudTrail.
 *
 * Region and credentials come from the standard AWS configuration (the
 * AWS_REGION and AWS_PROFILE variables, ~/.aws/config and credentials, SSO,
 * instance roles) unless passed here, as in AWS SDK for JavaScript v3.
 */

import {
  DecryptCommand,
  EncryptCommand,
  KMSClient,
  type KMSClientConfig,
} from "@aws-sdk/client-kms";

import { describeError, fail, ok, type Result } from "../errors.js";
import {
  wrapContextPairs,
  type MasterKeyProvider,
  type MasterKeyRef,
  type WrapContext,
} from "./master-key.js";

export interface KmsProviderOptions {
  /** Key id, key ARN, alias name (`alias/infio`) or alias ARN. */
  readonly keyId: string;
  readonly region?: string;
  /** Another endpoint, such as a VPC endpoint or a local test server. */
  readonly endpoint?: string;
  readonly credentials?: KMSClientConfig["credentials"];
  /** An existing client; the other connection options are then ignored. */
  readonly client?: KMSClient;
}

export class KmsProvider implements MasterKeyProvider {
  readonly ref: MasterKeyRef;
  readonly #client: KMSClient;

  constructor(options: KmsProviderOptions) {
    this.ref = { kind: "aws-kms", keyId: options.keyId };
    this.#client = options.client ?? new KMSClient(clientConfig(options));
  }

  async wrap(key: Uint8Array, context: WrapContext): Promise<Result<Uint8Array>> {
    try {
      const output = await this.#client.send(
        new EncryptCommand({
          KeyId: this.ref.keyId,
          Plaintext: key,
          EncryptionContext: wrapContextPairs(context),
        }),
      );
      if (output.CiphertextBlob === undefined) {
        return fail("kms-failed", `AWS KMS returned no ciphertext for key '${this.ref.keyId}'`);
      }
      return ok(output.CiphertextBlob);
    } catch (error) {
      return kmsFailure("wrap", this.ref.keyId, context, error);
    }
  }

  async unwrap(wrapped: Uint8Array, context: WrapContext): Promise<Result<Uint8Array>> {
    try {
      // Passing KeyId makes KMS reject a ciphertext made under another key
      // instead of silently using whichever key made it.
      const output = await this.#client.send(
        new DecryptCommand({
          KeyId: this.ref.keyId,
          CiphertextBlob: wrapped,
          EncryptionContext: wrapContextPairs(context),
        }),
      );
      if (output.Plaintext === undefined) {
        return fail("kms-failed", `AWS KMS returned no plaintext for key '${this.ref.keyId}'`);
      }
      return ok(output.Plaintext);
    } catch (error) {
      return kmsFailure("unwrap", this.ref.keyId, context, error);
    }
  }

  /** Closes the client's connections. */
  destroy(): void {
    this.#client.destroy();
  }
}

function clientConfig(options: KmsProviderOptions): KMSClientConfig {
  return {
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
  };
}

/** Error names from the KMS API reference that mean key or ciphertext are wrong. */
const WRONG_KEY_ERRORS = new Set([
  "InvalidCiphertextException",
  "IncorrectKeyException",
]);

function kmsFailure(
  operation: "wrap" | "unwrap",
  keyId: string,
  context: WrapContext,
  error: unknown,
): Result<Uint8Array> {
  const name = error instanceof Error ? error.name : "Error";
  const subject = `data key ${context.dataKeyId} of assessment '${context.assessmentId}'`;
  if (WRONG_KEY_ERRORS.has(name)) {
    return fail(
      "wrong-master-key",
      `cannot ${operation} ${subject} with AWS KMS key '${keyId}': ${name}; ` +
        "the data key was wrapped by another KMS key or was altered",
      error,
    );
  }
  return fail(
    "kms-failed",
    `cannot ${operation} ${subject} with AWS KMS key '${keyId}': ${name}: ${describeError(error)}; ` +
      "check the key id, the region, your AWS credentials and the key policy",
    error,
  );
}
