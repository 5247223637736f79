/**
 * Everyone counts (#14): the kiosk's and the paper pack's words in every participant
 * language. Kept apart from the phone catalogues (web/i18n/<lang>.ts) so a phone never
 * downloads them: only the kiosk and print pages import this file. Every language
 * carries every key (the Catalogue type below).
 */
import { format, language, type Params } from "../lib/i18n";

const en = {
  "kiosk.title": "Shared tablet",
  "kiosk.who": "Who is adding this?",
  "kiosk.whoHint": "Choose the group that fits you best. We never ask for your name.",
  "kiosk.adding": "Adding as: {group}",
  "kiosk.done": "I have finished – next person",
  "kiosk.thanks": "Thank you. Please pass the tablet to the next person.",
  "kiosk.noLink": "This tablet is not set up as a kiosk. Ask the facilitator for the kiosk link.",
  "print.sheet": "Sheet {code}",
  "print.join": "Join on a phone: scan the code, or go to {url} and type {code}.",
  "print.iAm": "I am:",
  "print.table": "Table: ________",
  "print.mapHow": "Write one thing in each box, in the row where it happens.",
  "print.dotsHow": "You have {dots} dots. Put up to {max} on one option: draw a dot in its box.",
  "print.budgetHow": "Share {budget} between the options. Write an amount beside each one.",
  "print.rankHow": "Number your top {k}: 1 for the most important.",
  "print.approveHow": "Tick every option you support.",
  "print.matrixHow": "For each option, circle its impact and the effort it takes, from 1 (low) to 5 (high).",
  "print.feedbackHow": "Circle one number: 1 means not at all, 5 means very much.",
  "print.impact": "Impact",
  "print.effort": "Effort",
  "print.slipTitle": "What happens next",
  "print.slipBody":
    "Follow what is done with our priorities, with no login and no names: scan the code or go to {url}.",
} as const;

export type EveryoneKey = keyof typeof en;
type Catalogue = Record<EveryoneKey, string>;

