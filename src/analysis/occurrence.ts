/** What the analysis emits: one use of a feature, at one place. */

export interface FeatureOccurrence {
  /** Stable catalog id, for example `builtin.function.hashbytes`. */
  readonly featureId: string;
  /** Lower-case argument the classification depends on, such as `md5`. */
  readonly detail?: string;
  /** 1-based position in the file or module as written. */
  readonly line: number;
  readonly column: number;
  /** Enclosing object as `schema.name`; empty at batch level. */
  readonly object: string;
  /** What was found, in the words of T-SQL: `HASHBYTES('MD5', ...)`. */
  readonly message: string;
}

/** An object that the assessed code creates. */
export interface DefinedObject {
  /** `schema.name`, with `dbo` assumed when the code omits the schema. */
  readonly name: string;
  /** Lower-case object type: `table`, `view`, `procedure`, `function`, `trigger`, ... */
  readonly type: string;
  readonly line: number;
  /** Lines the defining statement spans. */
  readonly lines: number;
}
