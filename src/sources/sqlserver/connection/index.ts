/**
 * The connection to a live SQL Server: settings from the command line and
 * connection strings, sessions of mssql pools per database, the SqlReader
 * with streaming, timeouts and retries, and error classification.
 */

export { ConnectionSettingsError } from "./settings-error.js";
export {
  parseConnectionOptions,
  resolveConnectionSettings,
  type ConnectionOptions,
  type ConnectionSettings,
  type ParsedConnectionOptions,
  type SettingsEnvironment,
} from "./settings.js";
export type { LimitOptions, Limits, RetrySettings } from "./limits.js";
export type { ParsedTlsOptions, TlsOptions } from "./tls-options.js";
export { parseServerAddress, formatEndpoint, DEFAULT_PORT, type ServerAddress } from "./server-address.js";
export { parseConnectionString, type ConnectionStringSettings } from "./connection-string.js";
export { parseTlsMode, readCaFile, type CaFile, type TlsMode, type TlsSettings } from "./tls.js";
export {
  passwordSource,
  resolveCredentials,
  type Credentials,
  type PasswordOptions,
} from "./password-source.js";
export { parseDuration, parseCount, formatDuration } from "./numbers.js";
export * as connectionDefaults from "./defaults.js";
export { describeConnection, connectionWarnings, type ConnectionDescription } from "./describe.js";
export { openServer, type OpenServerOptions } from "./session.js";
export type { ConnectionEvent, ConnectionEventListener } from "./events.js";
export { classifyError, type ErrorContext } from "./classify.js";
export { isTransient, TRANSIENT_ERROR_NUMBERS, PERMISSION_ERROR_NUMBERS } from "./transient.js";
export { APPLICATION_NAME } from "./driver-config.js";
