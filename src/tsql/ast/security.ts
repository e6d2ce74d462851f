/**
 * Security statements: principals, permissions, keys and certificates,
 * credentials, audits, row-level security and impersonation.
 *
 * Passwords and secrets stay out of node fields: an option that carries one
 * keeps only its name and `secret: true`, and statements set
 * `passwordGiven`. Only the raw text of an ErrorStatement may contain one.
 */

import type { Expression } from "./expressions.js";
import type { Identifier, Node, OptionNode, OptionValue, SchemaObjectName } from "./node.js";

export type SecurityStatement =
  | LoginStatement
  | UserStatement
  | RoleStatement
  | ApplicationRoleStatement
  | PermissionStatement
  | KeyStatement
  | BackupCertificateStatement
  | MasterKeyStatement
  | OpenSymmetricKeyStatement
  | CloseSymmetricKeyStatement
  | CredentialStatement
  | CreateColumnMasterKeyStatement
  | ColumnEncryptionKeyStatement
  | ServerAuditStatement
  | AuditSpecificationStatement
  | SecurityPolicyStatement
  | AlterAuthorizationStatement
  | ExecuteAsStatement
  | RevertStatement
  | SetUserStatement
  | AddSignatureStatement;

/** A `NAME = value` item of a security statement, or a flag word such as UNLOCK. */
export interface SecurityOption extends Node {
  readonly kind: "SecurityOption";
  /** Upper-case name, words joined by one space: `DEFAULT_SCHEMA`, `DECRYPTION BY PASSWORD`. */
  readonly name: string;
  /** The value, absent for flags and for secrets. */
  readonly value?: OptionValue;
  /** The option carried a password, secret or key phrase, which is not kept. */
  readonly secret?: true;
  /** Words that qualify a password: HASHED, MUST_CHANGE, UNLOCK. */
  readonly flags?: readonly string[];
}

/**
 * `ENCRYPTION BY ...` or `DECRYPTION BY ...` naming what protects a key:
 * a password, a certificate, another key or the service master key.
 */
export interface KeyEncryption extends Node {
  readonly kind: "KeyEncryption";
  readonly direction: "ENCRYPTION" | "DECRYPTION";
  /** `ADD ENCRYPTION BY` and `DROP ENCRYPTION BY` of ALTER statements. */
  readonly action?: "ADD" | "DROP";
  readonly mechanism:
    | "PASSWORD"
    | "CERTIFICATE"
    | "SYMMETRIC KEY"
    | "ASYMMETRIC KEY"
    | "SERVICE MASTER KEY"
    | "MASTER KEY";
  /** The certificate or key. */
  readonly name?: Identifier;
  /** A password was given, as the mechanism or in `WITH PASSWORD =`. */
  readonly passwordGiven: boolean;
}

/** CREATE LOGIN and ALTER LOGIN. */
export interface LoginStatement extends Node {
  readonly kind: "CreateLoginStatement" | "AlterLoginStatement";
  readonly name: Identifier;
  /** `FROM WINDOWS`, `FROM CERTIFICATE c`, `FROM ASYMMETRIC KEY k`, `FROM EXTERNAL PROVIDER`. */
  readonly source?: "WINDOWS" | "CERTIFICATE" | "ASYMMETRIC KEY" | "EXTERNAL PROVIDER";
  readonly sourceName?: Identifier;
  readonly options: readonly SecurityOption[];
  readonly passwordGiven: boolean;
  /** `ALTER LOGIN ... ENABLE | DISABLE`. */
  readonly status?: "ENABLE" | "DISABLE";
  readonly addCredential?: Identifier;
  readonly dropCredential?: Identifier;
}

/** CREATE USER and ALTER USER. */
export interface UserStatement extends Node {
  readonly kind: "CreateUserStatement" | "AlterUserStatement";
  readonly name: Identifier;
  /** `FOR LOGIN l` or `FROM LOGIN l`. */
  readonly login?: Identifier;
  readonly withoutLogin: boolean;
  readonly certificate?: Identifier;
  readonly asymmetricKey?: Identifier;
  readonly externalProvider: boolean;
  readonly options: readonly SecurityOption[];
  /** A contained database user with a password. */
  readonly passwordGiven: boolean;
}

