/**
 * The kinds of names that get pseudonyms, and how a pseudonym is spelled.
 * The kind is the word of the pseudonym (`table12`, `login3`), so a reader
 * of a redacted report still learns the kind of each name.
 */

/**
 * Name kinds in priority order. A name used for several kinds (a login and
 * a user of the same name, a schema named like a database) takes the first
 * of its kinds in this list. So its one pseudonym does not depend on which
 * use was seen first. Code and messages give a word of unknown kind the
 * kind `name`. `detail` and `value` come last because they are the least
 * specific.
 */
export const NAME_KINDS = [
  "server",
  "host",
  "instance",
  "cluster",
  "group",
  "database",
  "schema",
  "table",
  "view",
  "procedure",
  "function",
  "trigger",
  "type",
  "sequence",
  "synonym",
  "aggregate",
  "object",
  "column",
  "index",
  "constraint",
  "filegroup",
  "partitionfunction",
  "partitionscheme",
  "datafile",
  "login",
  "user",
  "role",
  "credential",
  "job",
  "step",
  "category",
  "schedule",
  "profile",
  "account",
  "email",
  "endpoint",
  "session",
  "assembly",
  "queue",
  "service",
  "contract",
  "messagetype",
  "route",
  "binding",
  "catalog",
  "stoplist",
  "address",
  "variable",
  "temp",
  "name",
  "detail",
  "value",
] as const;

export type NameKind = (typeof NAME_KINDS)[number];

/** Kinds of the segments of script paths, which are numbered apart from names. */
export type PathKind = "folder" | "file";

/** Kinds that code and messages give words they cannot place. */
const WEAK_KINDS: ReadonlySet<NameKind> = new Set(["name", "detail", "value"]);

export function isWeakKind(kind: NameKind): boolean {
  return WEAK_KINDS.has(kind);
}

const PRIORITY: ReadonlyMap<NameKind, number> = new Map(
  NAME_KINDS.map((kind, index) => [kind, index]),
);

/** Returns the kind of highest priority among `kinds`, which is not empty. */
export function firstKind(kinds: Iterable<NameKind>): NameKind {
  let best: NameKind = "value";
  for (const kind of kinds) {
    if (PRIORITY.get(kind)! < PRIORITY.get(best)!) {
      best = kind;
    }
  }
  return best;
}

/**
 * Returns the kind a name's own spelling fixes: `@x` is a variable, `#x`
 * and `##x` temporary objects, `$(x)` a sqlcmd variable. Other names take
 * the kind of their use.
 */
export function prefixKind(name: string): NameKind | undefined {
  if (name.startsWith("@") || name.startsWith("$(")) {
    return "variable";
  }
  if (name.startsWith("#")) {
    return "temp";
  }
  return undefined;
}

/**
 * Spells pseudonym number `n` of `kind` for the name `key`. Variables and
 * temporary objects keep their sigil so the code still reads as T-SQL.
 * E-mail addresses use the reserved `.invalid` top-level domain (RFC 2606),
 * so a pseudonym can never reach a real mailbox. Number 0 is the fallback
 * for a name that was not seen when the pseudonyms were numbered.
 */
export function spellPseudonym(kind: NameKind, n: number, key: string): string {
  if (kind === "variable") {
    return key.startsWith("$(") ? `$(var${n})` : `@var${n}`;
  }
  if (kind === "temp") {
    return key.startsWith("##") ? `##temp${n}` : `#temp${n}`;
  }
  if (kind === "email") {
    return `email${n}@example.invalid`;
  }
  return `${kind}${n}`;
}
