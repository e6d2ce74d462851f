/** Examples for the XML and JSON family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const XML_AND_JSON: FamilyExamples = {
  group: "XML and JSON",
  problem:
    "Babelfish stores the xml type, but of its methods only exist() " +
    "(from 4.4.0) and value() (from 5.4.0) work. OPENXML and " +
    "sp_xml_preparedocument work from 5.4.0. The methods query(), " +
    "nodes() and modify() are rejected on every release, as are WITH " +
    "XMLNAMESPACES and FOR XML AUTO or EXPLICIT. FOR XML RAW and PATH " +
    "work with limits. The JSON functions (OPENJSON, JSON_VALUE, " +
    "JSON_QUERY, JSON_MODIFY, ISJSON, FOR JSON) are supported, but " +
    "JSON_OBJECT and JSON_ARRAY are not.",
  solution:
    "Where the documents are yours to change, exchange JSON instead of " +
    "XML and use OPENJSON and FOR JSON, which Babelfish supports. Where " +
    "they stay XML, shred them with OPENXML instead of nodes() on 5.4.0 " +
    "and later. Rewrite FOR XML AUTO and EXPLICIT with FOR XML PATH. On " +
    "native PostgreSQL use xpath(), XMLTABLE and the jsonb functions.",
  flagged: tsql`
DECLARE @Doc xml = N'<order id="7"><line sku="A1" qty="2"/></order>';
SELECT l.value('@sku', 'varchar(20)') AS Sku,
       l.value('@qty', 'int') AS Qty
FROM @Doc.nodes('/order/line') AS t(l);
SELECT OrderId, Total FROM dbo.Orders FOR XML AUTO;
`,
  findings: [
    { featureId: "datatype.xml", line: 1, column: 14, status: "supported" },
    { featureId: "xml.method.value", line: 2, column: 10, status: "supported" },
    { featureId: "xml.method.value", line: 3, column: 10, status: "supported" },
    { featureId: "xml.method.nodes", line: 4, column: 11, status: "notSupported" },
    { featureId: "xml.for_xml.auto", line: 5, column: 39, status: "notSupported" },
  ],
  fine: tsql`
DECLARE @Doc nvarchar(max) = N'{"id":7,"lines":[{"sku":"A1","qty":2}]}';
SELECT l.Sku, l.Qty
FROM OPENJSON(@Doc, '$.lines')
     WITH (Sku varchar(20) '$.sku', Qty int '$.qty') AS l;
SELECT OrderId, Total FROM dbo.Orders FOR JSON PATH;
`,
};
