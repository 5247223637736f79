/**
 * Stand-in for `lib0/logging` in the web build (see vite.config.ts). Yjs only prints two
 * warnings through it, but the isomorphic logger pulls in lib0/dom and lib0/schema —
 * about 4 KB gzip of a phone's 60 KB budget. The console does the same job here.
 */
export const BOLD = Symbol("bold");
export const UNBOLD = Symbol("unbold");
export const RED = Symbol("red");
export const ORANGE = Symbol("orange");

/** lib0 passes colour symbols between the words; the console shows only the words. */
const words = (args: unknown[]) => args.filter((a) => typeof a !== "symbol");

export const print = (...args: unknown[]): void => console.log(...words(args));
export const warn = (...args: unknown[]): void => console.warn(...words(args));
