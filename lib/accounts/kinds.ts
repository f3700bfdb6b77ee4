/** Kinds of organisation a donor can register as (the form and the schema share it). */
export const DONOR_KINDS = ["INDIVIDUAL", "COMPANY", "FOUNDATION", "COMMUNITY_GROUP"] as const;
