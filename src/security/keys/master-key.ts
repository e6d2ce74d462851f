/**
 * The master key wraps (encrypts) the data keys and never encrypts data
 * itself. It lives in a local key file or in AWS KMS; both sit behind
 * MasterKeyProvider so the keyring does not care which.
 */

import type { Result } from "../errors.js";

export type MasterKeyKind = "key-file" | "aws-kms";

/** Names a master key without revealing it; stored beside each wrapped key. */
export interface MasterKeyRef {
  readonly kind: MasterKeyKind;
  /**
   * For a key file, a fingerprint derived from the key with SHA-256; for
   * KMS, the key id or ARN the provider was configured with.
   */
  readonly keyId: string;
}

/**
 * Names that a wrapped data key is bound to. Unwrapping with another context
 * fails, so a wrapped key copied to another assessment cannot be opened.
 */
export interface WrapContext {
  readonly assessmentId: string;
  /** Hex id of the data key. */
  readonly dataKeyId: string;
}

export interface MasterKeyProvider {
  readonly ref: MasterKeyRef;

  /** Encrypts a data key; the result is opaque and safe to store. */
  wrap(key: Uint8Array, context: WrapContext): Promise<Result<Uint8Array>>;

  /** Decrypts what `wrap` returned, failing when key or context differ. */
  unwrap(wrapped: Uint8Array, context: WrapContext): Promise<Result<Uint8Array>>;
}

/** Formats a ref for messages: `key-file:3f9a…` or `aws-kms:arn:…`. */
export function describeMasterKey(ref: MasterKeyRef): string {
  return `${ref.kind}:${ref.keyId}`;
}

export function sameMasterKey(a: MasterKeyRef, b: MasterKeyRef): boolean {
  return a.kind === b.kind && a.keyId === b.keyId;
}

/** Bytes bound into a wrapped key's tag, both for key files and for KMS. */
export function wrapContextPairs(context: WrapContext): Record<string, string> {
  return {
    "infio:assessment": context.assessmentId,
    "infio:data-key": context.dataKeyId,
  };
}
