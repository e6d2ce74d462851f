import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type {
  AddSignatureStatement,
  AlterAuthorizationStatement,
  ApplicationRoleStatement,
  AuditSpecificationStatement,
  BackupCertificateStatement,
  CloseSymmetricKeyStatement,
  ColumnEncryptionKeyStatement,
  CreateColumnMasterKeyStatement,
  CredentialStatement,
  ExecuteAsStatement,
  KeyStatement,
  LoginStatement,
  MasterKeyStatement,
  OpenSymmetricKeyStatement,
  PermissionStatement,
  RevertStatement,
  RoleStatement,
  SecurityPolicyStatement,
  ServerAuditStatement,
  SetUserStatement,
  UserStatement,
} from "../../../src/tsql/ast/security.js";
import { parse } from "../../../src/tsql/parse.js";
import { nameText, only } from "./helpers.js";


/** Collects every string value in the node, keys excluded. */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") {
    return [value];
  }
  if (value === null || typeof value !== "object") {
    return [];
  }
  return Object.values(value).flatMap(stringsIn);
}

describe("secrets", () => {
  const cases: [string, string, string][] = [
    ["login password", "CREATE LOGIN a WITH PASSWORD = 'Pw-login-1', CHECK_POLICY = ON", "Pw-login-1"],
    ["hashed password", "CREATE LOGIN a WITH PASSWORD = 0x0200AB HASHED", "0x0200AB"],
    ["old password", "ALTER LOGIN a WITH PASSWORD = 'n1' OLD_PASSWORD = 'Pw-old-2'", "Pw-old-2"],
    ["user password", "CREATE USER u WITH PASSWORD = N'Pw-user-3'", "Pw-user-3"],
    ["application role", "ALTER APPLICATION ROLE r WITH PASSWORD = 'Pw-app-4'", "Pw-app-4"],
    ["credential secret", "CREATE CREDENTIAL c WITH IDENTITY = 'id', SECRET = 'sig=Pw-5'", "sig=Pw-5"],
    ["master key", "CREATE MASTER KEY ENCRYPTION BY PASSWORD = 'Pw-mk-6'", "Pw-mk-6"],
    ["key source", "CREATE SYMMETRIC KEY k WITH KEY_SOURCE = 'Pw-src-7', ALGORITHM = AES_256 ENCRYPTION BY PASSWORD = 'x'", "Pw-src-7"],
    ["certificate private key", "ALTER CERTIFICATE c WITH PRIVATE KEY (DECRYPTION BY PASSWORD = 'Pw-pk-8')", "Pw-pk-8"],
    ["open symmetric key", "OPEN SYMMETRIC KEY k DECRYPTION BY CERTIFICATE c WITH PASSWORD = 'Pw-open-9'", "Pw-open-9"],
    ["service account", "ALTER SERVICE MASTER KEY WITH NEW_ACCOUNT = 'acct', NEW_PASSWORD = 'Pw-svc-10'", "Pw-svc-10"],
    ["signature password", "ADD SIGNATURE TO p BY CERTIFICATE c WITH PASSWORD = 'Pw-sig-11'", "Pw-sig-11"],
  ];
  for (const [name, text, secret] of cases) {
    it(`hides ${name}`, () => {
      const statement = only(text);
      const leaked = stringsIn(statement).filter((s) => s.includes(secret));
      assert.deepEqual(leaked, []);
    });
  }

  it("hides a misplaced password in diagnostics", () => {
    const result = parse("CREATE LOGIN a WITH PASSWORD 'Pw-typo-12'");
    assert.equal(result.diagnostics.length, 1);
    assert.equal(result.diagnostics[0]?.column, 30);
    assert.doesNotMatch(result.diagnostics[0]!.message, /Pw-typo-12/);
  });

  it("hides an unquoted password in diagnostics", () => {
    const result = parse("CREATE MASTER KEY ENCRYPTION BY PASSWORD = PwBare13");
    assert.equal(result.diagnostics.length, 1);
    assert.doesNotMatch(result.diagnostics[0]!.message, /PwBare13/i);
  });
});

