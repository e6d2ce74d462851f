/** Examples for the constraints family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const CONSTRAINTS: FamilyExamples = {
  group: "Constraints",
  problem:
    "Keys, CHECK and DEFAULT constraints work on Babelfish, with two " +
    "exceptions. A foreign key that names a table in another database is " +
    "rejected, because PostgreSQL keys stay within one database. The name " +
    "of a DEFAULT constraint is accepted but not kept, so code that later " +
    "drops the default by that name fails. NOT FOR REPLICATION is ignored.",
  solution:
    "Keep the referenced table in the same database (as a schema) or " +
    "enforce the rule with a trigger or in the application. Write " +
    "defaults without a constraint name and change them with ALTER TABLE " +
    "on the column. Remove NOT FOR REPLICATION.",
  flagged: tsql`
CREATE TABLE dbo.OrderLine (
    OrderId int NOT NULL,
    LineNumber int NOT NULL,
    ProductId int NOT NULL,
    Qty int NOT NULL CONSTRAINT DF_OrderLine_Qty DEFAULT (1),
    CONSTRAINT PK_OrderLine PRIMARY KEY (OrderId, LineNumber),
    CONSTRAINT FK_OrderLine_Product FOREIGN KEY (ProductId)
        REFERENCES Catalog.dbo.Product (ProductId),
    CONSTRAINT CK_OrderLine_Qty CHECK NOT FOR REPLICATION (Qty > 0)
);
`,
  findings: [
    { featureId: "ddl.constraint.default_named", line: 5, column: 22, status: "ignored" },
    { featureId: "ddl.constraint.primary_key", line: 6, column: 5, status: "supported" },
    { featureId: "ddl.constraint.foreign_key", line: 7, column: 5, status: "supported" },
    { featureId: "ddl.constraint.foreign_key_cross_database", line: 8, column: 20, status: "notSupported" },
    { featureId: "ddl.constraint.check", line: 9, column: 5, status: "supported" },
    { featureId: "ddl.constraint.not_for_replication", line: 9, column: 39, status: "ignored" },
  ],
  fine: tsql`
CREATE TABLE dbo.OrderLine (
    OrderId int NOT NULL,
    LineNumber int NOT NULL,
    ProductId int NOT NULL,
    Qty int NOT NULL DEFAULT (1),
    CONSTRAINT PK_OrderLine PRIMARY KEY (OrderId, LineNumber),
    CONSTRAINT FK_OrderLine_Product FOREIGN KEY (ProductId)
        REFERENCES dbo.Product (ProductId),
    CONSTRAINT CK_OrderLine_Qty CHECK (Qty > 0)
);
`,
};
