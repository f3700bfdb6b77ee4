"use client";

import { ERROR_BOUNDARY_MESSAGES } from "@/lib/i18n/error-boundary-messages.ts";

const { id, en } = ERROR_BOUNDARY_MESSAGES;

// Shown only when the root layout itself fails, so no translation provider exists:
// it shows both languages, from the same message files.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="id">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem", maxWidth: "36rem", margin: "0 auto" }}>
        <h1>{id.errorTitle}</h1>
        <p>{id.errorBody}</p>
        <h2 lang="en">{en.errorTitle}</h2>
        <p lang="en">{en.errorBody}</p>
        {error.digest && <p>{error.digest}</p>}
        <button type="button" onClick={reset}>
          {id.retry} / {en.retry}
        </button>
      </body>
    </html>
  );
}