/** CREATE and ALTER of database roles (`ROLE`) and server roles (`SERVER ROLE`). */
export interface RoleStatement extends Node {
  readonly kind: "CreateRoleStatement" | "AlterRoleStatement";
  readonly server: boolean;
  readonly name: Identifier;
  /** `AUTHORIZATION owner`. */
  readonly owner?: Identifier;
  readonly addMember?: Identifier;
  readonly dropMember?: Identifier;
  /** `WITH NAME = new_name`. */
  readonly newName?: Identifier;
}

/** CREATE APPLICATION ROLE and ALTER APPLICATION ROLE. */
export interface ApplicationRoleStatement extends Node {
  readonly kind: "CreateApplicationRoleStatement" | "AlterApplicationRoleStatement";
  readonly name: Identifier;
  readonly options: readonly SecurityOption[];
  readonly passwordGiven: boolean;
}

/** GRANT, DENY and REVOKE. */
export interface PermissionStatement extends Node {
  readonly kind: "GrantStatement" | "DenyStatement" | "RevokeStatement";
  readonly permissions: readonly Permission[];
  /** Absent for server-level and database-level permissions. */
  readonly securable?: Securable;
  readonly principals: readonly Identifier[];
  readonly withGrantOption: boolean;
  /** `REVOKE GRANT OPTION FOR`. */
  readonly grantOptionFor: boolean;
  readonly cascade: boolean;
  /** `AS principal`: whose right to grant is used. */
  readonly asPrincipal?: Identifier;
}

/** A permission such as `SELECT (a, b)`, `ALTER ANY LOGIN` or `ALL PRIVILEGES`. */
export interface Permission extends Node {
  readonly kind: "Permission";
  /** Upper-case words joined by one space. */
  readonly name: string;
  readonly columns: readonly Identifier[];
}

/** `[class ::] name [(columns)]`: what a permission, owner or signature applies to. */
export interface Securable extends Node {
  readonly kind: "Securable";
  /** Upper-case class before `::`, such as `SCHEMA` or `XML SCHEMA COLLECTION`. */
  readonly objectClass?: string;
  readonly name: SchemaObjectName;
  readonly columns: readonly Identifier[];
}

/**
 * CREATE and ALTER of certificates, symmetric keys and asymmetric keys,
 * which share their option, encryption and private key clauses.
 */
export interface KeyStatement extends Node {
  readonly kind:
    | "CreateCertificateStatement"
    | "AlterCertificateStatement"
    | "CreateSymmetricKeyStatement"
    | "AlterSymmetricKeyStatement"
    | "CreateAsymmetricKeyStatement"
    | "AlterAsymmetricKeyStatement";
  readonly name: Identifier;
  /** `AUTHORIZATION owner`. */
  readonly owner?: Identifier;
  /**
   * Key source and creation options: `FILE`, `EXECUTABLE FILE`,
   * `ASSEMBLY`, `BINARY`, `PROVIDER`, `SUBJECT`, `EXPIRY_DATE`,
   * `ALGORITHM`, `ACTIVE FOR BEGIN_DIALOG`, `KEY_SOURCE` (secret) ...
   */
  readonly options: readonly SecurityOption[];
  readonly encryptions: readonly KeyEncryption[];
  /** `PRIVATE KEY (...)`: file, binary and passwords of the private key. */
  readonly privateKey: readonly SecurityOption[];
  readonly removePrivateKey: boolean;
  readonly passwordGiven: boolean;
}

/** `BACKUP CERTIFICATE name TO FILE = 'path' [WITH PRIVATE KEY (...)]`. */
export interface BackupCertificateStatement extends Node {
  readonly kind: "BackupCertificateStatement";
  readonly name: Identifier;
  /** The destination and its format: `FILE`, `URL`, `FORMAT`. */
  readonly options: readonly SecurityOption[];
  readonly privateKey: readonly SecurityOption[];
  readonly passwordGiven: boolean;
}

