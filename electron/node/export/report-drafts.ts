import type { Clause, ForumDocument } from '../../common/domain/forum-schema';
import type { Bilingual } from '../../common/domain/primitives';
import type { DelegationProfile } from '../../common/domain/workspace-schema';
import { createNodeTranslator } from '../i18n';
import type { NodeKey } from '../i18n';

type Language = 'id' | 'en';

export interface ReportDrafts {
  purpose: Bilingual;
  results: Bilingual;
  conclusions: Bilingual;
  recommendations: Bilingual;
}

const t = { id: createNodeTranslator('id'), en: createNodeTranslator('en') };
const locale = { id: 'id-ID', en: 'en-GB' } as const;

// One formatter per language: making one costs far more than using it.
const formatters = {
  id: new Intl.DateTimeFormat(locale.id, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  en: new Intl.DateTimeFormat(locale.en, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
};

/** "14 September 2017" / "14 September 2017" in the document's language. */
export function formalDate(isoDate: string | null, language: Language): string {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.split('-').map(Number);
  return formatters[language].format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

/**
 * The forum's dates as one range, as the document's language writes it (Intl's formatRange):
 * "14–17 September 2017", "30 Agustus – 2 September 2025"; one day is that day alone.
 */
export function formalRange(start: string | null, end: string | null, language: Language): string {
  if (!start) return formalDate(end, language);
  if (!end || end <= start) return formalDate(start, language);
  const date = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  };
  return formatters[language].formatRange(date(start), date(end));
}

/** One side of a delegate's text, or the other side when that one is empty. */
const pick = (text: Bilingual, l: Language): string =>
  text[l].trim() || text[l === 'id' ? 'en' : 'id'].trim();

/** "1, 2.a dan 3" / "1, 2.a and 3". */
function series(items: string[], l: Language): string {
  if (items.length <= 1) return items.join('');
  const and = t[l]('export:drafts.and');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** "butir 3" / "clause 3", "butir 2 dan 5" / "clauses 2 and 5". */
function clauseList(numbers: string[], l: Language): string {
  return numbers.length === 1
    ? t[l]('export:drafts.clause', { number: numbers[0] ?? '' })
    : t[l]('export:drafts.clauses', { clauses: series(numbers, l) });
}

/** Ends a sentence taken from a delegate's text without doubling its full stop. */
const sentence = (text: string) => text.trim().replace(/[.;:,\s]+$/, '');

/**
 * Drafts of the travel report's narrative (II. purpose, V. results, VI. conclusions and
 * recommendations) in formal Indonesian and English, from what the notebook already holds: the
 * forum, the positions taken on the clauses and the commitments made. Pure: the same forum gives
 * the same drafts. The delegate edits them; the report uses a stored text when it is not empty.
 * Lists are Markdown ("1. …") so the documents render them as real numbered lists.
 */
export function draftReportTexts(doc: ForumDocument, profile: DelegationProfile): ReportDrafts {
  const forum = doc.forum;
  const live = <T extends { deletedAt: string | null }>(list: T[]) =>
    list.filter((r) => !r.deletedAt);
  const sessions = live(doc.sessions);
  const clauses = live(doc.clauses).sort((a, b) => a.order - b.order);
  const commitments = live(doc.commitments).filter((c) => c.status !== 'dropped');
  const documents = live(doc.clauseDocuments);
  const numberOf = new Map(clauses.map((c) => [c.id, c.number]));
  const byStance = (stance: NonNullable<Clause['position']>['stance']) =>
    clauses.filter((c) => c.position?.stance === stance && c.number);

  const make = (l: Language): Record<keyof ReportDrafts, () => string> => {
    const tr = (key: NodeKey, params: Record<string, string | number> = {}) => t[l](key, params);
    // i18next picks `_one` or `_other` from the count; the key names the pair.
    const plural = (key: string, count: number, params: Record<string, string | number> = {}) =>
      t[l](key as NodeKey, { ...params, count });
    const delegation =
      pick(profile.delegationName, l) || pick(profile.institution, l) || t[l]('export:drafts.we');
    const forumName = pick(forum.name, l);
    const where = [forum.venue, forum.city].filter(Boolean).join(', ');
    const when = formalRange(forum.startDate, forum.endDate, l);
    const theme = pick(forum.theme, l);
    const documentTitles = documents.map((d) => pick(d.title, l)).filter(Boolean);

    const purpose = () =>
      [
        tr('export:drafts.purposeAttend', { delegation, forum: forumName, when, where }) +
          (theme ? ` ${tr('export:drafts.purposeTheme', { theme: sentence(theme) })}` : ''),
        tr('export:drafts.purposeAims'),
        [
          `1. ${tr('export:drafts.purposeAim1')}`,
          `2. ${tr('export:drafts.purposeAim2')}`,
          `3. ${tr('export:drafts.purposeAim3')}`,
        ].join('\n'),
      ].join('\n\n');

    const positioned = clauses.filter((c) => c.position?.stance && c.number);
    const answered = new Set(commitments.flatMap((c) => c.clauseIds));
    const answeredNumbers = clauses
      .filter((c) => answered.has(c.id) && c.number)
      .map((c) => c.number);
    const results = () =>
      [
        plural('export:drafts.resultsAttended', sessions.length, { forum: forumName }),
        documentTitles.length
          ? tr('export:drafts.resultsDocuments', {
              documents: series(documentTitles, l),
              clauses: clauses.filter((c) => c.number).length,
              positions: positioned.length,
            })
          : '',
        commitments.length
          ? plural(
              answeredNumbers.length
                ? 'export:drafts.resultsCommitments'
                : 'export:drafts.resultsCommitmentsFree',
              commitments.length,
              { clauses: clauseList(answeredNumbers, l) },
            )
          : tr('export:drafts.resultsNoCommitments'),
        tr('export:drafts.resultsSessions'),
      ]
        .filter(Boolean)
        .join('\n\n');

    const stanceLine = (stance: 'commits' | 'supports' | 'takes-note' | 'reservation') => {
      const list = byStance(stance);
      if (!list.length) return null;
      const reasons = list
        .map((c) => (pick(c.position?.reason ?? { id: '', en: '' }, l) ? c : null))
        .filter((c): c is Clause => c !== null)
        .map(
          (c) =>
            `${tr('export:drafts.clause', { number: c.number })}: ${sentence(pick(c.position?.reason ?? { id: '', en: '' }, l))}`,
        );
      return tr(`export:drafts.stance.${stance}` as NodeKey, {
        clauses:
          clauseList(
            list.map((c) => c.number),
            l,
          ) + (reasons.length ? ` (${reasons.join('; ')})` : ''),
      });
    };
    const conclusions = () => {
      const conclusionItems = [
        documentTitles.length
          ? tr('export:drafts.conclusionAdopted', {
              forum: forumName,
              documents: series(documentTitles, l),
            })
          : tr('export:drafts.conclusionForum', { forum: forumName }),
        ...(['commits', 'supports', 'takes-note', 'reservation'] as const)
          .map(stanceLine)
          .filter((line): line is string => Boolean(line)),
        commitments.length
          ? plural('export:drafts.conclusionCommitments', commitments.length)
          : null,
      ].filter((line): line is string => Boolean(line));
      return conclusionItems.map((line, i) => `${i + 1}. ${line}`).join('\n');
    };

    const recommendations = () => {
      const recommendationItems = [
        ...commitments.map((c) => {
          const numbers = c.clauseIds.map((id) => numberOf.get(id)).filter(Boolean) as string[];
          return (
            tr(
              c.dueDate
                ? 'export:drafts.recommendCommitmentDue'
                : 'export:drafts.recommendCommitment',
              {
                unit: c.responsible.unit.trim() || tr('export:drafts.unitUnknown'),
                statement: sentence(pick(c.statement, l)),
                due: formalDate(c.dueDate, l),
              },
            ) + (numbers.length ? ` (${clauseList(numbers, l)}).` : '.')
          );
        }),
        commitments.length
          ? tr('export:drafts.recommendReport')
          : tr('export:drafts.recommendDisseminate'),
      ];
      return recommendationItems.map((line, i) => `${i + 1}. ${line}`).join('\n');
    };

    return { purpose, results, conclusions, recommendations };
  };

  // Each text is drafted when first asked for: a summary uses only the results, and a report
  // whose texts the delegate wrote uses none (drafting the recommendations asks i18next for
  // every commitment).
  const id = make('id');
  const en = make('en');
  const drafted: Partial<ReportDrafts> = {};
  const draft = (key: keyof ReportDrafts): Bilingual =>
    (drafted[key] ??= { id: id[key](), en: en[key]() });
  return {
    get purpose() {
      return draft('purpose');
    },
    get results() {
      return draft('results');
    },
    get conclusions() {
      return draft('conclusions');
    },
    get recommendations() {
      return draft('recommendations');
    },
  };
}
