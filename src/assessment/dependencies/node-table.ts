/**
 * The nodes and edges of a graph being built, found by name without regard
 * to case, as SQL Server's default collations compare names. Unqualified
 * names take the schema dbo.
 *
 * NOTE: SQL Server looks an unqualified name up in the caller's default
 * schema before dbo; infio cannot know the caller, so it assumes dbo.
 */

import type { DependencyEdge, DependencyNode, DependencyOrigin, NodeScope } from "./model.js";

export const DEFAULT_SCHEMA = "dbo";

/** A name resolved to its parts; `database` is "" when unknown. */
export interface ObjectName {
  readonly server?: string;
  readonly database: string;
  readonly schema: string;
  readonly name: string;
}

interface NodeDraft {
  id: string;
  type: string;
  scope: NodeScope;
  readonly server?: string;
  readonly database: string;
  readonly schema?: string;
  readonly name: string;
  /** ORIGIN_BITS of the origins seen. */
  origins: number;
  /** Whether an assessed definition named it, as opposed to a reference only. */
  defined?: boolean;
}

interface EdgeDraft {
  readonly from: string;
  readonly to: string;
  kind: string;
  origins: number;
  dynamic: boolean;
  ambiguous: boolean;
  file?: string;
  line?: number;
}

/** Optional facts of an edge: where the code has it, and how sure the catalog is. */
export interface EdgeFacts {
  readonly dynamic?: boolean;
  readonly ambiguous?: boolean;
  readonly file?: string;
  readonly line?: number;
}

/** Origins as bits, because a Set per node and edge costs far more memory. */
const ORIGIN_BITS: Readonly<Record<DependencyOrigin, number>> = { code: 1, catalog: 2 };

/** Kinds an edge of the code can have, to find them for a catalog row. */
const CODE_KINDS = [
  "read",
  "write",
  "execute",
  "function",
  "sequence",
  "type",
  "synonym",
  "trigger",
  "foreignKey",
  "linkedServer",
];

function originsOf(bits: number): DependencyOrigin[] {
  const origins: DependencyOrigin[] = [];
  if ((bits & ORIGIN_BITS.catalog) !== 0) {
    origins.push("catalog");
  }
  if ((bits & ORIGIN_BITS.code) !== 0) {
    origins.push("code");
  }
  return origins;
}

function keyOf(name: ObjectName): string {
  return `${name.server ?? ""}\u0000${name.database}\u0000${name.schema}\u0000${name.name}`.toLowerCase();
}

/** Writes the dotted id of a name, leaving out an unknown database. */
function idOf(name: ObjectName): string {
  const local = name.database === "" ? `${name.schema}.${name.name}` : `${name.database}.${name.schema}.${name.name}`;
  return name.server === undefined ? local : `${name.server}.${local}`;
}

export class NodeTable {
  private readonly nodes = new Map<string, NodeDraft>();
  private readonly byId = new Map<string, NodeDraft>();
  private readonly edges = new Map<string, EdgeDraft>();
  private readonly databases = new Set<string>();
  /** Assessed node ids by `schema.name` in lower case, over every database. */
  private readonly byLocalName = new Map<string, string[]>();

  /** Adds or completes the node of an assessed object. */
  define(name: ObjectName, type: string, origin: DependencyOrigin): string {
    const node = this.node(name, type, "assessed");
    if (node.scope !== "assessed") {
      node.scope = "assessed";
    }
    if (node.type === "object" || node.type === "code") {
      node.type = type;
    }
    node.origins |= ORIGIN_BITS[origin];
    this.databases.add(name.database.toLowerCase());
    if (!node.defined && name.database !== "") {
      node.defined = true;
      const local = `${name.schema}\u0000${name.name}`.toLowerCase();
      const ids = this.byLocalName.get(local);
      if (ids === undefined) {
        this.byLocalName.set(local, [node.id]);
      } else {
        ids.push(node.id);
      }
    }
    return node.id;
  }

  /** Tests whether any assessed object is in `database`. */
  isAssessedDatabase(database: string): boolean {
    return this.databases.has(database.toLowerCase());
  }

  /**
   * Returns the id of the object a reference names, adding an external or
   * unresolved node when needed. A name whose database is unknown (code
   * of an Agent job step or of a script without USE) resolves to the one
   * assessed database that has an object of that schema and name.
   */
  resolve(name: ObjectName, typeHint: string): string {
    const known = this.nodes.get(keyOf(name));
    if (known !== undefined) {
      return known.id;
    }
    if (name.database === "" && name.server === undefined) {
      const candidates = this.byLocalName.get(`${name.schema}\u0000${name.name}`.toLowerCase());
      if (candidates?.length === 1) {
        return candidates[0]!;
      }
    }
    let scope: NodeScope = "unresolved";
    if (name.server !== undefined) {
      scope = "linkedServer";
    } else if (name.database !== "" && !this.isAssessedDatabase(name.database)) {
      scope = "otherDatabase";
    }
    return this.node(name, typeHint, scope).id;
  }

