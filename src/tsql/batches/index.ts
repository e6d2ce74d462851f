/** Batch splitting with sqlcmd commands, variables and SSMS templates. */

export { splitBatches } from "./split.js";
export { offsetMapper, toOriginalOffset } from "./assemble.js";
export type {
  BatchText,
  Replacement,
  SplitOptions,
  SplitResult,
  SqlcmdCommand,
  SqlcmdCommandName,
  TemplateParameter,
} from "./types.js";
