/** Examples for the security family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const SECURITY: FamilyExamples = {
  group: "Security",
  problem:
    "Logins, users, roles, GRANT and REVOKE work on Babelfish, but only " +
    "for object permissions such as SELECT, INSERT, UPDATE, DELETE, " +
    "EXECUTE and REFERENCES. DENY is rejected, as are application roles, " +
    "EXECUTE AS and REVERT as statements, permissions such as CONTROL, " +
    "ALTER and VIEW DEFINITION, and the encryption features: " +
    "certificates, keys, transparent data encryption and Always " +
    "Encrypted.",
  solution:
    "Grant object permissions to roles and add users to the roles, and " +
    "leave out a permission instead of denying it. Give each application " +
    "its own login instead of an application role. Use Aurora storage " +
    "encryption and AWS KMS in place of database keys and certificates.",
  flagged: tsql`
CREATE LOGIN app_reader WITH PASSWORD = 'Chang3-Me-Now!';
CREATE USER app_reader FOR LOGIN app_reader;
GRANT SELECT ON dbo.Orders TO app_reader;
GRANT VIEW DEFINITION ON dbo.Orders TO app_reader;
DENY DELETE ON dbo.Orders TO app_reader;
CREATE APPLICATION ROLE report_app WITH PASSWORD = 'Chang3-Me-Too!';
`,
  findings: [
    { featureId: "security.login.create", line: 1, column: 1, status: "supported" },
    { featureId: "security.user.create", line: 2, column: 1, status: "supported" },
    { featureId: "security.grant", detail: "select", line: 3, column: 7, status: "supported" },
    { featureId: "security.grant", detail: "view_definition", line: 4, column: 7, status: "notSupported" },
    { featureId: "security.deny", detail: "delete", line: 5, column: 6, status: "notSupported" },
    { featureId: "security.application_role", line: 6, column: 1, status: "notSupported" },
  ],
  fine: tsql`
CREATE LOGIN app_reader WITH PASSWORD = 'Chang3-Me-Now!';
CREATE USER app_reader FOR LOGIN app_reader;
CREATE ROLE order_reader;
GRANT SELECT ON dbo.Orders TO order_reader;
ALTER ROLE order_reader ADD MEMBER app_reader;
`,
};
