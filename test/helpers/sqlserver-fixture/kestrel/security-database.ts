/**
 * Users, roles, memberships and permissions of KestrelColdChain, after
 * examples/kestrel-cold-chain/40-security.sql, and of Archive. One user of
 * KestrelColdChain, kcc_legacy_batch, lost its login when the database
 * moved from the 2008 server: an orphaned user.
 */

import type { CatalogViews, ViewRows } from "../fixture.js";
import { LOGIN_SIDS, sqlSid } from "./security-server.js";

const CREATED = new Date("2024-03-11T08:20:00Z");
const MODIFIED = new Date("2025-02-27T16:45:00Z");

const TYPE_DESC: Readonly<Record<string, string>> = {
  S: "SQL_USER",
  U: "WINDOWS_USER",
  G: "WINDOWS_GROUP",
  R: "DATABASE_ROLE",
  A: "APPLICATION_ROLE",
  C: "CERTIFICATE_MAPPED_USER",
};

const AUTHENTICATION: Readonly<Record<number, string>> = {
  0: "NONE",
  1: "INSTANCE",
  2: "DATABASE",
  3: "WINDOWS",
};

interface PrincipalSpec {
  readonly id: number;
  readonly name: string;
  readonly type: "S" | "U" | "G" | "R" | "A" | "C";
  readonly sid: Buffer | null;
  readonly authentication: 0 | 1 | 2 | 3;
  readonly schema?: string;
  readonly fixedRole?: boolean;
}

// Ids 5 to 13 are the schemas of 02-schemas-types.sql, which share the id
// space with principals, so the users of 40-security.sql start at 14.
const KESTREL_PRINCIPALS: readonly PrincipalSpec[] = [
  { id: 0, name: "public", type: "R", sid: Buffer.from([1, 5]), authentication: 0 },
  { id: 1, name: "dbo", type: "S", sid: Buffer.from([1]), authentication: 1, schema: "dbo" },
  { id: 2, name: "guest", type: "S", sid: Buffer.from([0]), authentication: 0, schema: "guest" },
  { id: 3, name: "INFORMATION_SCHEMA", type: "S", sid: null, authentication: 0 },
  { id: 4, name: "sys", type: "S", sid: null, authentication: 0 },
  {
    id: 14,
    name: "kestrel_app",
    type: "S",
    sid: LOGIN_SIDS["kestrel_app"]!,
    authentication: 1,
    schema: "ops",
  },
  {
    id: 15,
    name: "kestrel_reporting",
    type: "S",
    sid: LOGIN_SIDS["kestrel_reporting"]!,
    authentication: 1,
    schema: "report",
  },
  {
    id: 16,
    name: "kestrel_gateway",
    type: "S",
    sid: LOGIN_SIDS["kestrel_gateway"]!,
    authentication: 1,
    schema: "dbo",
  },
  {
    id: 17,
    name: "KESTREL\\SQL-Operations",
    type: "G",
    sid: LOGIN_SIDS["KESTREL\\SQL-Operations"]!,
    authentication: 3,
    schema: "dbo",
  },
  {
    id: 18,
    name: "KESTREL\\SQL-Finance",
    type: "G",
    sid: LOGIN_SIDS["KESTREL\\SQL-Finance"]!,
    authentication: 3,
    schema: "dbo",
  },
  {
    id: 19,
    name: "KestrelLogonAuditor",
    type: "S",
    sid: LOGIN_SIDS["KestrelLogonAuditor"]!,
    authentication: 1,
    schema: "dbo",
  },
  {
    id: 20,
    name: "kestrel_signer",
    type: "S",
    sid: sqlSid(0x9020),
    authentication: 0,
    schema: "dbo",
  },
  {
    id: 21,
    name: "portal_depot_user",
    type: "S",
    sid: sqlSid(0x9021),
    authentication: 0,
    schema: "report",
  },
  { id: 22, name: "db_operations", type: "R", sid: sqlSid(0x9022), authentication: 0 },
  { id: 23, name: "db_billing", type: "R", sid: sqlSid(0x9023), authentication: 0 },
  { id: 24, name: "db_reporting", type: "R", sid: sqlSid(0x9024), authentication: 0 },
  { id: 25, name: "db_integration", type: "R", sid: sqlSid(0x9025), authentication: 0 },
  {
    id: 26,
    name: "dock_terminal",
    type: "A",
    sid: sqlSid(0x9026),
    authentication: 0,
    schema: "ops",
  },
  { id: 27, name: "kestrel_signing_user", type: "C", sid: sqlSid(0x9027), authentication: 0 },
  // The login of the 2008 batch server was never created here.
  {
    id: 28,
    name: "kcc_legacy_batch",
    type: "S",
    sid: sqlSid(0x2008),
    authentication: 1,
    schema: "legacy",
  },
  {
    id: 16384,
    name: "db_owner",
    type: "R",
    sid: Buffer.from([1, 5, 0, 0]),
    authentication: 0,
    fixedRole: true,
  },
  {
    id: 16390,
    name: "db_datareader",
    type: "R",
    sid: Buffer.from([1, 5, 0, 6]),
    authentication: 0,
    fixedRole: true,
  },
  {
    id: 16391,
    name: "db_datawriter",
    type: "R",
    sid: Buffer.from([1, 5, 0, 7]),
    authentication: 0,
    fixedRole: true,
  },
];

