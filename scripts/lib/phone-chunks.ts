/**
 * How the participant's code is split into files (issue #17: the whole journey within 60 KB gzip).
 *
 * Left to itself the bundler cuts every module that two lazy routes share into a chunk of
 * its own: the phone's journey was 25 files, and each file costs its own gzip header, its
 * own import/export lines and a compression dictionary that starts from nothing (gzipping
 * those 25 files together was ~8 KB smaller than one by one). So the phone's modules go
 * into a few files, chosen by when the phone needs them:
 *
 * - `index`   the entry and what it imports statically (Solid, the router, the language picker),
 *             and the phone's pages to the room: the code box, the join page and the room page
 *             with all they import (Yjs, the room client, the API), and the IndexedDB doc cache,
 *             which the room loads beside its ticket request. Until issue #17's last round these
 *             were three files (entry, code box, join and room), but a phone walks through all of
 *             them and every console page loaded the phone's file too (it holds the room client,
 *             the API and the model the consoles share), so one file costs nobody a byte more and
 *             saves the journey ~2.5 KB gzip: import/export lists between the files, a compression
 *             dictionary that starts from nothing in each, and a CSS file of its own (the phone's
 *             participant.css is now in the entry's CSS; console pages already loaded it, before
 *             their own, as they still do);
 * - `phone-later` everything the room page loads on demand (map, vote, feedback, results,
 *             the "You" panel, what happens after close), fetched ahead once the room shows,
 *             and the public follow-up page (a later visit, which needs most of that file anyway).
 *
 * Language catalogues and console routes are not grouped: each catalogue stays one file per
 * language, and console code keeps Vite's automatic split (it may import the phone's
 * later file; the phone never imports console files, which `scripts/bundle-size.mjs` checks).
 * The build also writes `.vite/modules.json` (file → the sources in it) next to the Vite
 * manifest when it writes one, so the bundle check finds pages that now live in a group.
 */
import path from "node:path";
import type { Plugin } from "vite";

/** The routes a phone walks through to the room (the follow-up page goes with what the room loads later). */
const PHONE = /[\\/]web[\\/]routes[\\/](landing|join|participant)\.tsx$/;
const CACHE = /[\\/]web[\\/]lib[\\/]room[\\/]cache\.ts$/;
const FOLLOW_UP = /[\\/]web[\\/]routes[\\/]followup\.tsx$/;
/** Loaded one per phone, each in its own file. */
const CATALOGUE = /[\\/]web[\\/]i18n[\\/][a-z]{2,3}\.ts$/;
/** The bundler's own helpers (e.g. for `import * as`): with the entry, loaded everywhere. */
const RUNTIME = /^\0?rolldown[\\/:]runtime/;

interface ModuleGraph {
  importedIds: readonly string[];
  dynamicallyImportedIds: readonly string[];
  isEntry: boolean;
}

type Lookup = (id: string) => ModuleGraph | null;

/** Which group each module goes to (modules not listed keep the automatic split). */
export function planPhoneChunks(ids: readonly string[], info: Lookup): Map<string, string> {
  const plan = new Map<string, string>();
  /** Static imports from `starts`, leaving out modules already planned. */
  const take = (starts: readonly string[], group: string): string[] => {
    const taken: string[] = [];
    const stack = [...starts];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (plan.has(id)) continue;
      plan.set(id, group);
      taken.push(id);
      stack.push(...(info(id)?.importedIds ?? []));
    }
    return taken;
  };
  take(
    ids.filter((id) => info(id)?.isEntry || RUNTIME.test(id)),
    "index",
  );
  const phone = take(
    ids.filter((id) => PHONE.test(id)),
    "index",
  );
  // Imported on demand, but always during the room's first load: one file less.
  take(
    ids.filter((id) => CACHE.test(id)),
    "index",
  );
  // What the phone's pages load on demand, and what that loads on demand in turn.
  const later = [...phone];
  for (let i = 0; i < later.length; i++) {
    for (const lazy of info(later[i] as string)?.dynamicallyImportedIds ?? []) {
      if (!CATALOGUE.test(lazy)) later.push(...take([lazy], "phone-later"));
    }
  }
  // The follow-up page (a later visit): it needs the room's later file anyway (AfterClose),
  // so it goes in it rather than in a file of its own.
  take(
    ids.filter((id) => FOLLOW_UP.test(id)),
    "phone-later",
  );
  return plan;
}

export function phoneChunks(): Plugin {
  let ids: string[] = [];
  let plan: Map<string, string> | null = null;
  let root = "";
  let manifest = false;
  return {
    name: "coproduce-phone-chunks",
    apply: "build",
    config: () => ({
      build: {
        rolldownOptions: {
          output: {
            codeSplitting: {
              // Every module of the phone is planned above, with what it imports in the same
              // or an earlier group, so groups need not pull in their dependencies.
              includeDependenciesRecursively: false,
              groups: [
                {
                  debugName: "phone-chunks",
                  name: (id, ctx) => {
                    plan ??= planPhoneChunks(ids, (m) => ctx.getModuleInfo(m));
                    return plan.get(id) ?? null;
                  },
                },
              ],
            },
          },
        },
      },
    }),
    configResolved(config) {
      root = config.root;
      manifest = Boolean(config.build.manifest);
    },
    buildStart() {
      ids = [];
      plan = null;
    },
    moduleParsed(module) {
      ids.push(module.id);
    },
    generateBundle(_options, bundle) {
      if (!manifest) return;
      const modules: Record<string, string[]> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== "chunk") continue;
        modules[output.fileName] = output.moduleIds
          .filter((id) => path.isAbsolute(id))
          .map((id) => path.relative(root, id).split(path.sep).join("/"));
      }
      this.emitFile({ type: "asset", fileName: ".vite/modules.json", source: JSON.stringify(modules) });
    },
  };
}
