/**
 * XML and JSON: FOR XML modes and options, xml type methods, OPENXML and its
 * document procedures, WITH XMLNAMESPACES, FOR JSON, OPENJSON and the JSON
 * functions.
 */

import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import type { FunctionCall, MethodCall } from "../../tsql/ast/expressions.js";
import type { ExecuteStatement } from "../../tsql/ast/procedural.js";
import type { ForClause, WithClause } from "../../tsql/ast/query.js";
import { baseName, schemaOf } from "./support.js";

/** Functions of this family; the built-in detector leaves them alone. */
export const XML_JSON_FUNCTION_IDS: Readonly<Record<string, string>> = {
  json_value: "json.json_value",
  json_query: "json.json_query",
  json_modify: "json.json_modify",
  isjson: "json.isjson",
  json_object: "json.json_object",
  json_array: "json.json_object",
  openjson: "json.openjson",
  openxml: "xml.openxml",
};

/** Procedures of this family; the system-object detector leaves them alone. */
export const XML_PROCEDURES: ReadonlySet<string> = new Set(["sp_xml_preparedocument", "sp_xml_removedocument"]);

const XML_METHODS: ReadonlySet<string> = new Set(["value", "query", "exist", "nodes", "modify"]);

function forClause(node: ForClause, context: AnalysisContext): void {
  if (node.type === "JSON") {
    const mode = node.mode ?? "";
    context.report(node, "json.for_json", `FOR JSON ${mode}`.trim(), mode === "" ? undefined : mode);
    return;
  }
  if (node.type !== "XML" || node.mode === undefined) {
    return;
  }

  const mode = node.mode.toLowerCase();
  context.report(node, `xml.for_xml.${mode}`, `FOR XML ${node.mode}`);
  for (const option of node.options) {
    const detail = option.name.toLowerCase().replace(/\s+/g, "_");
    context.report(option, "xml.for_xml.option", `FOR XML ... ${option.name}`, detail);
  }
}

function method(node: MethodCall, context: AnalysisContext): void {
  const name = node.method.value.toLowerCase();
  if (XML_METHODS.has(name)) {
    context.report(node.method, `xml.method.${name}`, `xml method .${name}()`);
  }
}

function functionCall(node: FunctionCall, context: AnalysisContext): void {
  // `@x.nodes('/r')` and `t.col.nodes('/r')` in FROM parse as rowset function names.
  if (node.name.partCount > 1 && baseName(node.name) === "nodes") {
    context.report(node.name.name, "xml.method.nodes", "xml method .nodes()");
    return;
  }
  if (node.name.partCount !== 1) {
    return;
  }
  const featureId = XML_JSON_FUNCTION_IDS[baseName(node.name)];
  if (featureId !== undefined) {
    context.report(node, featureId, `${node.name.name.value.toUpperCase()}(...)`);
  }
}

function execute(node: ExecuteStatement, context: AnalysisContext): void {
  if (node.procedure === undefined || !["", "sys", "dbo"].includes(schemaOf(node.procedure))) {
    return;
  }
  const name = baseName(node.procedure);
  if (XML_PROCEDURES.has(name)) {
    context.report(node.procedure, "xml.sp_xml_preparedocument", name);
  }
}

function withClause(node: WithClause, context: AnalysisContext): void {
  if (node.xmlNamespaces !== undefined) {
    context.report(node, "xml.with_xmlnamespaces", "WITH XMLNAMESPACES");
  }
}

export const xmlJsonDetector: Detector = {
  name: "xml-json",
  description: "FOR XML and FOR JSON, xml methods, OPENXML, OPENJSON and the JSON functions.",
  visitors: {
    ForClause: forClause,
    MethodCall: method,
    FunctionCall: functionCall,
    ExecuteStatement: execute,
    WithClause: withClause,
  },
};