export const everyoneCatalogues: Record<string, Catalogue> = {
  en,
  ur: {
    "kiosk.title": "مشترکہ ٹیبلٹ",
    "kiosk.who": "یہ کون شامل کر رہا ہے؟",
    "kiosk.whoHint": "وہ گروپ چنیں جو آپ پر سب سے زیادہ صادق آتا ہے۔ ہم کبھی آپ کا نام نہیں پوچھتے۔",
    "kiosk.adding": "بطور {group} شامل کر رہے ہیں",
    "kiosk.done": "میں نے مکمل کر لیا – اگلا شخص",
    "kiosk.thanks": "شکریہ۔ براہ کرم ٹیبلٹ اگلے شخص کو دے دیں۔",
    "kiosk.noLink": "یہ ٹیبلٹ کیوسک کے طور پر سیٹ نہیں ہے۔ سہولت کار سے کیوسک لنک مانگیں۔",
    "print.sheet": "شیٹ {code}",
    "print.join": "فون پر شامل ہوں: کوڈ اسکین کریں، یا {url} پر جائیں اور {code} لکھیں۔",
    "print.iAm": "میں ہوں:",
    "print.table": "میز: ________",
    "print.mapHow": "ہر خانے میں ایک بات لکھیں، اس قطار میں جہاں یہ ہوتی ہے۔",
    "print.dotsHow": "آپ کے پاس {dots} نقطے ہیں۔ ایک آپشن پر زیادہ سے زیادہ {max} لگائیں: اس کے خانے میں نقطہ بنائیں۔",
    "print.budgetHow": "{budget} کو آپشنز میں تقسیم کریں۔ ہر ایک کے ساتھ رقم لکھیں۔",
    "print.rankHow": "اپنے سرفہرست {k} کو نمبر دیں: سب سے اہم کے لیے 1۔",
    "print.approveHow": "ہر اس آپشن پر نشان لگائیں جس کی آپ حمایت کرتے ہیں۔",
    "print.matrixHow": "ہر آپشن کے لیے اس کے اثر اور محنت پر 1 (کم) سے 5 (زیادہ) تک دائرہ لگائیں۔",
    "print.feedbackHow": "ایک نمبر پر دائرہ لگائیں: 1 کا مطلب بالکل نہیں، 5 کا مطلب بہت زیادہ۔",
    "print.impact": "اثر",
    "print.effort": "محنت",
    "print.slipTitle": "آگے کیا ہوگا",
    "print.slipBody":
      "ہماری ترجیحات پر کیا کام ہوا، بغیر لاگ ان اور بغیر ناموں کے دیکھیں: کوڈ اسکین کریں یا {url} پر جائیں۔",
  },
  bn: {
    "kiosk.title": "শেয়ার করা ট্যাবলেট",
    "kiosk.who": "এটি কে যোগ করছেন?",
    "kiosk.whoHint": "আপনার সাথে সবচেয়ে মানানসই দলটি বেছে নিন। আমরা কখনো আপনার নাম জিজ্ঞাসা করি না।",
    "kiosk.adding": "{group} হিসেবে যোগ করছেন",
    "kiosk.done": "আমার শেষ হয়েছে – পরের জন",
    "kiosk.thanks": "ধন্যবাদ। অনুগ্রহ করে ট্যাবলেটটি পরের জনকে দিন।",
    "kiosk.noLink": "এই ট্যাবলেটটি কিয়স্ক হিসেবে সেট করা নেই। ফ্যাসিলিটেটরের কাছে কিয়স্ক লিংক চান।",
    "print.sheet": "শিট {code}",
    "print.join": "ফোনে যোগ দিন: কোডটি স্ক্যান করুন, অথবা {url} এ গিয়ে {code} লিখুন।",
    "print.iAm": "আমি:",
    "print.table": "টেবিল: ________",
    "print.mapHow": "প্রতিটি ঘরে একটি কথা লিখুন, যে সারিতে এটি ঘটে।",
    "print.dotsHow": "আপনার কাছে {dots}টি বিন্দু আছে। একটি বিকল্পে সর্বোচ্চ {max}টি দিন: তার ঘরে একটি বিন্দু আঁকুন।",
    "print.budgetHow": "{budget} বিকল্পগুলোর মধ্যে ভাগ করুন। প্রতিটির পাশে একটি পরিমাণ লিখুন।",
    "print.rankHow": "আপনার শীর্ষ {k}টিতে নম্বর দিন: সবচেয়ে গুরুত্বপূর্ণটির জন্য 1।",
    "print.approveHow": "আপনি যে সব বিকল্প সমর্থন করেন তাতে টিক দিন।",
    "print.matrixHow": "প্রতিটি বিকল্পের প্রভাব ও পরিশ্রম 1 (কম) থেকে 5 (বেশি) এর মধ্যে বৃত্ত করুন।",
    "print.feedbackHow": "একটি সংখ্যায় বৃত্ত করুন: 1 মানে একেবারেই না, 5 মানে খুব বেশি।",
    "print.impact": "প্রভাব",
    "print.effort": "পরিশ্রম",
    "print.slipTitle": "এরপর কী হবে",
    "print.slipBody": "আমাদের অগ্রাধিকার নিয়ে কী করা হলো তা দেখুন, লগইন ও নাম ছাড়াই: কোডটি স্ক্যান করুন অথবা {url} এ যান।",
  },
  pl: {
    "kiosk.title": "Wspólny tablet",
    "kiosk.who": "Kto to dodaje?",
    "kiosk.whoHint": "Wybierz grupę, która najlepiej do Ciebie pasuje. Nigdy nie pytamy o imię.",
    "kiosk.adding": "Dodajesz jako: {group}",
    "kiosk.done": "Skończyłem/am – następna osoba",
    "kiosk.thanks": "Dziękujemy. Przekaż tablet następnej osobie.",
    "kiosk.noLink": "Ten tablet nie jest ustawiony jako kiosk. Poproś prowadzącego o link do kiosku.",
    "print.sheet": "Arkusz {code}",
    "print.join": "Dołącz telefonem: zeskanuj kod albo wejdź na {url} i wpisz {code}.",
    "print.iAm": "Jestem:",
    "print.table": "Stół: ________",
    "print.mapHow": "W każdym polu napisz jedną rzecz, w wierszu, w którym to się dzieje.",
    "print.dotsHow": "Masz {dots} kropek. Na jedną opcję daj najwyżej {max}: narysuj kropkę w jej polu.",
    "print.budgetHow": "Podziel {budget} między opcje. Przy każdej wpisz kwotę.",
    "print.rankHow": "Ponumeruj swoje {k} najważniejsze: 1 oznacza najważniejszą.",
    "print.approveHow": "Zaznacz każdą opcję, którą popierasz.",
    "print.matrixHow": "Przy każdej opcji zakreśl jej wpływ i potrzebny wysiłek, od 1 (mało) do 5 (dużo).",
    "print.feedbackHow": "Zakreśl jedną liczbę: 1 to wcale, 5 to bardzo.",
    "print.impact": "Wpływ",
    "print.effort": "Wysiłek",
    "print.slipTitle": "Co dalej",
    "print.slipBody":
      "Sprawdzaj, co dzieje się z naszymi priorytetami, bez logowania i bez nazwisk: zeskanuj kod albo wejdź na {url}.",
  },
  so: {
    "kiosk.title": "Tablet la wadaago",
    "kiosk.who": "Yaa ku daraya tan?",
    "kiosk.whoHint": "Dooro kooxda sida ugu fiican kuugu habboon. Weligeen magacaaga ma weydiino.",
    "kiosk.adding": "Waxaad ku daraysaa sida: {group}",
    "kiosk.done": "Waan dhammeeyay – qofka xiga",
    "kiosk.thanks": "Mahadsanid. Fadlan tablet-ka u gudbi qofka xiga.",
    "kiosk.noLink": "Tablet-kan looma dejin kiosk ahaan. Weydii hagaha xiriirka kiosk-ka.",
    "print.sheet": "Xaashi {code}",
    "print.join": "Ku biir taleefan: iskaan garee koodhka, ama tag {url} oo qor {code}.",
    "print.iAm": "Waxaan ahay:",
    "print.table": "Miis: ________",
    "print.mapHow": "Sanduuq kasta ku qor hal shay, safka ay ka dhacdo.",
    "print.dotsHow":
      "Waxaad haysataa {dots} dhibcood. Hal doorasho ku dhig ugu badnaan {max}: sanduuqeeda dhibic ku sawir.",
    "print.budgetHow": "{budget} u qaybi doorashooyinka. Mid kasta ag ku qor qadar.",
    "print.rankHow": "Lambar u sii {k}-da ugu sarreeya: 1 tan ugu muhiimsan.",
    "print.approveHow": "Calaamadee doorasho kasta oo aad taageerto.",
    "print.matrixHow": "Doorasho kasta, goobaabi saameynteeda iyo dadaalka ay u baahan tahay, 1 (yar) ilaa 5 (badan).",
    "print.feedbackHow": "Goobaabi hal lambar: 1 waa gebi ahaanba maya, 5 waa aad iyo aad.",
    "print.impact": "Saameyn",
    "print.effort": "Dadaal",
    "print.slipTitle": "Maxaa xiga",
    "print.slipBody":
      "La soco waxa lagu sameeyay mudnaanteenna, la’aan gelitaan iyo magacyo: iskaan garee koodhka ama tag {url}.",
  },
};

/** The kiosk's and paper pack's words, in the language the page shows (English where a key is missing). */
export function te(key: EveryoneKey, params?: Params): string {
  const catalogue = everyoneCatalogues[language()] ?? en;
  return format(catalogue[key] ?? en[key], params);
}
