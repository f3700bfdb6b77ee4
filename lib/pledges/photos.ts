import "server-only";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { ActionError } from "@/lib/actions/errors.ts";
import { MAX_PHOTO_BYTES } from "./limits.ts";

export interface CleanPhoto {
  body: Buffer;
  contentType: "image/jpeg" | "image/png";
  extension: "jpg" | "png";
}

/**
 * Accepts a JPEG or PNG by its content (not its name or declared type), at most 5 MB,
 * and re-encodes it without metadata, so GPS positions and camera details never leave
 * the uploader's phone.
 */
export async function cleanPhoto(file: File): Promise<CleanPhoto> {
  if (file.size > MAX_PHOTO_BYTES) throw new ActionError("INVALID", "pledge.photoTooLarge", { "photos[]": "pledge.photoTooLarge" });
  const input = Buffer.from(await file.arrayBuffer());
  const type = await fileTypeFromBuffer(input);
  if (type?.mime !== "image/jpeg" && type?.mime !== "image/png") throw new ActionError("INVALID", "photoType", { "photos[]": "photoType" });
  try {
    // rotate() applies the EXIF orientation before the metadata is dropped; sharp keeps no metadata unless asked.
    const image = sharp(input, { limitInputPixels: 50_000_000 }).rotate();
    const body = type.mime === "image/png" ? await image.png().toBuffer() : await image.jpeg({ quality: 85, mozjpeg: true }).toBuffer();
    return { body, contentType: type.mime, extension: type.mime === "image/png" ? "png" : "jpg" };
  } catch {
    throw new ActionError("INVALID", "photoType", { "photos[]": "photoType" });
  }
}