describe("logins", () => {
  it("reads CREATE LOGIN WITH options", () => {
    const login = only<LoginStatement>(
      "CREATE LOGIN [app] WITH PASSWORD = 'p' MUST_CHANGE, CHECK_POLICY = ON, DEFAULT_DATABASE = Sales",
    );
    assert.equal(login.kind, "CreateLoginStatement");
    assert.equal(login.name.value, "app");
    assert.equal(login.passwordGiven, true);
    assert.deepEqual(login.options.map((o) => o.name), ["PASSWORD", "CHECK_POLICY", "DEFAULT_DATABASE"]);
    assert.equal(login.options[0]?.secret, true);
    assert.deepEqual(login.options[0]?.flags, ["MUST_CHANGE"]);
    assert.equal(login.options[0]?.value, undefined);
    assert.deepEqual(login.options[1]?.value, { type: "word", value: "ON" });
    const database = login.options[2]?.value;
    assert.equal(database?.type === "name" ? database.value.name.value : undefined, "Sales");
  });

  it("reads login sources", () => {
    const windows = only<LoginStatement>("CREATE LOGIN [D\\u] FROM WINDOWS WITH DEFAULT_LANGUAGE = British");
    assert.equal(windows.source, "WINDOWS");
    assert.equal(windows.passwordGiven, false);
    assert.equal(windows.options.length, 1);

    const certificate = only<LoginStatement>("CREATE LOGIN s FROM CERTIFICATE SignCert");
    assert.equal(certificate.source, "CERTIFICATE");
    assert.equal(certificate.sourceName?.value, "SignCert");

    const key = only<LoginStatement>("CREATE LOGIN s FROM ASYMMETRIC KEY k1");
    assert.equal(key.source, "ASYMMETRIC KEY");
    assert.equal(key.sourceName?.value, "k1");

    const entra = only<LoginStatement>("CREATE LOGIN [a@b.com] FROM EXTERNAL PROVIDER");
    assert.equal(entra.source, "EXTERNAL PROVIDER");
  });

  it("reads ALTER LOGIN forms", () => {
    assert.equal(only<LoginStatement>("ALTER LOGIN a DISABLE").status, "DISABLE");
    assert.equal(only<LoginStatement>("ALTER LOGIN a ADD CREDENTIAL c").addCredential?.value, "c");
    assert.equal(only<LoginStatement>("ALTER LOGIN a DROP CREDENTIAL c").dropCredential?.value, "c");
    const renamed = only<LoginStatement>("ALTER LOGIN a WITH NAME = b, NO CREDENTIAL");
    assert.equal(renamed.kind, "AlterLoginStatement");
    assert.deepEqual(renamed.options.map((o) => o.name), ["NAME", "NO CREDENTIAL"]);
    const unlocked = only<LoginStatement>("ALTER LOGIN a WITH PASSWORD = 'x' UNLOCK");
    assert.deepEqual(unlocked.options[0]?.flags, ["UNLOCK"]);
  });
});

