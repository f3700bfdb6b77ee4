import "server-only";
import type { Caller } from "@/lib/auth/guards.ts";
import { db } from "@/lib/db/index.ts";
import { fileStore } from "@/lib/storage/index.ts";
import { actorsFor } from "./service.ts";

/** A delivery photo's bytes, when the caller may see the pledge; otherwise null. */
export async function pledgePhoto(caller: Caller, pledgeId: string, photoId: string) {
  const photo = await db.deliveryPhoto.findFirst({
    where: { id: photoId, deliveryUpdate: { pledgeId } },
    select: {
      storageKey: true,
      contentType: true,
      deliveryUpdate: { select: { pledge: { select: { deliveryMode: true, donorOrganisationId: true, aggregatorOrganisationId: true } } } },
    },
  });
  if (!photo || actorsFor(caller, photo.deliveryUpdate.pledge).length === 0) return null;
  const body = await fileStore().get(photo.storageKey);
  return body ? { body, contentType: photo.contentType } : null;
}