  /** Returns the node of a linked server itself. */
  server(server: string): string {
    const key = `server\u0000${server.toLowerCase()}`;
    let node = this.nodes.get(key);
    if (node === undefined) {
      node = { id: this.uniqueId(`server:${server}`), type: "server", scope: "linkedServer", server, database: "", name: server, origins: 0 };
      this.nodes.set(key, node);
      this.byId.set(node.id, node);
    }
    return node.id;
  }

  /** Returns the node of a unit's batch-level code. */
  code(file: string): string {
    const key = `code\u0000${file}`;
    let node = this.nodes.get(key);
    if (node === undefined) {
      node = { id: this.uniqueId(`code:${file}`), type: "code", scope: "code", database: "", name: file, origins: ORIGIN_BITS.code };
      this.nodes.set(key, node);
      this.byId.set(node.id, node);
    }
    return node.id;
  }

  /** Adds an edge of a known kind, or merges it into the same edge found before. */
  addEdge(from: string, to: string, kind: string, origin: DependencyOrigin, facts: EdgeFacts = {}): void {
    const key = `${from}\u0000${to}\u0000${kind}`;
    const edge = this.edges.get(key);
    if (edge === undefined) {
      this.edges.set(key, {
        from,
        to,
        kind,
        origins: ORIGIN_BITS[origin],
        dynamic: facts.dynamic === true,
        ambiguous: facts.ambiguous === true,
        ...(facts.file === undefined ? {} : { file: facts.file }),
        ...(facts.line === undefined ? {} : { line: facts.line }),
      });
      return;
    }
    edge.origins |= ORIGIN_BITS[origin];
    // One static reference is enough to make the edge certain.
    edge.dynamic = edge.dynamic && facts.dynamic === true;
    edge.ambiguous = edge.ambiguous || facts.ambiguous === true;
    if (edge.file === undefined && facts.file !== undefined) {
      edge.file = facts.file;
      if (facts.line !== undefined) {
        edge.line = facts.line;
      }
    }
  }

  /**
   * Adds a catalog reference whose kind the catalog does not tell: it
   * confirms every code edge between the two objects, or becomes an edge
   * of kind `reference`.
   */
  addCatalogReference(from: string, to: string, facts: EdgeFacts): void {
    let found = false;
    for (const kind of CODE_KINDS) {
      const edge = this.edges.get(`${from}\u0000${to}\u0000${kind}`);
      if (edge !== undefined) {
        edge.origins |= ORIGIN_BITS.catalog;
        edge.ambiguous = edge.ambiguous || facts.ambiguous === true;
        found = true;
      }
    }
    if (!found) {
      this.addEdge(from, to, "reference", "catalog", facts);
    }
  }

  /** Returns the finished nodes and edges, in a stable order. */
  finish(): { nodes: DependencyNode[]; edges: DependencyEdge[] } {
    const nodes = [...this.byId.values()]
      .map((node) => finishNode(node))
      .sort((a, b) => compareText(a.id, b.id));
    const edges = [...this.edges.values()]
      .map((edge) => finishEdge(edge))
      .sort((a, b) => compareText(a.from, b.from) || compareText(a.to, b.to) || compareText(a.kind, b.kind));
    return { nodes, edges };
  }

  private node(name: ObjectName, type: string, scope: NodeScope): NodeDraft {
    const key = keyOf(name);
    let node = this.nodes.get(key);
    if (node === undefined) {
      node = {
        id: this.uniqueId(idOf(name)),
        type,
        scope,
        ...(name.server === undefined ? {} : { server: name.server }),
        database: name.database,
        schema: name.schema,
        name: name.name,
        origins: 0,
      };
      this.nodes.set(key, node);
      this.byId.set(node.id, node);
    }
    return node;
  }

  /** Makes an id unique when two different names write the same, as `a.b` + `c` and `a` + `b.c` do. */
  private uniqueId(id: string): string {
    let unique = id;
    for (let n = 2; this.byId.has(unique); n++) {
      unique = `${id} (${n})`;
    }
    return unique;
  }
}

function finishNode(node: NodeDraft): DependencyNode {
  return {
    id: node.id,
    type: node.type,
    scope: node.scope,
    ...(node.server === undefined ? {} : { server: node.server }),
    ...(node.scope === "code" || node.type === "server" ? {} : { database: node.database }),
    ...(node.schema === undefined ? {} : { schema: node.schema }),
    name: node.name,
    origins: originsOf(node.origins),
  };
}

function finishEdge(edge: EdgeDraft): DependencyEdge {
  return {
    from: edge.from,
    to: edge.to,
    kind: edge.kind,
    origins: originsOf(edge.origins),
    ...(edge.dynamic ? { dynamic: true as const } : {}),
    ...(edge.ambiguous ? { ambiguous: true as const } : {}),
    ...(edge.file === undefined ? {} : { file: edge.file }),
    ...(edge.line === undefined ? {} : { line: edge.line }),
  };
}

/** Orders ids by code point, which does not depend on the locale. */
export function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}