const ARCHIVE_PRINCIPALS: readonly PrincipalSpec[] = [
  ...KESTREL_PRINCIPALS.filter((p) => p.id <= 4 || p.fixedRole === true),
  {
    id: 5,
    name: "kestrel_reporting",
    type: "S",
    sid: LOGIN_SIDS["kestrel_reporting"]!,
    authentication: 1,
    schema: "dbo",
  },
];

function principalRows(principals: readonly PrincipalSpec[]): ViewRows {
  return principals.map((p) => ({
    name: p.name,
    principal_id: p.id,
    type: p.type,
    type_desc: TYPE_DESC[p.type]!,
    default_schema_name: p.schema ?? null,
    create_date: p.id < 14 || p.fixedRole === true ? new Date("2019-06-04T12:00:00Z") : CREATED,
    modify_date: p.id < 14 || p.fixedRole === true ? new Date("2019-06-04T12:00:00Z") : MODIFIED,
    owning_principal_id: p.type === "R" ? 1 : null,
    sid: p.sid,
    is_fixed_role: p.fixedRole === true,
    authentication_type: p.authentication,
    authentication_type_desc: AUTHENTICATION[p.authentication]!,
    default_language_name: p.authentication === 2 ? "us_english" : null,
    default_language_lcid: p.authentication === 2 ? 1033 : null,
    allow_encrypted_value_modifications: false,
  }));
}

function idOf(principals: readonly PrincipalSpec[], name: string): number {
  const principal = principals.find((p) => p.name === name);
  if (principal === undefined) {
    throw new Error(`fixture: no database principal '${name}'`);
  }
  return principal.id;
}

function memberRows(principals: readonly PrincipalSpec[], pairs: readonly (readonly [string, string])[]): ViewRows {
  return pairs.map(([role, member]) => ({
    role_principal_id: idOf(principals, role),
    member_principal_id: idOf(principals, member),
  }));
}

const KESTREL_MEMBERS: readonly (readonly [string, string])[] = [
  ["db_owner", "dbo"],
  ["db_operations", "kestrel_app"],
  ["db_operations", "KESTREL\\SQL-Operations"],
  ["db_billing", "KESTREL\\SQL-Finance"],
  ["db_reporting", "kestrel_reporting"],
  ["db_reporting", "portal_depot_user"],
  ["db_reporting", "KESTREL\\SQL-Finance"],
  ["db_integration", "kestrel_gateway"],
  ["db_datareader", "KESTREL\\SQL-Operations"],
  ["db_datareader", "kcc_legacy_batch"],
  ["db_datawriter", "kcc_legacy_batch"],
];

