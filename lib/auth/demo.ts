// The demo accounts' authenticator key (prisma/seed, README). It is public like the demo
// password: the code page shows its current code, and only for accounts that use it.
export const DEMO_TOTP_SECRET = "KSBBDEMOJAKARTASTAFFADMINTOTPKEY";
