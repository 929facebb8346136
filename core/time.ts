// Time arithmetic shared by the server and the web app.

/** One day in milliseconds (a calendar day in UTC; the org's zone is applied where days are named). */
export const DAY_MS = 86_400_000;
