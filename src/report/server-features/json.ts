/**
 * Renders `server-features.json`, which follows
 * schema/server-features.schema.json: the features of every server, in
 * the order of the assessments given.
 */

import type { ServerFeatureSet } from "./model.js";

/** Version of the file's layout; it changes when a field changes meaning or goes away. */
export const SERVER_FEATURES_FORMAT = 1;

export interface ServerFeaturesDocument {
  readonly format: number;
  readonly servers: readonly ServerFeatureSet[];
}

/** Renders the features of every server as indented JSON with a final line feed. */
export function renderServerFeaturesJson(sets: readonly ServerFeatureSet[]): string {
  const document: ServerFeaturesDocument = { format: SERVER_FEATURES_FORMAT, servers: sets };
  return `${JSON.stringify(document, null, 2)}\n`;
}
