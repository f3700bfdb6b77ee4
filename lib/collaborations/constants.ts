// The JDCN collaboration workflow's names, without zod: client components import these
// (a zod schema in the browser would try eval, which the CSP blocks).

export const JDCN_TOPICS = [
  "DISASTER_RESILIENCE",
  "EDUCATION",
  "UMKM",
  "INFRASTRUCTURE",
  "HOUSING",
  "POVERTY_REDUCTION",
  "ARTS_CULTURE",
] as const;
export const COLLABORATION_STATUSES = ["RECEIVED", "IN_DISCUSSION", "AGREED", "RUNNING", "COMPLETED", "DECLINED"] as const;
export type JdcnTopicName = (typeof JDCN_TOPICS)[number];
export type CollaborationStatusName = (typeof COLLABORATION_STATUSES)[number];

/** Where the office may move a collaboration from each status (the database's trigger holds the same steps). */
export const COLLABORATION_STEPS: Record<CollaborationStatusName, readonly CollaborationStatusName[]> = {
  RECEIVED: ["IN_DISCUSSION", "DECLINED"],
  IN_DISCUSSION: ["AGREED", "DECLINED"],
  AGREED: ["RUNNING", "DECLINED"],
  RUNNING: ["COMPLETED"],
  COMPLETED: [],
  DECLINED: [],
};

/** Agreed and later collaborations are public: /kolaborasi, the partner's page, the dataset and the API. */
export const PUBLIC_COLLABORATION_STATUSES = ["AGREED", "RUNNING", "COMPLETED"] as const satisfies readonly CollaborationStatusName[];

/** Staff may hand a collaboration to another office until it is agreed. */
export const ROUTABLE_STATUSES = ["RECEIVED", "IN_DISCUSSION"] as const satisfies readonly CollaborationStatusName[];

export const TITLE_MAX = 160;
export const TEXT_MAX = 2000;
export const MOU_MAX = 100;
