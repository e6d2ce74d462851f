/**
 * Binds typed query parameters to an mssql request. Every value travels
 * as a parameter of sp_executesql with its declared type, never spliced
 * into the statement's text.
 */

import sql from "mssql";

import type { QueryParameter, QueryParameters } from "../reader.js";

/** nvarchar(4000) is the longest non-max nvarchar. */
const NVARCHAR_MAX_LENGTH = 4000;

const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Throws a TypeError for a name that is not a T-SQL parameter name without its `@`. */
export function checkParameterNames(parameters: QueryParameters): void {
  for (const name of Object.keys(parameters)) {
    if (!PARAMETER_NAME.test(name)) {
      throw new TypeError(`invalid query parameter name '${name}': use letters, digits and '_', without '@'`);
    }
  }
}

export function bindParameters(request: sql.Request, parameters: QueryParameters): void {
  checkParameterNames(parameters);
  for (const [name, parameter] of Object.entries(parameters)) {
    request.input(name, driverType(parameter), parameter.value);
  }
}

function driverType(parameter: QueryParameter): sql.ISqlType {
  switch (parameter.type) {
    case "int":
      return sql.Int();
    case "bigint":
      return sql.BigInt();
    case "bit":
      return sql.Bit();
    case "nvarchar": {
      // Two declared lengths only, so that the server can reuse one plan
      // for every value instead of one per length.
      const long = parameter.value !== null && parameter.value.length > NVARCHAR_MAX_LENGTH;
      return sql.NVarChar(long ? sql.MAX : NVARCHAR_MAX_LENGTH);
    }
  }
}
