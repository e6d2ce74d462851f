-- =============================================================================
-- SSMS template (Template Explorer > Kestrel > Depot report procedure).
-- Press Ctrl+Shift+M in SSMS to fill in the parameters below.
-- Author:      <Author, sysname, Kestrel DBA Team>
-- Create date: <Create_Date, date, 2025-03-01>
-- Description: <Description, nvarchar(200), Daily figures for one depot>
-- =============================================================================
USE <Database_Name, sysname, KestrelColdChain>
GO

SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO

IF OBJECT_ID(N'<Schema_Name, sysname, report>.<Procedure_Name, sysname, usp_DepotReport>', N'P') IS NOT NULL
    DROP PROCEDURE <Schema_Name, sysname, report>.<Procedure_Name, sysname, usp_DepotReport>;
GO

CREATE PROCEDURE <Schema_Name, sysname, report>.<Procedure_Name, sysname, usp_DepotReport>
    @DepotCode  char(5) = <Default_Depot, char(5), 'DUI01'>,
    @Day        date = NULL,
    @Top        int = <Row_Limit, int, 100>
AS
BEGIN
    SET NOCOUNT ON;

    SET @Day = ISNULL(@Day, DATEADD(DAY, -<Days_Back, int, 1>, CAST(GETDATE() AS date)));

    SELECT TOP (@Top)
           s.Reference,
           s.Status,
           s.TotalPallets,
           r.ActualArrival
    FROM ops.Shipment AS s
    JOIN ops.Depot AS d ON d.DepotId = s.OriginDepotId
    LEFT JOIN ops.Route AS r ON r.RouteId = s.RouteId
    WHERE d.DepotCode = @DepotCode
      AND CAST(s.BookedAt AS date) = @Day
    ORDER BY s.<Sort_Column, sysname, BookedAt> DESC;
END
GO

GRANT EXECUTE ON <Schema_Name, sysname, report>.<Procedure_Name, sysname, usp_DepotReport> TO [<Grantee, sysname, db_reporting>];
GO

-- Try it out:
-- EXEC <Schema_Name, sysname, report>.<Procedure_Name, sysname, usp_DepotReport> @DepotCode = 'LOD01';
