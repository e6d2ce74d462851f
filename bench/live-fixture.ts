/**
 * The fixture server of the live-server benchmark: the Kestrel fixture
 * server with one more database, BenchCode, whose sys.sql_modules contains
 * a given number of generated modules. Seven in ten are procedures of 17,
 * 63 and 250 lines, the rest views, scalar functions and triggers of 7 or
 * 8 lines. They use what an OLTP code base uses: cursors, dynamic SQL,
 * TRY/CATCH, MERGE, temporary tables, XML. The content is the same for the
 * same count.
 */

import type { SqlValue } from "../test/helpers/tds-server/index.js";
import type { FixtureServer } from "../test/helpers/sqlserver-fixture/index.js";
import { kestrelServer } from "../test/helpers/sqlserver-fixture/kestrel/index.js";
import { moduleViews, type ModuleSpec } from "../test/helpers/sqlserver-fixture/kestrel/modules.js";

export const BENCH_DATABASE = "BenchCode";

/** database_id of BenchCode, above those of the Kestrel databases. */
const BENCH_DATABASE_ID = 50;
const FIRST_OBJECT_ID = 1_000_000;
const SCHEMAS = ["dbo", "sales", "ops", "billing"];

function smallProcedure(schema: string, i: number): string {
  return `CREATE PROCEDURE ${schema}.usp_GetOrder${i}
    @OrderId int
AS
BEGIN
    SET NOCOUNT ON;

    SELECT o.OrderId, o.CustomerId, o.PlacedAt, o.Total, c.Name AS CustomerName
    FROM ${schema}.Orders AS o
    INNER JOIN ${schema}.Customers AS c ON c.CustomerId = o.CustomerId
    WHERE o.OrderId = @OrderId;

    SELECT l.LineNo, l.ProductId, l.Quantity, l.UnitPrice,
           l.Quantity * l.UnitPrice AS Amount
    FROM ${schema}.OrderLines AS l
    WHERE l.OrderId = @OrderId
    ORDER BY l.LineNo;
END
`;
}

function mediumProcedure(schema: string, i: number): string {
  return `CREATE PROCEDURE ${schema}.usp_ProcessBatch${i}
    @BatchId int,
    @Mode varchar(10) = 'full',
    @Result int OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    DECLARE @id int, @code nvarchar(40), @amount decimal(18, 2), @sql nvarchar(max);
    DECLARE @work TABLE (Id int PRIMARY KEY, Code nvarchar(40));

    BEGIN TRY
        BEGIN TRANSACTION;

        INSERT INTO @work (Id, Code)
        SELECT TOP (100) Id, Code FROM ${schema}.Items WHERE Amount > @BatchId ORDER BY Id;

        DECLARE cur CURSOR LOCAL FAST_FORWARD FOR
            SELECT Id, Code FROM @work;
        OPEN cur;
        FETCH NEXT FROM cur INTO @id, @code;
        WHILE @@FETCH_STATUS = 0
        BEGIN
            IF @code LIKE 'A%'
                UPDATE ${schema}.Items SET Amount = Amount * 1.1 WHERE Id = @id;
            ELSE IF @code LIKE 'B%'
                DELETE FROM ${schema}.Items WHERE Id = @id AND Amount < 0;
            ELSE
                SET @amount = ISNULL(@amount, 0) + 1;
            FETCH NEXT FROM cur INTO @id, @code;
        END
        CLOSE cur;
        DEALLOCATE cur;

        MERGE ${schema}.Items AS t
        USING (SELECT Id, Code FROM @work) AS s ON t.Id = s.Id
        WHEN MATCHED THEN UPDATE SET t.Code = s.Code
        WHEN NOT MATCHED BY TARGET THEN INSERT (Code) VALUES (s.Code)
        OUTPUT $action, inserted.Id;

        SET @sql = N'SELECT COUNT(*) FROM ${schema}.Items WHERE Code = @c';
        EXEC sp_executesql @sql, N'@c nvarchar(40)', @c = @code;

        SELECT Payload.value('(/item/@id)[1]', 'int') AS XmlId
        FROM ${schema}.Items
        WHERE Id IN (SELECT Id FROM @work)
        FOR XML PATH('row'), ROOT('rows');

        UPDATE ${schema}.Batches
        SET FinishedAt = GETDATE(), Mode = @Mode, Processed = (SELECT COUNT(*) FROM @work)
        WHERE BatchId = @BatchId;

        COMMIT TRANSACTION;
        SET @Result = 0;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        SET @Result = ERROR_NUMBER();
        INSERT INTO ${schema}.ErrorLog (Number, Message, LoggedAt)
        VALUES (ERROR_NUMBER(), ERROR_MESSAGE(), SYSDATETIME());
        RAISERROR ('Batch %d failed: %s', 16, 1, @BatchId, @Mode);
    END CATCH
END
`;
}

