/**
 * Identifiers that PostgreSQL cannot keep as written: names longer than
 * 63 bytes, which PostgreSQL truncates (NAMEDATALEN is 64 including the
 * terminator, PostgreSQL 16-18) and Babelfish maps to a truncated name plus
 * a hash; and names containing `@` or `]`, which Babelfish rejects.
 */

import { Buffer } from "node:buffer";
import type { Identifier } from "../../tsql/ast/node.js";
import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import { shortText } from "./source-words.js";

/** Maximum identifier length PostgreSQL keeps, in bytes of its UTF-8 encoding. */
const MAX_IDENTIFIER_BYTES = 63;

function visitIdentifier(node: Identifier, context: AnalysisContext): void {
  const name = node.value;

  // Variables and parameters are not object names.
  if (name.startsWith("@")) {
    return;
  }

  // A UTF-16 code unit takes at most 3 bytes in UTF-8, so short names need
  // no count.
  const bytes = name.length * 3 <= MAX_IDENTIFIER_BYTES ? 0 : Buffer.byteLength(name, "utf8");
  if (bytes > MAX_IDENTIFIER_BYTES) {
    context.report(
      node,
      "reference.identifier_over_63",
      `identifier ${shortText(name, 40)} is ${bytes} bytes; PostgreSQL keeps ${MAX_IDENTIFIER_BYTES}`,
    );
  }
  if (name.includes("@") || name.includes("]")) {
    context.report(node, "syntax.bracket_or_at_in_name", `name ${context.textOf(node)} contains '@' or ']'`);
  }
}

export const identifierDetector: Detector = {
  name: "identifiers",
  description:
    "Identifiers longer than PostgreSQL's 63-byte limit and names containing @ or ].",
  visitors: {
    Identifier: visitIdentifier,
  },
};
