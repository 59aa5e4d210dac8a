import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ForumDocument } from '../../../electron/common/domain/forum-schema';
import type { DelegationProfile } from '../../../electron/common/domain/workspace-schema';
import { AgreementService } from '../../../electron/node/clauses/agreement-service';
import { draftReportTexts, formalRange } from '../../../electron/node/export/report-drafts';
import { createExampleForums } from '../../../electron/node/notebook/example-forums';
import { NotebookService } from '../../../electron/node/notebook/notebook-service';
import { Workspace } from '../../../electron/node/store/workspace';

let forum: ForumDocument;
let profile: DelegationProfile;

beforeAll(async () => {
  const workspace = await Workspace.open(mkdtempSync(join(tmpdir(), 'risalah-drafts-')), {
    holder: 'test',
  });
  const notebook = new NotebookService(workspace);
  createExampleForums(notebook, new AgreementService(workspace, notebook.search));
  const id = notebook.listForums().find((f) => f.acronym === 'WHRCF 2017')?.id ?? '';
  forum = structuredClone(workspace.forum(id));
  profile = structuredClone(workspace.data.profile);
  await workspace.close();
});

describe('draftReportTexts', () => {
  it('drafts every text in formal Indonesian and in English from the forum', () => {
    const drafts = draftReportTexts(forum, profile);
    for (const text of Object.values(drafts)) {
      expect(text.id.trim()).not.toBe('');
      expect(text.en.trim()).not.toBe('');
    }
    expect(drafts.purpose.id).toContain('Delegasi Kabupaten Lampung Timur menghadiri');
    expect(drafts.purpose.id).toContain('pada 14–17 September 2017 di');
    expect(drafts.purpose.en).toContain('East Lampung Regency Delegation attended');
    expect(drafts.results.id).toContain('Delegasi mengikuti 6 sesi');
    expect(drafts.results.en).toContain('made 2 commitments, responding to clauses 2, 2.a and 5.');
  });

  it('states the positions taken, clause by clause, with their reasons', () => {
    const { conclusions } = draftReportTexts(forum, profile);
    expect(conclusions.id).toContain(
      'menyatakan komitmen atas butir 2, 2.a dan 5 (butir 2: Sejalan',
    );
    expect(conclusions.id).toContain('butir 2.a: Melalui musrenbang desa');
    expect(conclusions.id).toContain('mendukung butir 3.');
    expect(conclusions.en).toContain('supported clause 3.');
    expect(conclusions.en).toContain('committed itself to clauses 2, 2.a and 5');
    // A numbered Markdown list, so every document renders it as one.
    expect(conclusions.id.split('\n').every((line, i) => line.startsWith(`${i + 1}. `))).toBe(true);
  });

  it('recommends each open commitment to its unit by its due date', () => {
    const { recommendations } = draftReportTexts(forum, profile);
    expect(recommendations.id).toContain(
      'Agar Bagian Hukum Sekretariat Daerah Kabupaten Lampung Timur menindaklanjuti komitmen "Menyusun rencana aksi daerah HAM bersama forum warga desa" paling lambat 30 Juni 2018 (butir 2 dan 2.a)',
    );
    expect(recommendations.en).toContain('by 1 October 2018 (clause 5).');
  });

  it('leaves out what is in the trash and is the same for the same forum', () => {
    const trashed = structuredClone(forum);
    const deletedAt = '2017-09-18T00:00:00.000Z';
    trashed.commitments = trashed.commitments.map((c) => ({ ...c, deletedAt }));
    trashed.clauses = trashed.clauses.map((c) => ({ ...c, deletedAt }));
    const drafts = draftReportTexts(trashed, profile);
    expect(drafts.recommendations.id).not.toContain('Bagian Hukum');
    expect(drafts.results.id).toContain('tidak membuat komitmen');
    expect(draftReportTexts(forum, profile)).toEqual(draftReportTexts(forum, profile));
  });
});

describe('formalRange', () => {
  it('writes a one-day event as its day alone, in the document language', () => {
    expect(formalRange('2025-08-27', '2025-08-27', 'id')).toBe('27 Agustus 2025');
    expect(formalRange('2025-08-27', null, 'en')).toBe('27 August 2025');
  });

  it('writes a span of days the way each language does (thin spaces around a spaced dash)', () => {
    expect(formalRange('2025-08-30', '2025-09-02', 'id')).toBe(
      '30 Agustus\u2009–\u20092 September 2025',
    );
    expect(formalRange('2017-09-14', '2017-09-17', 'id')).toBe('14–17 September 2017');
    expect(formalRange('2024-12-30', '2025-01-02', 'en')).toBe(
      '30 December 2024\u2009–\u20092 January 2025',
    );
  });
});
