import type { ForumDocument } from '../../common/domain/forum-schema';
import type { Bilingual } from '../../common/domain/primitives';
import type { Contact, DelegationProfile } from '../../common/domain/workspace-schema';
import { createNodeTranslator } from '../i18n';
import type { NodeKey } from '../i18n';

export type BriefLanguage = 'id' | 'en';
export type BriefTemplate = 'summary' | 'travel-report';

/** Text in both languages; a renderer shows one side, or both, as the options ask. */
export type Text = Bilingual;

export type Block =
  | { kind: 'paragraph'; text: Text }
  | { kind: 'facts'; rows: { label: Text; value: Text }[] }
  | { kind: 'list'; items: Text[] }
  | {
      kind: 'clauses';
      items: { number: string; text: Text; position: Text | null; level: number }[];
    }
  | { kind: 'table'; headers: Text[]; rows: Text[][] }
  | { kind: 'signature'; placeDate: Text; name: string; position: Text };

export interface Section {
  heading: Text;
  blocks: Block[];
}

export interface Brief {
  title: Text;
  subtitle: Text;
  sections: Section[];
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
  /** The day the brief is signed (YYYY-MM-DD). */
  date: string;
}

const t = { id: createNodeTranslator('id'), en: createNodeTranslator('en') };
const label = (key: NodeKey, params?: Record<string, string | number>): Text => ({
  id: t.id(key, params),
  en: t.en(key, params),
});
const same = (text: string): Text => ({ id: text, en: text });
const locale = { id: 'id-ID', en: 'en-GB' } as const;