const PERMISSION_NAMES: Readonly<Record<string, string>> = {
  CO: "CONNECT",
  SL: "SELECT",
  EX: "EXECUTE",
  IN: "INSERT",
  UP: "UPDATE",
  DL: "DELETE",
  RF: "REFERENCES",
  AL: "ALTER",
  VW: "VIEW DEFINITION",
  SPLN: "SHOWPLAN",
  IM: "IMPERSONATE",
  SN: "SEND",
  RC: "RECEIVE",
};

const CLASS_IDS: Readonly<Record<string, number>> = {
  DATABASE: 0,
  OBJECT_OR_COLUMN: 1,
  SCHEMA: 3,
  DATABASE_PRINCIPAL: 4,
  TYPE: 6,
  SERVICE: 17,
};

/** [grantee, permission type, state, class, major id, minor id]. */
type DatabaseGrant = readonly [string, string, "G" | "D", string, number, number];

function permissionRows(principals: readonly PrincipalSpec[], grants: readonly DatabaseGrant[]): ViewRows {
  return grants.map(([grantee, type, state, classDesc, major, minor]) => ({
    class: CLASS_IDS[classDesc]!,
    class_desc: classDesc,
    major_id: major,
    minor_id: minor,
    grantee_principal_id: idOf(principals, grantee),
    grantor_principal_id: 1,
    type,
    permission_name: PERMISSION_NAMES[type]!,
    state,
    state_desc: state === "G" ? "GRANT" : "DENY",
  }));
}

