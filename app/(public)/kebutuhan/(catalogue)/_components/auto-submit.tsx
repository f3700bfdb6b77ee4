"use client";

import { useEffect, useRef } from "react";

// Progressive enhancement for the GET filter form: with JavaScript, choosing a
// filter applies it at once, and changing a region clears the regions below it.
const CHILDREN: Record<string, string[]> = { kota: ["kecamatan", "kelurahan"], kecamatan: ["kelurahan"] };

export function AutoSubmit() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = marker.current?.closest("form");
    if (!form) return;
    const onChange = (event: Event) => {
      const field = event.target as HTMLSelectElement;
      if (field.tagName !== "SELECT") return;
      for (const child of CHILDREN[field.name] ?? []) {
        const select = form.elements.namedItem(child) as HTMLSelectElement | null;
        if (select) select.value = "";
      }
      form.requestSubmit();
    };
    form.addEventListener("change", onChange);
    // Lets tests (and styles) tell when choosing a filter applies it by itself.
    form.dataset.enhanced = "true";
    return () => {
      form.removeEventListener("change", onChange);
      delete form.dataset.enhanced;
    };
  }, []);
  return <span ref={marker} hidden />;
}
