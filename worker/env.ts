/**
 * Bindings, vars and secrets the Worker receives. The type is generated from
 * wrangler.toml by `npm run types` into worker-configuration.d.ts (checked by
 * test/unit/worker-env-types.test.ts), so it cannot drift from the configuration.
 */
export type Env = Cloudflare.Env;
