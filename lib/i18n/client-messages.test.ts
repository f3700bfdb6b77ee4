import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { MessagePick } from "@/components/client-messages.tsx";
import { CONFIRMATION_MESSAGES, PLEDGE_FORM_MESSAGES } from "@/app/(public)/kebutuhan/[id]/_components/pledge-messages.ts";

// The need page sends its forms only the messages named in
// app/(public)/kebutuhan/[id]/_components/pledge-messages.ts. A key a
// form reads but the list leaves out would show as its raw name: these tests read each
// form's source for the keys it uses and fail on any the list does not send.

/** Literal keys per namespace: `const x = useTranslations("ns")`, then `x("key…")`. */
function keysRead(file: string): Map<string, Set<string>> {
  const source = fs.readFileSync(path.join(process.cwd(), file), "utf8");
  const used = new Map<string, Set<string>>();
  for (const [, variable, namespace] of source.matchAll(/const (\w+) = useTranslations\("(\w+)"\)/g)) {
    const keys = used.get(namespace!) ?? new Set<string>();
    for (const [, key] of source.matchAll(new RegExp(`\\b${variable}\\(\\s*["\`]([A-Za-z]+)`, "g"))) keys.add(key!);
    used.set(namespace!, keys);
  }
  return used;
}

function missing(pick: MessagePick, used: Map<string, Set<string>>): string[] {
  return [...used].flatMap(([namespace, keys]) => {
    const sent = pick[namespace as keyof MessagePick];
    if (sent === true) return [];
    return [...keys].filter((key) => !sent?.includes(key)).map((key) => `${namespace}.${key}`);
  });
}

describe("messages the need page sends its forms", () => {
  it("include every key the pledge form and the form helper read", () => {
    const used = keysRead("app/(public)/kebutuhan/[id]/_components/pledge-form.tsx");
    expect(used.get("pledge")?.size).toBeGreaterThan(10);
    expect(missing(PLEDGE_FORM_MESSAGES, used)).toEqual([]);
    expect(missing(PLEDGE_FORM_MESSAGES, keysRead("components/form/use-form-action.ts"))).toEqual([]);
  });

  it("include every key the e-mail confirmation notice reads", () => {
    const used = keysRead("components/account/email-confirmation.tsx");
    expect(used.get("auth")?.size).toBeGreaterThan(0);
    expect(missing(CONFIRMATION_MESSAGES, used)).toEqual([]);
  });

  it("leave out what the forms do not read", () => {
    expect(PLEDGE_FORM_MESSAGES.pledge).not.toContain("myPledgesEmpty");
    expect(Object.keys(PLEDGE_FORM_MESSAGES)).not.toContain("account");
  });
});
