"use client";

/** Opens the browser's print dialog; hidden on paper. The label comes from the page (server translations). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 print:hidden"
    >
      {label}
    </button>
  );
}
