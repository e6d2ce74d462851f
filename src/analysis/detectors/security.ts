/**
 * Security statements: logins, users, roles and application roles,
 * GRANT / DENY / REVOKE by permission, certificates, keys and master keys,
 * credentials, Always Encrypted keys, audits, security policies,
 * ALTER AUTHORIZATION, EXECUTE AS / REVERT, SETUSER and signatures.
 */

import type { Node } from "../../tsql/ast/node.js";
import type {
  AlterAuthorizationStatement,
  ExecuteAsStatement,
  LoginStatement,
  PermissionStatement,
  RoleStatement,
  UserStatement,
} from "../../tsql/ast/security.js";
import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import { detailOf } from "./source-words.js";
import { whole } from "./statement-words.js";

function visitLogin(node: LoginStatement, context: AnalysisContext): void {
  const create = node.kind === "CreateLoginStatement";
  const source = node.source === undefined ? "" : ` FROM ${node.source}`;
  const message = `${create ? "CREATE" : "ALTER"} LOGIN ${node.name.value}${source}`;
  const detail = node.source === undefined ? undefined : detailOf(node.source);
  context.report(node, create ? "security.login.create" : "security.login.alter", message, detail);
}

function visitUser(node: UserStatement, context: AnalysisContext): void {
  const create = node.kind === "CreateUserStatement";
  const without = node.withoutLogin ? " WITHOUT LOGIN" : "";
  const message = `${create ? "CREATE" : "ALTER"} USER ${node.name.value}${without}`;
  const id = create ? "security.user.create" : "security.user.alter";
  context.report(node, id, message, node.withoutLogin ? "without_login" : undefined);
}

function visitRole(node: RoleStatement, context: AnalysisContext): void {
  const verb = node.kind === "CreateRoleStatement" ? "CREATE" : "ALTER";
  if (node.server) {
    context.report(node, "security.server_role", `${verb} SERVER ROLE ${node.name.value}`);
  } else {
    context.report(node, "security.role.create", `${verb} ROLE ${node.name.value}`);
  }
}

const PERMISSION_IDS = {
  GrantStatement: "security.grant",
  DenyStatement: "security.deny",
  RevokeStatement: "security.revoke",
} as const;

/**
 * One occurrence per permission, with the permission as detail. A grant on
 * the database itself (`ON DATABASE::d`) has the detail `database`, which
 * the catalog classifies apart from object permissions.
 */
function visitPermission(node: PermissionStatement, context: AnalysisContext): void {
  const verb = node.kind.replace("Statement", "").toUpperCase();
  const securable = node.securable;
  const on = securable === undefined ? "" : ` ON ${context.textOf(securable)}`;
  const onDatabase = securable?.objectClass === "DATABASE";

  for (const permission of node.permissions) {
    const detail = onDatabase && node.kind === "GrantStatement" ? "database" : detailOf(permission.name);
    context.report(permission, PERMISSION_IDS[node.kind], `${verb} ${permission.name}${on}`, detail);
  }
}

function visitAlterAuthorization(node: AlterAuthorizationStatement, context: AnalysisContext): void {
  const objectClass = node.securable.objectClass ?? "OBJECT";
  context.report(node, "security.alter_authorization", `ALTER AUTHORIZATION ON ${context.textOf(node.securable)}`, detailOf(objectClass));
}

function visitExecuteAs(node: ExecuteAsStatement, context: AnalysisContext): void {
  const principal = node.principal === undefined ? "" : ` = '${node.principal}'`;
  context.report(node, "security.execute_as_statement", `EXECUTE AS ${node.principalType}${principal}`, node.principalType.toLowerCase());
}

export const securityDetector: Detector = {
  name: "security",
  description:
    "Security statements: principals, permissions by name, keys and certificates, audits, row-level security, impersonation.",
  visitors: {
    CreateLoginStatement: visitLogin,
    AlterLoginStatement: visitLogin,
    CreateUserStatement: visitUser,
    AlterUserStatement: visitUser,
    CreateRoleStatement: visitRole,
    AlterRoleStatement: visitRole,
    CreateApplicationRoleStatement: whole("security.application_role"),
    AlterApplicationRoleStatement: whole("security.application_role"),
    GrantStatement: visitPermission,
    DenyStatement: visitPermission,
    RevokeStatement: visitPermission,
    CreateCertificateStatement: whole("security.certificate"),
    AlterCertificateStatement: whole("security.certificate"),
    BackupCertificateStatement: whole("security.certificate"),
    AddSignatureStatement(node: Node & { readonly counter: boolean; readonly securable: Node }, context) {
      const counter = node.counter ? "COUNTER " : "";
      context.report(node, "security.certificate", `ADD ${counter}SIGNATURE TO ${context.textOf(node.securable)}`);
    },
    CreateSymmetricKeyStatement: whole("security.symmetric_key"),
    AlterSymmetricKeyStatement: whole("security.symmetric_key"),
    CreateAsymmetricKeyStatement: whole("security.symmetric_key"),
    AlterAsymmetricKeyStatement: whole("security.symmetric_key"),
    OpenSymmetricKeyStatement: whole("security.symmetric_key"),
    CloseSymmetricKeyStatement: whole("security.symmetric_key"),
    CreateMasterKeyStatement: whole("security.master_key"),
    AlterMasterKeyStatement: whole("security.master_key"),
    OpenMasterKeyStatement: whole("security.master_key"),
    CloseMasterKeyStatement: whole("security.master_key"),
    BackupMasterKeyStatement: whole("security.master_key"),
    RestoreMasterKeyStatement: whole("security.master_key"),
    AlterServiceMasterKeyStatement: whole("security.master_key"),
    BackupServiceMasterKeyStatement: whole("security.master_key"),
    RestoreServiceMasterKeyStatement: whole("security.master_key"),
    CreateCredentialStatement: whole("security.credential"),
    AlterCredentialStatement: whole("security.credential"),
    CreateColumnMasterKeyStatement: whole("security.always_encrypted"),
    CreateColumnEncryptionKeyStatement: whole("security.always_encrypted"),
    AlterColumnEncryptionKeyStatement: whole("security.always_encrypted"),
    CreateServerAuditStatement: whole("security.audit"),
    AlterServerAuditStatement: whole("security.audit"),
    CreateServerAuditSpecificationStatement: whole("security.audit"),
    AlterServerAuditSpecificationStatement: whole("security.audit"),
    CreateDatabaseAuditSpecificationStatement: whole("security.audit"),
    AlterDatabaseAuditSpecificationStatement: whole("security.audit"),
    CreateSecurityPolicyStatement: whole("security.row_level_security"),
    AlterSecurityPolicyStatement: whole("security.row_level_security"),
    AlterAuthorizationStatement: visitAlterAuthorization,
    ExecuteAsStatement: visitExecuteAs,
    RevertStatement: whole("security.execute_as_statement"),
    SetUserStatement(node: Node, context) {
      context.report(node, "security.setuser", "SETUSER");
    },
  },
};
