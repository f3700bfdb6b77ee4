import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

// axe-core with the WCAG 2.2 A/AA rules the portal promises. Legacy mode runs axe.run in
// the page itself; the default mode also opens a blank page per call to merge the results
// of every frame, which cost more than the checks on most pages (0.5–1 s a call on a
// two-core machine). The portal's pages have no frames, so the results are the same.
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** axe's serious and critical findings on the page (or inside `include`, a CSS selector). */
export async function seriousViolations(page: Page, options: { include?: string } = {}) {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true);
  if (options.include) builder = builder.include(options.include);
  const results = await builder.analyze();
  return {
    passes: results.passes.length,
    serious: results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
      })),
  };
}
