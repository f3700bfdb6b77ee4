import { describe, expect, it } from "vitest";
import { areaOf, kelurahanPath } from "./queries.ts";

describe("region paths", () => {
  it("gives a kelurahan with its kecamatan and kota, and nothing for other codes", async () => {
    expect(await kelurahanPath("31.71.01.1001")).toEqual({
      kelurahan: { code: "31.71.01.1001", name: "Gambir" },
      kecamatan: { code: "31.71.01", name: "Gambir" },
      kota: { code: "31.71", name: "Kota Administrasi Jakarta Pusat" },
    });
    expect(await kelurahanPath("31.71.01")).toBeNull();
    expect(await kelurahanPath("31.71.01.9999")).toBeNull();
  });

  it("finds kota and kecamatan for the drill-down, with the parent", async () => {
    expect(await areaOf("31.71")).toMatchObject({ level: "KOTA", name: "Kota Administrasi Jakarta Pusat" });
    expect(await areaOf("31.71.01")).toMatchObject({ level: "KECAMATAN", parent: { code: "31.71" } });
    expect(await areaOf("31.71.01.1001")).toBeNull();
    expect(await areaOf("31")).toBeNull();
  });
});
