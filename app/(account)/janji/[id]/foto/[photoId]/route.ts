import { z } from "zod";
import { GuardError, requireUser } from "@/lib/auth/guards.ts";
import { pledgePhoto } from "@/lib/pledges/photo-queries.ts";

const params = z.object({ id: z.string().regex(/^[a-z0-9_]{1,64}$/i), photoId: z.string().regex(/^[a-z0-9_]{1,64}$/i) });

// A delivery photo, only for the pledge's donor, its aggregator and city staff.
export async function GET(_request: Request, context: { params: Promise<{ id: string; photoId: string }> }) {
  try {
    const caller = await requireUser();
    const parsed = params.safeParse(await context.params);
    if (!parsed.success) return new Response("Not found", { status: 404 });
    const photo = await pledgePhoto(caller, parsed.data.id, parsed.data.photoId);
    if (!photo) return new Response("Not found", { status: 404 });
    return new Response(new Uint8Array(photo.body), {
      headers: { "Content-Type": photo.contentType, "Cache-Control": "private, max-age=3600", "X-Content-Type-Options": "nosniff" },
    });
  } catch (error) {
    if (error instanceof GuardError)
      return new Response(error.code === "UNAUTHENTICATED" ? "Unauthorized" : "Not found", {
        status: error.code === "UNAUTHENTICATED" ? 401 : 404,
      });
    throw error;
  }
}
