import "server-only";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { ActionError } from "@/lib/actions/errors.ts";

export interface CleanImage {
  body: Buffer;
  contentType: "image/jpeg" | "image/png";
  extension: "jpg" | "png";
}

export interface ImageRules {
  /** The form field a refusal is shown next to. */
  field: string;
  maxBytes: number;
  /** Message keys (under "validation", or a full dotted path) for a file too large, or not a JPEG or PNG. */
  tooLarge: string;
  notAnImage: string;
  /** Scale down (never up) so neither side is longer; left out, the image keeps its size. */
  maxSide?: number;
}

/**
 * Accepts a JPEG or PNG by its content (not its name or declared type) and re-encodes it
 * without metadata, so GPS positions and camera details never leave the uploader's device,
 * and whatever else the file carried (scripts, polyglot tails) is not what the portal serves.
 */
export async function cleanImage(file: File, rules: ImageRules): Promise<CleanImage> {
  if (file.size > rules.maxBytes) throw new ActionError("INVALID", rules.tooLarge, { [rules.field]: rules.tooLarge });
  const input = Buffer.from(await file.arrayBuffer());
  const type = await fileTypeFromBuffer(input);
  if (type?.mime !== "image/jpeg" && type?.mime !== "image/png")
    throw new ActionError("INVALID", rules.notAnImage, { [rules.field]: rules.notAnImage });
  try {
    // rotate() applies the EXIF orientation before the metadata is dropped; sharp keeps no metadata unless asked.
    let image = sharp(input, { limitInputPixels: 50_000_000 }).rotate();
    if (rules.maxSide) image = image.resize(rules.maxSide, rules.maxSide, { fit: "inside", withoutEnlargement: true });
    const body = type.mime === "image/png" ? await image.png().toBuffer() : await image.jpeg({ quality: 85, mozjpeg: true }).toBuffer();
    return { body, contentType: type.mime, extension: type.mime === "image/png" ? "png" : "jpg" };
  } catch {
    throw new ActionError("INVALID", rules.notAnImage, { [rules.field]: rules.notAnImage });
  }
}
