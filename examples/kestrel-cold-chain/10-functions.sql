/*
    User-defined functions: scalar, inline table-valued and multi-statement
    table-valued. Functions that views with SCHEMABINDING call are themselves
    schema-bound.
*/
USE [KestrelColdChain]
GO
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO

-- Converts Celsius to Fahrenheit for the UK and US customer portals.
CREATE OR ALTER FUNCTION ref.fn_CelsiusToFahrenheit (@celsius decimal(5, 2))
RETURNS decimal(6, 2)
WITH SCHEMABINDING, RETURNS NULL ON NULL INPUT
AS
BEGIN
    RETURN CAST(@celsius * 9.0 / 5.0 + 32.0 AS decimal(6, 2));
END
GO

-- Formats a shipment number the way the delivery notes print it:
-- KCC-2400123/DE-PL, with the lane when both countries are known.
CREATE OR ALTER FUNCTION ops.fn_ShipmentLabel
(
    @shipmentNumber bigint,
    @originCountry  char(2) = NULL,
    @destCountry    char(2) = NULL
)
RETURNS varchar(40)
AS
BEGIN
    DECLARE @label varchar(40) = 'KCC-' + CAST(@shipmentNumber AS varchar(20));

    IF @originCountry IS NOT NULL AND @destCountry IS NOT NULL
        SET @label += '/' + @originCountry + '-' + @destCountry;

    RETURN @label;
END
GO

-- Outstanding amount of one invoice: gross minus payments and credit notes.
CREATE OR ALTER FUNCTION billing.fn_InvoiceBalance (@invoiceId int)
RETURNS decimal(19, 4)
WITH EXECUTE AS CALLER
AS
BEGIN
    DECLARE @gross decimal(19, 4), @paid decimal(19, 4), @credited decimal(19, 4);

    SELECT @gross = GrossAmount, @paid = PaidAmount
    FROM billing.Invoice
    WHERE InvoiceId = @invoiceId;

    SELECT @credited = ISNULL(SUM(Amount), 0)
    FROM billing.CreditNote
    WHERE InvoiceId = @invoiceId;

    RETURN ISNULL(@gross, 0) - ISNULL(@paid, 0) - @credited;
END
GO

-- Great-circle distance in kilometres between two depots.
CREATE OR ALTER FUNCTION ops.fn_DepotDistanceKm (@fromDepotId int, @toDepotId int)
RETURNS decimal(8, 1)
AS
BEGIN
    DECLARE @from geography, @to geography;

    SELECT @from = Location FROM ops.Depot WHERE DepotId = @fromDepotId;
    SELECT @to = Location FROM ops.Depot WHERE DepotId = @toDepotId;

    IF @from IS NULL OR @to IS NULL
        RETURN NULL;

    RETURN CAST(@from.STDistance(@to) / 1000.0 AS decimal(8, 1));
END
GO

-- Working days between two dates in one country, skipping weekends and
-- public holidays. DATEPART(WEEKDAY) depends on DATEFIRST, so the weekday
-- is computed from a known Monday instead.
CREATE OR ALTER FUNCTION ref.fn_BusinessDaysBetween
(
    @countryCode char(2),
    @fromDate    date,
    @toDate      date
)
RETURNS int
AS
BEGIN
    DECLARE @days int = 0;
    DECLARE @day date = @fromDate;

    WHILE @day < @toDate
    BEGIN
        SET @day = DATEADD(DAY, 1, @day);

        IF DATEDIFF(DAY, '19000101', @day) % 7 IN (5, 6)
            CONTINUE;

        IF EXISTS (SELECT 1 FROM ref.Holiday WHERE CountryCode = @countryCode AND HolidayDate = @day)
            CONTINUE;

        SET @days = @days + 1;
    END;

    RETURN @days;
END
GO

-- VAT for a net amount in a country; reverse charge inside the EU when the
-- customer has a VAT number in another member state.
CREATE OR ALTER FUNCTION billing.fn_VatAmount
(
    @net                decimal(19, 4),
    @supplierCountry    char(2),
    @customerCountry    char(2),
    @customerVatNumber  varchar(20)
)
RETURNS decimal(19, 4)
AS
BEGIN
    DECLARE @rate decimal(5, 2);
    DECLARE @bothEu bit;

    SELECT @bothEu = CASE WHEN COUNT(*) = 2 THEN 1 ELSE 0 END
    FROM ref.Country
    WHERE CountryCode IN (@supplierCountry, @customerCountry)
      AND IsEuMember = 1;

    IF @supplierCountry <> @customerCountry AND @bothEu = 1 AND @customerVatNumber IS NOT NULL
        RETURN 0;

    SELECT @rate = VatRatePct FROM ref.Country WHERE CountryCode = @supplierCountry;

    RETURN ROUND(@net * ISNULL(@rate, 0) / 100, 2);
