/**
 * Writes `schema.name` for an inventory item. SCHEMA_NAME and
 * OBJECT_SCHEMA_NAME return NULL for a schema the login may not see; the
 * name alone is then kept rather than a misleading leading dot.
 */
export function qualifiedName(schema: string | null, name: string | null): string | null {
  if (name === null) {
    return null;
  }
  return schema === null ? name : `${schema}.${name}`;
}
