/** Types for journey.mjs (plain JS so `node scripts/bundle-size.mjs` runs without a build step). */
export interface ManifestChunk {
  file?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export interface Journey {
  entry: string;
  /** manifest keys of the files holding the participant pages */
  routes: string[];
  /** the participant pages' sources (routes/join.tsx, …) */
  pages: string[];
  keys: string[];
  files: string[];
  firstLoad: string[];
  catalogues: string[];
}
export const PARTICIPANT_ROUTES: RegExp;
export const REQUIRED_ROUTES: string[];
export const CONSOLE_CODE: RegExp;
export function journey(manifest: Record<string, ManifestChunk>, modules?: Record<string, string[]>): Journey;
export function consoleFiles(files: string[]): string[];