END
GO

-- Readings of one sensor in a time window, for the temperature chart on the
-- proof-of-delivery page.
CREATE OR ALTER FUNCTION telemetry.fn_ReadingsForSensor
(
    @sensorId int,
    @from     datetime2(0),
    @to       datetime2(0)
)
RETURNS TABLE
AS
RETURN
    SELECT r.ReadingTime,
           r.TemperatureC,
           ref.fn_CelsiusToFahrenheit(r.TemperatureC) AS TemperatureF,
           r.HumidityPct,
           r.DoorOpen
    FROM telemetry.SensorReading AS r
    WHERE r.SensorId = @sensorId
      AND r.ReadingTime >= @from
      AND r.ReadingTime < @to;
GO

-- Invoices with an open balance, oldest first, for one customer or all.
CREATE OR ALTER FUNCTION billing.fn_OpenInvoices (@customerId int = NULL)
RETURNS TABLE
WITH SCHEMABINDING
AS
RETURN
(
    SELECT i.InvoiceId,
           i.InvoiceNumber,
           i.CustomerId,
           i.InvoiceDate,
           i.DueDate,
           i.GrossAmount,
           i.PaidAmount,
           i.GrossAmount - i.PaidAmount AS Outstanding,
           DATEDIFF(DAY, i.DueDate, CAST(GETDATE() AS date)) AS DaysOverdue
    FROM billing.Invoice AS i
    WHERE i.Status IN ('I', 'P')
      AND i.GrossAmount > i.PaidAmount
      AND (@customerId IS NULL OR i.CustomerId = @customerId)
);
GO

-- Everyone below a manager in the organisation, with their depth below him.
CREATE OR ALTER FUNCTION hr.fn_Subordinates (@managerId int)
RETURNS TABLE
AS
RETURN
    SELECT e.EmployeeId,
           e.FullName,
           e.JobTitle,
           e.OrgNode.ToString() AS OrgPath,
           e.OrgLevel - m.OrgLevel AS Depth
    FROM hr.Employee AS m
    JOIN hr.Employee AS e
        ON e.OrgNode.IsDescendantOf(m.OrgNode) = 1
       AND e.EmployeeId <> m.EmployeeId
    WHERE m.EmployeeId = @managerId
      AND e.TerminationDate IS NULL;
GO

-- Stops of a route with planned and actual times and the lateness of each.
CREATE OR ALTER FUNCTION ops.fn_RouteStops (@routeId int)
RETURNS @stops TABLE
(
    StopSequence    tinyint PRIMARY KEY,
    PlaceName       nvarchar(120) NOT NULL,
    CountryCode     char(2) NOT NULL,
    PlannedAt       datetime2(0) NOT NULL,
    ArrivedAt       datetime2(0) NULL,
    MinutesLate     int NULL,
    IsDepot         bit NOT NULL
)
AS
BEGIN
    INSERT INTO @stops (StopSequence, PlaceName, CountryCode, PlannedAt, ArrivedAt, IsDepot)
    SELECT s.StopSequence, d.Name, d.CountryCode, s.PlannedAt, s.ArrivedAt, 1
    FROM ops.RouteStop AS s
    JOIN ops.Depot AS d ON d.DepotId = s.DepotId
    WHERE s.RouteId = @routeId;

    INSERT INTO @stops (StopSequence, PlaceName, CountryCode, PlannedAt, ArrivedAt, IsDepot)
    SELECT s.StopSequence, cs.SiteName, cs.CountryCode, s.PlannedAt, s.ArrivedAt, 0
    FROM ops.RouteStop AS s
    JOIN billing.CustomerSite AS cs ON cs.CustomerSiteId = s.CustomerSiteId
    WHERE s.RouteId = @routeId;

    UPDATE @stops
    SET MinutesLate = CASE
                          WHEN ArrivedAt IS NULL THEN NULL
                          WHEN ArrivedAt <= PlannedAt THEN 0
                          ELSE DATEDIFF(MINUTE, PlannedAt, ArrivedAt)
                      END;

    RETURN;
END
GO

