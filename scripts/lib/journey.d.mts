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
  routes: string[];
  keys: string[];
  files: string[];
  firstLoad: string[];
  catalogues: string[];
}
export const PARTICIPANT_ROUTES: RegExp;
export const REQUIRED_ROUTES: string[];
export const CONSOLE_CODE: RegExp;
export function journey(manifest: Record<string, ManifestChunk>): Journey;
export function consoleFiles(files: string[]): string[];
