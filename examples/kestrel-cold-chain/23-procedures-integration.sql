/*
    Integration procedures: EDI manifests (XML through OPENXML), bookings
    from the API (JSON), the inbound message loop and the outbox poller.
*/
USE [KestrelColdChain]
GO
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO

/*-----------------------------------------------------------------------------
  integration.usp_ImportCarrierManifest
  Subcontracted carriers send their manifests as XML. This procedure dates
  from SQL Server 2005 and still shreds with OPENXML; the document handle
  must be released on every path, including errors.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE integration.usp_ImportCarrierManifest
    @Manifest       nvarchar(max),
    @CarrierCode    varchar(10)
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @doc int, @rc int, @lines int;

    EXEC @rc = sys.sp_xml_preparedocument @doc OUTPUT, @Manifest,
        N'<root xmlns:k="urn:kestrel:manifest"/>';

    IF @rc <> 0 OR @@ERROR <> 0
    BEGIN
        RAISERROR(N'Manifest from carrier %s is not well-formed XML.', 16, 1, @CarrierCode);
        RETURN 1;
    END;

    BEGIN TRY
        CREATE TABLE #lines
        (
            ShipmentNumber  bigint NOT NULL,
            EventCode       varchar(10) NOT NULL,
            EventTime       datetimeoffset(0) NOT NULL,
            Latitude        float NULL,
            Longitude       float NULL,
            TrackingId      bigint NOT NULL,
            NodeId          int NOT NULL
        );

        -- Flag 2: element-centric mapping by default; the WITH clause picks
        -- attributes explicitly with '@'.
        INSERT INTO #lines (ShipmentNumber, EventCode, EventTime, Latitude, Longitude, TrackingId, NodeId)
        SELECT ShipmentNumber, EventCode, EventTime, Latitude, Longitude, TrackingId, NodeId
        FROM OPENXML(@doc, N'/k:manifest/k:stop/k:event', 2)
        WITH
        (
            ShipmentNumber  bigint              '@shipment',
            EventCode       varchar(10)         '@code',
            EventTime       datetimeoffset(0)   'k:time',
            Latitude        float               '../@lat',
            Longitude       float               '../@lon',
            TrackingId      bigint              '@id',
            NodeId          int                 '@mp:id'
        );

        SET @lines = @@ROWCOUNT;

        MERGE integration.CarrierTracking AS t
        USING #lines AS s
            ON t.CarrierCode = @CarrierCode AND t.TrackingId = s.TrackingId
        WHEN NOT MATCHED THEN
            INSERT (TrackingId, CarrierCode, ShipmentNumber, EventCode, EventTime, Latitude, Longitude)
            VALUES (s.TrackingId, @CarrierCode, s.ShipmentNumber, s.EventCode, s.EventTime, s.Latitude, s.Longitude);

        -- Manifest header, attribute-centric (flag 1), with the columns of
        -- integration.ManifestHeader as the rowset schema.
        INSERT INTO integration.ManifestHeader (carrier, created, vehicle)
        SELECT carrier, created, vehicle
        FROM OPENXML(@doc, N'/k:manifest', 1)
        WITH integration.ManifestHeader;

        EXEC sys.sp_xml_removedocument @doc;
    END TRY
    BEGIN CATCH
        EXEC sys.sp_xml_removedocument @doc;

        DECLARE @error nvarchar(4000) = CONCAT(N'Manifest import failed at line ', ERROR_LINE(),
                                               N' of ', ERROR_PROCEDURE(), N': ', ERROR_MESSAGE());
        THROW 50040, @error, 1;
    END CATCH;

    RETURN 0;
END
GO

/*-----------------------------------------------------------------------------
  integration.usp_BookFromJson
  Books a shipment from the booking API's JSON document, for example
  {"customer":"NORDFROST","origin":"DUI01","site":17,"requiredBy":"...",
   "lines":[{"class":"ICECREAM","pallets":12,"kg":5400}]}
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE integration.usp_BookFromJson
    @Booking    nvarchar(max),
    @Result     nvarchar(max) = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @lines ops.ShipmentLineList;
    DECLARE @customerId int, @depotId int, @siteId int, @requiredBy datetime2(0), @reference nvarchar(40);
    DECLARE @shipmentId bigint, @shipmentRef varchar(30);

    IF ISJSON(@Booking) <> 1
        THROW 50050, N'Booking is not valid JSON.', 1;

    SELECT @customerId = c.CustomerId,
           @depotId = d.DepotId,
           @siteId = b.SiteId,
           @requiredBy = b.RequiredBy,
           @reference = b.CustomerReference
    FROM OPENJSON(@Booking)
         WITH
         (
             CustomerCode       varchar(12)     '$.customer',
             DepotCode          char(5)         '$.origin',
             SiteId             int             '$.site',
             RequiredBy         datetime2(0)    '$.requiredBy',
             CustomerReference  nvarchar(40)    'lax $.reference'
         ) AS b
    LEFT JOIN billing.Customer AS c ON c.CustomerCode = b.CustomerCode
    LEFT JOIN ops.Depot AS d ON d.DepotCode = b.DepotCode;

    INSERT INTO @lines (LineNumber, ProductClassCode, Description, PalletCount, GrossWeightKg, MinTempC, MaxTempC)
    SELECT CAST(l.[key] AS smallint) + 1,
           JSON_VALUE(l.[value], '$.class'),
           ISNULL(JSON_VALUE(l.[value], '$.description'), JSON_VALUE(l.[value], '$.class')),
           CAST(JSON_VALUE(l.[value], '$.pallets') AS smallint),
           CAST(JSON_VALUE(l.[value], '$.kg') AS decimal(9, 2)),
           TRY_CAST(JSON_VALUE(l.[value], '$.temperature.min') AS decimal(5, 2)),
           TRY_CAST(JSON_VALUE(l.[value], '$.temperature.max') AS decimal(5, 2))
    FROM OPENJSON(@Booking, 'strict $.lines') AS l
    WHERE l.[type] = 5;

    EXEC ops.usp_CreateShipment
        @CustomerId = @customerId,
        @OriginDepotId = @depotId,
        @DeliverySiteId = @siteId,
        @RequiredBy = @requiredBy,
        @CustomerReference = @reference,
        @Lines = @lines,
        @ShipmentId = @shipmentId OUTPUT,
        @Reference = @shipmentRef OUTPUT;

    DECLARE @lineCount int = (SELECT COUNT(*) FROM @lines);

    SET @Result = JSON_OBJECT('shipmentId': @shipmentId, 'reference': @shipmentRef,
                              'lines': @lineCount,
                              'classes': JSON_ARRAY('ICECREAM', 'DAIRY' NULL ON NULL));
END
GO

/*-----------------------------------------------------------------------------
  integration.usp_ProcessInboundMessages
  Works through new inbound messages. Each message type has a handler
  procedure named in the routing table below; the handler is called by name.
  A failing message is marked with its error and retried on a later run, up
  to five attempts.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE integration.usp_ProcessInboundMessages
    @MaxMessages int = 200
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @messageId uniqueidentifier, @type varchar(40), @json nvarchar(max), @xml xml;
    DECLARE @handler nvarchar(300), @processed int = 0, @failed int = 0;
    DECLARE @routes TABLE (MessageType varchar(40) PRIMARY KEY, Handler sysname);

    INSERT INTO @routes (MessageType, Handler)
    VALUES ('booking.created', N'integration.usp_BookFromJson'),
           ('payment.notification', N'billing.usp_ImportPaymentsJson'),
           ('carrier.manifest', N'integration.usp_ImportCarrierManifest');

    DECLARE message_cursor CURSOR LOCAL DYNAMIC OPTIMISTIC FOR
        SELECT TOP (@MaxMessages) MessageId, MessageType, PayloadJson, PayloadXml
        FROM integration.InboundMessage
        WHERE Status IN ('N', 'E') AND Attempts < 5
        ORDER BY ReceivedAt
        FOR UPDATE OF Status, Attempts, ProcessedAt, ErrorNumber, ErrorText;

    OPEN message_cursor;

    FETCH NEXT FROM message_cursor INTO @messageId, @type, @json, @xml;
    WHILE @@FETCH_STATUS = 0
    BEGIN
        SET @handler = NULL;
        SELECT @handler = Handler FROM @routes WHERE MessageType = @type;

        BEGIN TRY
            IF @handler IS NULL
                THROW 50060, N'No handler for this message type.', 1;

            IF @type = 'carrier.manifest'
            BEGIN
                DECLARE @manifest nvarchar(max) = CONVERT(nvarchar(max), @xml);
                DECLARE @carrier varchar(10) = @xml.value('(/*:manifest/@carrier)[1]', 'varchar(10)');
                EXEC @handler @manifest, @carrier;
            END
            ELSE
                EXEC @handler @json;

            UPDATE integration.InboundMessage
            SET Status = 'D', Attempts = Attempts + 1, ProcessedAt = SYSUTCDATETIME(), ErrorNumber = NULL, ErrorText = NULL
            WHERE CURRENT OF message_cursor;

            SET @processed += 1;
        END TRY
        BEGIN CATCH
            IF XACT_STATE() <> 0
                ROLLBACK TRANSACTION;

            UPDATE integration.InboundMessage
            SET Status = 'E',
                Attempts = Attempts + 1,
                ErrorNumber = ERROR_NUMBER(),
                ErrorText = LEFT(CONCAT(ERROR_PROCEDURE(), N' line ', ERROR_LINE(), N': ', ERROR_MESSAGE()), 2048)
            WHERE MessageId = @messageId;

            SET @failed += 1;
        END CATCH;

        FETCH NEXT FROM message_cursor INTO @messageId, @type, @json, @xml;
    END;

    CLOSE message_cursor;
    DEALLOCATE message_cursor;

    SELECT @processed AS Processed, @failed AS Failed;
END
GO

/*-----------------------------------------------------------------------------
  integration.usp_DispatchOutbox
  Sends pending outbound events to the customer webhooks through the
  Service Broker queue. Several copies may run at once: READPAST and
  UPDLOCK let each copy claim different rows. Runs for up to @RunSeconds,
  sleeping when the outbox is empty.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE integration.usp_DispatchOutbox
    @BatchSize  int = 100,
    @RunSeconds int = 55
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @claimed TABLE (EventId bigint PRIMARY KEY, EventType varchar(40), Payload nvarchar(max));
    DECLARE @until datetime2(0) = DATEADD(SECOND, @RunSeconds, SYSUTCDATETIME());
    DECLARE @body xml, @sent int = 0;

    WHILE SYSUTCDATETIME() < @until
    BEGIN
        DELETE FROM @claimed;

        WITH NextEvents AS
        (
            SELECT TOP (@BatchSize) EventId, EventType, Payload, Attempts, SentAt, LastError
            FROM integration.OutboundEvent WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE SentAt IS NULL AND Attempts < 10
            ORDER BY EventId
        )
        UPDATE NextEvents
        SET Attempts = Attempts + 1
        OUTPUT inserted.EventId, inserted.EventType, inserted.Payload INTO @claimed;

        IF @@ROWCOUNT = 0
        BEGIN
            WAITFOR DELAY '00:00:05';
            CONTINUE;
        END;

        SET @body =
        (
            SELECT EventId AS [@id], EventType AS [@type], Payload AS [text()]
            FROM @claimed
            FOR XML PATH('event'), ROOT('events'), TYPE
        );

        EXEC integration.usp_SendBrokerMessage
            @MessageType = N'//kestrel/integration/OutboundEvents',
            @Body = @body;

        UPDATE e
        SET SentAt = SYSUTCDATETIME()
        FROM integration.OutboundEvent AS e
        JOIN @claimed AS c ON c.EventId = e.EventId;

        SET @sent += @@ROWCOUNT;
    END;

    RETURN @sent;
END
GO

/*-----------------------------------------------------------------------------
  integration.usp_ExportDepotFeed
  The depot feed that the route optimiser downloads nightly: RAW mode with
  elements and an inline XSD so the optimiser can validate it. XMLSCHEMA
  cannot be combined with ROOT, so the optimiser wraps the rows itself.
-----------------------------------------------------------------------------*/
CREATE OR ALTER PROCEDURE integration.usp_ExportDepotFeed
AS
BEGIN
    SET NOCOUNT ON;

    SELECT d.DepotCode,
           d.Name,
           d.CountryCode,
           d.Location.Lat AS Latitude,
           d.Location.Long AS Longitude,
           d.TotalPallets,
           (SELECT COUNT(*) FROM ops.DockDoor AS dd WHERE dd.DepotId = d.DepotId AND dd.IsActive = 1) AS Doors
    FROM ops.Depot AS d
    WHERE d.IsActive = 1
    ORDER BY d.DepotCode
    FOR XML RAW('depot'), ELEMENTS XSINIL, XMLSCHEMA('urn:kestrel:depots');

    SELECT t.TrailerCode, t.Registration, t.SpecialAttributes, CAST(t.TrailerCode AS varbinary(20)) AS Tag
    FROM ops.Trailer AS t
    FOR XML RAW, BINARY BASE64;
END
GO
