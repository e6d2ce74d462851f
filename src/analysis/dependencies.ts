/**
 * Object references found in the parsed code: which object (or batch-level
 * code) names which other object, and how. The dependency graph
 * (src/assessment/dependencies/) resolves the written names and merges them
 * with the catalog's edges. References are deduplicated per unit here, in
 * the worker, so that a procedure reading one table in fifty statements
 * sends one reference to the main thread.
 */

/** Kind of use that the referencing code makes of the referenced object. */
export type ReferenceKind =
  /** FROM, JOIN, APPLY, a view's SELECT, or the source of MERGE. */
  | "read"
  /** The target of INSERT, UPDATE, DELETE, MERGE, SELECT INTO and OUTPUT INTO. */
  | "write"
  /** EXEC of a procedure. */
  | "execute"
  /** A scalar or table-valued function call. */
  | "function"
  /** NEXT VALUE FOR. */
  | "sequence"
  /** A user-defined type in a declaration, parameter, column or CAST. */
  | "type"
  /** CREATE SYNONYM ... FOR: the synonym's base object. */
  | "synonym"
  /** CREATE TRIGGER ... ON: the trigger's table or view. */
  | "trigger"
  /** FOREIGN KEY ... REFERENCES. */
  | "foreignKey"
  /** OPENQUERY or EXEC ... AT: a linked server, with no object name. */
  | "linkedServer";

/** A name as written: absent parts were not written, null parts were empty (`db..t`). */
export interface WrittenName {
  readonly server?: string;
  readonly database?: string | null;
  readonly schema?: string | null;
  readonly name: string;
}

export interface ObjectReference extends WrittenName {
  /** The referencing object as written in its CREATE or ALTER; absent for batch-level code. */
  readonly from?: WrittenName;
  readonly kind: ReferenceKind;
  /** The database a USE statement made current, when the unit has one. */
  readonly useDatabase?: string;
  /** True when the reference is in literal dynamic SQL analysed as nested code. */
  readonly dynamic?: true;
  /** First line of the unit where the reference was found. */
  readonly line: number;
}

/** An object the unit creates, with the database a USE statement made current. */
export interface DefinedInUnit extends WrittenName {
  /** `table`, `view`, `procedure`, `function`, `trigger`, `sequence`, `synonym`, `type`, ... */
  readonly type: string;
  readonly useDatabase?: string;
}

export interface UnitDependencies {
  readonly references: ObjectReference[];
  readonly definitions: DefinedInUnit[];
}

/** Collects one unit's references, dropping repeats of the same edge. */
export class DependencyCollector {
  readonly references: ObjectReference[] = [];
  readonly definitions: DefinedInUnit[] = [];
  /** The database of the last top-level USE, if any. */
  useDatabase: string | undefined;
  /** The objects whose CREATE or ALTER the walk is in, innermost last. */
  readonly objects: WrittenName[] = [];
  /**
   * Keys of the references met so far as written, recorded or not, so
   * that a repeat costs one lookup; `add` still folds case.
   */
  readonly seenAsWritten = new Set<string>();
  private readonly seen = new Set<string>();

  add(reference: ObjectReference): void {
    const from = reference.from;
    const key =
      `${from?.database ?? ""}\u0000${from?.schema ?? ""}\u0000${from?.name ?? ""}\u0000${reference.kind}\u0000${reference.server ?? ""}\u0000` +
      `${reference.database ?? ""}\u0000${reference.schema ?? ""}\u0000${reference.name}\u0000` +
      `${reference.useDatabase ?? ""}\u0000${reference.dynamic === true ? 1 : 0}`;
    const folded = key.toLowerCase();
    if (this.seen.has(folded)) {
      return;
    }
    this.seen.add(folded);
    this.references.push(reference);
  }

  define(definition: DefinedInUnit): void {
    // Temporary tables and procedures (#name, ##name) live only for a
    // session, so they are not objects to create on the target.
    if (definition.name.startsWith("#")) {
      return;
    }
    this.definitions.push(definition);
  }

  result(): UnitDependencies {
    return { references: this.references, definitions: this.definitions };
  }
}
