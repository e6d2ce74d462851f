USE [KestrelColdChain]
GO
/****** Object:  View [ops].[vShipmentSummary]    Script Date: 03/02/2025 08:43:02 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
-- One row per shipment with its customer, lane and route, for the
-- operations dashboard.
CREATE VIEW [ops].[vShipmentSummary]
AS
SELECT s.ShipmentId,
       s.Reference,
       s.Status,
       c.CustomerCode,
       c.LegalName AS CustomerName,
       od.DepotCode AS OriginDepot,
       od.CountryCode AS OriginCountry,
       cs.SiteName AS DeliverySite,
       cs.CountryCode AS DestinationCountry,
       s.BookedAt,
       s.RequiredBy,
       r.RouteCode,
       r.PlannedArrival,
       r.ActualArrival,
       CASE
           WHEN s.Status = 'DELIVERED' AND r.ActualArrival <= s.RequiredBy THEN 'ON TIME'
           WHEN s.Status = 'DELIVERED' THEN 'LATE'
           WHEN s.Status <> 'CANCELLED' AND SYSUTCDATETIME() > s.RequiredBy THEN 'OVERDUE'
           ELSE 'OPEN'
       END AS Punctuality,
       s.TotalPallets,
       s.TotalWeightKg
FROM ops.Shipment AS s
INNER JOIN billing.Customer AS c ON c.CustomerId = s.CustomerId
INNER JOIN ops.Depot AS od ON od.DepotId = s.OriginDepotId
INNER JOIN billing.CustomerSite AS cs ON cs.CustomerSiteId = s.DeliverySiteId
LEFT OUTER JOIN ops.Route AS r ON r.RouteId = s.RouteId
GO
/****** Object:  View [billing].[vCustomerBalance]    Script Date: 03/02/2025 08:43:02 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE VIEW [billing].[vCustomerBalance]
WITH VIEW_METADATA
AS
SELECT c.CustomerId,
       c.CustomerCode,
       c.LegalName,
       c.CreditLimit,
       ISNULL(o.Outstanding, 0) AS Outstanding,
       ISNULL(o.Overdue, 0) AS Overdue,
       c.CreditLimit - ISNULL(o.Outstanding, 0) AS CreditAvailable,
       o.OldestDueDate,
       c.IsOnHold
FROM billing.Customer AS c
OUTER APPLY
(
    SELECT SUM(i.GrossAmount - i.PaidAmount) AS Outstanding,
           SUM(CASE WHEN i.DueDate < CAST(GETDATE() AS date) THEN i.GrossAmount - i.PaidAmount ELSE 0 END) AS Overdue,
           MIN(i.DueDate) AS OldestDueDate
    FROM billing.Invoice AS i
    WHERE i.CustomerId = c.CustomerId
      AND i.Status IN ('I', 'P')
) AS o
GO
/****** Object:  View [report].[vInvoiceTotalsByCustomer]    Script Date: 03/02/2025 08:43:02 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
-- Indexed view: SQL Server keeps the totals up to date on every invoice
-- line change. It needs SCHEMABINDING, two-part names, COUNT_BIG(*) and
-- SUM over expressions that cannot be NULL.
CREATE VIEW [report].[vInvoiceTotalsByCustomer]
WITH SCHEMABINDING
AS
SELECT i.CustomerId,
       i.CurrencyCode,
       YEAR(i.InvoiceDate) AS InvoiceYear,
       COUNT_BIG(*) AS LineCount,
       SUM(il.Quantity * il.UnitPrice) AS NetTotal,
       SUM(il.Quantity) AS QuantityTotal
FROM billing.Invoice AS i
INNER JOIN billing.InvoiceLine AS il ON il.InvoiceId = i.InvoiceId
WHERE i.Status <> 'V'
GROUP BY i.CustomerId, i.CurrencyCode, YEAR(i.InvoiceDate)
GO
SET ARITHABORT ON
GO
SET CONCAT_NULL_YIELDS_NULL ON
GO
SET ANSI_PADDING ON
GO
SET ANSI_WARNINGS ON
GO
SET NUMERIC_ROUNDABORT OFF
GO
/****** Object:  Index [UCX_vInvoiceTotalsByCustomer]    Script Date: 03/02/2025 08:43:02 ******/
CREATE UNIQUE CLUSTERED INDEX [UCX_vInvoiceTotalsByCustomer] ON [report].[vInvoiceTotalsByCustomer]
(
	[CustomerId] ASC,
	[CurrencyCode] ASC,
	[InvoiceYear] ASC
)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, SORT_IN_TEMPDB = OFF, IGNORE_DUP_KEY = OFF, DROP_EXISTING = OFF, ONLINE = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON) ON [PRIMARY]
GO
CREATE NONCLUSTERED INDEX [IX_vInvoiceTotalsByCustomer_Year] ON [report].[vInvoiceTotalsByCustomer]
(
	[InvoiceYear] ASC
)
INCLUDE([NetTotal]) WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, SORT_IN_TEMPDB = OFF, DROP_EXISTING = OFF, ONLINE = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON) ON [PRIMARY]
GO
/****** Object:  View [ref].[vProductTemperature]    Script Date: 03/02/2025 08:43:02 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
-- Schema-bound so that nobody can drop or narrow the band columns that the
-- loading instructions printed for drivers depend on.
CREATE VIEW [ref].[vProductTemperature]
WITH SCHEMABINDING
AS
SELECT pc.ProductClassCode,
       pc.Name AS ProductClass,
       tb.BandCode,
       tb.MinTempC,
       tb.MaxTempC,
       ref.fn_CelsiusToFahrenheit(tb.MinTempC) AS MinTempF,
       ref.fn_CelsiusToFahrenheit(tb.MaxTempC) AS MaxTempF,
       tb.ToleranceMinutes,
       pc.IsHazardous,
       pc.RequiresGdp
FROM ref.ProductClass AS pc
INNER JOIN ref.TemperatureBand AS tb ON tb.BandCode = pc.BandCode
GO
/****** Object:  View [ops].[vDepotContact]    Script Date: 03/02/2025 08:43:02 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
-- Depot with its manager's contact details. The front desk application
-- inserts and updates through this view; the INSTEAD OF triggers in
-- 30-triggers.sql split the changes over both tables.
CREATE VIEW [ops].[vDepotContact]
AS
SELECT d.DepotId,
       d.DepotCode,
       d.Name AS DepotName,
       d.City,
       d.CountryCode,
       d.Phone AS DepotPhone,
       e.EmployeeId AS ManagerId,
       e.FirstName AS ManagerFirstName,
       e.LastName AS ManagerLastName,
       e.Email AS ManagerEmail,
       e.Phone AS ManagerPhone
FROM ops.Depot AS d
LEFT JOIN hr.Employee AS e ON e.EmployeeId = d.ManagerEmployeeId
WHERE d.IsActive = 1
GO
/****** Object:  View [ops].[vActiveVehicle]    Script Date: 03/02/2025 08:43:02 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
-- Updatable view; CHECK OPTION stops an update through it from moving a
-- vehicle out of its own filter, for example marking it deleted.
CREATE VIEW [ops].[vActiveVehicle]
AS
SELECT VehicleId, Registration, Vin, Make, Model, EuroClass, HomeDepotId, MaxPallets, OdometerKm, NextServiceDue, IsDeleted
FROM ops.Vehicle
WHERE IsDeleted = 0
WITH CHECK OPTION
GO
/****** Object:  View [telemetry].[vLatestReading]    Script Date: 03/02/2025 08:43:02 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE VIEW [telemetry].[vLatestReading]
AS
SELECT s.SensorId,
       s.SensorSerial,
       t.TrailerCode,
       s.Compartment,
       lr.ReadingTime,
       lr.TemperatureC,
       lr.DoorOpen,
       lr.BatteryPct,
       DATEDIFF(MINUTE, lr.ReadingTime, SYSUTCDATETIME()) AS MinutesSinceReading
FROM telemetry.Sensor AS s
LEFT JOIN ops.Trailer AS t ON t.TrailerId = s.TrailerId
OUTER APPLY
(
    SELECT TOP (1) r.ReadingTime, r.TemperatureC, r.DoorOpen, r.BatteryPct
    FROM telemetry.SensorReading AS r
    WHERE r.SensorId = s.SensorId
      AND r.ReadingTime >= DATEADD(DAY, -2, SYSUTCDATETIME())
    ORDER BY r.ReadingTime DESC
) AS lr
WHERE s.IsActive = 1
GO
/****** Object:  View [hr].[vOrgChart]    Script Date: 03/02/2025 08:43:02 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE VIEW [hr].[vOrgChart]
AS
SELECT e.EmployeeId,
       REPLICATE(N'    ', e.OrgLevel) + e.FullName AS IndentedName,
       e.JobTitle,
       e.OrgNode.ToString() AS OrgPath,
       e.OrgLevel,
       m.EmployeeId AS ManagerId,
       m.FullName AS ManagerName,
       d.DepotCode
FROM hr.Employee AS e
LEFT JOIN hr.Employee AS m ON m.OrgNode = e.OrgNode.GetAncestor(1)
LEFT JOIN ops.Depot AS d ON d.DepotId = e.HomeDepotId
WHERE e.TerminationDate IS NULL
GO
/****** Object:  View [billing].[vRateCardChanges]    Script Date: 03/02/2025 08:43:02 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
-- Every version of every rate, with the previous rate beside it, for the
-- pricing committee's monthly review.
CREATE VIEW [billing].[vRateCardChanges]
AS
SELECT rc.RateCardId,
       rc.CustomerId,
       rc.OriginCountry + N' → ' + rc.DestinationCountry AS Lane,
       rc.BandCode,
       rc.RatePerPallet,
       LAG(rc.RatePerPallet) OVER (PARTITION BY rc.RateCardId ORDER BY rc.ValidFrom) AS PreviousRate,
       rc.ValidFrom,
       NULLIF(rc.ValidTo, CAST('9999-12-31 23:59:59.99' AS datetime2(2))) AS ValidTo,
       rc.ChangedBy
FROM billing.RateCard FOR SYSTEM_TIME ALL AS rc
GO
/****** Object:  View [report].[vDepotPerformance]    Script Date: 03/02/2025 08:43:02 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
CREATE VIEW [report].[vDepotPerformance]
AS
WITH Delivered AS
(
    SELECT s.OriginDepotId,
           CAST(r.ActualArrival AS date) AS DeliveryDate,
           CASE WHEN r.ActualArrival <= s.RequiredBy THEN 1 ELSE 0 END AS OnTime,
           s.TotalPallets
    FROM ops.Shipment AS s
    JOIN ops.Route AS r ON r.RouteId = s.RouteId
    WHERE s.Status = 'DELIVERED'
      AND r.ActualArrival IS NOT NULL
)
SELECT d.DepotCode,
       dl.DeliveryDate,
       COUNT(*) AS Shipments,
       SUM(dl.OnTime) AS OnTimeShipments,
       CAST(100.0 * SUM(dl.OnTime) / COUNT(*) AS decimal(5, 2)) AS OnTimePct,
       SUM(dl.TotalPallets) AS Pallets,
       AVG(CAST(SUM(dl.TotalPallets) AS decimal(10, 2)))
           OVER (PARTITION BY d.DepotCode ORDER BY dl.DeliveryDate
                 ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS Pallets7DayAvg,
       RANK() OVER (PARTITION BY dl.DeliveryDate ORDER BY SUM(dl.OnTime) * 1.0 / COUNT(*) DESC) AS DailyRank
FROM Delivered AS dl
JOIN ops.Depot AS d ON d.DepotId = dl.OriginDepotId
GROUP BY d.DepotCode, dl.DeliveryDate
GO
/****** Object:  View [integration].[vCarrierPositions]    Script Date: 03/02/2025 08:43:02 ******/
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO
-- Latest known position per shipment from the carrier hub, read through the
-- synonym so the view does not name the linked server itself.
CREATE VIEW [integration].[vCarrierPositions]
AS
SELECT x.ShipmentNumber, x.CarrierCode, x.EventCode, x.EventTime, x.Latitude, x.Longitude
FROM
(
    SELECT te.ShipmentNumber,
           te.CarrierCode,
           te.EventCode,
           te.EventTime,
           te.Latitude,
           te.Longitude,
           ROW_NUMBER() OVER (PARTITION BY te.ShipmentNumber ORDER BY te.EventTime DESC) AS rn
    FROM integration.RemoteTrackingEvent AS te
    WHERE te.EventTime >= DATEADD(DAY, -14, SYSDATETIMEOFFSET())
) AS x
WHERE x.rn = 1
GO
