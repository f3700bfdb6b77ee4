// An organisation's public profile, without zod: the /akun form reads these in the browser
// (a zod schema there would try eval, which the CSP blocks). The database holds the same
// bounds (prisma/migrations/*_organisation_profile).
export const PUBLIC_DESCRIPTION_MAX = 300;
export const WEBSITE_MAX = 200;
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
/** A logo is stored at most this many pixels on its longer side: it is shown at 96 px at most. */
export const LOGO_MAX_SIDE = 256;
