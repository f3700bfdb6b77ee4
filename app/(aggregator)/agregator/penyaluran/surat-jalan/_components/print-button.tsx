"use client";

/** Opens the browser's print dialogue; the page's print styles make the sheet. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="min-h-11 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 max-sm:w-full"
    >
      {label}
    </button>
  );
}
