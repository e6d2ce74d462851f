/**
 * The dependency graph of an assessment: objects as nodes, references as
 * edges, and what is computed from them. Edges point from the referencing
 * object to the object it needs, so the target of an edge must be created
 * first. Everything is plain JSON, because it is stored and exported as is.
 */

/**
 * The place of a node:
 * - `assessed`: an object that the assessed code creates or the catalog lists;
 * - `code`: batch-level code of a script or job step, which belongs to no object;
 * - `otherDatabase`: an object of a database that was not assessed;
 * - `linkedServer`: a linked server, or an object on one;
 * - `unresolved`: a name in an assessed or unknown database that matches no object.
 */
export type NodeScope = "assessed" | "code" | "otherDatabase" | "linkedServer" | "unresolved";

/** The source of an edge or node: the parsed code, the catalog, or both. */
export type DependencyOrigin = "code" | "catalog";

export interface DependencyNode {
  /** Unique name: `database.schema.name`, `schema.name` when the database is unknown, `server:NAME`, `code:UNIT`. */
  readonly id: string;
  /**
   * `table`, `view`, `procedure`, `function`, `trigger`, `sequence`,
   * `synonym`, `type`; `code` for batch-level code, `server` for a linked
   * server, `object` when the type is not known.
   */
  readonly type: string;
  readonly scope: NodeScope;
  readonly server?: string;
  /** Empty when a script names no database. */
  readonly database?: string;
  readonly schema?: string;
  readonly name: string;
  /** Sources of the object's definition; empty for external and unresolved nodes. */
  readonly origins: readonly DependencyOrigin[];
}

export interface DependencyEdge {
  readonly from: string;
  readonly to: string;
  /**
   * A ReferenceKind of the parsed code (`read`, `write`, `execute`,
   * `function`, `sequence`, `type`, `synonym`, `trigger`, `foreignKey`,
   * `linkedServer`), or `reference` for a catalog row that gives no kind.
   */
  readonly kind: string;
  readonly origins: readonly DependencyOrigin[];
  /** Found only in literal dynamic SQL. */
  readonly dynamic?: true;
  /** sys.sql_expression_dependencies marked the reference ambiguous or caller-dependent. */
  readonly ambiguous?: true;
  /** The unit and line of the first reference in the code. */
  readonly file?: string;
  readonly line?: number;
}

/** An object and the number of other objects or code units that use it. */
export interface FanIn {
  readonly id: string;
  readonly type: string;
  readonly usedBy: number;
}

/** A strongly connected component: objects that depend on each other, directly or through others. */
export interface DependencyCycle {
  /** Members in creation order within the group. */
  readonly nodes: readonly string[];
  /** The edges inside the group. */
  readonly edges: readonly { readonly from: string; readonly to: string; readonly kind: string }[];
  /** Edges that point forward in `nodes`, so must be added after the group is created. */
  readonly deferred: readonly { readonly from: string; readonly to: string; readonly kind: string }[];
  /** How to create the group on the target. */
  readonly advice: string;
}

/** One step of the creation order: one object, or a cycle created together. */
export interface CreationStep {
  /** 1-based position in the creation order. */
  readonly step: number;
  /** Length of the longest chain of dependencies below this step, 0 when it needs nothing assessed. */
  readonly level: number;
  readonly nodes: readonly string[];
  /** Index in `cycles` when the step is a cycle. */
  readonly cycle?: number;
}

export interface DependencyGraph {
  readonly nodes: readonly DependencyNode[];
  readonly edges: readonly DependencyEdge[];
  /**
   * Assessed objects that no other assessed object or code uses, by id.
   * Triggers, which nothing calls, are left out.
   */
  readonly unused: readonly string[];
  /** Objects by the number of users, most used first; only those used at least twice. */
  readonly mostUsed: readonly FanIn[];
  readonly cycles: readonly DependencyCycle[];
  /** Every assessed object, in an order that satisfies every edge outside cycles. */
  readonly creationOrder: readonly CreationStep[];
}