/** Returns one 37-line step of the large procedure. */
function reportStep(schema: string, i: number, step: number): string {
  return `    -- Step ${step}: totals by region for period ${step}
    IF OBJECT_ID('tempdb..#step${step}') IS NOT NULL
        DROP TABLE #step${step};

    SELECT r.RegionId, r.Name AS Region,
           SUM(o.Total) AS Revenue,
           COUNT(DISTINCT o.CustomerId) AS Customers,
           AVG(CAST(o.Total AS float)) AS AverageOrder
    INTO #step${step}
    FROM ${schema}.Orders AS o WITH (NOLOCK)
    INNER JOIN ${schema}.Customers AS c ON c.CustomerId = o.CustomerId
    INNER JOIN ${schema}.Regions AS r ON r.RegionId = c.RegionId
    WHERE o.PlacedAt >= DATEADD(month, -${step}, @AsOf)
      AND o.PlacedAt < DATEADD(month, -${step - 1}, @AsOf)
    GROUP BY r.RegionId, r.Name;

    UPDATE t
    SET t.Revenue${step} = s.Revenue,
        t.Customers${step} = s.Customers
    FROM #totals AS t
    INNER JOIN #step${step} AS s ON s.RegionId = t.RegionId;

    INSERT INTO #totals (RegionId, Region, Revenue${step}, Customers${step})
    SELECT s.RegionId, s.Region, s.Revenue, s.Customers
    FROM #step${step} AS s
    WHERE NOT EXISTS (SELECT 1 FROM #totals AS t WHERE t.RegionId = s.RegionId);

    IF @Verbose = 1
    BEGIN
        SELECT '${schema}.usp_Report${i}' AS ReportName, ${step} AS Step,
               COUNT(*) AS Regions, SUM(Revenue) AS Revenue
        FROM #step${step};
        PRINT 'step ${step} done at ' + CONVERT(varchar(30), GETDATE(), 121);
    END

    SET @Steps = @Steps + 1;

`;
}

function largeProcedure(schema: string, i: number): string {
  let steps = "";
  for (let step = 1; step <= 6; step++) {
    steps += reportStep(schema, i, step);
  }
  return `CREATE PROCEDURE ${schema}.usp_Report${i}
    @AsOf datetime = NULL,
    @Verbose bit = 0
AS
BEGIN
    SET NOCOUNT ON;
    SET @AsOf = ISNULL(@AsOf, GETDATE());
    DECLARE @Steps int = 0;

    CREATE TABLE #totals (
        RegionId int NOT NULL PRIMARY KEY,
        Region nvarchar(100) NOT NULL,
        Revenue1 money NULL, Customers1 int NULL,
        Revenue2 money NULL, Customers2 int NULL,
        Revenue3 money NULL, Customers3 int NULL,
        Revenue4 money NULL, Customers4 int NULL,
        Revenue5 money NULL, Customers5 int NULL,
        Revenue6 money NULL, Customers6 int NULL
    );

${steps}    SELECT Region, Revenue1, Revenue2, Revenue3, Revenue4, Revenue5, Revenue6,
           Customers1 + Customers2 + Customers3 AS RecentCustomers
    FROM #totals
    ORDER BY Revenue1 DESC
    OPTION (RECOMPILE);

    RETURN @Steps;
END
`;
}