// Schema ids: ref 5, ops 6, telemetry 7, billing 8, hr 9, integration 10,
// audit 11, report 12, legacy 13. The object ids stand for the objects the
// grants name, which the permission summary does not resolve.
function kestrelPermissions(): ViewRows {
  const connect: DatabaseGrant[] = [
    "dbo",
    "kestrel_app",
    "kestrel_reporting",
    "kestrel_gateway",
    "KESTREL\\SQL-Operations",
    "KESTREL\\SQL-Finance",
    "KestrelLogonAuditor",
    "kestrel_signer",
    "portal_depot_user",
    "kcc_legacy_batch",
  ].map((name): DatabaseGrant => [name, "CO", "G", "DATABASE", 0, 0]);

  return permissionRows(KESTREL_PRINCIPALS, [
    ...connect,
    // public's grants on system objects (negative ids) come with every database.
    ["public", "SL", "G", "OBJECT_OR_COLUMN", -1073624922, 0],
    ["public", "EX", "G", "OBJECT_OR_COLUMN", -1007076294, 0],
    ["db_operations", "EX", "G", "SCHEMA", 6, 0],
    ["db_operations", "SL", "G", "SCHEMA", 6, 0],
    ["db_operations", "SL", "G", "SCHEMA", 5, 0],
    ["db_operations", "UP", "G", "OBJECT_OR_COLUMN", 1301579675, 0],
    ["db_operations", "IN", "G", "OBJECT_OR_COLUMN", 1301579675, 0],
    ["db_operations", "SL", "G", "OBJECT_OR_COLUMN", 1397580017, 0],
    ["db_operations", "EX", "G", "OBJECT_OR_COLUMN", 1493580359, 0],
    ["db_operations", "UP", "G", "OBJECT_OR_COLUMN", 1525580473, 0],
    ["db_operations", "EX", "G", "TYPE", 257, 0],
    ["db_operations", "SL", "D", "OBJECT_OR_COLUMN", 1141579105, 7],
    ["db_operations", "SL", "D", "OBJECT_OR_COLUMN", 1141579105, 8],
    ["db_operations", "SL", "D", "OBJECT_OR_COLUMN", 1141579105, 9],
    ["db_operations", "SL", "D", "SCHEMA", 11, 0],
    ["db_billing", "EX", "G", "SCHEMA", 8, 0],
    ["db_billing", "SL", "G", "SCHEMA", 8, 0],
    ["db_billing", "IN", "G", "SCHEMA", 8, 0],
    ["db_billing", "UP", "G", "SCHEMA", 8, 0],
    ["db_billing", "SL", "G", "SCHEMA", 5, 0],
    ["db_billing", "RF", "G", "SCHEMA", 5, 0],
    ["db_billing", "UP", "G", "OBJECT_OR_COLUMN", 1557580587, 0],
    ["db_billing", "DL", "D", "SCHEMA", 8, 0],
    ["db_billing", "SL", "D", "SCHEMA", 11, 0],
    ["db_reporting", "SL", "G", "SCHEMA", 5, 0],
    ["db_reporting", "SL", "G", "SCHEMA", 12, 0],
    ["db_reporting", "EX", "G", "OBJECT_OR_COLUMN", 1589580701, 0],
    ["db_reporting", "EX", "G", "OBJECT_OR_COLUMN", 1621580815, 0],
    ["db_reporting", "VW", "G", "SCHEMA", 12, 0],
    ["db_reporting", "SL", "D", "OBJECT_OR_COLUMN", 1141579105, 7],
    ["db_reporting", "SL", "D", "OBJECT_OR_COLUMN", 1141579105, 8],
    ["db_reporting", "SL", "D", "OBJECT_OR_COLUMN", 1141579105, 9],
    ["db_reporting", "SL", "D", "SCHEMA", 11, 0],
    ["db_integration", "EX", "G", "OBJECT_OR_COLUMN", 1653580929, 0],
    ["db_integration", "EX", "G", "OBJECT_OR_COLUMN", 1685581043, 0],
    ["db_integration", "EX", "G", "OBJECT_OR_COLUMN", 1717581157, 0],
    ["db_integration", "EX", "G", "TYPE", 258, 0],
    ["db_integration", "EX", "G", "TYPE", 257, 0],
    ["db_integration", "IN", "G", "OBJECT_OR_COLUMN", 1749581271, 0],
    ["db_integration", "SL", "G", "OBJECT_OR_COLUMN", 885578193, 1],
    ["db_integration", "SL", "G", "OBJECT_OR_COLUMN", 885578193, 2],
    ["db_integration", "SL", "G", "OBJECT_OR_COLUMN", 885578193, 5],
    ["db_integration", "SL", "G", "OBJECT_OR_COLUMN", 885578193, 9],
    ["db_integration", "SL", "D", "SCHEMA", 11, 0],
    ["db_integration", "SN", "G", "SERVICE", 65537, 0],
    ["db_integration", "RC", "G", "OBJECT_OR_COLUMN", 1781581385, 0],
    ["KESTREL\\SQL-Operations", "SPLN", "G", "DATABASE", 0, 0],
    ["kestrel_reporting", "IM", "G", "DATABASE_PRINCIPAL", 21, 0],
    ["KestrelLogonAuditor", "IN", "G", "OBJECT_OR_COLUMN", 1813581499, 0],
    ["kestrel_signing_user", "SL", "G", "SCHEMA", 11, 0],
    ["kestrel_app", "AL", "D", "SCHEMA", 6, 0],
    ["kestrel_app", "EX", "D", "OBJECT_OR_COLUMN", 1845581613, 0],
  ]);
}

export const SECURITY_DATABASE_VIEWS: Readonly<Record<string, CatalogViews>> = {
  KestrelColdChain: {
    "sys.database_principals": principalRows(KESTREL_PRINCIPALS),
    "sys.database_role_members": memberRows(KESTREL_PRINCIPALS, KESTREL_MEMBERS),
    "sys.database_permissions": kestrelPermissions(),
  },
  Archive: {
    "sys.database_principals": principalRows(ARCHIVE_PRINCIPALS),
    "sys.database_role_members": memberRows(ARCHIVE_PRINCIPALS, [
      ["db_owner", "dbo"],
      ["db_datareader", "kestrel_reporting"],
    ]),
    "sys.database_permissions": permissionRows(ARCHIVE_PRINCIPALS, [
      ["dbo", "CO", "G", "DATABASE", 0, 0],
      ["kestrel_reporting", "CO", "G", "DATABASE", 0, 0],
    ]),
  },
};
