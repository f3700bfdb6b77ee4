// Kept apart from schema.ts so client components can use them without loading zod,
// whose schemas probe for eval() when built: the Content-Security-Policy reports that.
export const PROGRAM_STATUSES = ["PLANNED", "DRAFT", "OPEN", "CLOSED"] as const;
/** What staff may choose for a program of an active category; planned categories are always PLANNED. */
export const ACTIVE_PROGRAM_STATUSES = ["DRAFT", "OPEN", "CLOSED"] as const;
