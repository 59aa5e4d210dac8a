import type { ForumDocument } from '../../common/domain/forum-schema';
import type { Bilingual } from '../../common/domain/primitives';
import type { Contact, DelegationProfile } from '../../common/domain/workspace-schema';
import { createNodeTranslator } from '../i18n';
import type { NodeKey } from '../i18n';
import { memberName, noteAuthors } from '../../common/domain/team';
import { draftReportTexts, formalDate, formalRange } from './report-drafts';

export type BriefLanguage = 'id' | 'en';
export type BriefTemplate = 'summary' | 'travel-report';

/** Text in both languages; a renderer shows one side, or both, as the options ask. */
export type Text = Bilingual;

/** A table cell: a text, or a list of texts (a commitment's follow-up steps). */
export type Cell = Text | { items: Text[] };

export interface Column {
  header: Text;
  /** Share of the width the column asks for; never less than its longest word. */
  weight: number;
}

export type Block =
  /** One plain paragraph; `keep` holds it on the page of what follows (a session's time). */
  | { kind: 'paragraph'; text: Text; keep?: boolean }
  /** A delegate's Markdown (notes, narrative): rendered as real headings, lists and tables. */
  | { kind: 'rich'; text: Text }
  /** A heading inside a section: level 1 "A. Kesimpulan", level 2 a session. */
  | { kind: 'subheading'; text: Text; level: 1 | 2 }
  /** Label and value pairs, as "Tanggal : 14–17 September 2017". */
  | { kind: 'facts'; rows: { label: Text; value: Text }[] }
  | {
      kind: 'clauses';
      items: { number: string; text: Text; position: Text | null; level: number }[];
    }
  /**
   * A grid. Where its columns cannot each hold their longest word (or in a bilingual parallel
   * layout), renderers set it item by item instead: the first column numbers the item, the
   * second titles it, the others follow as "Header: value".
   */
  | { kind: 'table'; columns: Column[]; rows: Cell[][] };

export interface Section {
  /** "I", "II", …: the numbering of an official report. */
  numeral: string;
  heading: Text;
  blocks: Block[];
}

export interface Signer {
  /** "Yang melaporkan," / "Reported by,". */
  caption: Text;
  position: Text;
  name: string;
  nip: string;
}

export interface Letterhead {
  lines: Text[];
  address: Text;
  /** A data: URL (PNG or JPEG), or null. */
  logo: string | null;
}

export interface Brief {
  template: BriefTemplate;
  letterhead: Letterhead | null;
  title: Text;
  /** "Nomor: 094/123/SET/2017", or null when the report has no number yet. */
  number: Text | null;
  subtitle: Text;
  /** "Yth. Bupati Lampung Timur", or null; printed after `addresseeLabel` ("Kepada"). */
  addressee: Text | null;
  addresseeLabel: Text;
  /** The names of the two languages, heading the columns of a parallel layout. */
  languageNames: Text;
  sections: Section[];
  /** Place and date of signing, and who signs (the last one on the right). */
  closing: { placeDate: Text; signers: Signer[] };
  /** "Halaman {{page}} dari {{pages}}" in each language, for the page footer. */
  pageLabel: Text;
  nipLabel: Text;
  /** Texts with an empty side, by where they are: listed before a one-language export. */
  missing: { where: Text; language: BriefLanguage }[];
}

export interface BriefInput {
  profile: DelegationProfile;
  forum: ForumDocument;
  contacts: Contact[];
  template: BriefTemplate;
  /** Contacts to list: sensitive ones only if chosen here, one by one. */
  contactIds: string[];
  /** The signing date (YYYY-MM-DD) when the report does not set its own. */
  date?: string;
}

const t = { id: createNodeTranslator('id'), en: createNodeTranslator('en') };
const label = (key: NodeKey, params?: Record<string, string | number>): Text => ({
  id: t.id(key, params),
  en: t.en(key, params),
});
const same = (text: string): Text => ({ id: text, en: text });
const both = (make: (language: BriefLanguage) => string): Text => ({
  id: make('id'),
  en: make('en'),
});
const filled = (text: Text) => Boolean(text.id.trim() || text.en.trim());
/** The delegate's text where written, else the draft (per language: a draft fills a gap). */
const orDraft = (own: Text, draft: () => Text): Text => (filled(own) ? own : draft());
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/**
 * The content of a commitment summary or a travel report, from the workspace, in both
 * languages: a pure function that every format renders.
 */
