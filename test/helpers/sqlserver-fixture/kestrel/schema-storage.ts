/**
 * Data spaces of a fixture database: filegroups, partition functions and
 * schemes, and the partitions and allocation units of each index with page
 * counts estimated from row counts. The estimate is a fixture's: an in-row
 * page stores 8,060 bytes, upper index levels take one page in 500, and
 * space is reserved in 8-page extents.
 */

import type { SqlValue } from "../../tds-server/index.js";
import type { DatabaseSchemaSpec, DataSpaceSpec, PartitionFunctionSpec } from "./schema-model.js";
import { resolveType, type TypeResolver } from "./schema-columns.js";

export type CatalogRow = Record<string, SqlValue>;

/** Appends a row to a view. */
export type AddRow = (view: string, row: CatalogRow) => void;

const TYPE_DESCS: Readonly<Record<DataSpaceSpec["type"], string>> = {
  FG: "ROWS_FILEGROUP",
  FD: "FILESTREAM_DATA_FILEGROUP",
  FX: "MEMORY_OPTIMIZED_DATA_FILEGROUP",
  PS: "PARTITION_SCHEME",
};

/** Partition schemes get data_space_id 65601 and up, as SQL Server numbers them. */
const FIRST_SCHEME_ID = 65601;

export class DataSpaces {
  private readonly ids = new Map<string, number>();
  private readonly schemes = new Map<string, readonly number[]>();
  private nextPartition = 72057594038910976n;
  private defaultName = "PRIMARY";

  constructor(spec: DatabaseSchemaSpec, types: TypeResolver, add: AddRow) {
    let filegroupId = 1;
    let schemeId = FIRST_SCHEME_ID;
    const functionIds = new Map<string, number>();

    (spec.partitionFunctions ?? []).forEach((fn, position) => {
      const functionId = 65536 + position;
      functionIds.set(fn.name, functionId);
      addPartitionFunction(add, fn, functionId, types, spec.createdAt);
    });

    for (const space of spec.dataSpaces) {
      const id = space.type === "PS" ? schemeId++ : filegroupId++;
      this.ids.set(space.name, id);
      if (space.isDefault === true && space.type === "FG") {
        this.defaultName = space.name;
      }
      const row: CatalogRow = {
        name: space.name,
        data_space_id: id,
        type: space.type,
        type_desc: TYPE_DESCS[space.type],
        is_default: space.isDefault === true,
        is_system: false,
      };
      add("sys.data_spaces", row);

      if (space.scheme === undefined) {
        add("sys.filegroups", { ...row, filegroup_guid: null, log_filegroup_id: null, is_read_only: false, is_autogrow_all_files: false });
        continue;
      }

      const functionId = functionIds.get(space.scheme.function);
      if (functionId === undefined) {
        throw new Error(`fixture partition scheme '${space.name}' names unknown function '${space.scheme.function}'`);
      }
      add("sys.partition_schemes", { ...row, function_id: functionId });
      const destinations = space.scheme.filegroups.map((filegroup) => this.id(filegroup));
      destinations.forEach((dataSpaceId, position) => {
        add("sys.destination_data_spaces", {
          partition_scheme_id: id,
          destination_id: position + 1,
          data_space_id: dataSpaceId,
        });
      });
      this.schemes.set(space.name, destinations);
    }
  }

  /** data_space_id of a filegroup or partition scheme. */
  id(name: string): number {
    const id = this.ids.get(name);
    if (id === undefined) {
      throw new Error(`fixture names unknown data space '${name}'`);
    }
    return id;
  }

  /** Filegroup ids of each partition: one for a filegroup, one per partition for a scheme. */
  filegroupsOf(name: string): readonly number[] {
    return this.schemes.get(name) ?? [this.id(name)];
  }

  /** Returns the filegroup that tables created without ON go to. */
  defaultFilegroup(): string {
    return this.defaultName;
  }

  isScheme(name: string): boolean {
    return this.schemes.has(name);
  }

  /** Returns a new partition_id. hobt_id is the same number, as on SQL Server 2016 and later. */
  nextPartitionId(): bigint {
    this.nextPartition += 65536n;
    return this.nextPartition;
  }
}

