// Shared by the browser (input attributes) and the server policy, without the
// 49,000-word list that only the server needs.
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
