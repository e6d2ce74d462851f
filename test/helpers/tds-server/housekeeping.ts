/**
 * Statements the driver sends on its own: tedious' batch of SET options
 * right after login (tedious 19, `Connection.getInitialSql`) and mssql's
 * `SELECT 1;` when its pool validates a connection (mssql 12,
 * `validateConnection` true by default). The server responds to these itself so
 * that handlers only see the application's queries.
 */
import type { QueryResponse } from "./model.js";
import type { SqlRequest } from "./requests.js";

export function housekeepingResponse(
  request: SqlRequest,
): QueryResponse | undefined {
  if (request.kind === "rpc") {
    return isValidation(request) ? VALIDATION_RESULT : undefined;
  }

  const statements = request.sql
    .split(/[\n;]/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

  if (statements.length > 0 && statements.every((line) => /^set\s/i.test(line))) {
    return [];
  }

  return isValidation(request) ? VALIDATION_RESULT : undefined;
}

const VALIDATION_RESULT: QueryResponse = [
  { columns: [{ name: "", type: "int" }], rows: [[1]] },
];

/** mssql validates with tedious' execSql, an sp_executesql RPC. */
function isValidation(request: SqlRequest): boolean {
  const procedure = request.procedure.toLowerCase();
  return (
    (request.kind === "batch" || procedure === "sp_executesql") &&
    request.parameters.length === 0 &&
    /^\s*select\s+1\s*;\s*$/i.test(request.sql)
  );
}
