/**
 * Workshop templates, bundled with the Worker (seeds/templates/*.json, imported
 * statically because Workers have no file system) and validated once at load
 * with the model's `parseTemplate`, so a broken template fails at startup.
 */

import { parseTemplate, type Template } from "../party/model/templates";
import assetMapDots from "../seeds/templates/asset-map-dots.json";
import coAssessmentReview from "../seeds/templates/co-assessment-review.json";
import communityFirstPriorities from "../seeds/templates/community-first-priorities.json";
import communityHealthBudget from "../seeds/templates/community-health-budget.json";
import ebcdJourney from "../seeds/templates/ebcd-journey.json";

const TEMPLATES: readonly Template[] = [
  ebcdJourney,
  communityFirstPriorities,
  assetMapDots,
  communityHealthBudget,
  coAssessmentReview,
].map(parseTemplate);

export function listTemplates() {
  return TEMPLATES.map((t) => ({
    id: t.id,
    title: t.title,
    description: t.description,
    purpose: t.purpose,
    /** groups the template adds to the defaults */
    stakeholderGroups: t.stakeholderGroups ?? [],
    activities: t.activities.map((a) => ({ kind: a.kind, title: a.title })),
  }));
}

export function findTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
