"use client";

// The kelurahan layer of KelurahanMap: one <a> per kelurahan in view (and a grey <use> for
// each one outside it). A client component only so that its props, not its element tree,
// travel in the page's RSC payload: 267 tuples of code, colour and name, with every link
// and shape address rebuilt from one template, where the tree repeated all of them
// (about 85 KB of the transparency overview; docs/decisions/0025-render-cost.md). The
// server still renders the same HTML, so the map works without JavaScript.
import { CODE_SLOT } from "@/lib/map/shapes-format.ts";

/** [code, index into fills, accessible name, index into fills of an island's outline]; no name: context, not a link. */
export type MapLinkItem = readonly [code: string, fill: number, label?: string, stroke?: number];

export interface MapLinksProps {
  items: readonly MapLinkItem[];
  fills: readonly string[];
  /** A kelurahan's link with CODE_SLOT for its code, or, where links do not follow one pattern, null and `hrefs`. */
  hrefTemplate: string | null;
  hrefs?: Readonly<Record<string, string>>;
  /** The sprite's address; a shape is `${sprite}#k${code}`. */
  sprite: string;
  current?: string;
}

export function MapLinks({ items, fills, hrefTemplate, hrefs, sprite, current }: MapLinksProps) {
  return items.map(([code, fill, label, stroke]) => {
    const shape = `${sprite}#k${code}`;
    if (label === undefined) return <use key={code} href={shape} fill={fills[fill]} aria-hidden="true" />;
    return (
      <a
        key={code}
        href={hrefTemplate === null ? hrefs?.[code] : hrefTemplate.replace(CODE_SLOT, code)}
        data-code={code}
        aria-label={label}
        aria-current={code === current ? "true" : undefined}
      >
        <use href={shape} fill={fills[fill]} {...(stroke !== undefined && { stroke: fills[stroke], strokeWidth: 3 })} />
      </a>
    );
  });
}
