/**
 * Sequences. A load copies rows, not sequence positions: each sequence
 * must be set past the highest value used before the application writes.
 */

import { plural, readinessItem, type ReadinessRule } from "../rule.js";

export const sequencesRule: ReadinessRule = {
  id: "readiness.database.sequences",
  title: "Sequences to set after the load",

  check(context) {
    return [...context.sequences]
      .filter(([, count]) => count > 0)
      .map(([database, count]) =>
        readinessItem(
          this.id,
          "info",
          { database, object: null, objectType: "database" },
          `${plural(count, "sequence")}`,
          `At cut-over, read each position on the source (SELECT name, current_value FROM ` +
            `sys.sequences) and set it on the target: ALTER SEQUENCE schema.name RESTART WITH ` +
            `<current_value + increment>${context.target === "postgresql" ? ", or SELECT setval('schema.name', <current_value>)" : ""}.`,
        ),
      );
  },
};
