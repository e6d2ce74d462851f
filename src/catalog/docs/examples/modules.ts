/** Examples for the modules family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const MODULES: FamilyExamples = {
  group: "Modules",
  problem:
    "Procedures, functions and views are created on Babelfish. ALTER " +
    "PROCEDURE works from 4.2.0, ALTER FUNCTION from 4.4.0 and WITH " +
    "RECOMPILE from 4.3.0. Other module options are rejected: WITH " +
    "ENCRYPTION, NATIVE_COMPILATION, EXECUTE AS OWNER, SELF or a user, " +
    "and WITH CHECK OPTION or VIEW_METADATA on views. CLR modules, " +
    "assemblies and numbered procedures have no equivalent. WITH " +
    "SCHEMABINDING is accepted and ignored. On native PostgreSQL every " +
    "module has to be rewritten in PL/pgSQL or SQL.",
  solution:
    "Remove ENCRYPTION and expect the module text to be readable in the " +
    "catalog. Run modules as the caller (the only EXECUTE AS form " +
    "accepted) and grant the caller what the module needs, and enforce " +
    "what WITH CHECK OPTION enforced with a constraint or a trigger on " +
    "the base table. Rewrite CLR code in T-SQL or move it to the " +
    "application.",
  flagged: tsql`
CREATE PROCEDURE dbo.usp_GetOrders
    @CustomerId int
WITH ENCRYPTION, EXECUTE AS OWNER
AS
SELECT OrderId, Total FROM dbo.Orders WHERE CustomerId = @CustomerId;
GO
CREATE VIEW dbo.OpenOrders
WITH SCHEMABINDING
AS
SELECT OrderId, Total FROM dbo.Orders WHERE ShippedDate IS NULL
WITH CHECK OPTION;
`,
  findings: [
    { featureId: "module.procedure", line: 1, column: 1, status: "supported" },
    { featureId: "module.option.encryption", line: 3, column: 6, status: "notSupported" },
    { featureId: "module.option.execute_as", detail: "owner", line: 3, column: 18, status: "notSupported" },
    { featureId: "module.view", line: 7, column: 1, status: "supported" },
    { featureId: "module.option.schemabinding", line: 8, column: 6, status: "ignored" },
    { featureId: "module.view.check_option", line: 11, column: 6, status: "notSupported" },
  ],
  fine: tsql`
CREATE PROCEDURE dbo.usp_GetOrders
    @CustomerId int
AS
SELECT OrderId, Total FROM dbo.Orders WHERE CustomerId = @CustomerId;
GO
CREATE VIEW dbo.OpenOrders
AS
SELECT OrderId, Total FROM dbo.Orders WHERE ShippedDate IS NULL;
`,
};
