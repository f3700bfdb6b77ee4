import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/helpers/db.ts";
import { MAP_SHAPES, mapViewBox, shapeHref } from "./shapes.ts";

const spriteFile = path.join("public", MAP_SHAPES.sprite);
const sprite = fs.readFileSync(spriteFile, "utf8");
const paths = new Map([...sprite.matchAll(/<path id="k([\d.]+)"[^>]* d="([^"]+)"\/>/g)].map((m) => [m[1]!, m[2]!]));

describe("kelurahan shapes", () => {
  it("has a shape for every kelurahan in the region table and a kelurahan for every shape", async () => {
    const regions = await testDb().query<{ code: string }>(`SELECT code FROM region WHERE level = 'KELURAHAN'`);
    const inTable = regions.map((r) => r.code).sort();
    const withShape = [...paths.keys()].sort();
    expect(inTable).toHaveLength(267);
    expect(withShape.filter((code) => !inTable.includes(code))).toEqual([]);
    expect(inTable.filter((code) => !withShape.includes(code))).toEqual([]);
    expect([...MAP_SHAPES.codes].sort()).toEqual(withShape);
    expect(shapeHref("31.71.01.1001")).toBe(`${MAP_SHAPES.sprite}#k31.71.01.1001`);
    expect(shapeHref("31.71.01.9999")).toBeNull();
  });

  it("draws every shape as closed rings inside the map, and frames every kota", () => {
    for (const [code, d] of paths) {
      expect(d, code).toMatch(/^(M-?\d+ ?-?\d+l[-\d ]+z)+$/);
      const [, x, y] = /^M(-?\d+) ?(-?\d+)/.exec(d)!.map(Number);
      expect(x! >= 0 && x! <= MAP_SHAPES.width && y! >= 0 && y! <= MAP_SHAPES.height, code).toBe(true);
    }
    expect(Object.keys(MAP_SHAPES.kota)).toEqual(["31.01", "31.71", "31.72", "31.73", "31.74", "31.75"]);
    expect(mapViewBox("31.71")[2]).toBeLessThan(MAP_SHAPES.width / 2);
    expect(mapViewBox("99.99")).toEqual([0, 0, MAP_SHAPES.width, MAP_SHAPES.height]);
    // Sent once and cached for good, so it must stay small.
    expect(sprite.length).toBeLessThan(150_000);
  });

  it("is what scripts/build-map.ts makes from the shipped boundaries (run npm run map:build after changing either)", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "ksbb-map-"));
    execFileSync(process.execPath, ["--import", "tsx", "scripts/build-map.ts", out], { stdio: "pipe" });
    expect(fs.readFileSync(path.join(out, "lib/map/shapes.json"), "utf8")).toBe(fs.readFileSync("lib/map/shapes.json", "utf8"));
    expect(fs.readFileSync(path.join(out, "public", MAP_SHAPES.sprite), "utf8")).toBe(sprite);
    fs.rmSync(out, { recursive: true });
  }, 60_000);
});
