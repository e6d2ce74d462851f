/** Saved live-server connections of the web console, with sealed passwords. */
export type { AssessmentConnection } from "./assessment-settings.js";
export {
  ConnectionValidationError,
  MAX_PASSWORD,
  type ConnectionField,
  type ConnectionInput,
} from "./connection-input.js";
export { CONNECTION_KEYS_FOLDER } from "./connection-secrets.js";
export { savedConnectionJobSource } from "./live-source.js";
export {
  connectionInputOf,
  SavedConnections,
  type SavedConnection,
  type SavedConnectionsOptions,
} from "./saved-connections.js";
