/** XML and JSON. */
import { always, family, pg, pgSince, row, since, steps } from "../build.js";
import {
  AWS,
  COMPASS_FEATURES,
  postgresDocs,
  UNSUPPORTED_HANDLER,
} from "../sources.js";

const PG_XML = postgresDocs("functions-xml", "XML functions");
const PG_JSON = postgresDocs("functions-json", "JSON functions");
const C = COMPASS_FEATURES;
const U = [AWS.unsupported, UNSUPPORTED_HANDLER, ...C];
const XML_METHOD = "No listed release supports this method; rewrite with PostgreSQL xpath() from the PostgreSQL port.";

export const XML_JSON_FEATURES = family("XML and JSON", [
  row("xml.for_xml.raw", "FOR XML RAW", "Query result as XML rows.", always("supported"), pg("notSupported"), "low", "No change needed.", "Build XML with xmlelement / xmlagg.", [AWS.supportedByVersion, ...C, PG_XML], { postgresqlComplexity: "medium" }),
  row("xml.for_xml.path", "FOR XML PATH", "Query result shaped by column paths; also the string concatenation idiom.", always("supported"), pg("notSupported"), "low",
    "No change needed.", "Use string_agg for concatenation, xmlelement / xmlagg for XML.", [AWS.supportedByVersion, ...C, PG_XML], { postgresqlComplexity: "medium" }),
  row("xml.for_xml.auto", "FOR XML AUTO", "XML shaped by the table hierarchy.", always("notSupported"), pg("notSupported"), "medium", "Rewrite with FOR XML PATH.", "Build XML with xmlelement / xmlagg.", U),
  row("xml.for_xml.explicit", "FOR XML EXPLICIT", "Universal-table XML shaping.", always("notSupported"), pg("notSupported"), "high", "Rewrite with FOR XML PATH.", "Build XML with xmlelement / xmlagg.", U),
  row("xml.method.value", "xml.value()", "Scalar value from an XML instance.", since("5.4.0"), pg("notSupported"), "medium", "Supported from 5.4.0; earlier, move the extraction to the application.", "Use (xpath('...', x))[1]::text and a cast.", [...U, PG_XML]),
  row("xml.method.query", "xml.query()", "XML fragment from an XQuery.", always("notSupported"), pg("notSupported"), "medium", XML_METHOD, "Use xpath().", [...U, PG_XML]),
  row("xml.method.exist", "xml.exist()", "Tests an XPath.", since("4.4.0"), pg("notSupported"), "medium", "Supported from 4.4.0.", "Use xpath_exists().", [AWS.unsupported, ...C, PG_XML]),
  row("xml.method.modify", "xml.modify()", "XML DML.", always("notSupported"), pg("notSupported"), "high", "Rebuild the document in the application.", "Rebuild the document; PostgreSQL has no XML DML.", U),
  row("xml.method.nodes", "xml.nodes()", "Shreds XML into rows.", always("notSupported"), pg("notSupported"), "medium", XML_METHOD, "Use XMLTABLE.", [...U, PG_XML]),
  row("xml.openxml", "OPENXML", "Rowset over a prepared XML document.", since("5.4.0"), pg("notSupported"), "medium", "Supported from 5.4.0; earlier, rewrite without OPENXML.", "Use XMLTABLE.", [AWS.unsupported, ...C, PG_XML]),
  row("xml.sp_xml_preparedocument", "sp_xml_preparedocument / sp_xml_removedocument", "XML document handles for OPENXML.", since("5.4.0"), pg("notSupported"), "medium", "Supported from 5.4.0; earlier, rewrite without OPENXML.", "Use XMLTABLE.", [AWS.unsupported, ...C]),
  row("xml.with_xmlnamespaces", "WITH XMLNAMESPACES", "Namespace declarations for XML queries.", always("notSupported"), pg("notSupported"), "medium", "Remove namespaces from the query.", "Pass namespaces to xpath() or XMLTABLE.", U),
  row("xml.for_xml.option", "FOR XML options", "TYPE, ROOT, ELEMENTS, XMLSCHEMA, BINARY BASE64 after a FOR XML mode; the option is the detail.", always("reviewManually"), pg("notSupported"), "low",
    "Check each option against the Babelfish version.", "Build the XML with xmlelement / xmlagg / xmlroot.", [AWS.unsupported, UNSUPPORTED_HANDLER, ...C, PG_XML], {
      verified: false,
      details: [
        ...["type", "root", "xmlschema", "binary_base64"].map((option) => ({ detail: option, title: `FOR XML ... ${option.toUpperCase().replace("_", " ")}` })),
        { detail: "elements", title: "FOR XML ... ELEMENTS", babelfish: always("notSupported"), remedy: "Compass lists RAW and PATH with ELEMENTS as unsupported; name the elements with column aliases in PATH mode.", verified: true },
        { detail: "xmldata", title: "FOR XML ... XMLDATA", babelfish: always("notSupported"), remedy: "The syntax handler rejects XMLDATA; remove it.", verified: true },
      ],
    }),
  row("json.for_json", "FOR JSON PATH / AUTO", "Query result as JSON; the mode is the detail.", since("2.3.0"), pg("notSupported"), "low", "Supported from 2.3.0.", "Use json_agg / json_build_object.", [AWS.supportedByVersion, ...C, PG_JSON], {
    postgresqlComplexity: "medium",
    details: [
      { detail: "path", title: "FOR JSON PATH" },
      // AUTO reached the 3.x line in 3.5.0 and the 4.x line in 4.1.0.
      { detail: "auto", title: "FOR JSON AUTO", babelfish: steps(["1.0.0", "notSupported"], ["3.5.0", "supported"], ["4.0.0", "notSupported"], ["4.1.0", "supported"]), remedy: "Supported from 3.5.0 (3.x) and 4.1.0 (4.x); earlier, use FOR JSON PATH." },
    ],
  }),
  row("json.openjson", "OPENJSON", "Rowset from a JSON document.", since("2.1.0"), pgSince("17", "reviewManually", "notSupported", "JSON_TABLE added"), "low",
    "Supported from 2.1.0.", "Use JSON_TABLE (PostgreSQL 17) or jsonb_to_recordset / jsonb_array_elements.", [AWS.supportedByVersion, PG_JSON], { postgresqlComplexity: "medium" }),
  row("json.json_value", "JSON_VALUE", "Scalar from a JSON path.", since("1.2.0"), pgSince("17", "reviewSemantics", "notSupported", "SQL/JSON query functions added"), "low",
    "Supported from 1.2.0.", "Use JSON_VALUE (PostgreSQL 17, jsonb input) or the ->> operator.", [AWS.supportedByVersion, PG_JSON],
    { example: "SELECT JSON_VALUE(N'{\"a\":1}', '$.a'); -- PostgreSQL 17 needs a jsonb argument" }),
  row("json.json_query", "JSON_QUERY", "Object or array from a JSON path.", since("1.2.0"), pgSince("17", "reviewSemantics", "notSupported", "SQL/JSON query functions added"), "low",
    "Supported from 1.2.0.", "Use JSON_QUERY (PostgreSQL 17) or the -> operator.", [AWS.supportedByVersion, PG_JSON], { example: "SELECT JSON_QUERY(N'{\"a\":[1]}', '$.a');" }),
  row("json.json_modify", "JSON_MODIFY", "Update a value in a JSON text.", since("2.3.0"), pg("notSupported"), "low", "Supported from 2.3.0.", "Use jsonb_set.", [AWS.supportedByVersion, PG_JSON]),
  row("json.isjson", "ISJSON", "Tests for valid JSON.", since("1.2.0"), pg("reviewManually"), "low", "Supported from 1.2.0.", "Use the IS JSON predicate (PostgreSQL 16).", [AWS.supportedByVersion, PG_JSON]),
  row("json.json_object", "JSON_OBJECT / JSON_ARRAY", "SQL Server 2022 JSON constructors.", always("notSupported"), pg("reviewSemantics"), "low",
    "No listed release supports them; build the text with FOR JSON PATH or CONCAT.", "Use JSON_OBJECT / JSON_ARRAY (PostgreSQL 16); key syntax differs.", [...C, PG_JSON],
    { example: "SELECT JSON_OBJECT('a': 1); -- PostgreSQL uses 'a' VALUE 1 or 'a': 1" }),
]);
