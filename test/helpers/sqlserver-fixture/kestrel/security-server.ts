/**
 * Kestrel's logins, server roles and server permissions, after
 * examples/kestrel-cold-chain/40-security.sql, with what a real instance
 * also has: sa (disabled), the fixed roles, setup's ## logins, the Agent
 * service account, the DBA group and infio's own login.
 */

import type { CatalogViews, ViewRows } from "../fixture.js";

const CREATED = new Date("2024-03-11T08:15:00Z");
const MODIFIED = new Date("2025-02-27T16:40:00Z");

/** Returns a SQL login SID: 16 bytes, which SQL Server generates and the fixture derives from `n`. */
export function sqlSid(n: number): Buffer {
  return Buffer.from(`7e3c9a41b2d84f6a8c51d0e2f4a6${n.toString(16).padStart(4, "0")}`, "hex");
}

/** Returns the SID (S-1-5-21-...-rid) of a KESTREL domain account. */
export function windowsSid(rid: number): Buffer {
  const prefix = "010500000000000515000000a1b2c3d4e5f60718293a4b5c";
  const ridBytes = Buffer.alloc(4);
  ridBytes.writeUInt32LE(rid);
  return Buffer.concat([Buffer.from(prefix, "hex"), ridBytes]);
}

const TYPE_DESC: Readonly<Record<string, string>> = {
  S: "SQL_LOGIN",
  U: "WINDOWS_LOGIN",
  G: "WINDOWS_GROUP",
  R: "SERVER_ROLE",
  C: "CERTIFICATE_MAPPED_LOGIN",
};

interface LoginSpec {
  readonly id: number;
  readonly name: string;
  readonly type: "S" | "U" | "G" | "R" | "C";
  readonly sid: Buffer;
  readonly disabled?: boolean;
  readonly database?: string;
  readonly fixedRole?: boolean;
  readonly owner?: number;
}

const LOGINS: readonly LoginSpec[] = [
  { id: 1, name: "sa", type: "S", sid: Buffer.from([1]), disabled: true },
  { id: 2, name: "public", type: "R", sid: Buffer.from([2]) },
  { id: 3, name: "sysadmin", type: "R", sid: Buffer.from([3]), fixedRole: true },
  { id: 4, name: "securityadmin", type: "R", sid: Buffer.from([4]), fixedRole: true },
  { id: 5, name: "serveradmin", type: "R", sid: Buffer.from([5]), fixedRole: true },
  { id: 9, name: "dbcreator", type: "R", sid: Buffer.from([9]), fixedRole: true },
  { id: 101, name: "##MS_SQLResourceSigningCertificate##", type: "C", sid: sqlSid(101) },
  { id: 102, name: "##MS_PolicyEventProcessingLogin##", type: "S", sid: sqlSid(102), disabled: true },
  { id: 256, name: "NT AUTHORITY\\SYSTEM", type: "U", sid: Buffer.from("010100000000000512000000", "hex") },
  { id: 257, name: "NT SERVICE\\SQLSERVERAGENT", type: "U", sid: windowsSid(9001) },
  { id: 258, name: "KESTREL\\DBAs", type: "G", sid: windowsSid(3101) },
  { id: 259, name: "infio_reader", type: "S", sid: sqlSid(259) },
  { id: 260, name: "kestrel_app", type: "S", sid: sqlSid(260), database: "KestrelColdChain" },
  { id: 261, name: "kestrel_reporting", type: "S", sid: sqlSid(261), database: "KestrelColdChain" },
  { id: 262, name: "kestrel_gateway", type: "S", sid: sqlSid(262) },
  { id: 263, name: "KESTREL\\SQL-Operations", type: "G", sid: windowsSid(3102), database: "KestrelColdChain" },
  { id: 264, name: "KESTREL\\SQL-Finance", type: "G", sid: windowsSid(3103) },
  { id: 265, name: "KESTREL\\svc-sqlagent", type: "U", sid: windowsSid(4101) },
  { id: 266, name: "KestrelLogonAuditor", type: "S", sid: sqlSid(266), disabled: true },
  { id: 267, name: "kestrel_monitoring", type: "R", sid: sqlSid(267), owner: 1 },
  { id: 268, name: "KESTREL\\svc-sqlengine", type: "U", sid: windowsSid(4102) },
];

/** Server principal ids by name, for the other areas' rows. */
export const LOGIN_IDS: Readonly<Record<string, number>> = Object.fromEntries(
  LOGINS.map((login) => [login.name, login.id]),
);

/** Server principal SIDs by name, for job owners and database users. */
export const LOGIN_SIDS: Readonly<Record<string, Buffer>> = Object.fromEntries(
  LOGINS.map((login) => [login.name, login.sid]),
);

const serverPrincipals: ViewRows = LOGINS.map((login) => ({
  name: login.name,
  principal_id: login.id,
  sid: login.sid,
  type: login.type,
  type_desc: TYPE_DESC[login.type]!,
  is_disabled: login.disabled === true ? 1 : 0,
  create_date: login.id < 256 ? new Date("2023-11-02T10:00:00Z") : CREATED,
  modify_date: login.id < 256 ? new Date("2023-11-02T10:00:00Z") : MODIFIED,
  default_database_name: login.type === "R" ? null : (login.database ?? "master"),
  default_language_name: login.type === "R" ? null : "us_english",
  credential_id: null,
  owning_principal_id: login.owner ?? null,
  is_fixed_role: login.fixedRole === true,
}));

