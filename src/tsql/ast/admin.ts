/**
 * Databases, server configuration, backup and restore, DBCC, Service Broker, full-text, assemblies, endpoints, event sessions and other administration statements.
 */

// TODO: no statements of this family are parsed yet.
export type AdminStatement = never;
