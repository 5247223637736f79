/**
 * Stand-in for `lib0/environment` in the web build (vite.config.ts), like lib0-logging.ts: in a
 * browser Yjs asks it only whether it runs in Node and for its `node_env` switch, and lib0's
 * base64 only whether it runs in a browser; the isomorphic module also parses process
 * arguments and the query string and probes colour support (~0.4 KB gzip of the phone's budget).
 */
export const isNode = false;
export const isBrowser = true;
export const isMac = typeof navigator !== "undefined" && /Mac/.test(navigator.platform);

/** Yjs's dev mode (frozen content) is never switched on in the web app. */
export const getVariable = (_name: string): string | null => null;
