// Auth.js endpoints (CSRF token, session, credentials callback, sign-out). Public by
// nature; Auth.js checks its own CSRF token on every POST.
export { GET, POST } from "@/lib/auth/handlers.ts";