// password_hash is filled in so that a test can prove it never leaves
// the server, because the parts must not select it.
interface SqlLoginPolicy {
  readonly name: string;
  readonly policy: boolean;
  readonly expiration: boolean;
}

const SQL_LOGIN_POLICIES: readonly SqlLoginPolicy[] = [
  { name: "sa", policy: true, expiration: false },
  { name: "##MS_PolicyEventProcessingLogin##", policy: true, expiration: false },
  { name: "infio_reader", policy: true, expiration: false },
  { name: "kestrel_app", policy: true, expiration: true },
  { name: "kestrel_reporting", policy: false, expiration: false },
  { name: "kestrel_gateway", policy: true, expiration: false },
  { name: "KestrelLogonAuditor", policy: true, expiration: false },
];

/** The password hash the fixture stores for every SQL login. */
export const FIXTURE_PASSWORD_HASH = Buffer.from(
  "0200b7e5c0d5a9f1e4c3b2a1908f7e6d5c4b3a291807f6e5d4c3b2a1908f7e6d5c4b3a29",
  "hex",
);

const sqlLogins: ViewRows = SQL_LOGIN_POLICIES.map((login) => ({
  name: login.name,
  principal_id: LOGIN_IDS[login.name]!,
  is_policy_checked: login.policy,
  is_expiration_checked: login.expiration,
  password_hash: FIXTURE_PASSWORD_HASH,
}));

const serverRoleMembers: ViewRows = [
  ["sysadmin", "sa"],
  ["sysadmin", "NT SERVICE\\SQLSERVERAGENT"],
  ["sysadmin", "KESTREL\\DBAs"],
  ["dbcreator", "KESTREL\\SQL-Operations"],
  ["kestrel_monitoring", "KESTREL\\SQL-Operations"],
].map(([role, member]) => ({
  role_principal_id: LOGIN_IDS[role!]!,
  member_principal_id: LOGIN_IDS[member!]!,
}));

const SERVER_PERMISSION_NAMES: Readonly<Record<string, string>> = {
  COSQ: "CONNECT SQL",
  CO: "CONNECT",
  VWDB: "VIEW ANY DATABASE",
  VWSS: "VIEW SERVER STATE",
  VWAD: "VIEW ANY DEFINITION",
  ALTR: "ALTER TRACE",
  ALLG: "ALTER ANY LOGIN",
  CADB: "CONNECT ANY DATABASE",
};

const STATE_DESC: Readonly<Record<string, string>> = {
  G: "GRANT",
  D: "DENY",
  W: "GRANT_WITH_GRANT_OPTION",
};

/** [grantee, permission type, state, endpoint id or 0 for the server]. */
type ServerGrant = readonly [string, string, "G" | "D" | "W", number];

const SERVER_GRANTS: readonly ServerGrant[] = [
  ...LOGINS.filter((login) => login.type !== "R").map(
    (login): ServerGrant => [login.name, "COSQ", "G", 0],
  ),
  ["public", "VWDB", "G", 0],
  // The T-SQL endpoints: Local Machine, Named Pipes, Default TCP, Default VIA.
  ["public", "CO", "G", 2],
  ["public", "CO", "G", 3],
  ["public", "CO", "G", 4],
  ["public", "CO", "G", 5],
  ["KestrelLogonAuditor", "VWSS", "G", 0],
  ["kestrel_monitoring", "VWSS", "G", 0],
  ["kestrel_monitoring", "VWAD", "G", 0],
  ["kestrel_monitoring", "ALTR", "G", 0],
  ["KESTREL\\SQL-Operations", "ALLG", "D", 0],
  ["infio_reader", "VWSS", "G", 0],
  ["infio_reader", "VWAD", "G", 0],
  ["infio_reader", "CADB", "G", 0],
  // The partner replica's service account connects to the AG endpoint.
  ["KESTREL\\svc-sqlengine", "CO", "G", 65536],
];

const serverPermissions: ViewRows = SERVER_GRANTS.map(([grantee, type, state, endpoint]) => ({
  class: endpoint === 0 ? 100 : 105,
  class_desc: endpoint === 0 ? "SERVER" : "ENDPOINT",
  major_id: endpoint,
  minor_id: 0,
  grantee_principal_id: LOGIN_IDS[grantee]!,
  grantor_principal_id: 1,
  type,
  permission_name: SERVER_PERMISSION_NAMES[type]!,
  state,
  state_desc: STATE_DESC[state]!,
}));

/** Server-level security views of the Kestrel fixture server. */
export const SECURITY_SERVER_VIEWS: CatalogViews = {
  "sys.server_principals": serverPrincipals,
  "sys.sql_logins": sqlLogins,
  "sys.server_role_members": serverRoleMembers,
  "sys.server_permissions": serverPermissions,
};
