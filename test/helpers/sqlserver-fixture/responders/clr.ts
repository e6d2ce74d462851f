/**
 * Responders for the clr-assemblies part. The trusted-assembly check
 * hashes file 1 of each assembly with SHA-512, as HASHBYTES('SHA2_512')
 * does, and looks the hash up in the server's sys.trusted_assemblies.
 */

import { createHash } from "node:crypto";

import type { ResponderTable } from "../responder.js";
import {
  countWhere,
  databaseView,
  isOn,
  orderBy,
  resultTable,
  sameBytes,
  serverView,
  type ColumnSpec,
} from "./result-table.js";

const ASSEMBLY_COLUMNS: readonly ColumnSpec[] = [
  ["assembly_id", "int"],
  ["name", "sysname"],
  ["permission_set_desc", "nvarchar(60)"],
  ["clr_name", "nvarchar(4000)"],
  ["is_visible", "bit"],
  ["module_count", "int"],
  ["type_count", "int"],
  ["create_date", "datetime"],
  ["modify_date", "datetime"],
];

const TRUSTED_COLUMNS: readonly ColumnSpec[] = [
  ["assembly_id", "int"],
  ["is_trusted", "bit"],
];

export const CLR_RESPONDERS: ResponderTable = {
  "inventory.clr-assemblies": ({ database }) => {
    const modules = databaseView(database, "sys.assembly_modules");
    const types = databaseView(database, "sys.assembly_types");
    const rows = databaseView(database, "sys.assemblies")
      .filter((a) => isOn(a["is_user_defined"]))
      .map((a) => ({
        ...a,
        module_count: countWhere(modules, "assembly_id", a["assembly_id"]),
        type_count: countWhere(types, "assembly_id", a["assembly_id"]),
      }));
    return resultTable(ASSEMBLY_COLUMNS, orderBy(rows, "name"));
  },

  "inventory.clr-trusted-assemblies": ({ server, database }) => {
    const trusted = serverView(server, "sys.trusted_assemblies");
    const files = databaseView(database, "sys.assembly_files");
    const rows = [];
    for (const assembly of databaseView(database, "sys.assemblies")) {
      const dll = files.find((f) => f["assembly_id"] === assembly["assembly_id"] && f["file_id"] === 1);
      if (!isOn(assembly["is_user_defined"]) || dll === undefined) {
        continue;
      }
      const hash = createHash("sha512").update(dll["content"] as Uint8Array).digest();
      rows.push({
        assembly_id: assembly["assembly_id"],
        is_trusted: trusted.some((t) => sameBytes(t["hash"], hash)),
      });
    }
    return resultTable(TRUSTED_COLUMNS, orderBy(rows, "assembly_id"));
  },
};