-- Splits a delimited list of integers; older callers still pass strings
-- such as '12,15,19' instead of a table-valued parameter.
CREATE OR ALTER FUNCTION dbo.fn_SplitIntList (@list varchar(max), @delimiter char(1) = ',')
RETURNS @items TABLE (Position int IDENTITY(1, 1) NOT NULL, Item int NOT NULL)
AS
BEGIN
    DECLARE @start int = 1;
    DECLARE @end int;
    DECLARE @piece varchar(20);

    IF @list IS NULL OR LEN(@list) = 0
        RETURN;

    WHILE @start <= LEN(@list) + 1
    BEGIN
        SET @end = CHARINDEX(@delimiter, @list, @start);
        IF @end = 0
            SET @end = LEN(@list) + 1;

        SET @piece = LTRIM(RTRIM(SUBSTRING(@list, @start, @end - @start)));
        IF @piece <> '' AND TRY_CONVERT(int, @piece) IS NOT NULL
            INSERT INTO @items (Item) VALUES (CONVERT(int, @piece));

        SET @start = @end + 1;
    END;

    RETURN;
END
GO

-- Periods when a sensor was outside its band for longer than the band's
-- tolerance. Consecutive out-of-band readings form one window (gaps and
-- islands: the row number difference is constant within an island).
CREATE OR ALTER FUNCTION telemetry.fn_ExcursionWindows
(
    @sensorId   int,
    @bandCode   varchar(10),
    @from       datetime2(0),
    @to         datetime2(0)
)
RETURNS @windows TABLE
(
    StartedAt   datetime2(0) NOT NULL,
    EndedAt     datetime2(0) NOT NULL,
    PeakTempC   decimal(5, 2) NOT NULL,
    Readings    int NOT NULL
)
AS
BEGIN
    DECLARE @min decimal(5, 2), @max decimal(5, 2), @tolerance smallint;

    SELECT @min = MinTempC, @max = MaxTempC, @tolerance = ToleranceMinutes
    FROM ref.TemperatureBand
    WHERE BandCode = @bandCode;

    IF @@ROWCOUNT = 0
        RETURN;

    WITH Flagged AS
    (
        SELECT ReadingTime,
               TemperatureC,
               CASE WHEN TemperatureC < @min OR TemperatureC > @max THEN 1 ELSE 0 END AS IsOut,
               ROW_NUMBER() OVER (ORDER BY ReadingTime) AS rn
        FROM telemetry.SensorReading
        WHERE SensorId = @sensorId
          AND ReadingTime >= @from
          AND ReadingTime < @to
    ),
    Islands AS
    (
        SELECT ReadingTime,
               TemperatureC,
               rn - ROW_NUMBER() OVER (ORDER BY ReadingTime) AS Island
        FROM Flagged
        WHERE IsOut = 1
    )
    INSERT INTO @windows (StartedAt, EndedAt, PeakTempC, Readings)
    SELECT MIN(ReadingTime),
           MAX(ReadingTime),
           CASE WHEN MAX(TemperatureC) > @max THEN MAX(TemperatureC) ELSE MIN(TemperatureC) END,
           COUNT(*)
    FROM Islands
    GROUP BY Island
    HAVING DATEDIFF(MINUTE, MIN(ReadingTime), MAX(ReadingTime)) >= @tolerance;

    RETURN;
END
GO

-- Converts an amount between currencies through the euro rates.
CREATE OR ALTER FUNCTION ref.fn_ConvertCurrency
(
    @amount decimal(19, 4),
    @from   char(3),
    @to     char(3)
)
RETURNS decimal(19, 4)
WITH SCHEMABINDING
AS
BEGIN
    DECLARE @fromRate decimal(18, 8), @toRate decimal(18, 8);

    IF @from = @to
        RETURN @amount;

    SELECT @fromRate = RateToEur FROM ref.Currency WHERE CurrencyCode = @from;
    SELECT @toRate = RateToEur FROM ref.Currency WHERE CurrencyCode = @to;

    RETURN ROUND(@amount * @fromRate / NULLIF(@toRate, 0), 4);
END
GO

-- Pads a depot code and a door for the labels on the dock signage, as
-- STR() does for numbers: right-aligned in a fixed width.
CREATE OR ALTER FUNCTION ops.fn_DoorLabel (@depotCode char(5), @doorNumber tinyint)
RETURNS char(12)
AS
BEGIN
    RETURN @depotCode + '-' + LTRIM(STR(@doorNumber, 2)) + REPLICATE(' ', 3);
END
GO

-- Week label used by the KPI reports, for example 2025-W07.
CREATE OR ALTER FUNCTION report.fn_IsoWeekLabel (@day date)
RETURNS char(8)
AS
BEGIN
    DECLARE @week int = DATEPART(ISO_WEEK, @day);
    DECLARE @year int = YEAR(DATEADD(DAY, 26 - @week, @day));

    RETURN CAST(@year AS char(4)) + '-W' + RIGHT('0' + CAST(@week AS varchar(2)), 2);
END
GO
