import "server-only";
import { cleanImage, type CleanImage } from "@/lib/storage/images.ts";
import { MAX_PHOTO_BYTES } from "./limits.ts";

export type CleanPhoto = CleanImage;

/**
 * A delivery photo: a JPEG or PNG by its content, at most 5 MB, re-encoded without
 * metadata at its own size (lib/storage/images.ts).
 */
export function cleanPhoto(file: File): Promise<CleanPhoto> {
  return cleanImage(file, { field: "photos[]", maxBytes: MAX_PHOTO_BYTES, tooLarge: "pledge.photoTooLarge", notAnImage: "photoType" });
}
