import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import type * as Axe from "axe-core";

// axe-core with the WCAG 2.2 A/AA rules the portal promises, run in the page itself.
// The portal's pages have no frames, so one axe.run over the document sees all of it.
//
// axe-core is called directly rather than through @axe-core/playwright: that wrapper
// injected the 550 KB script twice per call and brought every passing node of every rule
// back over the wire (on the 267-row catalogue table, tens of thousands of nodes), which
// made one check take 4–5 s where axe itself took 1 s. Here axe is injected once per page
// load, asked for violations only (resultTypes), and only the serious and critical ones
// leave the page. See docs/decisions/0031-browser-cost.md.
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface SeriousViolation {
  id: string;
  impact: string;
  nodes: string[];
}

/** axe's serious and critical findings on the page (or inside `include`, a CSS selector). */
export async function seriousViolations(
  page: Page,
  options: { include?: string } = {},
): Promise<{ passes: number; serious: SeriousViolation[] }> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ tags, include }) => {
      const axe = (window as unknown as { axe: typeof Axe }).axe;
      const results = await axe.run(include ?? document, {
        runOnly: { type: "tag", values: tags },
        // Passing rules are still listed, with one node each instead of every node.
        resultTypes: ["violations"],
      });
      return {
        passes: results.passes.length,
        serious: results.violations
          .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
          .map((violation) => ({
            id: violation.id,
            impact: violation.impact as string,
            nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
          })),
      };
    },
    { tags: WCAG_TAGS, include: options.include },
  );
}
