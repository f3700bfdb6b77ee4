import { collaboratorLogo } from "@/lib/organisations/directory.ts";

// A public collaborator's logo (re-encoded on upload, lib/organisations/profile.ts). Only
// while the organisation is in the directory: hidden, unverified or suspended, it answers 404.
// Kept five minutes at most, so a logo stops being served soon after the organisation leaves
// the directory; a new logo has a new address (?v=, lib/organisations/directory.ts logoHref).
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const logo = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await collaboratorLogo(id) : null;
  if (!logo) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(logo.body), {
    headers: { "Content-Type": logo.contentType, "Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff" },
  });
}
