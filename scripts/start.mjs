#!/usr/bin/env node
// `npm start` (see scripts/start.ts). The tooling is TypeScript, loaded through tsx.
import { tsImport } from "tsx/esm/api";

await tsImport("./start.ts", import.meta.url);
