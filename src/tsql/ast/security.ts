/**
 * Logins, users, roles, permissions, certificates, keys, credentials, audits and security policies.
 */

// TODO: no statements of this family are parsed yet.
export type SecurityStatement = never;
