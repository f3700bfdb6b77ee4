import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import id from "./messages/id.json";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

function leaf(messages: unknown, path: string): string {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages) as string;
}

describe("messages", () => {
  it("has the same keys in Indonesian and English", () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
  });

  it("has no empty message and uses the same placeholders in both languages", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\s*[,}]/g)].map((match) => match[1]).sort();
    for (const path of keys(id)) {
      const [indonesian, english] = [leaf(id, path), leaf(en, path)];
      expect(indonesian.trim(), path).not.toBe("");
      expect(english.trim(), path).not.toBe("");
      expect(new Set(placeholders(english)), path).toEqual(new Set(placeholders(indonesian)));
    }
  });
});
