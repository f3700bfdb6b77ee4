import QRCode from "qrcode";

// A QR code drawn as SVG on the server: no script, no data: URL for the CSP to allow,
// and it prints sharp. One path of unit squares, with the 4-module quiet zone around it.
export function QrCode({ value, label, size = 200 }: { value: string; label: string; size?: number }) {
  const { modules } = QRCode.create(value, { errorCorrectionLevel: "M" });
  const count = modules.size;
  let path = "";
  for (let y = 0; y < count; y++) for (let x = 0; x < count; x++) if (modules.get(x, y)) path += `M${x + 4} ${y + 4}h1v1h-1z`;
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${count + 8} ${count + 8}`}
      shapeRendering="crispEdges"
      className="bg-white"
    >
      <rect width="100%" height="100%" fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
