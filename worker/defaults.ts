/** Defaults for workshops created without them. */

/** Shown on the join page before someone takes part; organisers may replace it per workshop. */
export const DEFAULT_CONSENT_TEXT =
  "This workshop records what you add (cards, comments, votes and feedback) under a pseudonym and your " +
  "stakeholder group, so the organisers can report what the group decided. Your name is never required. " +
  "You can leave at any time; what you added stays with your group but not your name.";

export const DEFAULT_RETENTION_DAYS = 365;
export const MAX_RETENTION_DAYS = 3650;
export const DEFAULT_LANGUAGE = "en";
/** Participants one workshop takes unless its organiser sets another cap (409 "full" past it). */
export const DEFAULT_MAX_PARTICIPANTS = 500;
export const MAX_MAX_PARTICIPANTS = 5000;
