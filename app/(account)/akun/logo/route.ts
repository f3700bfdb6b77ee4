import { GuardError, requireUser } from "@/lib/auth/guards.ts";
import { ownLogo } from "@/lib/organisations/profile.ts";

// The caller's own organisation's logo, for the preview on /akun: shown to its members
// whether or not the organisation is public yet.
export async function GET() {
  try {
    const logo = await ownLogo(await requireUser());
    if (!logo) return new Response("Not found", { status: 404 });
    return new Response(new Uint8Array(logo.body), {
      headers: { "Content-Type": logo.contentType, "Cache-Control": "private, no-cache", "X-Content-Type-Options": "nosniff" },
    });
  } catch (error) {
    if (error instanceof GuardError)
      return new Response(error.code === "UNAUTHENTICATED" ? "Unauthorized" : "Not found", {
        status: error.code === "UNAUTHENTICATED" ? 401 : 404,
      });
    throw error;
  }
}
