// Kept apart from schema.ts so the delivery form can check photos in the browser without
// loading zod (see lib/needs/limits.ts). Three photos at their largest stay under the
// request body limit in lib/security/limits.ts.
export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
