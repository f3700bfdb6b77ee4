import { parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { CLIENT_NAMESPACES } from "./config.ts";
import { ERROR_BOUNDARY_MESSAGES } from "./error-boundary-messages.ts";
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
      typeof value === "object" && value !== null
        ? Object.entries(value).flatMap(([key, child]) => [...(key.includes(".") ? [key] : []), ...dotted(child)])
        : [];
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

describe("messages sent to the browser", () => {
  const clientFiles = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "generated" ? [] : clientFiles(file);
      return /\.tsx?$/.test(entry.name) && fs.readFileSync(file, "utf8").startsWith('"use client"') ? [file] : [];
    });

  it("include every namespace a client component reads", () => {
    const files = ["app", "components", "lib"].flatMap((dir) => clientFiles(dir));
    expect(files.length).toBeGreaterThan(5);
    // useTranslations("ns"), or useTranslations() with full keys such as t("ns.key").
    const used = new Set(
      files.flatMap((file) => {
        const source = fs.readFileSync(file, "utf8");
        const named = [...source.matchAll(/useTranslations\(\s*"([A-Za-z]+)/g)].map((m) => m[1]!);
        const rooted = /useTranslations\(\s*\)/.test(source) ? [...source.matchAll(/\bt\(\s*["'`]([A-Za-z]+)\./g)].map((m) => m[1]!) : [];
        return [...named, ...rooted];
      }),
    );
    expect(used.size).toBeGreaterThan(0);
    const missing = [...used].filter((namespace) => !(CLIENT_NAMESPACES as readonly string[]).includes(namespace));
    expect(missing, "add these to CLIENT_NAMESPACES in lib/i18n/config.ts").toEqual([]);
  });

  it("error-boundary strings equal the message files", () => {
    for (const [locale, messages] of [
      ["id", id],
      ["en", en],
    ] as const) {
      for (const [key, text] of Object.entries(ERROR_BOUNDARY_MESSAGES[locale]))
        expect(text).toBe((messages.errors as Record<string, string>)[key]);
    }
  });
});