export function buildBrief(input: BriefInput): Brief {
  const { profile, forum: doc, template } = input;
  const forum = doc.forum;
  const report = doc.report;
  const live = <T extends { deletedAt: string | null }>(list: T[]) =>
    list.filter((r) => !r.deletedAt);
  const sessions = live(doc.sessions).sort((a, b) => a.order - b.order);
  // ISO timestamps sort as plain strings; localeCompare would ask ICU 4,000 times per export.
  const notes = live(doc.notes).sort((a, b) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
  );
  const clauses = live(doc.clauses).sort((a, b) => a.order - b.order);
  const commitments = live(doc.commitments);
  const contacts = live(input.contacts).filter(
    (c) => input.contactIds.includes(c.id) && c.met.some((m) => m.forumId === forum.id),
  );
  const clauseNumber = new Map(clauses.map((c) => [c.id, c.number]));
  const forumName = forum.name;
  const dates = both((l) => formalRange(forum.startDate, forum.endDate, l));
  const place = same([forum.venue, forum.city].filter(Boolean).join(', '));
  const drafts = draftReportTexts(doc, profile);
  const members = report.memberIds
    .map((id) => profile.members.find((m) => m.id === id))
    .filter((m) => m !== undefined);

  // Notes, in full, session by session; notes outside any session come last.
  const sessionBlocks: Block[] = [];
  const sessionsWithNotes = [...sessions.map((s) => s.id), null];
  let sessionIndex = 0;
  for (const sessionId of sessionsWithNotes) {
    const session = sessions.find((s) => s.id === sessionId);
    const own = notes.filter((n) => n.sessionId === sessionId);
    if (!session && !own.length) continue;
    sessionIndex++;
    const title = session ? session.title : label('export:otherNotes');
    sessionBlocks.push({
      kind: 'subheading',
      level: 2,
      text: both((l) => `${sessionIndex}. ${title[l] || title.id || title.en}`),
    });
    const when = session?.start
      ? both((l) => {
          const day = formalDate(session.start?.slice(0, 10) ?? null, l);
          const from = session.start?.slice(11, 16) ?? '';
          const to = session.end?.slice(11, 16) ?? '';
          return [`${day}, ${from}${to ? `–${to}` : ''}`, session.room].filter(Boolean).join(' · ');
        })
      : null;
    if (when) sessionBlocks.push({ kind: 'paragraph', text: when, keep: true });
    // Who covered the session and who wrote its notes: a delegation splits the sessions.
    const covered = (session?.coveredBy ?? []).map((ref) => memberName(ref, profile.members));
    const authors = [...new Set(own.flatMap((note) => noteAuthors(note)))];
    const team = [
      covered.length ? label('export:sessionCoveredBy', { names: covered.join(', ') }) : null,
      authors.length ? label('export:sessionNotesBy', { names: authors.join(', ') }) : null,
    ].filter((line) => line !== null);
    if (team.length)
      sessionBlocks.push({
        kind: 'paragraph',
        // A name ending in a title ("S.IP.") already closes the sentence: no second full stop.
        text: both((l) => team.map((line) => line[l].replace(/\.\.$/, '.')).join(' ')),
        keep: true,
      });
    if (own.length) {
      for (const note of own) sessionBlocks.push({ kind: 'rich', text: note.body });
    } else sessionBlocks.push({ kind: 'paragraph', text: label('export:noSessionNotes') });
  }
  if (!sessionBlocks.length)
    sessionBlocks.push({ kind: 'paragraph', text: label('export:noNotes') });

  const clauseBlocks: Block[] = clauses.length
    ? [
        {
          kind: 'clauses',
          items: clauses.map((c) => ({
            number: c.number,
            level: c.number ? c.number.split('.').length - 1 : 0,
            text: c.text,
            position: c.position?.stance
              ? both((l) =>
                  [t[l](`export:stances.${c.position?.stance}` as NodeKey), c.position?.reason[l]]
                    .filter(Boolean)
                    .join(': '),
                )
              : null,
          })),
        },
      ]
    : [{ kind: 'paragraph', text: label('export:noClauses') }];

  const commitmentBlocks: Block[] = commitments.length
    ? [
        {
          kind: 'table',
          columns: [
            { header: label('export:number'), weight: 0.6 },
            { header: label('export:statement'), weight: 5 },
            { header: label('export:clauseNumbers'), weight: 1.2 },
            { header: label('export:responsible'), weight: 3.2 },
            { header: label('export:due'), weight: 2 },
            { header: label('export:status'), weight: 1.8 },
            { header: label('export:steps'), weight: 4 },
          ],
          rows: commitments.map((c, i): Cell[] => {
            const person = input.contacts.find(
              (p) => p.id === c.responsible.contactId && !p.sensitive,
            );
            return [
              same(`${i + 1}.`),
              c.statement,
              same(
                c.clauseIds
                  .map((id) => clauseNumber.get(id))
                  .filter(Boolean)
                  .join(', '),
              ),
              same([c.responsible.unit, person?.name].filter(Boolean).join(' · ')),
              both((l) => formalDate(c.dueDate, l)),
              label(`export:statuses.${c.status}` as NodeKey),
              {
                // Each step with its state in words: "[ ]" means nothing on paper.
                items: c.steps.map((s) =>
                  both(
                    (l) =>
                      `${s.text[l] || s.text.id || s.text.en} (${t[l](s.done ? 'export:stepDone' : 'export:stepOpen')})`,
                  ),
                ),
              },
            ];
          }),
        },
      ]
    : [{ kind: 'paragraph', text: label('export:noCommitments') }];

  const contactBlocks: Block[] = contacts.length
    ? [
        {
          kind: 'table',
          columns: [
            { header: label('export:number'), weight: 0.6 },
            { header: label('export:name'), weight: 3 },
            { header: label('export:position'), weight: 3 },
            { header: label('export:organisation'), weight: 3 },
            { header: label('export:email'), weight: 3 },
          ],
          rows: contacts.map((c, i) => [
            same(`${i + 1}.`),
            same(c.name),
            c.position,
            c.organisation,
            same(c.emails[0]?.value ?? ''),
          ]),
        },
      ]
    : [];

  const head = {
    name: profile.headName,
    position: profile.headPosition,
  };
  const memberRows: Cell[][] = (
    members.length
      ? members
      : [
          {
            name: head.name,
            nip: '',
            rank: '',
            position: head.position,
            role: label('export:headRole'),
          },
        ]
  ).map((m, i) => [
    same(`${i + 1}.`),
    same(m.name),
    // A NIP is read as one number: its groups never part across lines.
    same(m.nip.replace(/ /g, '\u00a0') || '–'),
    same(m.rank || '–'),
    m.position,
    m.role,
  ]);
  const memberTable: Block = {
    kind: 'table',
    columns: [
      { header: label('export:number'), weight: 0.6 },
      { header: label('export:name'), weight: 3 },
      { header: label('export:nip'), weight: 2.2 },
      { header: label('export:rank'), weight: 2 },
      { header: label('export:position'), weight: 4.2 },
      { header: label('export:role'), weight: 2.2 },
    ],
    rows: memberRows,
  };

  const signers: Signer[] = report.signatories.length
    ? report.signatories.map((s) => {
        const member = s.memberId ? profile.members.find((m) => m.id === s.memberId) : undefined;
        return {
          caption: filled(s.caption) ? s.caption : label('export:reportedBy'),
          position: member ? member.position : s.position,
          name: member ? member.name : s.name,
          nip: member ? member.nip : s.nip,
        };
      })
    : [
        {
          caption: label(template === 'summary' ? 'export:headRole' : 'export:reportedBy'),
          position: head.position,
          name: head.name,
          nip: members.find((m) => m.name === head.name)?.nip ?? '',
        },
      ];
  // A report is dated when it is signed: its own date, else the day the export asks for,
  // else the forum's last day (never the day the file happens to be exported).
  const signDate = report.date ?? input.date ?? forum.endDate ?? forum.startDate;
  const signPlace = report.place.trim() || profile.city;
  const closing = {
    placeDate: both((l) => [signPlace, formalDate(signDate, l)].filter(Boolean).join(', ')),
    signers,
  };

  const numbered = (list: Omit<Section, 'numeral'>[]): Section[] =>
    list.map((s, i) => ({ ...s, numeral: ROMAN[i] ?? String(i + 1) }));

  const forumFacts: Block = {
    kind: 'facts',
    rows: [
      { label: label('export:forum'), value: forumName },
      { label: label('export:dates'), value: dates },
      { label: label('export:place'), value: place },
      { label: label('export:theme'), value: forum.theme },
      { label: label('export:host'), value: forum.hostOrganisation },
    ].filter((row) => filled(row.value)),
  };

  let sections: Section[];
  if (template === 'summary') {
    sections = numbered([
      {
        heading: label('export:forumSection'),
        blocks: [
          {
            kind: 'facts',
            rows: [
              { label: label('export:delegation'), value: profile.delegationName },
              {
                label: label('export:head'),
                value: both((l) =>
                  [profile.headName, profile.headPosition[l]].filter(Boolean).join(', '),
                ),
              },
              ...forumFacts.rows,
            ].filter((row) => filled(row.value)),
          },
        ],
      },
      { heading: label('export:summary'), blocks: [{ kind: 'rich', text: drafts.results }] },
      { heading: label('export:clauses'), blocks: clauseBlocks },
      { heading: label('export:commitments'), blocks: commitmentBlocks },
      { heading: label('export:sessions'), blocks: sessionBlocks },
      ...(contactBlocks.length
        ? [{ heading: label('export:contacts'), blocks: contactBlocks }]
        : []),
    ]);
  } else {
    const assignment = report.assignment;
    const basis: Block = assignment.number.trim()
      ? {
          kind: 'paragraph',
          text: both((l) =>
            t[l]('export:basisLetter', {
              issuer:
                assignment.issuedBy[l] ||
                assignment.issuedBy.id ||
                assignment.issuedBy.en ||
                profile.institution[l] ||
                profile.institution.id,
              number: assignment.number.trim(),
              date: formalDate(assignment.date, l) || '—',
            }),
          ),
        }
      : {
          kind: 'paragraph',
          text: both((l) =>
            t[l]('export:basisText', {
              institution: profile.institution[l] || profile.institution.id,
              forum: forumName[l] || forumName.id,
            }),
          ),
        };
    sections = numbered([
      { heading: label('export:basis'), blocks: [basis] },
      {
        heading: label('export:purpose'),
        blocks: [{ kind: 'rich', text: orDraft(report.purpose, () => drafts.purpose) }],
      },
      { heading: label('export:timePlace'), blocks: [forumFacts] },
      { heading: label('export:participants'), blocks: [memberTable] },
      {
        heading: label('export:results'),
        blocks: [
          { kind: 'rich', text: orDraft(report.results, () => drafts.results) },
          { kind: 'subheading', level: 1, text: label('export:resultsSessions') },
          ...sessionBlocks,
          { kind: 'subheading', level: 1, text: label('export:resultsClauses') },
          ...clauseBlocks,
          { kind: 'subheading', level: 1, text: label('export:resultsCommitments') },
          ...commitmentBlocks,
        ],
      },
      {
        heading: label('export:conclusions'),
        blocks: [
          { kind: 'subheading', level: 1, text: label('export:conclusionsPart') },
          { kind: 'rich', text: orDraft(report.conclusions, () => drafts.conclusions) },
          { kind: 'subheading', level: 1, text: label('export:recommendationsPart') },
          { kind: 'rich', text: orDraft(report.recommendations, () => drafts.recommendations) },
        ],
      },
      {
        heading: label('export:closing'),
        blocks: [{ kind: 'paragraph', text: label('export:closingText') }],
      },
    ]);
  }

  const letterhead =
    report.useLetterhead && profile.letterhead.lines.some(filled)
      ? {
          lines: profile.letterhead.lines.filter(filled),
          address: profile.letterhead.address,
          logo: profile.letterhead.logo,
        }
      : null;

  return {
    template,
    letterhead,
    title: label(template === 'summary' ? 'export:summaryTitle' : 'export:reportTitle'),
    number:
      template === 'travel-report' && report.number.trim()
        ? label('export:reportNumber', { number: report.number.trim() })
        : null,
    subtitle: forumName,
    addressee: template === 'travel-report' && filled(report.addressee) ? report.addressee : null,
    addresseeLabel: label('export:addressee'),
    languageNames: { id: 'Bahasa Indonesia', en: 'English' },
    sections,
    closing,
    pageLabel: label('export:page', { page: '{{page}}', pages: '{{pages}}' }),
    nipLabel: label('export:nip'),
    missing: missingTexts(sections),
  };
}

/** Every text with one side empty: what a one-language export would lack. */
function missingTexts(sections: Section[]): Brief['missing'] {
  const missing: Brief['missing'] = [];
  const check = (text: Text, where: Text) => {
    if (text.id.trim() && !text.en.trim()) missing.push({ where, language: 'en' });
    if (text.en.trim() && !text.id.trim()) missing.push({ where, language: 'id' });
  };
  for (const section of sections) {
    for (const block of section.blocks) {
      if (block.kind === 'paragraph' || block.kind === 'rich') check(block.text, block.text);
      if (block.kind === 'clauses') block.items.forEach((c) => check(c.text, same(`${c.number}`)));
      if (block.kind === 'table')
        block.rows.forEach((row) => {
          const title = row[1];
          if (title && !Array.isArray((title as { items?: unknown }).items)) {
            check(title as Text, title as Text);
          }
        });
    }
  }
  return missing;
}