describe("users and roles", () => {
  it("reads CREATE USER forms", () => {
    const mapped = only<UserStatement>("CREATE USER u FOR LOGIN l WITH DEFAULT_SCHEMA = s");
    assert.equal(mapped.login?.value, "l");
    assert.equal(mapped.options[0]?.name, "DEFAULT_SCHEMA");

    const without = only<UserStatement>("CREATE USER u WITHOUT LOGIN");
    assert.equal(without.withoutLogin, true);

    const contained = only<UserStatement>("CREATE USER u WITH PASSWORD = 'p'");
    assert.equal(contained.passwordGiven, true);

    assert.equal(only<UserStatement>("CREATE USER u FROM CERTIFICATE c").certificate?.value, "c");
    assert.equal(only<UserStatement>("CREATE USER u FOR ASYMMETRIC KEY k").asymmetricKey?.value, "k");
    assert.equal(only<UserStatement>("CREATE USER [x@y] FROM EXTERNAL PROVIDER").externalProvider, true);
  });

  it("reads ALTER USER", () => {
    const user = only<UserStatement>("ALTER USER u WITH NAME = v, DEFAULT_SCHEMA = NULL");
    assert.equal(user.kind, "AlterUserStatement");
    assert.deepEqual(user.options.map((o) => o.name), ["NAME", "DEFAULT_SCHEMA"]);
    assert.deepEqual(user.options[1]?.value, { type: "word", value: "NULL" });
  });

  it("reads roles", () => {
    const role = only<RoleStatement>("CREATE ROLE r AUTHORIZATION dbo");
    assert.equal(role.server, false);
    assert.equal(role.owner?.value, "dbo");

    const server = only<RoleStatement>("ALTER SERVER ROLE sysadmin ADD MEMBER [D\\u]");
    assert.equal(server.kind, "AlterRoleStatement");
    assert.equal(server.server, true);
    assert.equal(server.addMember?.value, "D\\u");

    assert.equal(only<RoleStatement>("ALTER ROLE r DROP MEMBER m").dropMember?.value, "m");
    assert.equal(only<RoleStatement>("ALTER ROLE r WITH NAME = r2").newName?.value, "r2");
  });

  it("reads application roles", () => {
    const role = only<ApplicationRoleStatement>("CREATE APPLICATION ROLE a WITH PASSWORD = 'p', DEFAULT_SCHEMA = s");
    assert.equal(role.kind, "CreateApplicationRoleStatement");
    assert.equal(role.passwordGiven, true);
    assert.deepEqual(role.options.map((o) => o.name), ["PASSWORD", "DEFAULT_SCHEMA"]);
  });
});

describe("permissions", () => {
  it("reads GRANT on an object class", () => {
    const grant = only<PermissionStatement>(
      "GRANT SELECT, INSERT (a, b) ON OBJECT::dbo.Orders TO r1, public WITH GRANT OPTION AS dbo",
    );
    assert.equal(grant.kind, "GrantStatement");
    assert.deepEqual(grant.permissions.map((x) => x.name), ["SELECT", "INSERT"]);
    assert.deepEqual(grant.permissions[1]?.columns.map((c) => c.value), ["a", "b"]);
    assert.equal(grant.securable?.objectClass, "OBJECT");
    assert.equal(nameText(grant.securable!.name), "dbo.Orders");
    assert.deepEqual(grant.principals.map((x) => x.value), ["r1", "public"]);
    assert.equal(grant.withGrantOption, true);
    assert.equal(grant.asPrincipal?.value, "dbo");
  });

  it("reads multi-word permissions without ON", () => {
    const grant = only<PermissionStatement>("GRANT ALTER ANY LOGIN, VIEW SERVER STATE, CREATE TABLE TO l");
    assert.deepEqual(grant.permissions.map((x) => x.name), ["ALTER ANY LOGIN", "VIEW SERVER STATE", "CREATE TABLE"]);
    assert.equal(grant.securable, undefined);
  });

  it("reads multi-word classes and columns on the object", () => {
    const deny = only<PermissionStatement>("DENY EXECUTE ON XML SCHEMA COLLECTION::dbo.x TO u CASCADE");
    assert.equal(deny.kind, "DenyStatement");
    assert.equal(deny.securable?.objectClass, "XML SCHEMA COLLECTION");
    assert.equal(deny.cascade, true);

    const columns = only<PermissionStatement>("GRANT SELECT ON dbo.t (c1, c2) TO u");
    assert.equal(columns.securable?.objectClass, undefined);
    assert.deepEqual(columns.securable?.columns.map((c) => c.value), ["c1", "c2"]);
  });

  it("reads REVOKE GRANT OPTION FOR", () => {
    const revoke = only<PermissionStatement>("REVOKE GRANT OPTION FOR SELECT ON SCHEMA :: s FROM r CASCADE");
    assert.equal(revoke.kind, "RevokeStatement");
    assert.equal(revoke.grantOptionFor, true);
    assert.equal(revoke.securable?.objectClass, "SCHEMA");
    assert.equal(revoke.cascade, true);
    assert.equal(only<PermissionStatement>("GRANT ALL PRIVILEGES ON t TO u").permissions[0]?.name, "ALL PRIVILEGES");
  });
});

