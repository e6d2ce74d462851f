/**
 * Columns of CLR types: hierarchyid, geometry, geography and user CLR
 * types. AWS DMS writes hierarchyid as WSTRING(250), and geometry and
 * geography as CLOB to targets without those types. It replaces the SRID
 * of spatial values with the default (0 for geometry, 4326 for
 * geography) and does not support geometry columns in full LOB mode (AWS
 * DMS User Guide, SQL Server as a source, "Limitations" and "Source data
 * types", 2023). Babelfish has geometry and geography from 3.5.0 and 4.1.0, for
 * points only, LineString from 5.4.0, with no spatial indexes, and no CLR
 * assemblies (Aurora User Guide, Babelfish geospatial data types and
 * unsupported functionalities). A user CLR type has no equivalent at all.
 */

import type { ReadinessItem } from "../model.js";
import { bracketed } from "../inventory-view.js";
import { readinessItem, type ReadinessRule, type TargetFamily } from "../rule.js";
import { columnsWithFeature } from "./columns.js";

const SPATIAL = new Set(["geometry", "geography"]);

function spatialAction(type: string, target: TargetFamily): string {
  const srid = type === "geometry" ? 0 : 4326;
  const targetType =
    target === "babelfish"
      ? `Babelfish stores ${type} points only (LineString from 5.4.0), without spatial indexes`
      : `on PostgreSQL, install PostGIS and use its ${type} type`;
  return (
    `Move the values as well-known binary (STAsBinary()) and ` +
    `rebuild them on the target with their SRID, because AWS DMS replaces the SRID with ${srid}; ` +
    `use limited LOB mode${type === "geometry" ? ", since full LOB mode does not support geometry" : ""}. ` +
    `${targetType}.`
  );
}

export const clrTypeRule: ReadinessRule = {
  id: "readiness.column.clr-type",
  title: "Column of a CLR type (hierarchyid, spatial, user CLR type)",

  check(context) {
    return columnsWithFeature(context.tables, "clr-type").map(({ table, column }): ReadinessItem => {
      const place = { database: table.database, object: `${table.name}.${column.name}`, objectType: "column" as const };
      const computed = column.features.includes("computed") ? " (computed)" : "";

      if (column.type === "hierarchyid") {
        return readinessItem(
          this.id,
          "warning",
          place,
          `column of type hierarchyid${computed}`,
          `AWS DMS writes hierarchyid as a string of up to 250 characters (its ToString() path, ` +
            `such as /1/3/): keep it as varchar on the target, or rebuild the hierarchy as a ` +
            `parent key${context.target === "postgresql" ? " or as an ltree path (extension ltree)" : ""}, ` +
            `and rewrite the code that calls GetAncestor, IsDescendantOf and the other methods.`,
        );
      }
      if (SPATIAL.has(column.type)) {
        return readinessItem(this.id, "warning", place, `column of type ${column.type}${computed}`, spatialAction(column.type, context.target));
      }
      return readinessItem(
        this.id,
        "blocker",
        place,
        `column of the CLR user-defined type ${bracketed(...column.type.split("."))}${computed}`,
        `No target has this CLR type and AWS DMS cannot read it: convert the column on the source to ` +
          `a system type (for example its ToString() or binary form) in a staging copy, load that, and ` +
          `reimplement the type's methods as functions on the target.`,
      );
    });
  },
};
