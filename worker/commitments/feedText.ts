/**
 * The Atom feed's own wording, per catalogue language (#15). Kept here rather than in the
 * phone catalogues (web/i18n/*.ts) so phones do not download words only the feed uses;
 * the status words and the intro come from those catalogues. Translations NEED REVIEW by
 * native speakers, like the catalogues'.
 */
export interface FeedText {
  title: string;
  created: string;
  update: string;
}

export const FEED_TEXT: Record<string, FeedText> = {
  en: {
    title: "Updates: {title}",
    created: "{organisation} committed: {title}",
    update: "{organisation}: {title} ({status}, {progress}%)",
  },
  ur: {
    title: "تازہ ترین: {title}",
    created: "{organisation} نے وعدہ کیا: {title}",
    update: "{organisation}: {title} ({status}، {progress}%)",
  },
  bn: {
    title: "হালনাগাদ: {title}",
    created: "{organisation} প্রতিশ্রুতি দিয়েছে: {title}",
    update: "{organisation}: {title} ({status}, {progress}%)",
  },
  pl: {
    title: "Aktualizacje: {title}",
    created: "{organisation} zobowiązuje się: {title}",
    update: "{organisation}: {title} ({status}, {progress}%)",
  },
  so: {
    title: "Warar cusub: {title}",
    created: "{organisation} ayaa ballanqaaday: {title}",
    update: "{organisation}: {title} ({status}, {progress}%)",
  },
};
