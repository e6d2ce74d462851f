/**
 * CLR in KestrelColdChain: the Kestrel.Routing assembly of
 * examples/kestrel-cold-chain/60-legacy.sql (EXTERNAL_ACCESS) with its
 * procedure, function and aggregate, next to Microsoft.SqlServer.Types,
 * which SQL Server ships in every database. Kestrel.Routing is on the
 * server's trusted assembly list, as 'clr strict security' requires.
 */

import { createHash } from "node:crypto";

import type { ViewRows } from "../fixture.js";
import type { FixtureArea } from "./area.js";

const ROUTING_ID = 65536;

/** Stand-in for the DLL's bytes: a PE header and the assembly's name. */
export const ROUTING_DLL = Buffer.concat([
  Buffer.from("4d5a90000300000004000000ffff0000", "hex"),
  Buffer.from("Kestrel.Routing, Version=2.3.0.0, Culture=neutral", "latin1"),
]);

const TYPES_DLL = Buffer.concat([
  Buffer.from("4d5a90000300000004000000ffff0000", "hex"),
  Buffer.from("Microsoft.SqlServer.Types, Version=16.0.0.0", "latin1"),
]);

const assemblies: ViewRows = [
  {
    name: "Microsoft.SqlServer.Types",
    principal_id: 4,
    assembly_id: 1,
    clr_name:
      "microsoft.sqlserver.types, version=16.0.0.0, culture=neutral, publickeytoken=89845dcd8080cc91, processorarchitecture=msil",
    permission_set: 3,
    permission_set_desc: "UNSAFE_ACCESS",
    is_visible: true,
    create_date: new Date("2022-10-08T02:17:44Z"),
    modify_date: new Date("2022-10-08T02:17:44Z"),
    is_user_defined: false,
  },
  {
    name: "Kestrel.Routing",
    principal_id: 1,
    assembly_id: ROUTING_ID,
    clr_name: "kestrel.routing, version=2.3.0.0, culture=neutral, publickeytoken=null, processorarchitecture=msil",
    permission_set: 2,
    permission_set_desc: "EXTERNAL_ACCESS",
    is_visible: true,
    create_date: new Date("2024-03-12T11:20:00Z"),
    modify_date: new Date("2024-03-12T11:20:00Z"),
    is_user_defined: true,
  },
];

const assemblyFiles: ViewRows = [
  { assembly_id: 1, name: "microsoft.sqlserver.types.dll", file_id: 1, content: TYPES_DLL },
  { assembly_id: ROUTING_ID, name: "kestrel.routing.dll", file_id: 1, content: ROUTING_DLL },
  { assembly_id: ROUTING_ID, name: "kestrel.routing.pdb", file_id: 2, content: Buffer.from("Microsoft C/C++ MSF 7.00") },
];

// legacy.usp_OptimiseRoute, legacy.fn_RoadDistanceKm and legacy.JoinText.
const assemblyModules: ViewRows = [
  [1941581955, "Kestrel.Routing.Optimiser", "OptimiseRoute"],
  [1973582069, "Kestrel.Routing.RoadNetwork", "DistanceKm"],
  [2005582183, "Kestrel.Routing.JoinText", null],
].map(([objectId, className, method]) => ({
  object_id: objectId,
  assembly_id: ROUTING_ID,
  assembly_class: className,
  assembly_method: method,
  null_on_null_input: false,
  execute_as_principal_id: null,
}));

// hierarchyid, geometry and geography are CLR types of the system assembly.
const assemblyTypes: ViewRows = [
  ["hierarchyid", 128, "Microsoft.SqlServer.Types.SqlHierarchyId"],
  ["geometry", 129, "Microsoft.SqlServer.Types.SqlGeometry"],
  ["geography", 130, "Microsoft.SqlServer.Types.SqlGeography"],
].map(([name, id, className]) => ({
  name,
  system_type_id: 240,
  user_type_id: id,
  schema_id: 4,
  assembly_id: 1,
  assembly_class: className,
  is_binary_ordered: true,
  is_fixed_length: false,
}));

const trustedAssemblies: ViewRows = [
  {
    hash: createHash("sha512").update(ROUTING_DLL).digest(),
    description: "kestrel.routing, version=2.3.0.0, culture=neutral, publickeytoken=null, processorarchitecture=msil",
    create_date: new Date("2024-03-12T11:19:00Z"),
    created_by: "KESTREL\\DBAs",
  },
];

export const CLR: FixtureArea = {
  server: { "sys.trusted_assemblies": trustedAssemblies },
  databases: {
    KestrelColdChain: {
      "sys.assemblies": assemblies,
      "sys.assembly_files": assemblyFiles,
      "sys.assembly_modules": assemblyModules,
      "sys.assembly_types": assemblyTypes,
    },
  },
};
