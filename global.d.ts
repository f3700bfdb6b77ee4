import type messages from "./lib/i18n/messages/id.json";
import type { Locale } from "./lib/i18n/config.ts";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
