import { expect, test } from "@playwright/test";
import { unique } from "../../e2e/support/accounts.ts";
import { FREE_TEXT_FIELDS } from "./free-text-fields.ts";
import { closeAll, expectShownAsText } from "./support/xss-kit.ts";

// Stored XSS: script payloads typed into every free-text field (free-text-fields.ts), then
// every page that shows them opened as the people who see them. Nothing may run, the
// policy must not have had to block anything (so escaping, not CSP, stopped it), and the
// payload must read as text.
test.afterAll(closeAll);

for (const entry of FREE_TEXT_FIELDS) {
  test(`${entry.name}: stored script payloads render as text`, async ({ browser }) => {
    test.setTimeout(240_000);
    const { stored, views } = await entry.run(browser, `X${unique().slice(-6)}-`);
    expect(Object.keys(stored).length).toBeGreaterThan(0);
    await expectShownAsText(browser, views, stored);
  });
}
