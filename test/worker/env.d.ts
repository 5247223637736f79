import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    /** The Worker's own bindings (worker/worker-configuration.d.ts), plus the migrations the tests apply. */
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}
