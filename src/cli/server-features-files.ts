/**
 * The server features files that `infio assess` and `infio report` write
 * beside the reports of a live server's assessment: server-features.json
 * with the json format and server-features.csv with the csv format.
 */

import type { Assessment } from "../assessment/model.js";
import {
  renderServerFeaturesCsv,
  renderServerFeaturesJson,
  serverFeatures,
} from "../report/server-features/index.js";
import type { ReportFormat } from "./values.js";

export const SERVER_FEATURE_FILES = {
  json: "server-features.json",
  csv: "server-features.csv",
} as const;

export interface ExtraReportFile {
  readonly name: string;
  readonly parts: Iterable<string>;
}

/** Returns the server features file that goes with `format`, none for scripts or other formats. */
export function serverFeatureFile(a: Assessment, format: ReportFormat): ExtraReportFile | undefined {
  if (a.live === undefined || (format !== "json" && format !== "csv")) {
    return undefined;
  }

  const sets = [serverFeatures(a.live, a.id)];
  const text = format === "json" ? renderServerFeaturesJson(sets) : renderServerFeaturesCsv(sets);
  return { name: SERVER_FEATURE_FILES[format], parts: [text] };
}
