// npm run favicon: renders app/icon.svg to app/favicon.ico (16, 32 and 48 px PNGs in an
// ICO container, which every current browser reads). Run after changing the SVG and
// commit both files; nothing is downloaded.
import fs from "node:fs";
import sharp from "sharp";

const SIZES = [16, 32, 48];
const svg = fs.readFileSync("app/icon.svg");
const images = await Promise.all(
  SIZES.map((size) =>
    sharp(svg, { density: (72 * size) / 32 })
      .resize(size, size)
      .png()
      .toBuffer(),
  ),
);

// ICONDIR (6 bytes), one ICONDIRENTRY (16 bytes) per image, then the PNGs themselves.
const header = Buffer.alloc(6 + 16 * images.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(images.length, 4);
let offset = header.length;
images.forEach((png, i) => {
  const entry = 6 + 16 * i;
  header.writeUInt8(SIZES[i]! % 256, entry);
  header.writeUInt8(SIZES[i]! % 256, entry + 1);
  header.writeUInt16LE(1, entry + 4); // colour planes
  header.writeUInt16LE(32, entry + 6); // bits per pixel
  header.writeUInt32LE(png.length, entry + 8);
  header.writeUInt32LE(offset, entry + 12);
  offset += png.length;
});
fs.writeFileSync("app/favicon.ico", Buffer.concat([header, ...images]));
console.log(`[favicon] app/favicon.ico: ${SIZES.join(", ")} px, ${offset} bytes`);