/** The database master key and the service master key. */
export interface MasterKeyStatement extends Node {
  readonly kind:
    | "CreateMasterKeyStatement"
    | "AlterMasterKeyStatement"
    | "OpenMasterKeyStatement"
    | "CloseMasterKeyStatement"
    | "BackupMasterKeyStatement"
    | "RestoreMasterKeyStatement"
    | "AlterServiceMasterKeyStatement"
    | "BackupServiceMasterKeyStatement"
    | "RestoreServiceMasterKeyStatement";
  readonly encryptions: readonly KeyEncryption[];
  /** `FILE`, `URL`, and the accounts of ALTER SERVICE MASTER KEY WITH. */
  readonly options: readonly SecurityOption[];
  readonly regenerate: boolean;
  readonly force: boolean;
  readonly passwordGiven: boolean;
}

/** `OPEN SYMMETRIC KEY name DECRYPTION BY ...`. */
export interface OpenSymmetricKeyStatement extends Node {
  readonly kind: "OpenSymmetricKeyStatement";
  readonly name: Identifier;
  readonly decryption: KeyEncryption;
}

/** `CLOSE SYMMETRIC KEY name` or `CLOSE ALL SYMMETRIC KEYS`. */
export interface CloseSymmetricKeyStatement extends Node {
  readonly kind: "CloseSymmetricKeyStatement";
  readonly name?: Identifier;
  readonly all: boolean;
}

/** CREATE and ALTER of server credentials and database scoped credentials. */
export interface CredentialStatement extends Node {
  readonly kind: "CreateCredentialStatement" | "AlterCredentialStatement";
  readonly databaseScoped: boolean;
  readonly name: Identifier;
  /** `IDENTITY = '...'`: the account or identity type, not a secret. */
  readonly identity: string;
  /** `SECRET = '...'` was given; its value is not kept. */
  readonly secretGiven: boolean;
  /** `FOR CRYPTOGRAPHIC PROVIDER name`. */
  readonly cryptographicProvider?: Identifier;
}

/** `CREATE COLUMN MASTER KEY name WITH (KEY_STORE_PROVIDER_NAME = ..., KEY_PATH = ...)`. */
export interface CreateColumnMasterKeyStatement extends Node {
  readonly kind: "CreateColumnMasterKeyStatement";
  readonly name: Identifier;
  readonly options: readonly OptionNode[];
}

/** CREATE COLUMN ENCRYPTION KEY and ALTER COLUMN ENCRYPTION KEY ... ADD|DROP VALUE. */
export interface ColumnEncryptionKeyStatement extends Node {
  readonly kind: "CreateColumnEncryptionKeyStatement" | "AlterColumnEncryptionKeyStatement";
  readonly name: Identifier;
  readonly action?: "ADD" | "DROP";
  /** One option list per encrypted value: COLUMN_MASTER_KEY, ALGORITHM, ENCRYPTED_VALUE. */
  readonly values: readonly (readonly OptionNode[])[];
}

/** CREATE SERVER AUDIT and ALTER SERVER AUDIT. */
export interface ServerAuditStatement extends Node {
  readonly kind: "CreateServerAuditStatement" | "AlterServerAuditStatement";
  readonly name: Identifier;
  /** `FILE`, `APPLICATION_LOG`, `SECURITY_LOG`, `URL` or `EXTERNAL_MONITOR`. */
  readonly target?: string;
  /** `TO FILE (FILEPATH = ..., MAXSIZE = ...)`. */
  readonly targetOptions: readonly OptionNode[];
  /** `WITH (QUEUE_DELAY = ..., ON_FAILURE = ..., STATE = ...)`. */
  readonly options: readonly OptionNode[];
  readonly predicate?: Expression;
  readonly removeWhere: boolean;
  readonly newName?: Identifier;
}

/** CREATE and ALTER of SERVER AUDIT SPECIFICATION and DATABASE AUDIT SPECIFICATION. */
export interface AuditSpecificationStatement extends Node {
  readonly kind:
    | "CreateServerAuditSpecificationStatement"
    | "AlterServerAuditSpecificationStatement"
    | "CreateDatabaseAuditSpecificationStatement"
    | "AlterDatabaseAuditSpecificationStatement";
  readonly name: Identifier;
  /** `FOR SERVER AUDIT name`. */
  readonly audit?: Identifier;
  readonly parts: readonly AuditSpecificationPart[];
  /** `WITH (STATE = ON)`. */
  readonly options: readonly OptionNode[];
}

