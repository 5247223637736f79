/** Join codes as the Worker makes them (party/model/ids.ts): 6 characters from an alphabet without look-alikes. */
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normaliseJoinCode } from "../../party/model/ids";

export { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH };

export type JoinCodeCheck =
  | { ok: true; code: string }
  | { ok: false; problem: "length"; count: number }
  | { ok: false; problem: "chars"; chars: string };

/** Normalises like the Worker (upper case, no spaces or dashes), then checks alphabet and length. */
export function checkJoinCode(typed: string): JoinCodeCheck {
  const code = normaliseJoinCode(typed);
  const wrong = [...new Set([...code].filter((c) => !JOIN_CODE_ALPHABET.includes(c)))].join(" ");
  if (wrong) return { ok: false, problem: "chars", chars: wrong };
  if (code.length !== JOIN_CODE_LENGTH) return { ok: false, problem: "length", count: code.length };
  return { ok: true, code };
}
