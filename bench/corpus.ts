/**
 * Generates a synthetic T-SQL corpus for benchmarks: tables, views,
 * procedures with cursors, dynamic SQL, TRY/CATCH, MERGE and XML, and
 * triggers. The content is deterministic for a given seed.
 */

export interface CorpusFile {
  readonly name: string;
  readonly text: string;
}

function table(i: number): string {
  return `CREATE TABLE dbo.Item${i} (
    Id int IDENTITY(1, 1) NOT NULL,
    Code nvarchar(40) NOT NULL,
    Amount decimal(18, 2) NULL CONSTRAINT DF_Item${i}_Amount DEFAULT (0),
    CreatedAt datetime2(3) NOT NULL DEFAULT SYSUTCDATETIME(),
    Payload xml NULL,
    CONSTRAINT PK_Item${i} PRIMARY KEY CLUSTERED (Id ASC)
) ON [PRIMARY]
GO
CREATE NONCLUSTERED INDEX IX_Item${i}_Code ON dbo.Item${i} (Code) INCLUDE (Amount) WHERE Amount > 0
GO
`;
}

function view(i: number): string {
  return `CREATE VIEW dbo.vItem${i}
AS
SELECT i.Id, i.Code, SUM(i.Amount) AS Total, COUNT(*) AS Lines
FROM dbo.Item${i} AS i WITH (NOLOCK)
LEFT JOIN dbo.Item${i + 1} AS j ON j.Code = i.Code
WHERE i.CreatedAt >= DATEADD(day, -30, GETDATE())
GROUP BY i.Id, i.Code
HAVING SUM(i.Amount) > 10
GO
`;
}

function procedure(i: number): string {
  return `CREATE PROCEDURE dbo.usp_Process${i}
    @BatchId int,
    @Mode varchar(10) = 'full',
    @Result int OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @id int, @code nvarchar(40), @amount decimal(18, 2), @sql nvarchar(max);
    DECLARE @work TABLE (Id int PRIMARY KEY, Code nvarchar(40));

    BEGIN TRY
        BEGIN TRANSACTION;

        INSERT INTO @work (Id, Code)
        SELECT TOP (100) Id, Code FROM dbo.Item${i} WHERE Amount > @BatchId ORDER BY Id;

        DECLARE cur CURSOR LOCAL FAST_FORWARD FOR
            SELECT Id, Code FROM @work;
        OPEN cur;
        FETCH NEXT FROM cur INTO @id, @code;
        WHILE @@FETCH_STATUS = 0
        BEGIN
            IF @code LIKE 'A%'
                UPDATE dbo.Item${i} SET Amount = Amount * 1.1 WHERE Id = @id;
            ELSE IF @code LIKE 'B%'
                DELETE FROM dbo.Item${i} WHERE Id = @id AND Amount < 0;
            ELSE
                SET @amount = ISNULL(@amount, 0) + 1;
            FETCH NEXT FROM cur INTO @id, @code;
        END
        CLOSE cur;
        DEALLOCATE cur;

        MERGE dbo.Item${i} AS t
        USING (SELECT Id, Code FROM @work) AS s ON t.Id = s.Id
        WHEN MATCHED THEN UPDATE SET t.Code = s.Code
        WHEN NOT MATCHED BY TARGET THEN INSERT (Code) VALUES (s.Code)
        OUTPUT $action, inserted.Id;

        SET @sql = N'SELECT COUNT(*) FROM dbo.Item${i} WHERE Code = @c';
        EXEC sp_executesql @sql, N'@c nvarchar(40)', @c = @code;

        SELECT Payload.value('(/item/@id)[1]', 'int') AS XmlId
        FROM dbo.Item${i}
        FOR XML PATH('row'), ROOT('rows');

        COMMIT TRANSACTION;
        SET @Result = 0;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION;
        SET @Result = ERROR_NUMBER();
        RAISERROR ('Processing failed: %s', 16, 1, @Mode);
    END CATCH
END
GO
`;
}

function trigger(i: number): string {
  return `CREATE TRIGGER dbo.trg_Item${i}_Audit ON dbo.Item${i}
AFTER INSERT, UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO dbo.AuditLog (TableName, RowId, ChangedAt)
    SELECT 'Item${i}', i.Id, GETDATE() FROM inserted AS i;
END
GO
`;
}

/**
 * Yields files of about `linesPerFile` lines until `totalLines` is
 * reached, one at a time so a consumer holds only the current file.
 */
export function* generateCorpus(totalLines: number, linesPerFile = 2000): Generator<CorpusFile> {
  let lines = 0;
  let i = 0;
  let index = 0;
  while (lines < totalLines) {
    let text = "SET ANSI_NULLS ON\nGO\nSET QUOTED_IDENTIFIER ON\nGO\n";
    while (countLines(text) < linesPerFile) {
      text += table(i) + view(i) + procedure(i) + trigger(i);
      i++;
    }
    lines += countLines(text);
    yield { name: `corpus_${index++}.sql`, text };
  }
}

export function countLines(text: string): number {
  let count = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
    count++;
  }
  return count;
}