function addPartitionFunction(
  add: AddRow,
  fn: PartitionFunctionSpec,
  functionId: number,
  types: TypeResolver,
  createdAt: string,
): void {
  add("sys.partition_functions", {
    name: fn.name,
    function_id: functionId,
    type: "R",
    type_desc: "RANGE",
    fanout: fn.boundaries.length + 1,
    boundary_value_on_right: fn.rangeRight,
    is_system: false,
    create_date: new Date(createdAt),
    modify_date: new Date(createdAt),
  });

  const parameter = resolveType(fn.parameterType, types);
  add("sys.partition_parameters", {
    function_id: functionId,
    parameter_id: 1,
    system_type_id: parameter.systemTypeId,
    max_length: parameter.maxLength,
    precision: parameter.precision,
    scale: parameter.scale,
    collation_name: null,
    user_type_id: parameter.userTypeId,
  });

  fn.boundaries.forEach((value, position) => {
    add("sys.partition_range_values", {
      function_id: functionId,
      boundary_id: position + 1,
      parameter_id: 1,
      value,
    });
  });
}

export interface IndexStorage {
  readonly objectId: number;
  readonly indexId: number;
  readonly rows: number;
  readonly rowBytes: number;
  readonly dataSpace: string;
  readonly compression: string;
  /** Heap or clustered index of a table with LOB columns. */
  readonly hasLob: boolean;
  /**
   * Memory-optimized indexes have no partitions or allocation units: their
   * rows are not stored on pages ("Indexes on Memory-Optimized Tables",
   * Microsoft Learn).
   */
  readonly inMemory: boolean;
}

const COMPRESSION_IDS: Readonly<Record<string, number>> = {
  NONE: 0,
  ROW: 1,
  PAGE: 2,
  COLUMNSTORE: 3,
  COLUMNSTORE_ARCHIVE: 4,
};

/** Writes the sys.partitions and sys.allocation_units rows of one index. */
export function addIndexStorage(add: AddRow, spaces: DataSpaces, index: IndexStorage): void {
  if (index.inMemory) {
    return;
  }
  const filegroups = spaces.filegroupsOf(index.dataSpace);
  const rowsByPartition = spreadRows(index.rows, filegroups.length);

  filegroups.forEach((filegroupId, position) => {
    const partitionId = spaces.nextPartitionId();
    const rows = rowsByPartition[position] ?? 0;
    add("sys.partitions", {
      partition_id: partitionId,
      object_id: index.objectId,
      index_id: index.indexId,
      partition_number: position + 1,
      hobt_id: partitionId,
      rows,
      filestream_filegroup_id: 0,
      data_compression: COMPRESSION_IDS[index.compression] ?? 0,
      data_compression_desc: index.compression,
    });
    const inRow = pageCounts(rows, index.rowBytes);
    add("sys.allocation_units", {
      allocation_unit_id: partitionId,
      type: 1,
      type_desc: "IN_ROW_DATA",
      container_id: partitionId,
      data_space_id: filegroupId,
      total_pages: inRow.total,
      used_pages: inRow.used,
      data_pages: inRow.data,
    });
    if (index.hasLob) {
      const lob = pageCounts(rows, 200);
      add("sys.allocation_units", {
        allocation_unit_id: partitionId + 1n,
        type: 2,
        type_desc: "LOB_DATA",
        container_id: partitionId,
        data_space_id: filegroupId,
        total_pages: lob.total,
        used_pages: lob.used,
        // LOB pages are not counted as data pages.
        data_pages: 0,
      });
    }
  });
}

/**
 * Spreads rows over partitions: the first of several partitions (before
 * the first boundary) is empty, the others share the rows evenly.
 */
function spreadRows(rows: number, partitions: number): number[] {
  if (partitions === 1) {
    return [rows];
  }
  const filled = partitions - 1;
  const each = Math.floor(rows / filled);
  const spread = [0, ...Array.from({ length: filled }, () => each)];
  spread[partitions - 1] = rows - each * (filled - 1);
  return spread;
}

/** Page counts of `rows` rows of `bytes` bytes: data, used (with index levels), reserved. */
export function pageCounts(rows: number, bytes: number): { data: number; used: number; total: number } {
  const data = Math.ceil((rows * bytes) / 8060);
  const used = data === 0 ? 0 : data + Math.ceil(data / 500);
  return { data, used, total: Math.ceil(used / 8) * 8 };
}
