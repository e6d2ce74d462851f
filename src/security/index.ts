/** infio's security building blocks: keys, envelopes, secrets, audit log, purge. */

export { SecurityError } from "./errors.js";
export type { Result, SecurityErrorCode } from "./errors.js";

export type { MasterKeyProvider, MasterKeyRef, WrapContext } from "./keys/master-key.js";
export { describeMasterKey } from "./keys/master-key.js";
export { KeyFileProvider, createKeyFile, openKeyFile } from "./keys/key-file.js";
export { KmsProvider } from "./keys/kms-provider.js";
export type { KmsProviderOptions } from "./keys/kms-provider.js";
export { DataKey, checkAssessmentId } from "./keys/data-key.js";
export type { DataKeyRecord } from "./keys/data-key.js";
export type { DataKeyStore } from "./keys/key-store.js";
export { FileDataKeyStore } from "./keys/key-store-file.js";
export { Keyring } from "./keys/keyring.js";
export type { RotationReport } from "./keys/keyring.js";

export { decryptValue, encryptValue, createDecryptStream, createEncryptStream } from "./envelope.js";
export type { EnvelopeContext } from "./envelope.js";

export { Secret, REDACTED } from "./secrets/secret.js";
export { createRedactor, redactPatterns } from "./secrets/redact.js";
export type { Redactor } from "./secrets/redact.js";
export { parseSecretReference, resolveSecret, SECRET_REFERENCE_HELP } from "./secrets/resolve.js";
export type { ResolveSecretOptions, SecretSource } from "./secrets/resolve.js";
export { promptSecret } from "./secrets/prompt.js";
export { fetchSecret, parseDatabaseSecret } from "./secrets/secrets-manager.js";
export type { DatabaseCredentials } from "./secrets/secrets-manager.js";

export type { AuditLog, AuditLogOptions } from "./audit/audit-log.js";
export type { AuditActor, AuditEntry, AuditEvent, AuditOutcome } from "./audit/entry.js";
export { currentOsActor } from "./audit/entry.js";
export { FileAuditLog } from "./audit/file-log.js";
export { SqlAuditLog } from "./audit/sql-log.js";
export type { AuditProblem, AuditVerification } from "./audit/verify.js";

export { parseRetention, purgeOlderThan } from "./purge.js";
export type { PurgeReport } from "./purge.js";
