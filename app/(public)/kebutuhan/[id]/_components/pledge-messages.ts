import type { MessagePick } from "@/components/client-messages.tsx";

// What the need page's two forms read (pledge-form.tsx, components/account/email-confirmation.tsx),
// and nothing more: this page is the one donors open most. lib/i18n/client-messages.test.ts checks the lists.
export const CONFIRMATION_MESSAGES: MessagePick = { auth: ["confirm", "submitting"], form: true };
export const PLEDGE_FORM_MESSAGES: MessagePick = {
  auth: ["submitting"],
  form: true,
  pledge: [
    "aggregator",
    "aggregatorCapacity",
    "aggregatorHint",
    "aggregatorServes",
    "chooseAggregator",
    "deliveryMode",
    "modeAGGREGATOR",
    "modeDIRECT",
    "noAggregators",
    "note",
    "openCreated",
    "plannedDeliveryOn",
    "plannedHint",
    "quantity",
    "quantityHint",
    "submit",
    "whoAreAggregators",
  ],
};
