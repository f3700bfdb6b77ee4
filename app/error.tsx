"use client";

import { useEffect, useState } from "react";
import { ErrorPanel } from "@/components/error-panel.tsx";
import { documentLocale, ERROR_BOUNDARY_MESSAGES } from "@/lib/i18n/error-boundary-messages.ts";

// The visitor sees a translated message and an incident code, never a stack trace;
// the details are in the server log under the same digest.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [t] = useState(() => ERROR_BOUNDARY_MESSAGES[documentLocale()]);
  useEffect(() => console.error(error), [error]);
  return (
    <ErrorPanel title={t.errorTitle} body={t.errorBody} links={[{ href: "/", label: t.goHome }]}>
      <button
        type="button"
        onClick={reset}
        className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
      >
        {t.retry}
      </button>
      {error.digest && <p className="w-full text-xs text-slate-600">{t.errorReference.replace("{digest}", error.digest)}</p>}
    </ErrorPanel>
  );
}
