// Kept apart from staff-schema.ts so the need form can use them without loading zod,
// whose schemas probe for eval() when built: the Content-Security-Policy reports that.
/** Far above any real need, far below what an INTEGER holds. */
export const MAX_QUANTITY = 10_000_000;
export const ITEM_MAX = 200;
export const DESCRIPTION_MAX = 2000;
