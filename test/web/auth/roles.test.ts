import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  CONSOLE_ROLES,
  hasPermission,
  isPermission,
  parseRole,
  permissionsOf,
  PERMISSIONS,
} from "../../../src/web/auth/roles.js";

describe("roles", () => {
  it("grants each role its permissions", () => {
    assert.deepEqual(permissionsOf("viewer"), ["assessments.read"]);
    assert.deepEqual(permissionsOf("assessor"), [
      "assessments.read",
      "assessments.run",
      "connections.manage",
      "applications.manage",
    ]);
    assert.deepEqual(permissionsOf("admin"), [...PERMISSIONS]);
  });

  it("nests viewer in assessor in admin", () => {
    for (let i = 1; i < CONSOLE_ROLES.length; i++) {
      const lower = CONSOLE_ROLES[i - 1]!;
      const higher = CONSOLE_ROLES[i]!;
      for (const permission of permissionsOf(lower)) {
        assert.ok(hasPermission(higher, permission), `${higher} lacks ${permission} of ${lower}`);
      }
      assert.ok(permissionsOf(higher).length > permissionsOf(lower).length, `${higher} adds nothing to ${lower}`);
    }
  });

  it("parses role and permission names", () => {
    assert.equal(parseRole("assessor"), "assessor");
    assert.equal(parseRole("Admin"), undefined);
    assert.equal(isPermission("users.manage"), true);
    assert.equal(isPermission("users.delete"), false);
  });
});
