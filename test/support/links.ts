/** The secret a link carries in its fragment (`#token=…`: links keep it out of the path and the logs). */
export function tokenInLink(link: string | URL): string {
  return new URLSearchParams(new URL(link).hash.slice(1)).get("token") ?? "";
}
