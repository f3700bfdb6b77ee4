// A one-number bar (a share between 0 and 1), drawn as a small SVG so it costs no
// JavaScript. The text next to it carries the number; the SVG itself is decoration
// unless a label is given.

const TONES = {
  covered: "fill-emerald-600",
  uncovered: "fill-amber-500",
  neutral: "fill-brand-700",
} as const;

export type ShareTone = keyof typeof TONES;

interface ShareBarProps {
  share: number;
  tone?: ShareTone;
  /** When given, the bar is announced with this text (role="img"); otherwise it is hidden from assistive technology. */
  label?: string;
  className?: string;
}

export function ShareBar({ share, tone = "covered", label, className = "h-2.5 w-full" }: ShareBarProps) {
  const width = Math.round(Math.min(1, Math.max(0, share)) * 1000) / 10;
  return (
    <svg
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      className={`block overflow-hidden rounded-full ${className}`}
      {...(label ? { role: "img", "aria-label": label } : { "aria-hidden": true })}
    >
      <rect width="100" height="10" className="fill-slate-200" />
      <rect width={width} height="10" className={TONES[tone]} />
    </svg>
  );
}
