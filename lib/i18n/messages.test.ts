import { parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
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

/** The argument names an ICU message uses, found by the same parser next-intl relies on. */
function argumentsOf(elements: MessageFormatElement[]): Set<string> {
  const names = new Set<string>();
  for (const element of elements) {
    if ("value" in element && typeof element.value === "string" && element.type !== 0) names.add(element.value);
    if ("options" in element) {
      for (const option of Object.values(element.options)) argumentsOf(option.value).forEach((name) => names.add(name));
    }
    if ("children" in element) argumentsOf(element.children).forEach((name) => names.add(name));
  }
  return names;
}

describe("messages", () => {
  it("has the same keys in Indonesian and English", () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
  });

  it("uses no dots inside keys (next-intl reads a dot as nesting)", () => {
    const dotted = (value: unknown): string[] =>
      typeof value === "object" && value !== null ? Object.entries(value).flatMap(([key, child]) => [...(key.includes(".") ? [key] : []), ...dotted(child)]) : [];
    expect(dotted(id)).toEqual([]);
    expect(dotted(en)).toEqual([]);
  });

  it("parses every message, none is empty, and both languages use the same arguments", () => {
    for (const path of keys(id)) {
      const [indonesian, english] = [leaf(id, path), leaf(en, path)];
      expect(indonesian.trim(), path).not.toBe("");
      expect(english.trim(), path).not.toBe("");
      expect(argumentsOf(parse(english)), path).toEqual(argumentsOf(parse(indonesian)));
    }
  });
});
