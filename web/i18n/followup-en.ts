/**
 * English words of the public follow-up page and of the room after the close (#15). en.ts
 * includes them (English is a catalogue file loaded on demand like the others); this file
 * also gives the Worker's feed (worker/commitments/atom.ts) and the tests the key list.
 * The other languages carry these keys in their own catalogues (web/i18n/xx.ts).
 */

export const followupEn = {
  "followup.title": "What happened next",
  "followup.intro": "What “{title}” prioritised, what partners committed to, and how it is going.",
  "followup.priorities": "What was prioritised",
  "followup.noPriorities": "No results have been shared yet.",
  "followup.raisedBy": "Raised by: {groups}",
  "followup.supportedBy": "Supported by: {groups}",
  "followup.commitments": "What was committed",
  "followup.none": "Nothing has been committed yet. Check back later.",
  "followup.owner": "By {organisation}",
  "followup.due": "Due {date}",
  "followup.overdue": "Overdue",
  "followup.progress": "{progress}% done",
  "followup.answers": "In answer to",
  "followup.gone": "(no longer shown)",
  "followup.updates": "Updates",
  "followup.created": "Committed",
  "followup.byTeam": "the workshop team",
  "followup.committed": "Has a commitment",
  "followup.yours": "Yours",
  "followup.yoursIntro": "“Yours”: what you raised, supported or voted for. Only this phone knows.",
  "followup.feed": "Follow updates (Atom feed)",
  "followup.notFound": "No workshop has the code {code}.",
  "followup.status.planned": "Planned",
  "followup.status.in_progress": "In progress",
  "followup.status.done": "Done",
  "followup.status.not_doing": "Not doing",
  "followup.closedNext": "Partners will post what they commit to, and how it goes, on the follow-up page.",
  "followup.link": "See what happens next",
} as const;

export type FollowupKey = keyof typeof followupEn;