describe("keys and certificates", () => {
  it("reads a certificate", () => {
    const cert = only<KeyStatement>(
      "CREATE CERTIFICATE c AUTHORIZATION dbo ENCRYPTION BY PASSWORD = 'p' WITH SUBJECT = 'S', EXPIRY_DATE = '2030-01-01'",
    );
    assert.equal(cert.kind, "CreateCertificateStatement");
    assert.equal(cert.owner?.value, "dbo");
    assert.equal(cert.passwordGiven, true);
    assert.equal(cert.encryptions[0]?.mechanism, "PASSWORD");
    assert.deepEqual(cert.options.map((o) => o.name), ["SUBJECT", "EXPIRY_DATE"]);
    assert.deepEqual(cert.options[0]?.value, { type: "string", value: "S" });
  });

  it("reads certificate sources and private keys", () => {
    const file = only<KeyStatement>(
      "CREATE CERTIFICATE c FROM FILE = 'a.cer' WITH PRIVATE KEY (FILE = 'a.pvk', DECRYPTION BY PASSWORD = 'x')",
    );
    assert.deepEqual(file.options[0]?.value, { type: "string", value: "a.cer" });
    assert.deepEqual(file.privateKey.map((o) => o.name), ["FILE", "DECRYPTION BY PASSWORD"]);
    assert.equal(file.privateKey[1]?.secret, true);

    const assembly = only<KeyStatement>("CREATE CERTIFICATE c FROM ASSEMBLY Tools");
    assert.equal(assembly.options[0]?.name, "ASSEMBLY");

    const removed = only<KeyStatement>("ALTER CERTIFICATE c REMOVE PRIVATE KEY");
    assert.equal(removed.kind, "AlterCertificateStatement");
    assert.equal(removed.removePrivateKey, true);
  });

  it("reads BACKUP CERTIFICATE", () => {
    const backup = only<BackupCertificateStatement>(
      "BACKUP CERTIFICATE c TO FILE = 'c.cer' WITH PRIVATE KEY (FILE = 'c.pvk', ENCRYPTION BY PASSWORD = 'p')",
    );
    assert.equal(backup.kind, "BackupCertificateStatement");
    assert.equal(backup.options[0]?.name, "FILE");
    assert.equal(backup.privateKey.length, 2);
    assert.equal(backup.passwordGiven, true);
  });

  it("reads symmetric keys", () => {
    const key = only<KeyStatement>(
      "CREATE SYMMETRIC KEY k WITH ALGORITHM = AES_256 ENCRYPTION BY CERTIFICATE c1, PASSWORD = 'p'",
    );
    assert.equal(key.kind, "CreateSymmetricKeyStatement");
    assert.deepEqual(key.options[0]?.value, { type: "word", value: "AES_256" });
    assert.deepEqual(key.encryptions.map((e) => e.mechanism), ["CERTIFICATE", "PASSWORD"]);
    assert.equal(key.encryptions[0]?.name?.value, "c1");

    const altered = only<KeyStatement>("ALTER SYMMETRIC KEY k DROP ENCRYPTION BY ASYMMETRIC KEY a");
    assert.equal(altered.encryptions[0]?.action, "DROP");
    assert.equal(altered.encryptions[0]?.mechanism, "ASYMMETRIC KEY");

    const open = only<OpenSymmetricKeyStatement>("OPEN SYMMETRIC KEY k DECRYPTION BY CERTIFICATE c WITH PASSWORD = 'p'");
    assert.equal(open.name.value, "k");
    assert.equal(open.decryption.direction, "DECRYPTION");
    assert.equal(open.decryption.passwordGiven, true);

    assert.equal(only<CloseSymmetricKeyStatement>("CLOSE SYMMETRIC KEY k").name?.value, "k");
    assert.equal(only<CloseSymmetricKeyStatement>("CLOSE ALL SYMMETRIC KEYS").all, true);
  });

  it("reads asymmetric keys", () => {
    const key = only<KeyStatement>("CREATE ASYMMETRIC KEY a FROM PROVIDER Ekm WITH ALGORITHM = RSA_2048, CREATION_DISPOSITION = OPEN_EXISTING");
    assert.equal(key.kind, "CreateAsymmetricKeyStatement");
    assert.deepEqual(key.options.map((o) => o.name), ["PROVIDER", "ALGORITHM", "CREATION_DISPOSITION"]);
  });

  it("reads master keys", () => {
    const create = only<MasterKeyStatement>("CREATE MASTER KEY ENCRYPTION BY PASSWORD = 'p'");
    assert.equal(create.kind, "CreateMasterKeyStatement");
    assert.equal(create.passwordGiven, true);

    const regenerate = only<MasterKeyStatement>("ALTER MASTER KEY FORCE REGENERATE WITH ENCRYPTION BY PASSWORD = 'p'");
    assert.equal(regenerate.force, true);
    assert.equal(regenerate.regenerate, true);

    const add = only<MasterKeyStatement>("ALTER MASTER KEY ADD ENCRYPTION BY SERVICE MASTER KEY");
    assert.equal(add.encryptions[0]?.action, "ADD");
    assert.equal(add.encryptions[0]?.mechanism, "SERVICE MASTER KEY");

    const restore = only<MasterKeyStatement>(
      "RESTORE MASTER KEY FROM FILE = 'k' DECRYPTION BY PASSWORD = 'a' ENCRYPTION BY PASSWORD = 'b' FORCE",
    );
    assert.equal(restore.kind, "RestoreMasterKeyStatement");
    assert.deepEqual(restore.encryptions.map((e) => e.direction), ["DECRYPTION", "ENCRYPTION"]);
    assert.equal(restore.options[0]?.name, "FILE");

    assert.equal(only<MasterKeyStatement>("CLOSE MASTER KEY").kind, "CloseMasterKeyStatement");
    assert.equal(
      only<MasterKeyStatement>("BACKUP SERVICE MASTER KEY TO FILE = 'f' ENCRYPTION BY PASSWORD = 'p'").kind,
      "BackupServiceMasterKeyStatement",
    );
    assert.equal(only<MasterKeyStatement>("ALTER SERVICE MASTER KEY REGENERATE").kind, "AlterServiceMasterKeyStatement");
  });
});