/** `ADD (group)` or `ADD (action [, ...] ON securable BY principal [, ...])`, or DROP. */
export interface AuditSpecificationPart extends Node {
  readonly kind: "AuditSpecificationPart";
  readonly action: "ADD" | "DROP";
  /** An audit action group such as `FAILED_LOGIN_GROUP`. */
  readonly group?: string;
  /** Audited actions such as SELECT or EXECUTE, with the securable and principals. */
  readonly actions: readonly string[];
  readonly securable?: Securable;
  readonly principals: readonly Identifier[];
}

/** CREATE SECURITY POLICY and ALTER SECURITY POLICY (row-level security). */
export interface SecurityPolicyStatement extends Node {
  readonly kind: "CreateSecurityPolicyStatement" | "AlterSecurityPolicyStatement";
  readonly name: SchemaObjectName;
  readonly predicates: readonly SecurityPredicateAction[];
  /** `WITH (STATE = ON, SCHEMABINDING = ON)`. */
  readonly options: readonly OptionNode[];
  readonly notForReplication: boolean;
}

/** `{ADD | ALTER} [FILTER | BLOCK] PREDICATE fn(args) ON table [block operation]`, or DROP. */
export interface SecurityPredicateAction extends Node {
  readonly kind: "SecurityPredicateAction";
  readonly action: "ADD" | "ALTER" | "DROP";
  readonly predicateType: "FILTER" | "BLOCK";
  /** The inline table-valued predicate function; absent for DROP. */
  readonly function?: SchemaObjectName;
  readonly arguments: readonly Expression[];
  readonly target: SchemaObjectName;
  readonly blockOperation?: "AFTER INSERT" | "AFTER UPDATE" | "BEFORE UPDATE" | "BEFORE DELETE";
}

/** `ALTER AUTHORIZATION ON [class ::] entity TO {principal | SCHEMA OWNER}`. */
export interface AlterAuthorizationStatement extends Node {
  readonly kind: "AlterAuthorizationStatement";
  readonly securable: Securable;
  readonly principal?: Identifier;
  /** `TO SCHEMA OWNER`. */
  readonly schemaOwner: boolean;
}

/** `EXECUTE AS {LOGIN | USER} = 'name' [WITH {NO REVERT | COOKIE INTO @c}]` or `EXECUTE AS CALLER`. */
export interface ExecuteAsStatement extends Node {
  readonly kind: "ExecuteAsStatement";
  readonly principalType: "LOGIN" | "USER" | "CALLER";
  readonly principal?: string;
  readonly noRevert: boolean;
  /** The variable of `COOKIE INTO @c`, with its `@`. */
  readonly cookie?: string;
}

/** `REVERT [WITH COOKIE = @c]`. */
export interface RevertStatement extends Node {
  readonly kind: "RevertStatement";
  readonly cookie?: string;
}

/** `SETUSER ['user' [WITH NORESET]]` (deprecated). */
export interface SetUserStatement extends Node {
  readonly kind: "SetUserStatement";
  readonly user?: string;
  readonly noReset: boolean;
}

/** `ADD [COUNTER] SIGNATURE TO module BY {CERTIFICATE c | ASYMMETRIC KEY k} [...]`. */
export interface AddSignatureStatement extends Node {
  readonly kind: "AddSignatureStatement";
  readonly counter: boolean;
  readonly securable: Securable;
  readonly signers: readonly Signer[];
}

/** A certificate or asymmetric key that signs a module. */
export interface Signer extends Node {
  readonly kind: "Signer";
  readonly mechanism: "CERTIFICATE" | "ASYMMETRIC KEY";
  readonly name: Identifier;
  readonly passwordGiven: boolean;
  /** `WITH SIGNATURE = 0x...`: a signature made elsewhere. */
  readonly signatureGiven: boolean;
}
