/** The web console's assessment runner: jobs, their sources and their progress events. */
export type { JobEvent, JobKind, JobPhase, JobProgress, JobSnapshot, JobState } from "./job.js";
export { isFinal } from "./job.js";
export type { JobSource, OpenedSource } from "./job-source.js";
export { JobRunner, type JobHooks, type JobRequest, type JobRunnerOptions } from "./runner.js";
export type { AssessmentSettings } from "./run-job.js";
export { uploadJobSource, type UploadSourceOptions } from "./upload-source.js";