describe("credentials and Always Encrypted keys", () => {
  it("reads credentials", () => {
    const credential = only<CredentialStatement>(
      "CREATE CREDENTIAL c WITH IDENTITY = 'u', SECRET = 's' FOR CRYPTOGRAPHIC PROVIDER Ekm",
    );
    assert.equal(credential.identity, "u");
    assert.equal(credential.secretGiven, true);
    assert.equal(credential.databaseScoped, false);
    assert.equal(credential.cryptographicProvider?.value, "Ekm");

    const scoped = only<CredentialStatement>("ALTER DATABASE SCOPED CREDENTIAL d WITH IDENTITY = 'Managed Identity'");
    assert.equal(scoped.kind, "AlterCredentialStatement");
    assert.equal(scoped.databaseScoped, true);
    assert.equal(scoped.secretGiven, false);
  });

  it("reads column master and encryption keys", () => {
    const cmk = only<CreateColumnMasterKeyStatement>(
      "CREATE COLUMN MASTER KEY m WITH (KEY_STORE_PROVIDER_NAME = N'MSSQL_CERTIFICATE_STORE', KEY_PATH = N'CurrentUser/My/AB')",
    );
    assert.deepEqual(cmk.options.map((o) => o.name), ["KEY_STORE_PROVIDER_NAME", "KEY_PATH"]);

    const cek = only<ColumnEncryptionKeyStatement>(
      "CREATE COLUMN ENCRYPTION KEY k WITH VALUES (COLUMN_MASTER_KEY = m1, ALGORITHM = 'RSA_OAEP', ENCRYPTED_VALUE = 0x01), (COLUMN_MASTER_KEY = m2, ALGORITHM = 'RSA_OAEP', ENCRYPTED_VALUE = 0x02)",
    );
    assert.equal(cek.values.length, 2);

    const drop = only<ColumnEncryptionKeyStatement>("ALTER COLUMN ENCRYPTION KEY k DROP VALUE (COLUMN_MASTER_KEY = m1)");
    assert.equal(drop.action, "DROP");
  });
});

