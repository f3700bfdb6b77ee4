import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { DEMO, signIn } from "../../../e2e/support/accounts.ts";
import { watchCsp } from "./csp-watch.ts";

// Tools for the stored-XSS spec: payloads, typing them into real forms (falling back to a
// markup-free payload where the schema refuses < and >), and looking at the pages that
// show what was stored, as the people who see them.

/** Script in three shapes: a script element, an event handler, and breaking out of an attribute. */
export const MARKUP_PAYLOAD = `<script>window.__xss=1</script><img src=x onerror="window.__xss=1">"><svg onload=window.__xss=1>`;
/** For fields that refuse < and >: a javascript: URL and breaking out of a quoted attribute. */
export const PLAIN_PAYLOAD = `javascript:window.__xss=1//" autofocus onfocus="window.__xss=1" x='`;

export type Viewer = keyof typeof DEMO | Page;
export interface View {
  /** A demo role, or the page (signed in) of whoever submitted. */
  as: Viewer;
  path: string;
  /** Fields whose stored value must be on this page, as text. */
  shows: string[];
  /** The list is paginated (?page=N) and the value may be on a later page. */
  paginated?: boolean;
}

let address = 0;
/** A fresh browser context from its own address (registration is limited per address). */
export async function freshPage(browser: Browser): Promise<Page> {
  address += 1;
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": `198.51.${100 + (process.pid % 50)}.${address % 250}` },
  });
  return context.newPage();
}

const signedIn = new Map<string, Page>();
export async function pageAs(browser: Browser, viewer: Viewer): Promise<Page> {
  if (typeof viewer !== "string") return viewer;
  if (!signedIn.has(viewer)) {
    const page = await freshPage(browser);
    await signIn(page, DEMO[viewer]);
    signedIn.set(viewer, page);
  }
  return signedIn.get(viewer)!;
}

export async function closeAll() {
  for (const page of signedIn.values()) await page.context().close();
  signedIn.clear();
}

/** Fails if any payload ran or the policy had to block anything on this page. */
export async function expectNoScriptRan(page: Page, where: string, violations: () => Promise<string[]>) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `${where}: a payload ran`).toBeUndefined();
  expect(await violations(), `${where}: CSP had to block something`).toEqual([]);
}

/**
 * Types `MARKUP_PAYLOAD + marker` into each field and submits. Fields the server refuses
 * (aria-invalid) must show what was typed as a value, not as markup; they then get
 * `PLAIN_PAYLOAD + marker` and the form is sent again. Resolves with what was stored.
 */
export async function submitPayloads(
  page: Page,
  options: { fields: Record<string, Locator>; marker: string; submit: () => Promise<void>; done: Locator },
): Promise<Record<string, string>> {
  const violations = await watchCsp(page);
  const values: Record<string, string> = {};
  // Short markers: with the payload they stay within the 120-character name fields.
  const tag = (name: string) => `${options.marker}${Object.keys(options.fields).indexOf(name)}`;
  for (const [name, field] of Object.entries(options.fields)) {
    values[name] = `${MARKUP_PAYLOAD} ${tag(name)}`;
    await field.fill(values[name]);
  }
  await options.submit();
  const refused = page.locator("[aria-invalid='true']");
  await expect(options.done.or(refused.first())).toBeVisible();
  if (!(await options.done.isVisible())) {
    await expectNoScriptRan(page, "refused form", violations);
    for (const [name, field] of Object.entries(options.fields)) {
      if ((await field.getAttribute("aria-invalid")) !== "true") continue;
      // Refused, and echoed back into the field as plain text (where the form echoes it).
      const echoed = await field.inputValue();
      if (echoed) expect(echoed).toBe(values[name]);
      values[name] = `${PLAIN_PAYLOAD} ${tag(name)}`;
    }
    for (const [name, field] of Object.entries(options.fields)) await field.fill(values[name]!);
    await options.submit();
    await expect(options.done).toBeVisible();
  }
  await expectNoScriptRan(page, "after saving", violations);
  return values;
}

/** Opens each view as its viewer: nothing ran, nothing was blocked, and each stored value reads as text. */
export async function expectShownAsText(browser: Browser, views: View[], stored: Record<string, string>) {
  for (const view of views) {
    const page = await pageAs(browser, view.as);
    const violations = await watchCsp(page);
    const wanted = view.shows.map((field) => {
      if (!stored[field]) throw new Error(`view ${view.path} shows ${field}, which was not stored`);
      return stored[field];
    });
    for (let n = 1; n <= (view.paginated ? 30 : 1); n += 1) {
      const path = n === 1 ? view.path : `${view.path}${view.path.includes("?") ? "&" : "?"}page=${n}`;
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectNoScriptRan(page, path, violations);
      if (!wanted.length || (await page.getByText(wanted[0]!).count()) > 0) break;
    }
    for (const value of wanted) await expect(page.getByText(value).first(), `${view.path} shows ${value}`).toBeVisible();
  }
}
