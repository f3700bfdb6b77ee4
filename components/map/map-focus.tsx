"use client";

import { useEffect, useRef, useState } from "react";

// Progressive enhancement for KelurahanMap: on hover or keyboard focus, a card with the
// kelurahan's name and numbers, and an outline drawn above its neighbours (an SVG shape's
// own stroke is partly hidden under the shapes drawn after it). The card shows the link's
// accessible name, so what is seen and what is read out are the same text.

interface Active {
  /** The shape's <use href> in the sprite. */
  shape: string;
  place: string;
  details: string[];
  x: number;
  /** Distance from the top (card below the pointer) or, in the lower half, from the bottom. */
  y: number;
  above: boolean;
}

const CARD_WIDTH = 256;

export function MapFocus({ viewBox }: { viewBox: string }) {
  const layer = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<Active | null>(null);

  useEffect(() => {
    const map = layer.current?.parentElement;
    if (!map) return;
    const linkOf = (target: EventTarget | null) => (target instanceof Element ? target.closest("a[data-code]") : null);
    const show = (link: Element, clientX: number, clientY: number) => {
      const box = map.getBoundingClientRect();
      const [place = "", rest = ""] = (link.getAttribute("aria-label") ?? "").split(/: (.*)/s);
      setActive({
        shape: link.querySelector("use")?.getAttribute("href") ?? "",
        place,
        details: rest ? rest.split("; ") : [],
        x: Math.max(0, Math.min(clientX - box.left + 12, box.width - CARD_WIDTH)),
        y: clientY - box.top > box.height / 2 ? box.bottom - clientY + 12 : clientY - box.top + 16,
        above: clientY - box.top > box.height / 2,
      });
    };
    const onPointer = (event: PointerEvent) => {
      const link = linkOf(event.target);
      if (link) show(link, event.clientX, event.clientY);
      else setActive(null);
    };
    const onFocus = (event: FocusEvent) => {
      const link = linkOf(event.target);
      if (!link) return;
      const box = link.getBoundingClientRect();
      show(link, box.left + box.width / 2, box.top + box.height / 2);
    };
    const hide = () => setActive(null);
    map.addEventListener("pointermove", onPointer);
    map.addEventListener("pointerleave", hide);
    map.addEventListener("focusin", onFocus);
    map.addEventListener("focusout", hide);
    map.dataset.enhanced = "true";
    return () => {
      map.removeEventListener("pointermove", onPointer);
      map.removeEventListener("pointerleave", hide);
      map.removeEventListener("focusin", onFocus);
      map.removeEventListener("focusout", hide);
      delete map.dataset.enhanced;
    };
  }, []);

  return (
    <div ref={layer} aria-hidden="true" className="pointer-events-none absolute inset-0">
      {active && (
        <>
          <svg viewBox={viewBox} className="absolute inset-0 h-full w-full">
            <use href={active.shape} fill="none" stroke="#ffffff" strokeWidth={5} strokeLinejoin="round" />
            <use href={active.shape} fill="none" stroke="#14213d" strokeWidth={2.5} strokeLinejoin="round" />
          </svg>
          <div
            data-map-card
            className="absolute rounded-lg bg-white/95 px-3 py-2 text-xs text-slate-800 shadow-lg ring-1 ring-slate-300"
            style={{ left: active.x, width: CARD_WIDTH, ...(active.above ? { bottom: active.y } : { top: active.y }) }}
          >
            <p className="font-semibold text-ink">{active.place}</p>
            <ul>
              {active.details.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        </>
      )}
    </div>
  );
}
