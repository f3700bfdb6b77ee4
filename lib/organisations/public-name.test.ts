import { describe, expect, it } from "vitest";
import { publicOrganisationName } from "./public-name.ts";

describe("publicOrganisationName", () => {
  it("shows a name only when verified and the organisation agreed to be shown", () => {
    const org = (verificationStatus: "VERIFIED" | "PENDING" | "REJECTED" | "SUSPENDED", showPublicly: boolean) => ({
      name: "Yayasan Contoh",
      verificationStatus,
      showPublicly,
    });
    expect(publicOrganisationName(org("VERIFIED", true))).toBe("Yayasan Contoh");
    expect(publicOrganisationName(org("VERIFIED", false))).toBeNull();
    for (const status of ["PENDING", "REJECTED", "SUSPENDED"] as const) {
      expect(publicOrganisationName(org(status, true))).toBeNull();
      expect(publicOrganisationName(org(status, false))).toBeNull();
    }
    expect(publicOrganisationName(null)).toBeNull();
  });
});
