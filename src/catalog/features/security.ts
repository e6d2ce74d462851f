/** Security statements: logins, users, roles, permissions, keys. */
import { always, family, pg, row, since } from "../build.js";
import {
  AWS,
  COMPASS_FEATURES,
  postgresDocs,
  UNSUPPORTED_HANDLER,
} from "../sources.js";

const PG_GRANT = postgresDocs("sql-grant", "GRANT");
const PG_ROLE = postgresDocs("sql-createrole", "CREATE ROLE");
const C = COMPASS_FEATURES;
const U = [AWS.unsupported, UNSUPPORTED_HANDLER, ...C];

export const SECURITY_FEATURES = family("Security", [
  row("security.login.create", "CREATE LOGIN", "Server login.", always("supported"), pg("reviewManually"), "low", "No change needed; hashed passwords and some options are rejected.", "Use CREATE ROLE ... LOGIN PASSWORD.", [AWS.supportedByVersion, UNSUPPORTED_HANDLER, PG_ROLE]),
  row("security.user.create", "CREATE USER", "Database user mapped to a login.", always("supported"), pg("reviewSemantics"), "low",
    "No change needed; CREATE USER WITHOUT LOGIN is rejected.", "PostgreSQL roles are cluster-wide; map users to roles and grant CONNECT.", [AWS.unsupported, UNSUPPORTED_HANDLER, PG_ROLE],
    { example: "CREATE USER app FOR LOGIN app; -- in PostgreSQL the role already exists cluster-wide" }),
  row("security.role.create", "CREATE / ALTER / DROP ROLE", "Database roles.", since("2.1.0"), pg("reviewManually"), "low", "Supported from 2.1.0.", "Use CREATE ROLE ... NOLOGIN.", [AWS.supportedByVersion, PG_ROLE]),
  row("security.application_role", "Application role", "CREATE APPLICATION ROLE and sp_setapprole.", always("notSupported"), pg("notSupported"), "medium", "Use a login per application.", "Use a NOLOGIN role and SET ROLE.", [AWS.unsupported]),
  row("security.grant", "GRANT", "Grant a permission; the permission is the detail.", since("1.2.0"), pg("reviewManually"), "low",
    "Supported from 1.2.0 on objects, from 4.2.0 on schemas; GRANT on the database and GRANT ... AS are rejected.", "Use GRANT with PostgreSQL privilege names.", [AWS.supportedByVersion, UNSUPPORTED_HANDLER, ...C, PG_GRANT], {
      details: [
        ...["select", "insert", "update", "delete", "execute", "references"].map((permission) => ({ detail: permission, title: `GRANT ${permission.toUpperCase()}` })),
        ...["control", "take_ownership", "view_definition", "alter", "impersonate", "view_server_state", "alter_any_login"].map((permission) => ({ detail: permission, title: `GRANT ${permission.toUpperCase().replaceAll("_", " ")}`, babelfish: always("notSupported" as const), postgresql: pg("notSupported" as const), remedy: "Grant object permissions or role membership instead.", postgresqlRemedy: "Use role membership or ownership instead." })),
        { detail: "connect", title: "GRANT CONNECT", babelfish: since("2.3.0"), remedy: "Supported from 2.3.0." },
        { detail: "database", title: "GRANT on the database", babelfish: always("notSupported" as const), remedy: "Grant on schemas or objects." },
      ],
    }),
  row("security.revoke", "REVOKE", "Remove a permission.", since("1.2.0"), pg("reviewManually"), "low", "Supported from 1.2.0.", "Use REVOKE.", [AWS.supportedByVersion, PG_GRANT]),
  row("security.deny", "DENY", "Explicit denial overriding grants.", always("notSupported"), pg("notSupported"), "medium", "Restructure permissions so the grant is absent.", "Restructure permissions; PostgreSQL has no DENY.", U),
  row("security.execute_as_statement", "EXECUTE AS statement and REVERT", "Switch the security context in a batch.", always("notSupported"), pg("reviewManually"), "medium", "Use a module owned by the target principal.", "Use SET ROLE / RESET ROLE.", U),
  row("security.setuser", "SETUSER", "Deprecated impersonation.", always("notSupported"), pg("notSupported"), "low", "Remove.", "Use SET ROLE.", [UNSUPPORTED_HANDLER]),
  row("security.certificate", "CREATE CERTIFICATE", "Certificates and signing.", always("notSupported"), pg("notSupported"), "high", "Manage certificates outside the database.", "Manage certificates outside the database; use pgcrypto for signing.", U),
  row("security.symmetric_key", "Symmetric and asymmetric keys (OPEN KEY)", "Key objects for cell encryption.", always("notSupported"), pg("notSupported"), "high", "Encrypt with AWS KMS in the application.", "Use pgcrypto with keys kept outside the database.", U),
  row("security.master_key", "Database and service master keys", "CREATE MASTER KEY and backups of it.", always("notSupported"), pg("notSupported"), "medium", "Use storage encryption with AWS KMS.", "Use storage-level encryption.", [AWS.unsupported]),
  row("security.tde", "Transparent data encryption (DATABASE ENCRYPTION KEY)", "Encrypted database files.", always("notSupported"), pg("notSupported"), "low", "Use Aurora storage encryption.", "Use storage-level encryption.", [AWS.unsupported]),
  row("security.always_encrypted", "Always Encrypted (COLUMN MASTER KEY / COLUMN ENCRYPTION KEY)", "Client-side column encryption.", always("notSupported"), pg("notSupported"), "high", "Encrypt in the application.", "Encrypt in the application.", [AWS.unsupported]),
  row("security.row_level_security", "Row-level security (CREATE SECURITY POLICY)", "Predicate-based row filtering.", always("notSupported"), pg("reviewManually"), "medium", "Filter through views or from the PostgreSQL side.", "Use CREATE POLICY with ENABLE ROW LEVEL SECURITY.", [AWS.unsupported, postgresDocs("ddl-rowsecurity", "Row security policies")]),
  row("security.audit", "SERVER AUDIT and AUDIT SPECIFICATION", "SQL Server Audit.", always("notSupported"), pg("notSupported"), "medium", "Use Aurora database activity streams or pgAudit.", "Use pgAudit.", [AWS.unsupported]),
  row("security.credential", "CREATE CREDENTIAL", "Stored external credentials.", always("notSupported"), pg("notSupported"), "medium", "Use AWS Secrets Manager.", "Use a secrets manager and user mappings.", [AWS.unsupported]),
  row("security.alter_authorization", "ALTER AUTHORIZATION", "Change an owner.", always("reviewManually"), pg("reviewManually"), "low", "Only ALTER AUTHORIZATION ON DATABASE:: is accepted.", "Use ALTER ... OWNER TO.", [UNSUPPORTED_HANDLER]),
  row("security.login.alter", "ALTER LOGIN", "Changing a login's password, state or defaults.", always("reviewManually"), pg("reviewManually"), "low",
    "PASSWORD, DEFAULT_DATABASE, DEFAULT_LANGUAGE, ENABLE and DISABLE work; hashed passwords, CHECK_POLICY, CHECK_EXPIRATION, MUST_CHANGE and credentials are rejected.", "Use ALTER ROLE ... PASSWORD / LOGIN / NOLOGIN.", [UNSUPPORTED_HANDLER, ...C, PG_ROLE]),
  row("security.user.alter", "ALTER USER", "Changing a user's login, default schema or name.", always("reviewManually"), pg("reviewManually"), "low",
    "DEFAULT_SCHEMA works from 1.2.0 and WITH LOGIN from 3.4.0; WITH NAME, passwords and default languages are rejected.", "Use ALTER ROLE; default schemas become search_path settings.", [AWS.supportedByVersion, ...C, PG_ROLE]),
  row("security.server_role", "CREATE / ALTER / DROP SERVER ROLE", "User-defined server roles.", always("notSupported"), pg("reviewManually"), "low",
    "User-defined server roles are not supported. ALTER SERVER ROLE ... ADD | DROP MEMBER works for sysadmin, and from 4.5.0 for securityadmin and dbcreator.", "Use CREATE ROLE ... NOLOGIN and grant it to logins.", [AWS.unsupported, ...C, PG_ROLE]),
]);
