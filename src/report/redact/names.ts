/**
 * Redacts the structured names of an assessment: schema-qualified object
 * names, the unit names of modules read from a server, script paths, the
 * sources the user gave and server addresses. Each name part gets its own
 * pseudonym, so `Sales.usp_GetOrder` and `Sales.Orders` share `schema1`.
 */

import type { AssessedObject } from "../../assessment/model.js";
import type { NameKind } from "./kinds.js";
import { firstKind } from "./kinds.js";
import type { Namer } from "./namer.js";

/** The `objects[].type` values that are name kinds of their own. */
const OBJECT_KINDS: ReadonlySet<string> = new Set([
  "table",
  "view",
  "procedure",
  "function",
  "trigger",
  "type",
  "sequence",
  "synonym",
  "aggregate",
]);

/** Returns the name kind of an `objects[].type`, `object` for others. */
export function objectKind(type: string): NameKind {
  return OBJECT_KINDS.has(type) ? (type as NameKind) : "object";
}

/** The objects of an assessment, by name and by the unit that defines them. */
export class ObjectIndex {
  readonly #kinds = new Map<string, NameKind[]>();
  readonly #byFile = new Map<string, AssessedObject[]>();

  constructor(objects: readonly AssessedObject[]) {
    for (const o of objects) {
      const key = o.name.toLowerCase();
      this.#kinds.set(key, [...(this.#kinds.get(key) ?? []), objectKind(o.type)]);
      this.#byFile.set(o.file, [...(this.#byFile.get(o.file) ?? []), o]);
    }
  }

  /** Returns the kind of the object named `name`, or `object` when no object has that name. */
  kindOf(name: string): NameKind {
    const kinds = this.#kinds.get(name.toLowerCase());
    return kinds === undefined ? "object" : firstKind(kinds);
  }

  definedIn(file: string): readonly AssessedObject[] {
    return this.#byFile.get(file) ?? [];
  }
}

/**
 * Redacts `name`, `schema.name` or `database.schema.name`, the last part
 * as `kind`. Dots always separate parts here, because the analysis writes
 * these names unquoted.
 */
export function redactQualifiedName(name: string, kind: NameKind, namer: Namer): string {
  if (name === "") {
    return name;
  }

  const parts = name.split(".");
  const last = parts.length - 1;
  return parts
    .map((part, i) => {
      if (i === last) {
        return namer.name(part, kind);
      }
      if (i === last - 1) {
        return namer.name(part, "schema");
      }
      return namer.name(part, i === 0 ? "database" : "name");
    })
    .join(".");
}

/**
 * Redacts the unit name of a module read from a server: `agent.<job>.step
 * <n>` for Agent job steps, `server.<trigger>` for server triggers and
 * `<database>.<schema>.<name>` for the rest. The database is what precedes
 * the name of an object the unit defines, so a database name with dots
 * stays one name.
 */
export function redactModuleUnit(file: string, namer: Namer, objects: ObjectIndex): string {
  const step = /^agent\.(.*)\.step (\d+)$/s.exec(file);
  if (step !== null) {
    return `agent.${namer.name(step[1]!, "job")}.step ${step[2]!}`;
  }

  for (const o of objects.definedIn(file)) {
    const suffix = `.${o.name}`;
    if (file.length > suffix.length && file.toLowerCase().endsWith(suffix.toLowerCase())) {
      const database = file.slice(0, file.length - suffix.length);
      return `${namer.name(database, "database")}.${redactQualifiedName(o.name, objectKind(o.type), namer)}`;
    }
  }

  if (file.startsWith("server.")) {
    return `server.${namer.name(file.slice("server.".length), "trigger")}`;
  }
  if (file.startsWith("agent.")) {
    return `agent.${namer.name(file.slice("agent.".length), "job")}`;
  }

  const [database, ...rest] = file.split(".");
  const name = namer.name(database!, "database");
  return rest.length === 0 ? name : `${name}.${redactQualifiedName(rest.join("."), "object", namer)}`;
}

/** Standard input keeps its name; nothing about it is the customer's. */
const STDIN_NAME = "<stdin>";

/**
 * Redacts a script's unit name, a path with `/` separators: each folder
 * becomes `folderN` and the file `fileN.sql`, so the depth stays. Empty
 * segments (an absolute path), `.`, `..` and a drive letter stay.
 */
export function redactScriptPath(file: string, namer: Namer): string {
  if (file === STDIN_NAME) {
    return file;
  }

  const segments = file.split("/");
  const last = segments.length - 1;
  return segments
    .map((segment, i) => {
      if (isKeptSegment(segment, i)) {
        return segment;
      }
      return namer.pathSegment(segment, i === last ? "file" : "folder");
    })
    .join("/");
}

/**
 * Redacts a path as the user gave it. Its last segment is taken as a file
 * when it has an extension, else as a folder, so a folder prefix of unit
 * names gets the same pseudonyms as in the units.
 */
export function redactSourcePath(given: string, namer: Namer): string {
  if (given === "-") {
    return given;
  }

  const segments = given.split(/[\\/]/);
  const last = segments.length - 1;
  return segments
    .map((segment, i) => {
      if (isKeptSegment(segment, i)) {
        return segment;
      }
      const isFile = i === last && /\.[A-Za-z0-9]{1,8}$/.test(segment);
      return namer.pathSegment(segment, isFile ? "file" : "folder");
    })
    .join("/");
}

function isKeptSegment(segment: string, index: number): boolean {
  return segment === "" || segment === "." || segment === ".." || (index === 0 && /^[A-Za-z]:$/.test(segment));
}

/**
 * Redacts a server address such as `sql01.corp.example,1433` or
 * `sql01\PROD`. The host, its first label and the instance are named too,
 * so messages that write the address another way still lose it.
 */
export function redactServerAddress(address: string, namer: Namer): string {
  const bare = address.replace(/^(tcp|np|lpc|admin):/i, "");
  const [hostAndPort = "", instance] = bare.split("\\");
  const host = hostAndPort.replace(/[,:]\d+$/, "");
  const label = /^\d+(\.\d+){3}$/.test(host) ? host : host.split(".")[0]!;

  for (const part of new Set([host, label])) {
    namer.name(part, "server");
  }
  if (instance !== undefined) {
    namer.name(instance.replace(/[,:]\d+$/, ""), "instance");
  }
  return namer.name(address, "server");
}
