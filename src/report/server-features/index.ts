/** The server features export: rules, evaluation and the CSV and JSON renderings. */

export { renderServerFeaturesCsv, SERVER_FEATURE_COLUMNS } from "./csv.js";
export { FEATURE_RULES, serverFeatures } from "./evaluate.js";
export { renderServerFeaturesJson, SERVER_FEATURES_FORMAT } from "./json.js";
export type { FeatureCategory, FeatureState, ServerFeature, ServerFeatureSet } from "./model.js";
