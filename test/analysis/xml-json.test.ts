import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { xmlJsonDetector } from "../../src/analysis/detectors/xml-json.js";
import { findings } from "./harness.js";

const CASES: readonly (readonly [string, string, readonly string[]])[] = [
  ["FOR XML modes and options", "SELECT a FROM t FOR XML RAW\nSELECT a FROM t FOR XML PATH('r'), ROOT('x'), ELEMENTS XSINIL, TYPE\nSELECT 1 AS Tag FROM t FOR XML EXPLICIT",
    ["xml.for_xml.raw 1:17", "xml.for_xml.path 2:17", "xml.for_xml.option[root] 2:36", "xml.for_xml.option[elements_xsinil] 2:47", "xml.for_xml.option[type] 2:64", "xml.for_xml.explicit 3:24"]],
  ["xml methods in a subquery", "SELECT (SELECT x.c.value('@id', 'int') FROM @x.nodes('/r') x(c))\nUPDATE t SET d.modify('delete /a') WHERE d.exist('/a') = 1",
    ["xml.method.value 1:20", "xml.method.nodes 1:48", "xml.method.modify 2:16", "xml.method.exist 2:44"]],
  ["OPENXML and its procedures", "EXEC sp_xml_preparedocument @h OUTPUT, @doc\nSELECT * FROM OPENXML(@h, '/r') WITH (id int)\nEXEC sys.sp_xml_removedocument @h",
    ["xml.sp_xml_preparedocument 1:6", "xml.openxml 2:15", "xml.sp_xml_preparedocument 3:6"]],
  ["WITH XMLNAMESPACES", "WITH XMLNAMESPACES ('urn:x' AS x) SELECT a FROM t FOR XML PATH", ["xml.with_xmlnamespaces 1:1", "xml.for_xml.path 1:51"]],
  ["JSON", "SELECT a FROM t FOR JSON PATH\nSELECT JSON_VALUE(j, '$.a'), ISJSON(j), JSON_MODIFY(j, '$.a', 1) FROM OPENJSON(@j)",
    ["json.for_json[path] 1:17", "json.json_value 2:8", "json.isjson 2:30", "json.json_modify 2:41", "json.openjson 2:71"]],
];

describe("xml-json detector", () => {
  for (const [name, sql, expected] of CASES) {
    it(name, () => {
      assert.deepEqual(findings(xmlJsonDetector, sql), expected);
    });
  }
});
