// A box that scrolls sideways on narrow screens (a wide table). Keyboard users must be
// able to scroll it too, so it takes the focus and is a named region (axe:
// scrollable-region-focusable), with a visible focus ring.
export function ScrollRegion({ label, className = "", children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <div
      tabIndex={0}
      role="region"
      aria-label={label}
      className={`relative overflow-x-auto card focus-visible:outline-2 focus-visible:outline-brand-700 ${className}`}
    >
      {children}
    </div>
  );
}