describe("audits and security policies", () => {
  it("reads a server audit", () => {
    const audit = only<ServerAuditStatement>(
      "CREATE SERVER AUDIT a TO FILE (FILEPATH = 'd:\\a\\', MAXSIZE = 10 MB) WITH (ON_FAILURE = CONTINUE) WHERE database_name = 'x'",
    );
    assert.equal(audit.target, "FILE");
    assert.deepEqual(audit.targetOptions.map((o) => o.name), ["FILEPATH", "MAXSIZE"]);
    assert.deepEqual(audit.options.map((o) => o.name), ["ON_FAILURE"]);
    assert.equal(audit.predicate?.kind, "ComparisonExpression");

    assert.equal(only<ServerAuditStatement>("ALTER SERVER AUDIT a REMOVE WHERE").removeWhere, true);
    assert.equal(only<ServerAuditStatement>("ALTER SERVER AUDIT a MODIFY NAME = b").newName?.value, "b");
  });

  it("reads audit specifications", () => {
    const spec = only<AuditSpecificationStatement>(
      "CREATE DATABASE AUDIT SPECIFICATION s FOR SERVER AUDIT a ADD (SELECT, INSERT ON OBJECT::dbo.t BY public, dbo), ADD (FAILED_DATABASE_AUTHENTICATION_GROUP) WITH (STATE = ON)",
    );
    assert.equal(spec.kind, "CreateDatabaseAuditSpecificationStatement");
    assert.equal(spec.audit?.value, "a");
    const [actions, group] = spec.parts;
    assert.deepEqual(actions?.actions, ["SELECT", "INSERT"]);
    assert.equal(actions?.securable?.objectClass, "OBJECT");
    assert.deepEqual(actions?.principals.map((x) => x.value), ["public", "dbo"]);
    assert.equal(group?.group, "FAILED_DATABASE_AUTHENTICATION_GROUP");
    assert.equal(spec.options[0]?.name, "STATE");

    const server = only<AuditSpecificationStatement>("ALTER SERVER AUDIT SPECIFICATION s DROP (LOGOUT_GROUP)");
    assert.equal(server.kind, "AlterServerAuditSpecificationStatement");
    assert.equal(server.parts[0]?.action, "DROP");
  });

  it("reads security policies", () => {
    const policy = only<SecurityPolicyStatement>(
      "CREATE SECURITY POLICY rls.p ADD FILTER PREDICATE rls.fn(TenantId) ON dbo.t, ADD BLOCK PREDICATE rls.fn(TenantId) ON dbo.t AFTER INSERT WITH (STATE = ON) NOT FOR REPLICATION",
    );
    assert.equal(nameText(policy.name), "rls.p");
    const [filter, block] = policy.predicates;
    assert.equal(filter?.predicateType, "FILTER");
    assert.equal(nameText(filter!.function!), "rls.fn");
    assert.equal(filter?.arguments.length, 1);
    assert.equal(block?.blockOperation, "AFTER INSERT");
    assert.equal(policy.notForReplication, true);

    const altered = only<SecurityPolicyStatement>("ALTER SECURITY POLICY p DROP BLOCK PREDICATE ON dbo.t");
    assert.equal(altered.predicates[0]?.action, "DROP");
    assert.equal(altered.predicates[0]?.function, undefined);
  });
});

