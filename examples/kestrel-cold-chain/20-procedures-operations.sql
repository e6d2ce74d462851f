/*
    Operations procedures: booking, route planning, dock allocation,
    delivery and the organisation chart.
*/
USE [master]
GO
-- Server-wide messages raised by number from the procedures below.
IF NOT EXISTS (SELECT 1 FROM sys.messages WHERE message_id = 50020 AND language_id = 1033)
    EXEC sp_addmessage @msgnum = 50020, @severity = 16,
        @msgtext = N'Vehicle %d still has planned or departed routes and cannot be decommissioned.',
        @lang = 'us_english';
GO
USE [KestrelColdChain]
GO
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO

/*-----------------------------------------------------------------------------
  ops.usp_CreateShipment
  Books a shipment with its lines in one transaction and returns the new id
  and reference. Called by the booking API with a table-valued parameter.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE ops.usp_CreateShipment
    @CustomerId         int,
    @OriginDepotId      int,
    @DeliverySiteId     int,
    @RequiredBy         datetime2(0),
    @CustomerReference  nvarchar(40) = NULL,
    @Lines              ops.ShipmentLineList READONLY,
    @ShipmentId         bigint OUTPUT,
    @Reference          varchar(30) = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @created TABLE (ShipmentId bigint NOT NULL, Reference varchar(30) NOT NULL);
    DECLARE @onHold bit, @siteCustomer int;

    SELECT @onHold = IsOnHold FROM billing.Customer WHERE CustomerId = @CustomerId;
    IF @onHold IS NULL
        THROW 50010, N'Customer not found; check @CustomerId.', 1;

    IF @onHold = 1
    BEGIN
        DECLARE @holdMessage nvarchar(200) =
            FORMATMESSAGE(N'Customer %d is on credit hold; release the hold before booking.', @CustomerId);
        THROW 50011, @holdMessage, 1;
    END;

    SELECT @siteCustomer = CustomerId FROM billing.CustomerSite WHERE CustomerSiteId = @DeliverySiteId;
    IF @siteCustomer IS NULL OR @siteCustomer <> @CustomerId
        THROW 50012, N'The delivery site does not belong to the customer.', 1;

    IF NOT EXISTS (SELECT 1 FROM @Lines)
        THROW 50013, N'A shipment needs at least one line.', 1;

    BEGIN TRY
        BEGIN TRANSACTION;

        INSERT INTO ops.Shipment
            (CustomerId, OriginDepotId, DeliverySiteId, RequiredBy, CustomerReference, TotalPallets, TotalWeightKg)
        OUTPUT inserted.ShipmentId, inserted.Reference INTO @created (ShipmentId, Reference)
        SELECT @CustomerId,
               @OriginDepotId,
               @DeliverySiteId,
               @RequiredBy,
               @CustomerReference,
               SUM(l.PalletCount),
               SUM(l.GrossWeightKg)
        FROM @Lines AS l;

        SELECT @ShipmentId = ShipmentId, @Reference = Reference FROM @created;

        INSERT INTO ops.ShipmentLine
            (ShipmentId, LineNumber, ProductClassCode, Description, PalletCount, GrossWeightKg, MinTempC, MaxTempC)
        SELECT @ShipmentId,
               l.LineNumber,
               l.ProductClassCode,
               l.Description,
               l.PalletCount,
               l.GrossWeightKg,
               COALESCE(l.MinTempC, tb.MinTempC),
               COALESCE(l.MaxTempC, tb.MaxTempC)
        FROM @Lines AS l
        JOIN ref.ProductClass AS pc ON pc.ProductClassCode = l.ProductClassCode
        JOIN ref.TemperatureBand AS tb ON tb.BandCode = pc.BandCode;

        IF @@ROWCOUNT <> (SELECT COUNT(*) FROM @Lines)
            THROW 50014, N'Unknown product class on one or more lines.', 1;

        INSERT INTO ops.ShipmentStatusHistory (ShipmentId, OldStatus, NewStatus)
        VALUES (@ShipmentId, NULL, 'BOOKED');

        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0
            ROLLBACK TRANSACTION;
        THROW;
    END CATCH;

    SELECT @ShipmentId AS ShipmentId, @Reference AS Reference;
END
GO

/*-----------------------------------------------------------------------------
  ops.usp_AssignShipmentsToRoute
  Puts a list of shipments on a route. Each shipment is assigned under its
  own savepoint, so one shipment that does not fit rolls back alone and the
  others stay assigned. Written before TRY/CATCH was the house style and
  still checks @@ERROR after each statement.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE ops.usp_AssignShipmentsToRoute
    @RouteId        int,
    @ShipmentIds    varchar(max),
    @Assigned       int = 0 OUTPUT
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @err int, @rows int, @shipmentId bigint, @pallets smallint;
    DECLARE @capacity int, @loaded int;
    DECLARE @list TABLE (Position int, ShipmentId bigint);

    SET @Assigned = 0;

    SELECT @capacity = t.PalletCapacity
    FROM ops.Route AS r
    JOIN ops.Trailer AS t ON t.TrailerId = r.TrailerId
    WHERE r.RouteId = @RouteId AND r.Status = 'P';

    IF @capacity IS NULL
    BEGIN
        RAISERROR(N'Route %d is not in planning or has no trailer.', 16, 1, @RouteId);
        RETURN 1;
    END;

    INSERT INTO @list (Position, ShipmentId)
    SELECT Position, Item FROM dbo.fn_SplitIntList(@ShipmentIds, ',');

    SELECT @loaded = ISNULL(SUM(TotalPallets), 0) FROM ops.Shipment WHERE RouteId = @RouteId;

    BEGIN TRANSACTION AssignRoute;

    DECLARE @position int = 0;
    WHILE 1 = 1
    BEGIN
        SELECT TOP (1) @position = Position, @shipmentId = ShipmentId
        FROM @list
        WHERE Position > @position
        ORDER BY Position;

        IF @@ROWCOUNT = 0
            BREAK;

        SAVE TRANSACTION BeforeShipment;

        SELECT @pallets = TotalPallets FROM ops.Shipment WITH (UPDLOCK, ROWLOCK)
        WHERE ShipmentId = @shipmentId AND Status IN ('BOOKED', 'PLANNED');

        IF @pallets IS NULL OR @loaded + @pallets > @capacity
        BEGIN
            RAISERROR(N'Shipment %I64d skipped: not open or does not fit (%d of %d pallets used).',
                      10, 1, @shipmentId, @loaded, @capacity) WITH NOWAIT;
            SET @pallets = NULL;
            CONTINUE;
        END;

        UPDATE ops.Shipment
        SET RouteId = @RouteId, Status = 'PLANNED'
        WHERE ShipmentId = @shipmentId;

        SELECT @err = @@ERROR, @rows = @@ROWCOUNT;
        IF @err <> 0 OR @rows <> 1
        BEGIN
            ROLLBACK TRANSACTION BeforeShipment;
            SET @pallets = NULL;
            CONTINUE;
        END;

        SET @loaded = @loaded + @pallets;
        SET @Assigned = @Assigned + 1;
        SET @pallets = NULL;
    END;

    IF @Assigned = 0
    BEGIN
        ROLLBACK TRANSACTION AssignRoute;
        RAISERROR(N'No shipment could be assigned to route %d.', 11, 1, @RouteId);
        RETURN 2;
    END;

    COMMIT TRANSACTION AssignRoute;
    RETURN 0;
END
GO

/*-----------------------------------------------------------------------------
  ops.usp_CloseRoute
  Marks a route arrived and every shipment on it delivered or returned,
  stop by stop. A forward-only read-only cursor walks the stops.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE ops.usp_CloseRoute
    @RouteId    int,
    @ArrivedAt  datetime2(0) = NULL
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @stopSequence tinyint, @customerSiteId int, @arrived datetime2(0);
    DECLARE @closed int = 0;

    SET @ArrivedAt = ISNULL(@ArrivedAt, SYSUTCDATETIME());

    DECLARE stop_cursor CURSOR LOCAL FAST_FORWARD READ_ONLY FOR
        SELECT StopSequence, CustomerSiteId, ArrivedAt
        FROM ops.RouteStop
        WHERE RouteId = @RouteId
          AND CustomerSiteId IS NOT NULL
        ORDER BY StopSequence;

    BEGIN TRY
        BEGIN TRANSACTION;

        OPEN stop_cursor;
        FETCH NEXT FROM stop_cursor INTO @stopSequence, @customerSiteId, @arrived;

        WHILE @@FETCH_STATUS = 0
        BEGIN
            UPDATE ops.Shipment
            SET Status = CASE WHEN @arrived IS NULL THEN 'ON_HOLD' ELSE 'DELIVERED' END
            WHERE RouteId = @RouteId
              AND DeliverySiteId = @customerSiteId
              AND Status IN ('LOADED', 'IN_TRANSIT');

            SET @closed += @@ROWCOUNT;

            FETCH NEXT FROM stop_cursor INTO @stopSequence, @customerSiteId, @arrived;
        END;

        CLOSE stop_cursor;
        DEALLOCATE stop_cursor;

        UPDATE ops.Route
        SET Status = 'A', ActualArrival = @ArrivedAt
        WHERE RouteId = @RouteId;

        UPDATE ops.DockDoor SET AssignedRouteId = NULL WHERE AssignedRouteId = @RouteId;

        COMMIT TRANSACTION;
    END TRY
    BEGIN CATCH
        IF XACT_STATE() <> 0
            ROLLBACK TRANSACTION;

        IF CURSOR_STATUS('local', 'stop_cursor') >= 0
            CLOSE stop_cursor;
        IF CURSOR_STATUS('local', 'stop_cursor') >= -1
            DEALLOCATE stop_cursor;

        THROW;
    END CATCH;

    PRINT CONCAT(N'Route ', @RouteId, N' closed; ', @closed, N' shipments updated.');
END
GO

/*-----------------------------------------------------------------------------
  ops.usp_AllocateDockDoors
  Gives each route departing in the next hours a dock door at its origin
  depot. Doors are read into a static scroll cursor: refrigerated doors are
  handed out from the last one backwards (FETCH LAST, FETCH PRIOR) because
  the doors at the far end are nearest the freezer rooms; a route that must
  use a particular door number jumps to it with FETCH ABSOLUTE.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE ops.usp_AllocateDockDoors
    @DepotId        int,
    @HoursAhead     int = 6,
    @PreferredDoor  int = NULL
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @doorNumber tinyint, @isRefrigerated bit, @routeId int, @doorCount int;
    DECLARE @allocations TABLE (RouteId int, DoorNumber tinyint);

    DECLARE door_cursor CURSOR LOCAL SCROLL STATIC FOR
        SELECT DoorNumber, IsRefrigerated
        FROM ops.DockDoor
        WHERE DepotId = @DepotId
          AND IsActive = 1
          AND AssignedRouteId IS NULL
        ORDER BY DoorNumber;

    DECLARE route_cursor CURSOR LOCAL FORWARD_ONLY STATIC FOR
        SELECT r.RouteId
        FROM ops.Route AS r
        WHERE r.OriginDepotId = @DepotId
          AND r.Status = 'P'
          AND r.PlannedDeparture < DATEADD(HOUR, @HoursAhead, SYSUTCDATETIME())
          AND NOT EXISTS (SELECT 1 FROM ops.DockDoor AS dd WHERE dd.AssignedRouteId = r.RouteId)
        ORDER BY r.PlannedDeparture;

    OPEN door_cursor;
    SET @doorCount = @@CURSOR_ROWS;

    IF @doorCount = 0
    BEGIN
        CLOSE door_cursor;
        DEALLOCATE door_cursor;
        RAISERROR('No free dock doors at depot %d.', 10, 1, @DepotId);
        RETURN;
    END;

    IF @PreferredDoor IS NOT NULL AND @PreferredDoor BETWEEN 1 AND @doorCount
        FETCH ABSOLUTE @PreferredDoor FROM door_cursor INTO @doorNumber, @isRefrigerated;
    ELSE
        FETCH LAST FROM door_cursor INTO @doorNumber, @isRefrigerated;

    OPEN route_cursor;
    FETCH NEXT FROM route_cursor INTO @routeId;

    WHILE @@FETCH_STATUS = 0
    BEGIN
        -- Skip ambient doors while moving towards the first door.
        WHILE @isRefrigerated = 0
        BEGIN
            FETCH PRIOR FROM door_cursor INTO @doorNumber, @isRefrigerated;
            IF @@FETCH_STATUS <> 0
                BREAK;
        END;

        IF @@FETCH_STATUS <> 0 OR @doorNumber IS NULL
            BREAK;

        INSERT INTO @allocations (RouteId, DoorNumber) VALUES (@routeId, @doorNumber);

        FETCH PRIOR FROM door_cursor INTO @doorNumber, @isRefrigerated;
        IF @@FETCH_STATUS <> 0
        BEGIN
            -- Wrapped past the first door: start again from the top of the
            -- list, but only doors not handed out in this run qualify.
            FETCH FIRST FROM door_cursor INTO @doorNumber, @isRefrigerated;
            FETCH RELATIVE 0 FROM door_cursor INTO @doorNumber, @isRefrigerated;
            IF EXISTS (SELECT 1 FROM @allocations WHERE DoorNumber = @doorNumber)
                BREAK;
        END;

        FETCH NEXT FROM route_cursor INTO @routeId;
    END;

    CLOSE route_cursor;
    DEALLOCATE route_cursor;
    CLOSE door_cursor;
    DEALLOCATE door_cursor;

    UPDATE dd
    SET AssignedRouteId = a.RouteId
    FROM ops.DockDoor AS dd
    JOIN @allocations AS a ON a.DoorNumber = dd.DoorNumber
    WHERE dd.DepotId = @DepotId;

    SELECT a.RouteId, r.RouteCode, ops.fn_DoorLabel(d.DepotCode, a.DoorNumber) AS DoorLabel
    FROM @allocations AS a
    JOIN ops.Route AS r ON r.RouteId = a.RouteId
    JOIN ops.Depot AS d ON d.DepotId = @DepotId
    ORDER BY a.DoorNumber DESC;
END
GO

/*-----------------------------------------------------------------------------
  ops.usp_UpdateShipmentStatus
  Moves every shipment of a route from one status to the next. A keyset
  cursor with FOR UPDATE lets each row be changed with WHERE CURRENT OF.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE ops.usp_UpdateShipmentStatus
    @RouteId    int,
    @FromStatus varchar(12),
    @ToStatus   varchar(12)
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @shipmentId bigint, @status varchar(12), @count int = 0;

    DECLARE status_cursor CURSOR GLOBAL KEYSET SCROLL_LOCKS TYPE_WARNING FOR
        SELECT ShipmentId, Status
        FROM ops.Shipment
        WHERE RouteId = @RouteId
          AND Status = @FromStatus
        FOR UPDATE OF Status;

    OPEN GLOBAL status_cursor;

    FETCH NEXT FROM GLOBAL status_cursor INTO @shipmentId, @status;
    WHILE @@FETCH_STATUS <> -1
    BEGIN
        -- -2 means the row was deleted after the keyset was built.
        IF @@FETCH_STATUS = -2
        BEGIN
            FETCH NEXT FROM GLOBAL status_cursor INTO @shipmentId, @status;
            CONTINUE;
        END;

        UPDATE ops.Shipment
        SET Status = @ToStatus
        WHERE CURRENT OF GLOBAL status_cursor;

        INSERT INTO ops.ShipmentStatusHistory (ShipmentId, OldStatus, NewStatus)
        VALUES (@shipmentId, @status, @ToStatus);

        SET @count = @count + 1;
        FETCH NEXT FROM GLOBAL status_cursor INTO @shipmentId, @status;
    END;

    CLOSE GLOBAL status_cursor;
    DEALLOCATE GLOBAL status_cursor;

    RETURN @count;
END
GO

/*-----------------------------------------------------------------------------
  ops.usp_RecordDelivery
  Stores the proof of delivery that the driver's handheld sends as XML, and
  stamps it with the receiving time and any temperature excursion.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE ops.usp_RecordDelivery
    @ShipmentId     bigint,
    @Pod            xml,
    @ExpectedRowVer binary(8)
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @signedBy nvarchar(100), @signedAt datetime2(0), @pallets int, @excursions int;

    IF @Pod.exist('/pod/signature[@name]') = 0
    BEGIN
        RAISERROR(N'Proof of delivery for shipment %I64d has no signature.', 16, 1, @ShipmentId);
        RETURN;
    END;

    SET @signedBy = @Pod.value('(/pod/signature/@name)[1]', 'nvarchar(100)');
    SET @signedAt = @Pod.value('(/pod/signature/@at)[1]', 'datetime2(0)');
    SET @pallets = @Pod.value('count(/pod/pallet)', 'int');

    SELECT @excursions = COUNT(*)
    FROM telemetry.TemperatureExcursion
    WHERE ShipmentId = @ShipmentId;

    SET @Pod.modify('insert element received {
                         attribute at {sql:variable("@signedAt")},
                         attribute by {sql:variable("@signedBy")}
                     } as last into (/pod)[1]');
    SET @Pod.modify('insert attribute excursions {sql:variable("@excursions")} into (/pod)[1]');

    IF @Pod.exist('/pod/@status') = 1
        SET @Pod.modify('replace value of (/pod/@status)[1] with "received"');
    ELSE
        SET @Pod.modify('insert attribute status {"received"} into (/pod)[1]');

    SET @Pod.modify('delete /pod/debug');

    UPDATE ops.Shipment
    SET ProofOfDelivery = @Pod,
        Status = 'DELIVERED'
    WHERE ShipmentId = @ShipmentId
      AND RowVer = @ExpectedRowVer;

    IF @@ROWCOUNT = 0
    BEGIN
        RAISERROR(N'Shipment %I64d was changed by someone else; reload it and try again.', 16, 2, @ShipmentId);
        RETURN;
    END;

    IF @pallets <> (SELECT TotalPallets FROM ops.Shipment WHERE ShipmentId = @ShipmentId)
        UPDATE ops.Shipment
        SET ProofOfDelivery.modify('insert <discrepancy>pallet count differs from booking</discrepancy> into (/pod)[1]')
        WHERE ShipmentId = @ShipmentId;
END
GO

/*-----------------------------------------------------------------------------
  ops.usp_GetRouteManifest
  Returns a route's manifest as XML for the border crossing paperwork. The
  customs broker's system expects a fixed attribute-heavy layout, so it is
  built with FOR XML EXPLICIT.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE ops.usp_GetRouteManifest
    @RouteId int
AS
BEGIN
    SET NOCOUNT ON;

    SELECT 1                    AS Tag,
           NULL                 AS Parent,
           r.RouteCode          AS [manifest!1!route],
           r.PlannedDeparture   AS [manifest!1!departure],
           v.Registration       AS [manifest!1!vehicle],
           t.Registration       AS [manifest!1!trailer],
           NULL                 AS [shipment!2!reference],
           NULL                 AS [shipment!2!consignee],
           NULL                 AS [line!3!class],
           NULL                 AS [line!3!pallets],
           NULL                 AS [line!3!kg],
           NULL                 AS [line!3!description!element]
    FROM ops.Route AS r
    LEFT JOIN ops.Vehicle AS v ON v.VehicleId = r.VehicleId
    LEFT JOIN ops.Trailer AS t ON t.TrailerId = r.TrailerId
    WHERE r.RouteId = @RouteId

    UNION ALL

    SELECT 2, 1,
           r.RouteCode, NULL, NULL, NULL,
           s.Reference,
           c.LegalName,
           NULL, NULL, NULL, NULL
    FROM ops.Route AS r
    JOIN ops.Shipment AS s ON s.RouteId = r.RouteId
    JOIN billing.Customer AS c ON c.CustomerId = s.CustomerId
    WHERE r.RouteId = @RouteId

    UNION ALL

    SELECT 3, 2,
           r.RouteCode, NULL, NULL, NULL,
           s.Reference,
           NULL,
           sl.ProductClassCode,
           sl.PalletCount,
           sl.GrossWeightKg,
           sl.Description
    FROM ops.Route AS r
    JOIN ops.Shipment AS s ON s.RouteId = r.RouteId
    JOIN ops.ShipmentLine AS sl ON sl.ShipmentId = s.ShipmentId
    WHERE r.RouteId = @RouteId

    ORDER BY [manifest!1!route], [shipment!2!reference], Tag
    FOR XML EXPLICIT, ROOT('manifests');
END
GO

/*-----------------------------------------------------------------------------
  ops.usp_FindNearestDepot
  Nearest active depots to a point, for quoting collections from new sites.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE ops.usp_FindNearestDepot
    @Latitude   float,
    @Longitude  float,
    @MaxKm      int = 500,
    @Top        int = 3
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @point geography = geography::Point(@Latitude, @Longitude, 4326);
    DECLARE @area geography = @point.STBuffer(@MaxKm * 1000.0);

    SELECT TOP (@Top)
           d.DepotCode,
           d.Name,
           d.City,
           CAST(d.Location.STDistance(@point) / 1000 AS decimal(8, 1)) AS DistanceKm,
           d.Location.Lat AS Latitude,
           d.Location.Long AS Longitude,
           d.Location.STAsText() AS Wkt
    FROM ops.Depot AS d WITH (INDEX (SIX_Depot_Location))
    WHERE d.IsActive = 1
      AND d.Location.STIntersects(@area) = 1
    ORDER BY d.Location.STDistance(@point);
END
GO

/*-----------------------------------------------------------------------------
  ops.usp_DriverHoursReport
  Driving time per driver per day and per ISO week against the legal limits,
  with the rest between consecutive routes.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE ops.usp_DriverHoursReport
    @From   date,
    @To     date
AS
BEGIN
    SET NOCOUNT ON;
    SET DATEFIRST 1;

    CREATE TABLE #driving
    (
        DriverEmployeeId    int NOT NULL,
        RouteId             int NOT NULL,
        Departure           datetime2(0) NOT NULL,
        Arrival             datetime2(0) NOT NULL,
        DrivingMinutes      AS DATEDIFF(MINUTE, Departure, Arrival),
        PRIMARY KEY (DriverEmployeeId, Departure)
    );

    INSERT INTO #driving (DriverEmployeeId, RouteId, Departure, Arrival)
    SELECT r.DriverEmployeeId,
           r.RouteId,
           ISNULL(r.ActualDeparture, r.PlannedDeparture),
           ISNULL(r.ActualArrival, r.PlannedArrival)
    FROM ops.Route AS r
    WHERE r.DriverEmployeeId IS NOT NULL
      AND r.Status <> 'X'
      AND r.PlannedDeparture >= @From
      AND r.PlannedDeparture < DATEADD(DAY, 1, @To);

    SELECT e.FullName,
           d.RouteId,
           d.Departure,
           DATENAME(WEEKDAY, d.Departure) AS DayName,
           DATEPART(ISO_WEEK, d.Departure) AS IsoWeek,
           DATEPART(QUARTER, d.Departure) AS Quarter,
           DATEPART(DAYOFYEAR, d.Departure) AS DayOfYear,
           DATEPART(HOUR, d.Departure) AS DepartureHour,
           d.DrivingMinutes,
           SUM(d.DrivingMinutes) OVER (PARTITION BY d.DriverEmployeeId, CAST(d.Departure AS date)) AS DayMinutes,
           SUM(d.DrivingMinutes) OVER (PARTITION BY d.DriverEmployeeId, DATEPART(ISO_WEEK, d.Departure)) AS WeekMinutes,
           DATEDIFF(MINUTE,
                    LAG(d.Arrival) OVER (PARTITION BY d.DriverEmployeeId ORDER BY d.Departure),
                    d.Departure) AS RestBeforeMinutes,
           LEAD(d.RouteId, 1, 0) OVER (PARTITION BY d.DriverEmployeeId ORDER BY d.Departure) AS NextRouteId,
           FIRST_VALUE(d.Departure) OVER (PARTITION BY d.DriverEmployeeId ORDER BY d.Departure
                                          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS FirstDeparture,
           NTILE(4) OVER (ORDER BY d.DrivingMinutes DESC) AS Quartile
    FROM #driving AS d
    JOIN hr.Employee AS e ON e.EmployeeId = d.DriverEmployeeId
    ORDER BY e.FullName, d.Departure;

    DROP TABLE #driving;
END
GO

/*-----------------------------------------------------------------------------
  ops.usp_DecommissionVehicle
  Soft-deletes a vehicle with an optimistic concurrency check on rowversion.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE ops.usp_DecommissionVehicle
    @VehicleId  int,
    @RowVer     rowversion
AS
BEGIN
    SET NOCOUNT ON;

    IF EXISTS (SELECT 1 FROM ops.Route WHERE VehicleId = @VehicleId AND Status IN ('P', 'D'))
    BEGIN
        RAISERROR(50020, 16, 1, @VehicleId);
        RETURN -1;
    END;

    UPDATE ops.Vehicle
    SET IsDeleted = 1, DeletedAt = SYSUTCDATETIME()
    WHERE VehicleId = @VehicleId AND RowVer = @RowVer;

    IF @@ROWCOUNT = 0
        THROW 50021, N'The vehicle was changed or removed since it was read.', 1;

    RETURN 0;
END
GO

/*-----------------------------------------------------------------------------
  hr.usp_MoveEmployee
  Moves an employee and everyone below them under a new manager, keeping the
  hierarchyid paths consistent.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE hr.usp_MoveEmployee
    @EmployeeId     int,
    @NewManagerId   int
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;

    DECLARE @oldNode hierarchyid, @managerNode hierarchyid, @lastChild hierarchyid, @newNode hierarchyid;

    BEGIN TRANSACTION;

    SELECT @oldNode = OrgNode FROM hr.Employee WITH (UPDLOCK) WHERE EmployeeId = @EmployeeId;
    SELECT @managerNode = OrgNode FROM hr.Employee WHERE EmployeeId = @NewManagerId;

    IF @oldNode IS NULL OR @managerNode IS NULL
    BEGIN
        ROLLBACK TRANSACTION;
        THROW 50030, N'Employee or manager not found.', 1;
    END;

    IF @managerNode.IsDescendantOf(@oldNode) = 1
    BEGIN
        ROLLBACK TRANSACTION;
        THROW 50031, N'An employee cannot be moved under one of their own reports.', 1;
    END;

    SELECT @lastChild = MAX(OrgNode)
    FROM hr.Employee
    WHERE OrgNode.GetAncestor(1) = @managerNode;

    SET @newNode = @managerNode.GetDescendant(@lastChild, NULL);

    UPDATE hr.Employee
    SET OrgNode = OrgNode.GetReparentedValue(@oldNode, @newNode),
        ModifiedAt = SYSDATETIME()
    WHERE OrgNode.IsDescendantOf(@oldNode) = 1;

    COMMIT TRANSACTION;

    SELECT EmployeeId, FullName, OrgNode.ToString() AS OrgPath, OrgLevel
    FROM hr.Employee
    WHERE OrgNode.IsDescendantOf(@newNode) = 1
    ORDER BY OrgNode;
END
GO

/*-----------------------------------------------------------------------------
  hr.usp_GetOrgChartXml
  The organisation as XML for the intranet's chart widget: a recursive CTE
  walks down from the root and each row becomes one employee element.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE hr.usp_GetOrgChartXml
    @RootEmployeeId int = 1
AS
BEGIN
    SET NOCOUNT ON;

    WITH Chart AS
    (
        SELECT EmployeeId, OrgNode, FullName, JobTitle, 0 AS Depth
        FROM hr.Employee
        WHERE EmployeeId = @RootEmployeeId

        UNION ALL

        SELECT e.EmployeeId, e.OrgNode, e.FullName, e.JobTitle, c.Depth + 1
        FROM hr.Employee AS e
        JOIN Chart AS c ON e.OrgNode.GetAncestor(1) = c.OrgNode
        WHERE e.TerminationDate IS NULL
    )
    SELECT c.EmployeeId AS [@id],
           c.Depth AS [@depth],
           c.FullName AS [name],
           c.JobTitle AS [title],
           (
               SELECT COUNT(*)
               FROM hr.Employee AS r
               WHERE r.OrgNode.GetAncestor(1) = c.OrgNode
           ) AS [directReports]
    FROM Chart AS c
    ORDER BY c.OrgNode
    FOR XML PATH('employee'), ROOT('organisation'), ELEMENTS XSINIL
    OPTION (MAXRECURSION 20);
END
GO
