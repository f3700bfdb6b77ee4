import { expect, type Page } from "@playwright/test";

// Finding an open need with room and pledging to it, as a signed-in donor in Indonesian:
// several specs start from a pledge of their own.

/** The needs a catalogue address lists, as paths. */
export async function needPaths(page: Page, catalogue: string): Promise<string[]> {
  await page.goto(catalogue);
  const links = page.getByRole("main").getByRole("article").getByRole("heading").getByRole("link");
  // evaluateAll does not wait: once a run read an empty list from a page whose cards were
  // on screen a moment later. The callers expect needs, so wait for the first card.
  await expect(links.first()).toBeVisible();
  return links.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
}

/** Opens the first need of the catalogue (or of its list reversed) with room for `room` more; fails if none has. */
export async function openNeedWithRoom(page: Page, catalogue: string, room: number, options: { reverse?: boolean } = {}): Promise<string> {
  const paths = await needPaths(page, catalogue);
  for (const path of options.reverse ? paths.reverse() : paths) {
    await page.goto(path);
    // The panel is rendered with the page: it holds the form's limit, or says the need takes no more pledges.
    await expect(pledgePanel(page)).toBeVisible();
    const limit = pledgePanel(page).getByText(/^Maksimal \d+ lagi\.$/);
    const left = (await limit.count()) > 0 ? Number((await limit.textContent())?.match(/\d+/)?.[0] ?? 0) : 0;
    if (left >= room) return path;
  }
  expect(null, `a need on ${catalogue} with room for ${room}`).not.toBeNull();
  return "";
}

/** The pledge form on an open need's page. */
export const pledgePanel = (page: Page) => page.getByRole("region", { name: "Janji bantuan", exact: true });

/** Fills and sends the pledge form for today; `aggregator` names one, or the donor delivers. Returns the pledge code. */
export async function pledgeHere(page: Page, quantity: number, aggregator?: string): Promise<string> {
  const panel = pledgePanel(page);
  await panel.getByLabel(/^Jumlah/).fill(String(quantity));
  await panel.getByLabel("Cara penyaluran").selectOption(aggregator ? "AGGREGATOR" : "DIRECT");
  if (aggregator) await panel.getByLabel("Agregator").selectOption({ label: aggregator });
  const date = panel.getByLabel("Rencana tanggal penyaluran");
  await date.fill((await date.getAttribute("min"))!);
  await panel.getByRole("button", { name: "Kirim janji" }).click();
  const created = page.getByRole("status").filter({ hasText: "Janji terkirim" });
  await expect(created).toBeVisible();
  return (await created.textContent())!.match(/KSBB-[A-Z0-9]{4}-[A-Z0-9]{4}/)![0];
}