describe("ownership and security context", () => {
  it("reads ALTER AUTHORIZATION", () => {
    const owner = only<AlterAuthorizationStatement>("ALTER AUTHORIZATION ON SCHEMA::s TO u");
    assert.equal(owner.securable.objectClass, "SCHEMA");
    assert.equal(owner.principal?.value, "u");
    assert.equal(only<AlterAuthorizationStatement>("ALTER AUTHORIZATION ON t TO SCHEMA OWNER").schemaOwner, true);
  });

  it("reads EXECUTE AS and REVERT", () => {
    const login = only<ExecuteAsStatement>("EXECUTE AS LOGIN = 'l' WITH NO REVERT");
    assert.equal(login.principalType, "LOGIN");
    assert.equal(login.principal, "l");
    assert.equal(login.noRevert, true);

    const user = only<ExecuteAsStatement>("EXEC AS USER = N'u' WITH COOKIE INTO @c");
    assert.equal(user.principalType, "USER");
    assert.equal(user.cookie, "@c");

    assert.equal(only<ExecuteAsStatement>("EXECUTE AS CALLER").principalType, "CALLER");
    assert.equal(only<RevertStatement>("REVERT WITH COOKIE = @c").cookie, "@c");
  });

  it("reads SETUSER", () => {
    const setUser = only<SetUserStatement>("SETUSER 'u' WITH NORESET");
    assert.equal(setUser.user, "u");
    assert.equal(setUser.noReset, true);
    assert.equal(only<SetUserStatement>("SETUSER").user, undefined);
  });

  it("reads ADD SIGNATURE", () => {
    const signature = only<AddSignatureStatement>(
      "ADD COUNTER SIGNATURE TO OBJECT::dbo.p BY CERTIFICATE c WITH PASSWORD = 'x', ASYMMETRIC KEY k WITH SIGNATURE = 0x01",
    );
    assert.equal(signature.counter, true);
    assert.equal(signature.securable.objectClass, "OBJECT");
    assert.deepEqual(signature.signers.map((s) => s.mechanism), ["CERTIFICATE", "ASYMMETRIC KEY"]);
    assert.equal(signature.signers[0]?.passwordGiven, true);
    assert.equal(signature.signers[1]?.signatureGiven, true);
  });
});

describe("security errors", () => {
  const cases: [string, string, number, number][] = [
    ["GRANT without permission", "GRANT ON t TO u", 1, 7],
    ["GRANT without TO", "GRANT SELECT ON t u", 1, 19],
    ["credential without IDENTITY", "CREATE CREDENTIAL c WITH SECRET = 's'", 1, 26],
    ["unknown login source", "CREATE LOGIN l FROM LDAP", 1, 21],
    ["unknown decryption", "OPEN SYMMETRIC KEY k DECRYPTION BY TOKEN t", 1, 36],
    ["reserved principal", "ALTER ROLE r ADD MEMBER SELECT", 1, 25],
  ];
  for (const [name, text, line, column] of cases) {
    it(name, () => {
      const result = parse(text);
      const first = result.diagnostics[0];
      assert.equal(first?.code, "parse.unexpected-token");
      assert.equal(first?.line, line);
      assert.equal(first?.column, column);
    });
  }
});
