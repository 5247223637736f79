/** Display preferences that apply before anything renders (no flash of small text). */
import { easyRead } from "./i18n";

export function initPreferences(): void {
  document.documentElement.classList.toggle("easy-read", easyRead());
}
