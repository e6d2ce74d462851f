/**
 * Administration statements. The node types live in `admin/`, one file
 * per area; this module re-exports them for existing imports.
 */

export type * from "./admin/index.js";
