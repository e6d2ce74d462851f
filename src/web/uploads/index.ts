/** Uploads of scripts for the web console: `.sql` files and `.zip` archives. */
export { receiveUpload, type UploadedFile, type UploadIntake } from "./intake.js";
export { DEFAULT_UPLOAD_LIMITS, uploadLimits, type UploadLimits } from "./limits.js";
export { UploadError, type UploadErrorCode } from "./upload-error.js";
export type { ScriptFile } from "./zip-reader.js";
