/**
 * The largest request body the portal takes, in MB: room for three 5 MB delivery photos.
 * next.config.ts gives it to Next.js for server actions; proxy.ts refuses anything larger
 * with 413 before reading it. The schemas cap every text field far lower.
 */
export const BODY_LIMIT_MB = 16;
export const BODY_LIMIT_BYTES = BODY_LIMIT_MB * 1024 * 1024;
