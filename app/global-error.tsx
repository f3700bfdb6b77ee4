"use client";

import en from "@/lib/i18n/messages/en.json";
import id from "@/lib/i18n/messages/id.json";

// Shown only when the root layout itself fails, so no translation provider exists:
// it shows both languages, from the same message files.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="id">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem", maxWidth: "36rem", margin: "0 auto" }}>
        <h1>{id.errors.errorTitle}</h1>
        <p>{id.errors.errorBody}</p>
        <h2 lang="en">{en.errors.errorTitle}</h2>
        <p lang="en">{en.errors.errorBody}</p>
        {error.digest && <p>{error.digest}</p>}
        <button type="button" onClick={reset}>
          {id.errors.retry} / {en.errors.retry}
        </button>
      </body>
    </html>
  );
}