function view(schema: string, i: number): string {
  return `CREATE VIEW ${schema}.vOrderTotals${i}
AS
SELECT o.CustomerId, COUNT_BIG(*) AS Orders, SUM(o.Total) AS Total,
       MAX(o.PlacedAt) AS LastOrder
FROM ${schema}.Orders AS o
WHERE o.Status <> 'cancelled'
GROUP BY o.CustomerId
`;
}

function scalarFunction(schema: string, i: number): string {
  return `CREATE FUNCTION ${schema}.fn_Discount${i} (@Total money, @Tier tinyint)
RETURNS money
AS
BEGIN
    DECLARE @rate decimal(5, 4) = CASE @Tier WHEN 1 THEN 0.05 WHEN 2 THEN 0.10 ELSE 0 END;
    RETURN ROUND(@Total * @rate, 2);
END
`;
}

function trigger(schema: string, i: number): string {
  return `CREATE TRIGGER ${schema}.trg_Orders${i}_Audit ON ${schema}.Orders
AFTER INSERT, UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO ${schema}.AuditLog (TableName, RowId, ChangedAt, ChangedBy)
    SELECT 'Orders', i.OrderId, GETDATE(), SUSER_SNAME() FROM inserted AS i;
END
`;
}

/** Returns the i-th generated module; the mix repeats every ten modules. */
export function benchModule(i: number): ModuleSpec {
  const schema = SCHEMAS[i % SCHEMAS.length]!;
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
      return { schema, name: `usp_GetOrder${i}`, type: "P", definition: smallProcedure(schema, i) };
    case 3:
    case 4:
    case 5:
      return { schema, name: `usp_ProcessBatch${i}`, type: "P", definition: mediumProcedure(schema, i) };
    case 6:
      return { schema, name: `usp_Report${i}`, type: "P", definition: largeProcedure(schema, i) };
    case 7:
      return { schema, name: `vOrderTotals${i}`, type: "V", definition: view(schema, i) };
    case 8:
      return { schema, name: `fn_Discount${i}`, type: "FN", definition: scalarFunction(schema, i) };
    default:
      return { schema, name: `trg_Orders${i}_Audit`, type: "TR", definition: trigger(schema, i) };
  }
}

/** Returns the Kestrel server with BenchCode and its `modules` modules added. */
export function benchServer(modules: number): FixtureServer {
  const kestrel = kestrelServer();
  const specs = Array.from({ length: modules }, (_, i) => benchModule(i));
  const schemaIdOf = (schema: string): number => SCHEMAS.indexOf(schema) + 1;
  const schemas: Record<string, SqlValue>[] = SCHEMAS.map((name, index) => ({
    name,
    schema_id: index + 1,
    principal_id: 1,
  }));

  // BenchCode is listed in sys.databases like KestrelColdChain, but outside
  // the availability group and without Query Store.
  const databases = kestrel.views["sys.databases"] ?? [];
  const template = databases.find((row) => row["name"] === "KestrelColdChain");
  if (template === undefined) {
    throw new Error("the Kestrel fixture has no KestrelColdChain row in sys.databases to copy for BenchCode");
  }
  const benchRow = {
    ...template,
    name: BENCH_DATABASE,
    database_id: BENCH_DATABASE_ID,
    replica_id: null,
    group_database_id: null,
    is_query_store_on: false,
  };

  return {
    ...kestrel,
    views: { ...kestrel.views, "sys.databases": [...databases, benchRow] },
    databases: [
      ...kestrel.databases,
      {
        name: BENCH_DATABASE,
        views: { "sys.schemas": schemas, ...moduleViews(specs, schemaIdOf, FIRST_OBJECT_ID) },
      },
    ],
  };
}
