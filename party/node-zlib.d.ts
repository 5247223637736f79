// The one node:zlib function the room uses (party/deflate.ts), present in workerd under
// `nodejs_compat`. Declared here because the Worker's types are workers-types, not @types/node.
declare module "node:zlib" {
  export function deflateRawSync(data: Uint8Array): Uint8Array;
}
