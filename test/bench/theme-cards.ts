/**
 * A full map for theme suggestions (party/model/themes.ts): 3,000 cards in English,
 * Urdu and Bengali, written the way a room writes — about 150 themes, each said in
 * several ways with filler words, plus one-off cards. Seeded, so every run and the
 * unit test see the same cards.
 */
import type { ThemeCard } from "../../party/model/themes";
import { seededRandom } from "../support/random";

const SUBJECTS = {
  en: [
    "bus",
    "clinic",
    "GP surgery",
    "carers",
    "translator",
    "pharmacy",
    "library",
    "youth club",
    "food bank",
    "park",
    "dentist",
    "nursery",
    "hospital",
    "housing",
    "benefits advice",
    "mental health",
    "walk-in centre",
    "school",
    "community centre",
    "home visits",
    "respite",
    "phone line",
    "ramp",
    "parking",
    "lighting",
    "toilets",
    "cafe",
    "bench",
    "leaflets",
    "website",
    "app",
    "volunteers",
    "interpreters",
    "wheelchairs",
    "day centre",
    "meals",
    "debt advice",
    "counselling",
    "peer support",
    "helpline",
    "taxi",
    "minibus",
    "clinic letters",
    "waiting list",
    "ambulance",
    "outreach",
    "drop-in",
    "training",
    "jobs",
    "allotment",
  ],
  ur: [
    "بس",
    "کلینک",
    "ڈاکٹر",
    "دیکھ بھال",
    "مترجم",
    "دواخانہ",
    "کتب خانہ",
    "نوجوان",
    "کھانا",
    "پارک",
    "دانتوں",
    "بچوں",
    "ہسپتال",
    "مکان",
    "مشورہ",
    "ذہنی صحت",
    "اسکول",
    "مرکز",
    "ملاقات",
    "آرام",
    "فون",
    "سیڑھی",
    "روشنی",
    "بیت الخلا",
    "رضاکار",
    "ویل چیئر",
    "قرض",
    "مدد",
    "ٹیکسی",
    "نوکری",
  ],
  bn: [
    "বাস",
    "ক্লিনিক",
    "ডাক্তার",
    "যত্নকারী",
    "অনুবাদক",
    "ফার্মেসি",
    "লাইব্রেরি",
    "যুব ক্লাব",
    "খাদ্য ব্যাংক",
    "পার্ক",
    "দাঁতের ডাক্তার",
    "নার্সারি",
    "হাসপাতাল",
    "বাসস্থান",
    "পরামর্শ",
    "মানসিক স্বাস্থ্য",
    "স্কুল",
    "কেন্দ্র",
    "সাক্ষাৎ",
    "বিশ্রাম",
    "ফোন",
    "র‍্যাম্প",
    "আলো",
    "শৌচাগার",
    "স্বেচ্ছাসেবক",
    "হুইলচেয়ার",
    "ঋণ",
    "সহায়তা",
    "ট্যাক্সি",
    "চাকরি",
  ],
} as const;

const FRAMES = {
  en: [
    "more {s} please",
    "we need a better {s}",
    "the {s} is too far away",
    "{s} opening hours are too short",
    "free {s} for everyone",
    "nobody tells us about the {s}",
  ],
  ur: [
    "زیادہ {s} چاہیے",
    "بہتر {s} کی ضرورت ہے",
    "{s} بہت دور ہے",
    "{s} کے اوقات کم ہیں",
    "سب کے لیے مفت {s}",
    "{s} کے بارے میں کوئی نہیں بتاتا",
  ],
  bn: ["আরও {s} দরকার", "ভালো {s} চাই", "{s} অনেক দূরে", "{s} খোলার সময় কম", "সবার জন্য বিনামূল্যে {s}", "{s} সম্পর্কে কেউ জানায় না"],
} as const;

const FILLER = {
  en: ["honestly", "for families", "in our area", "at weekends", "for older people", "really", "as soon as possible"],
  ur: ["واقعی", "خاندانوں کے لیے", "ہمارے علاقے میں", "ہفتے کے آخر میں", "بزرگوں کے لیے", "جلد از جلد"],
  bn: ["সত্যিই", "পরিবারের জন্য", "আমাদের এলাকায়", "সপ্তাহান্তে", "বয়স্কদের জন্য", "যত তাড়াতাড়ি সম্ভব"],
} as const;

export function themeCards(count = 3000, seed = 16): ThemeCard[] {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const cards: ThemeCard[] = [];
  for (let i = 0; i < count; i += 1) {
    const r = next();
    const lang = r < 0.5 ? "en" : r < 0.75 ? "ur" : "bn";
    const text = pick(FRAMES[lang]).replace("{s}", pick(SUBJECTS[lang]));
    const words = [text, ...(next() < 0.6 ? [pick(FILLER[lang])] : []), ...(next() < 0.3 ? [pick(FILLER[lang])] : [])];
    cards.push({ id: `card${String(i).padStart(4, "0")}`, text: words.join(" ") });
  }
  return cards;
}
