/**
 * Types, sequences, synonyms, schemas, XML schema collections and the
 * legacy CREATE DEFAULT and CREATE RULE.
 */

import type { Expression } from "../expressions.js";
import type { DataType, Identifier, Node, OptionNode, SchemaObjectName } from "../node.js";
import type { Statement } from "../statements.js";
import type { TableDefinition } from "./elements.js";

/** `CREATE TYPE t FROM base [NULL | NOT NULL]`: an alias type. */
export interface CreateTypeUddtStatement extends Node {
  readonly kind: "CreateTypeUddtStatement";
  readonly name: SchemaObjectName;
  readonly baseType: DataType;
  readonly nullable?: boolean;
}

/** `CREATE TYPE t EXTERNAL NAME assembly[.class]`: a CLR type. */
export interface CreateTypeUdtStatement extends Node {
  readonly kind: "CreateTypeUdtStatement";
  readonly name: SchemaObjectName;
  readonly assembly: Identifier;
  readonly className?: Identifier;
}

export interface CreateTypeTableStatement extends Node {
  readonly kind: "CreateTypeTableStatement";
  readonly name: SchemaObjectName;
  readonly definition: TableDefinition;
  readonly options: readonly OptionNode[];
}

/** Options of CREATE and ALTER SEQUENCE; `null` stands for the NO form. */
export interface SequenceOptions {
  readonly dataType?: DataType;
  readonly startWith?: Expression;
  readonly incrementBy?: Expression;
  readonly minValue?: Expression | null;
  readonly maxValue?: Expression | null;
  readonly cycle?: boolean;
  /** A cache size, `true` for CACHE without a size, `false` for NO CACHE. */
  readonly cache?: Expression | boolean;
}

export interface CreateSequenceStatement extends Node, SequenceOptions {
  readonly kind: "CreateSequenceStatement";
  readonly name: SchemaObjectName;
}

export interface AlterSequenceStatement extends Node, SequenceOptions {
  readonly kind: "AlterSequenceStatement";
  readonly name: SchemaObjectName;
  /** `RESTART`: `true` alone, or the value of `RESTART WITH n`. */
  readonly restart?: Expression | true;
}

export interface CreateSynonymStatement extends Node {
  readonly kind: "CreateSynonymStatement";
  readonly name: SchemaObjectName;
  readonly target: SchemaObjectName;
}

export interface CreateSchemaStatement extends Node {
  readonly kind: "CreateSchemaStatement";
  /** Absent for `CREATE SCHEMA AUTHORIZATION owner`. */
  readonly name?: Identifier;
  readonly owner?: Identifier;
  /** CREATE TABLE, CREATE VIEW, GRANT, DENY and REVOKE that follow. */
  readonly elements: readonly Statement[];
}

export interface AlterSchemaStatement extends Node {
  readonly kind: "AlterSchemaStatement";
  readonly name: Identifier;
  readonly objectClass?: "OBJECT" | "TYPE" | "XML SCHEMA COLLECTION";
  readonly object: SchemaObjectName;
}

/** Deprecated CREATE DEFAULT and CREATE RULE objects. */
export interface CreateDefaultStatement extends Node {
  readonly kind: "CreateDefaultStatement";
  readonly name: SchemaObjectName;
  readonly expression: Expression;
}

export interface CreateRuleStatement extends Node {
  readonly kind: "CreateRuleStatement";
  readonly name: SchemaObjectName;
  readonly condition: Expression;
}

export interface CreateXmlSchemaCollectionStatement extends Node {
  readonly kind: "CreateXmlSchemaCollectionStatement";
  readonly name: SchemaObjectName;
  readonly expression: Expression;
}

export interface AlterXmlSchemaCollectionStatement extends Node {
  readonly kind: "AlterXmlSchemaCollectionStatement";
  readonly name: SchemaObjectName;
  readonly expression: Expression;
}
