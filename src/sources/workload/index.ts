/**
 * Workload captures: SQL that applications sent, read from Extended
 * Events or Profiler XML, normalised and counted per distinct statement.
 * docs/workload.md describes how to capture and what is kept.
 */

export { captureFile, readWorkload, type CaptureInput, type WorkloadRead } from "./read-workload.js";
export { captureScript, type CaptureScriptOptions, type CaptureTarget } from "./capture-script.js";
export { keyDigest, normaliseStatement, type NormalisedStatement } from "./normalise.js";
export { XmlCaptureError } from "./xml-error.js";
export type { CaptureFormat, WorkloadCapture, WorkloadSource, WorkloadStatement } from "./model.js";
