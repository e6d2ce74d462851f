/** The statements of this family, keyed as the dispatcher expects. */

import type { StatementFamily, StatementParser } from "../registry.js";
import { parseAuditSpecification, parseServerAudit } from "./audits.js";
import { parseAlterAuthorization } from "./authorization.js";
import { parseColumnEncryptionKey, parseColumnMasterKey, parseCredential } from "./credentials.js";
import { parseAddSignature, parseExecuteAs, parseRevert, parseSetUser } from "./impersonation.js";
import {
  parseBackupCertificate,
  parseCloseSymmetricKey,
  parseKey,
  parseOpenSymmetricKey,
} from "./keys.js";
import { parseAlterLogin, parseCreateLogin } from "./logins.js";
import { parseAlterServiceMasterKey, parseLeadingMasterKey, parseMasterKey } from "./master-keys.js";
import { parsePermissionStatement } from "./permissions.js";
import { parseAlterRole, parseApplicationRole, parseCreateRole } from "./roles.js";
import { parseSecurityPolicy } from "./security-policy.js";
import { parseAlterUser, parseCreateUser } from "./users.js";

/** Parsers shared by CREATE and ALTER, keyed by the object-type words. */
const createOrAlter = (isAlter: boolean): Record<string, StatementParser> => ({
  "APPLICATION ROLE": (p, context) => parseApplicationRole(p, context, isAlter),
  CERTIFICATE: (p, context) => parseKey(p, context, "CERTIFICATE", isAlter),
  "SYMMETRIC KEY": (p, context) => parseKey(p, context, "SYMMETRIC KEY", isAlter),
  "ASYMMETRIC KEY": (p, context) => parseKey(p, context, "ASYMMETRIC KEY", isAlter),
  "MASTER KEY": (p, context) => parseMasterKey(p, context, isAlter),
  CREDENTIAL: (p, context) => parseCredential(p, context, isAlter),
  "DATABASE SCOPED CREDENTIAL": (p, context) => parseCredential(p, context, isAlter),
  "COLUMN ENCRYPTION KEY": (p, context) => parseColumnEncryptionKey(p, context, isAlter),
  "SERVER AUDIT": (p, context) => parseServerAudit(p, context, isAlter),
  "SERVER AUDIT SPECIFICATION": (p, context) => parseAuditSpecification(p, context, isAlter),
  "DATABASE AUDIT SPECIFICATION": (p, context) => parseAuditSpecification(p, context, isAlter),
  "SECURITY POLICY": (p, context) => parseSecurityPolicy(p, context, isAlter),
});

export const securityStatements: StatementFamily = {
  leading: {
    GRANT: parsePermissionStatement,
    DENY: parsePermissionStatement,
    REVOKE: parsePermissionStatement,
    "BACKUP CERTIFICATE": parseBackupCertificate,
    "OPEN MASTER KEY": parseLeadingMasterKey,
    "CLOSE MASTER KEY": parseLeadingMasterKey,
    "BACKUP MASTER KEY": parseLeadingMasterKey,
    "RESTORE MASTER KEY": parseLeadingMasterKey,
    // Keys have at most three words, which is enough to tell these apart.
    "BACKUP SERVICE MASTER": parseLeadingMasterKey,
    "RESTORE SERVICE MASTER": parseLeadingMasterKey,
    "OPEN SYMMETRIC KEY": parseOpenSymmetricKey,
    "CLOSE SYMMETRIC KEY": parseCloseSymmetricKey,
    "CLOSE ALL SYMMETRIC": parseCloseSymmetricKey,
    "EXECUTE AS": parseExecuteAs,
    "EXEC AS": parseExecuteAs,
    REVERT: parseRevert,
    SETUSER: parseSetUser,
    "ADD SIGNATURE": parseAddSignature,
    "ADD COUNTER SIGNATURE": parseAddSignature,
  },
  create: {
    ...createOrAlter(false),
    LOGIN: parseCreateLogin,
    USER: parseCreateUser,
    ROLE: parseCreateRole,
    "SERVER ROLE": parseCreateRole,
    "COLUMN MASTER KEY": parseColumnMasterKey,
  },
  alter: {
    ...createOrAlter(true),
    LOGIN: parseAlterLogin,
    USER: parseAlterUser,
    ROLE: parseAlterRole,
    "SERVER ROLE": parseAlterRole,
    "SERVICE MASTER KEY": parseAlterServiceMasterKey,
    AUTHORIZATION: parseAlterAuthorization,
  },
};
