/**
 * Reading the fields of URL-encoded forms and query strings in the admin
 * pages (users, audit, purge). @fastify/formbody turns a repeated field into
 * an array. A field that takes one value rejects an array with 400, so that
 * a crafted request cannot pass two values where the page shows one.
 */

import { badRequest } from "../server/http-error.js";

/** Returns the text of field `name` of a form body or query, or "" when absent. */
export function fieldText(fields: unknown, name: string): string {
  const value = fieldsOf(fields)[name];
  if (value === undefined) {
    return "";
  }
  if (typeof value !== "string") {
    throw badRequest(`The field '${name}' was sent more than once; send it once.`);
  }
  return value;
}

/** Returns every value of field `name`, which may repeat, such as checked boxes. */
export function fieldList(fields: unknown, name: string): string[] {
  const value = fieldsOf(fields)[name];
  if (value === undefined) {
    return [];
  }
  if (typeof value === "string") {
    return [value];
  }
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
    return value as string[];
  }
  throw badRequest(`The field '${name}' is not text; send it as a form field.`);
}

/** Returns a library message as a sentence for a page: first letter in upper case, ending with a period. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  const ended = /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
  return ended.charAt(0).toUpperCase() + ended.slice(1);
}

function fieldsOf(fields: unknown): Record<string, unknown> {
  return typeof fields === "object" && fields !== null ? (fields as Record<string, unknown>) : {};
}
