/** Partner links (#15): a token that speaks for one organisation, in one workshop or a whole programme. */
import type * as v from "valibot";
import type { MintPartnerToken } from "../party/model/commitments";
import { partnerLink } from "./links";
import { type MintedToken, mintToken } from "./mint";

export async function mintPartnerToken(
  db: D1Database,
  body: v.InferOutput<typeof MintPartnerToken>,
  scope: { workshopId: string } | { programmeId: string },
): Promise<MintedToken & { organisation: string; label: string }> {
  const label = body.label || body.organisation;
  const minted = await mintToken(
    db,
    {
      role: "partner",
      workshopId: "workshopId" in scope ? scope.workshopId : null,
      programmeId: "programmeId" in scope ? scope.programmeId : null,
      label,
      organisation: body.organisation,
    },
    Date.now(),
  );
  await minted.statement.run();
  return { ...minted, organisation: body.organisation, label };
}

export function partnerTokenResponse(minted: MintedToken & { organisation: string; label: string }, origin: string) {
  return {
    id: minted.id,
    token: minted.token,
    role: "partner" as const,
    organisation: minted.organisation,
    label: minted.label,
    link: partnerLink(origin, minted.token),
  };
}
