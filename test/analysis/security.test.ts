import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { found, statusOf, target } from "./detector-cases.js";

const FAMILIES = ["security"];

const CASES: readonly { name: string; sql: string; expected: readonly string[] }[] = [
  {
    name: "logins, users and roles",
    sql: [
      "CREATE LOGIN l WITH PASSWORD = 'x'",
      "CREATE LOGIN [dom\\u] FROM WINDOWS",
      "ALTER LOGIN l DISABLE",
      "CREATE USER u WITHOUT LOGIN",
      "ALTER USER u WITH DEFAULT_SCHEMA = s",
      "CREATE ROLE r",
      "ALTER ROLE r ADD MEMBER u",
      "CREATE SERVER ROLE sr",
      "CREATE APPLICATION ROLE ar WITH PASSWORD = 'x'",
    ].join("\n"),
    expected: [
      "security.login.create 1:1", "security.login.create [windows] 2:1", "security.login.alter 3:1",
      "security.user.create [without_login] 4:1", "security.user.alter 5:1", "security.role.create 6:1",
      "security.role.create 7:1", "security.server_role 8:1", "security.application_role 9:1",
    ],
  },
  {
    name: "GRANT, DENY and REVOKE, one finding per permission",
    sql: [
      "GRANT SELECT, EXECUTE ON SCHEMA::dbo TO u",
      "GRANT CONTROL ON DATABASE::d TO u",
      "GRANT VIEW SERVER STATE, ALTER ANY LOGIN TO l",
      "DENY DELETE ON t TO u",
      "REVOKE INSERT ON OBJECT::t FROM u",
    ].join("\n"),
    expected: [
      "security.grant [select] 1:7", "security.grant [execute] 1:15", "security.grant [database] 2:7",
      "security.grant [view_server_state] 3:7", "security.grant [alter_any_login] 3:26",
      "security.deny [delete] 4:6", "security.revoke [insert] 5:8",
    ],
  },
  {
    name: "certificates, keys, master keys and signatures",
    sql: [
      "CREATE CERTIFICATE c WITH SUBJECT = 's'",
      "CREATE SYMMETRIC KEY k WITH ALGORITHM = AES_256 ENCRYPTION BY CERTIFICATE c",
      "OPEN SYMMETRIC KEY k DECRYPTION BY CERTIFICATE c",
      "CLOSE ALL SYMMETRIC KEYS",
      "CREATE ASYMMETRIC KEY ak WITH ALGORITHM = RSA_2048",
      "CREATE MASTER KEY ENCRYPTION BY PASSWORD = 'x'",
      "ADD SIGNATURE TO dbo.p BY CERTIFICATE c",
      "DROP CERTIFICATE c",
    ].join("\n"),
    expected: [
      "security.certificate 1:1", "security.symmetric_key 2:1", "security.symmetric_key 3:1",
      "security.symmetric_key 4:1", "security.symmetric_key 5:1", "security.master_key 6:1",
      "security.certificate 7:1", "security.certificate [drop] 8:1",
    ],
  },
  {
    name: "credentials, Always Encrypted keys, audits and security policies",
    sql: [
      "CREATE DATABASE SCOPED CREDENTIAL cr WITH IDENTITY = 'i', SECRET = 's'",
      "CREATE COLUMN MASTER KEY cmk WITH (KEY_STORE_PROVIDER_NAME = 'p', KEY_PATH = 'k')",
      "CREATE SERVER AUDIT a TO FILE (FILEPATH = 'c:\\a\\')",
      "CREATE DATABASE AUDIT SPECIFICATION das FOR SERVER AUDIT a ADD (SELECT ON t BY public)",
      "CREATE SECURITY POLICY sp ADD FILTER PREDICATE dbo.f(id) ON dbo.t",
    ].join("\n"),
    expected: [
      "security.credential 1:1", "security.always_encrypted 2:1", "security.audit 3:1",
      "security.audit 4:1", "security.row_level_security 5:1",
    ],
  },
  {
    name: "ALTER AUTHORIZATION by class, impersonation and SETUSER",
    sql: "ALTER AUTHORIZATION ON SCHEMA::s TO u\nALTER AUTHORIZATION ON t TO u\nEXECUTE AS USER = 'u'\nREVERT\nEXECUTE AS LOGIN = 'l'\nSETUSER 'u'",
    expected: [
      "security.alter_authorization [schema] 1:1", "security.alter_authorization [object] 2:1",
      "security.execute_as_statement [user] 3:1", "security.execute_as_statement 4:1",
      "security.execute_as_statement [login] 5:1", "security.setuser 6:1",
    ],
  },
  {
    name: "EXECUTE AS inside TRY and a procedure",
    sql: "CREATE PROCEDURE p AS\nBEGIN TRY\n  EXECUTE AS USER = 'u'\n  REVERT\nEND TRY\nBEGIN CATCH\nEND CATCH",
    expected: ["security.execute_as_statement [user] 3:3", "security.execute_as_statement 4:3"],
  },
];

describe("security detector", () => {
  for (const c of CASES) {
    it(c.name, () => {
      assert.deepEqual(found(c.sql, FAMILIES), c.expected);
    });
  }

  it("classifies GRANT by permission", () => {
    const on = target("babelfish@5.5");
    assert.equal(statusOf("GRANT SELECT ON t TO u", "security.grant", on), "supported");
    assert.equal(statusOf("GRANT CONTROL ON t TO u", "security.grant", on), "notSupported");
    assert.equal(statusOf("GRANT SELECT ON t TO u", "security.grant", target("babelfish@1.0")), "notSupported");
  });
});
