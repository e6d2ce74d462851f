/**
 * Table, index and schema object statements. The node types live in
 * `tables/`, one file per area; this module re-exports them for existing
 * imports.
 */

export type * from "./tables/index.js";
