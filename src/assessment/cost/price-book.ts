/**
 * The price book: the prices that the cost section multiplies, kept in a
 * JSON file so that infio needs no internet access and users can edit
 * them. schema/price-book.schema.json describes the file; price-book-check.ts
 * validates it. Every amount is in the book's `currency`.
 */

/** One price or factor, with the page it was read on. */
export interface Price {
  readonly amount: number;
  /** Address of the page the amount was read on, or `assumption`. */
  readonly source: string;
  /** Date the source was read, `YYYY-MM-DD`. */
  readonly readOn: string;
  /** Scope of the amount and how sure it is. */
  readonly note?: string;
}

/** An on-demand instance class of a target service. */
export interface InstanceClassPrice {
  readonly name: string;
  readonly vCpus: number;
  readonly memoryGiB: number;
  readonly perHour: Price;
}

/** Per-core, subscription and pay-as-you-go prices of one SQL Server edition. */
export interface EditionPrices {
  /** Perpetual licence for a pack of `coresPerPack` cores. */
  readonly perCorePack: Price;
  /** Subscription for a pack of `coresPerPack` cores, per year, Software Assurance included. */
  readonly subscriptionPerCorePackYear: Price;
  /** Pay-as-you-go price per core and month. */
  readonly payAsYouGoPerCoreMonth: Price;
}

/** Standard edition also sells the Server + CAL model. */
export interface StandardEditionPrices extends EditionPrices {
  readonly serverLicence: Price;
  readonly clientAccessLicence: Price;
}

/** The per-core licensing rules that turn cores into packs. */
export interface LicensingRules {
  readonly coresPerPack: number;
  readonly minimumCoresPerInstance: number;
  readonly source: string;
  readonly readOn: string;
  readonly note?: string;
}

export interface SqlServerPrices {
  readonly licensingRules: LicensingRules;
  readonly enterprise: EditionPrices;
  readonly standard: StandardEditionPrices;
  /** Yearly Software Assurance as a share of the perpetual licence price, 0.25 for 25%. */
  readonly softwareAssuranceYearlyShare: Price;
}

export interface AuroraPrices {
  readonly instanceClasses: readonly InstanceClassPrice[];
  /** Aurora Standard cluster storage; billed once per cluster, whatever the number of instances. */
  readonly storagePerGiBMonth: Price;
  readonly ioPerMillionRequests: Price;
  readonly ioOptimized: {
    /** Multiplies the Aurora Standard instance price. */
    readonly instancePriceFactor: Price;
    readonly storagePerGiBMonth: Price;
  };
}

export interface RdsPostgresqlPrices {
  readonly instanceClasses: readonly InstanceClassPrice[];
  /** gp3 storage of a Single-AZ instance. */
  readonly storagePerGiBMonth: Price;
  /** Multiplies instance and storage prices for a Multi-AZ (primary and standby) deployment. */
  readonly multiAzFactor: Price;
}

export interface Ec2Prices {
  readonly instanceClasses: readonly InstanceClassPrice[];
  /** EBS gp3 volume storage of one instance. */
  readonly storagePerGiBMonth: Price;
}

export interface LabourPrices {
  readonly dayRate: Price;
  readonly hoursPerDay: number;
}

export interface PriceBook {
  readonly name: string;
  /** Date the prices were read, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** ISO 4217 code, such as `USD`. */
  readonly currency: string;
  readonly region: string;
  readonly note?: string;
  readonly sqlServer: SqlServerPrices;
  readonly aurora: AuroraPrices;
  readonly rdsPostgresql: RdsPostgresqlPrices;
  readonly ec2: Ec2Prices;
  readonly labour: LabourPrices;
}
