#!/usr/bin/env node
// `npm run dev` (see scripts/dev.ts). The tooling is TypeScript, loaded through tsx.
import { tsImport } from "tsx/esm/api";

await tsImport("./dev.ts", import.meta.url);
