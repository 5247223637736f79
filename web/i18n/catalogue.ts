/**
 * The shape every catalogue has, derived from English. Kept apart from web/lib/i18n.ts
 * (which touches the DOM) so the Worker can read the catalogues too (the Atom feed).
 */
import type { en, Plural } from "./en";
import type { FollowupKey } from "./followup-en";

type Key = keyof typeof en;
/**
 * Every language must carry every key, with a plural wherever English has one, and the
 * follow-up page's words (English's are in followup-en.ts, which en.ts includes).
 */
export type Catalogue = { [K in Key]: (typeof en)[K] extends string ? string : Plural } & Record<FollowupKey, string>;
/** What the app holds as the current catalogue: English lacks the follow-up words until that page loads them. */
export type LoadedCatalogue = { [K in Key]: (typeof en)[K] extends string ? string : Plural } & Partial<
  Record<FollowupKey, string>
>;
