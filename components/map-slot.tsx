/**
 * MAP SLOT — where the choropleth map of the uncovered share goes (built separately; the
 * lead replaces this component's body). It sits right under each page's intro and gets
 * the region shown (undefined: all of Jakarta) and the category filter. Until then it is
 * an empty, hidden anchor (#peta), so no page changes when the map arrives except here.
 */
export function MapSlot({ within, category }: { within?: string; category?: string }) {
  return <div id="peta" hidden data-map-slot="" data-within={within ?? ""} data-category={category ?? ""} />;
}
