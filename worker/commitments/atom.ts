/**
 * The follow-up as an Atom feed (RFC 4287): one entry per dated event of every
 * commitment (made, then each update), newest first, so people and community
 * organisations can subscribe. Written in the catalogue language asked for
 * (`?lang=`), else the workshop's. No names, no participant ids: only organisations.
 */
import type { CommitmentView, FollowUp, UpdateView } from "../../party/model/commitments";
import { bn } from "../../web/i18n/bn";
import type { Catalogue } from "../../web/i18n/catalogue";
import { en } from "../../web/i18n/en";
import { followupEn } from "../../web/i18n/followup-en";
import { pl } from "../../web/i18n/pl";
import { so } from "../../web/i18n/so";
import { ur } from "../../web/i18n/ur";
import { FEED_TEXT, type FeedText } from "./feedText";

const CATALOGUES: Record<string, Catalogue> = { en: { ...en, ...followupEn }, ur, bn, pl, so };

export function feedLanguage(asked: string | undefined, workshopLanguage: string): string {
  const base = (code: string | undefined) => code?.toLowerCase().split("-")[0] ?? "";
  if (base(asked) in CATALOGUES) return base(asked);
  return base(workshopLanguage) in CATALOGUES ? base(workshopLanguage) : "en";
}

/** Whether XML 1.0 may carry this code point (no control characters but tab and newlines, no lone surrogates). */
function xmlAllowed(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    cp >= 0x10000
  );
}

/** Characters XML 1.0 cannot carry are dropped; markup characters are escaped. */
export function xmlText(s: string): string {
  return [...s]
    .filter((ch) => xmlAllowed(ch.codePointAt(0) ?? 0))
    .join("")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function fill(message: string, params: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const iso = (ms: number) => new Date(ms).toISOString();

interface Entry {
  id: string;
  at: number;
  title: string;
  content: string;
}

function entriesOf(c: CommitmentView, text: Catalogue, feed: FeedText, pageUrl: string, tagBase: string): Entry[] {
  const status = (u: UpdateView) => text[`followup.status.${u.status}`];
  return c.history.map((u, n) => {
    const organisation = u.by.organisation ?? c.owner.organisation;
    const title =
      u.kind === "created"
        ? fill(feed.created, { organisation: c.owner.organisation, title: c.title })
        : fill(feed.update, { organisation, title: c.title, status: status(u), progress: u.progress });
    const lines = [u.kind === "created" ? c.description : u.note];
    if (c.due) lines.push(fill(text["followup.due"], { date: c.due }));
    lines.push(`${pageUrl}#c-${c.id}`);
    return { id: `${tagBase}:${c.id}:${n}`, at: u.at, title, content: lines.filter(Boolean).join("\n\n") };
  });
}

export function atomFeed(view: FollowUp, opts: { origin: string; code: string; language: string }): string {
  const text = CATALOGUES[opts.language] ?? (CATALOGUES.en as Catalogue);
  const feed = FEED_TEXT[opts.language] ?? FEED_TEXT.en!;
  const pageUrl = `${opts.origin}/f/${encodeURIComponent(opts.code)}`;
  const selfUrl = `${pageUrl}/feed.xml`;
  const host = new URL(opts.origin).hostname;
  const year = new Date(view.commitments[0]?.createdAt ?? view.generatedAt).getUTCFullYear();
  const tagBase = `tag:${host},${year}:coproduce:${opts.code}`;
  const entries = view.commitments
    .flatMap((c) => entriesOf(c, text, feed, pageUrl, tagBase))
    .sort((a, b) => b.at - a.at || b.id.localeCompare(a.id));
  const updated = entries[0]?.at ?? view.workshop.closedAt ?? view.generatedAt;
  const body = entries
    .map(
      (e) => `  <entry>
    <id>${xmlText(e.id)}</id>
    <title>${xmlText(e.title)}</title>
    <updated>${iso(e.at)}</updated>
    <link rel="alternate" type="text/html" href="${xmlText(pageUrl)}"/>
    <content type="text">${xmlText(e.content)}</content>
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(opts.language)}">
  <id>${xmlText(`${tagBase}:feed`)}</id>
  <title>${xmlText(fill(feed.title, { title: view.workshop.title }))}</title>
  <subtitle>${xmlText(fill(text["followup.intro"], { title: view.workshop.title }))}</subtitle>
  <updated>${iso(updated)}</updated>
  <author><name>Coproduce</name></author>
  <link rel="self" type="application/atom+xml" href="${xmlText(selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(pageUrl)}"/>
${body}
</feed>
`;
}
