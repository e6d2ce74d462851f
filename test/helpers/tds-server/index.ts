/**
 * The TDS test server: import everything a test needs from here.
 */
export { createTdsTestServer, type TdsTestServer } from "./server.js";
export {
  testCertificates,
  type KeyAndCertificate,
  type TestCertificates,
} from "./certificates.js";
export type * from "./model.js";
export type { ServerEncryption } from "./prelogin.js";
export {
  cannotOpenDatabase,
  deadlockVictim,
  invalidObjectName,
  loginFailed,
  noPermissionForAction,
  permissionDenied,
} from "./server-messages.js";
export { waitOrAbort } from "./wait.js";