function day(isoDate: string | null, language: BriefLanguage): string {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

const both = (make: (language: BriefLanguage) => string): Text => ({
  id: make('id'),
  en: make('en'),
});

/**
 * The content of a commitment summary or a travel report, from the workspace, in both
 * languages: a pure function that every format renders.
 */
export function buildBrief(input: BriefInput): Brief {
  const { profile, forum: doc, template } = input;
  const forum = doc.forum;
  const live = <T extends { deletedAt: string | null }>(list: T[]) =>
    list.filter((r) => !r.deletedAt);
  const sessions = live(doc.sessions).sort((a, b) => a.order - b.order);
  const notes = live(doc.notes);
  const clauses = live(doc.clauses).sort((a, b) => a.order - b.order);
  const commitments = live(doc.commitments);
  const contacts = live(input.contacts).filter(
    (c) => input.contactIds.includes(c.id) && c.met.some((m) => m.forumId === forum.id),
  );
  const clauseNumber = new Map(clauses.map((c) => [c.id, c.number]));
  const forumName = forum.name;
  const dates = both(
    (l) =>
      `${day(forum.startDate, l)}${forum.endDate && forum.endDate !== forum.startDate ? ` – ${day(forum.endDate, l)}` : ''}`,
  );
  const place = same([forum.venue, forum.city].filter(Boolean).join(', '));

  const header: Section = {
    heading: label('export:forum'),
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
          { label: label('export:forum'), value: forumName },
          { label: label('export:place'), value: place },
          { label: label('export:dates'), value: dates },
          { label: label('export:theme'), value: forum.theme },
          { label: label('export:host'), value: forum.hostOrganisation },
        ].filter((row) => row.value.id || row.value.en),
      },
    ],
  };

  const positions = clauses.filter((c) => c.position?.stance).length;
  const summary: Section = {
    heading: label('export:summary'),
    blocks: [
      {
        kind: 'paragraph',
        text: both((l) =>
          t[l]('export:summaryText', {
            sessions: sessions.length,
            forum: forumName[l] || forumName.id || forumName.en,
            notes: notes.length,
            positions,
            clauses: clauses.filter((c) => c.number).length,
            commitments: commitments.length,
          }),
        ),
      },
    ],
  };

  const keyPoints: Section = {
    heading: label('export:sessions'),
    blocks: sessions.length
      ? sessions.flatMap((session): Block[] => {
          const points = notes
            .filter((n) => n.sessionId === session.id)
            .map((n) => firstParagraph(n.body));
          return [
            { kind: 'paragraph', text: session.title },
            ...(points.length ? [{ kind: 'list' as const, items: points }] : []),
          ];
        })
      : [{ kind: 'paragraph', text: label('export:noNotes') }],
  };

  const clauseSection: Section = {
    heading: label('export:clauses'),
    blocks: clauses.length
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
      : [{ kind: 'paragraph', text: label('export:noClauses') }],
  };

  const commitmentSection: Section = {
    heading: label('export:commitments'),
    blocks: commitments.length
      ? [
          {
            kind: 'table',
            headers: [
              label('export:statement'),
              label('export:clauseNumbers'),
              label('export:responsible'),
              label('export:due'),
              label('export:status'),
              label('export:steps'),
            ],
            rows: commitments.map((c) => {
              const person = input.contacts.find(
                (p) => p.id === c.responsible.contactId && !p.sensitive,
              );
              return [
                c.statement,
                same(
                  c.clauseIds
                    .map((id) => clauseNumber.get(id))
                    .filter(Boolean)
                    .join(', '),
                ),
                same([c.responsible.unit, person?.name].filter(Boolean).join(' · ')),
                both((l) => day(c.dueDate, l)),
                label(`export:statuses.${c.status}` as NodeKey),
                both((l) =>
                  c.steps
                    .map((s) => `[${s.done ? 'x' : ' '}] ${s.text[l] || s.text.id || s.text.en}`)
                    .join('\n'),
                ),
              ];
            }),
          },
        ]
      : [{ kind: 'paragraph', text: label('export:noCommitments') }],
  };

  const contactSection: Section | null = contacts.length
    ? {
        heading: label('export:contacts'),
        blocks: [
          {
            kind: 'list',
            items: contacts.map((c) =>
              both((l) =>
                [c.name, c.position[l], c.organisation[l], c.emails[0]?.value]
                  .filter(Boolean)
                  .join(', '),
              ),
            ),
          },
        ],
      }
    : null;

  const signature: Section = {
    heading: same(''),
    blocks: [
      {
        kind: 'signature',
        placeDate: both((l) =>
          t[l]('export:signature', { place: profile.city, date: day(input.date, l) }),
        ),
        name: profile.headName,
        position: profile.headPosition,
      },
    ],
  };

  const sections =
    template === 'summary'
      ? [
          header,
          summary,
          keyPoints,
          clauseSection,
          commitmentSection,
          ...(contactSection ? [contactSection] : []),
          signature,
        ]
      : [
          {
            heading: label('export:basis'),
            blocks: [
              {
                kind: 'paragraph' as const,
                text: both((l) =>
                  t[l]('export:basisText', {
                    institution: profile.institution[l] || profile.institution.id,
                    forum: forumName[l] || forumName.id,
                  }),
                ),
              },
            ],
          },
          {
            heading: label('export:purpose'),
            blocks: [
              {
                kind: 'paragraph' as const,
                text: both((l) =>
                  t[l]('export:purposeText', {
                    delegation: profile.delegationName[l] || profile.delegationName.id,
                    forum: forumName[l] || forumName.id,
                  }),
                ),
              },
            ],
          },
          {
            heading: label('export:timePlace'),
            blocks: [
              {
                kind: 'facts' as const,
                rows: [
                  { label: label('export:dates'), value: dates },
                  { label: label('export:place'), value: place },
                ],
              },
            ],
          },
          {
            heading: label('export:participants'),
            blocks: [
              {
                kind: 'list' as const,
                items: [
                  both((l) =>
                    [profile.headName, profile.headPosition[l]].filter(Boolean).join(', '),
                  ),
                ],
              },
            ],
          },
          { heading: label('export:results'), blocks: [...summary.blocks, ...keyPoints.blocks] },
          clauseSection,
          commitmentSection,
          {
            heading: label('export:conclusions'),
            blocks: [{ kind: 'paragraph' as const, text: label('export:conclusionsText') }],
          },
          {
            heading: label('export:closing'),
            blocks: [{ kind: 'paragraph' as const, text: label('export:closingText') }],
          },
          signature,
        ];

  return {
    title: label(template === 'summary' ? 'export:summaryTitle' : 'export:reportTitle'),
    subtitle: forumName,
    sections,
    missing: missingTexts(sections),
  };
}

function firstParagraph(body: Text): Text {
  const first = (text: string) =>
    text
      .trim()
      .split(/\n\s*\n/)
      .find((p) => !/^#/.test(p.trim())) ??
    text.trim().split('\n')[0] ??
    '';
  // Documents show plain text: list marks and emphasis of the Markdown go.
  const plain = (text: string) =>
    first(text)
      .replace(/^\s*[-*+]\s+/gm, '')
      .replace(/(\*\*|__|[*_`])/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  return { id: plain(body.id), en: plain(body.en) };
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
      if (block.kind === 'paragraph') check(block.text, block.text);
      if (block.kind === 'list') block.items.forEach((item) => check(item, item));
      if (block.kind === 'clauses') block.items.forEach((c) => check(c.text, same(`${c.number}`)));
      if (block.kind === 'table') block.rows.forEach((row) => row[0] && check(row[0], row[0]));
    }
  }
  return missing;
}
