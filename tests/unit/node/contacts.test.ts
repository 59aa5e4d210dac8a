import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { AgreementService } from '../../../electron/node/clauses/agreement-service';
import { ContactsService } from '../../../electron/node/contacts/contacts-service';
import { qrPayload, qrPng } from '../../../electron/node/contacts/qr';
import { parseVCards } from '../../../electron/node/contacts/vcard';
import { NotebookService } from '../../../electron/node/notebook/notebook-service';
import { Workspace } from '../../../electron/node/store/workspace';
import { gwangjuForum } from '../../support/forums';
import { withTempDir } from '../../support/temp-dir';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'vcards', name));

function card(file: string, index = 0) {
  const found = parseVCards(fixture(file)).contacts[index];
  if (!found) throw new Error(`${file} has no card ${index}`);
  return found;
}

async function withContacts(
  run: (
    contacts: ContactsService,
    notebook: NotebookService,
    workspace: Workspace,
  ) => Promise<void>,
) {
  await withTempDir(async (dir) => {
    const workspace = await Workspace.open(dir, { holder: 'test' });
    try {
      const notebook = new NotebookService(workspace);
      await run(new ContactsService(workspace, notebook.search), notebook, workspace);
    } finally {
      await workspace.close();
    }
  });
}

function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

describe('ContactsService', () => {
  it('imports a vCard file after a backup, flags a likely duplicate, and finds the people by search', async () => {
    await withContacts(async (contacts, notebook, workspace) => {
      contacts.create(card('android-2.1.vcf', 1));
      const preview = await contacts.previewImport(fixture('android-2.1.vcf'));
      expect(preview.contacts.map((c) => [c.name, c.duplicateOf !== null])).toEqual([
        ['Rizky Saputra', false],
        ['Dewi Nasution', true],
      ]);
      expect(await contacts.commitImport(preview.token)).toBe(2);
      expect((await workspace.listBackups()).map((b) => b.reason)).toContain('import');
      expect(contacts.list().map((c) => c.name)).toEqual([
        'Dewi Nasution',
        'Dewi Nasution',
        'Rizky Saputra',
      ]);
      await notebook.ready;
      expect(notebook.query('musrenbang').groups).toEqual([]);
      expect(notebook.query('saputra').groups[0]?.kind).toBe('contact');
      await expect(contacts.commitImport(preview.token)).rejects.toMatchObject({
        code: 'import-expired',
      });
    });
  });

  it('says a binary file holds no contacts, and saves nothing', async () => {
    await withContacts(async (contacts) => {
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
      const preview = await contacts.previewImport(png);
      expect(preview.contacts).toEqual([]);
      expect(preview.problems).toEqual([{ card: 0, line: 1, reason: 'not-a-vcard' }]);
      expect(contacts.list()).toEqual([]);
    });
  });

  it('reads a Windows-1252 file that is not valid UTF-8', async () => {
    await withContacts(async (contacts) => {
      const preview = await contacts.previewImport(fixture('outlook-2.1-cp1252.vcf'));
      expect(preview.contacts[0]?.name).toBe('Dr. María Fernández');
    });
  });

  it('leaves sensitive contacts out of an export unless chosen one by one', async () => {
    await withContacts(async (contacts) => {
      const open = contacts.create({ ...card('iphone-3.0.vcf'), sensitive: false });
      const defender = contacts.create({ ...card('altid-4.0.vcf'), sensitive: true });
      const plain = contacts.export({ format: 'vcf', version: '4.0' });
      expect(plain.count).toBe(1);
      expect(plain.leftOut).toBe(1);
      expect(plain.content).toContain(open.name);
      expect(plain.content).not.toContain('Kim Min-ji');
      const chosen = contacts.export({
        format: 'vcf',
        version: '3.0',
        includeSensitive: [defender.id],
      });
      expect(
        parseVCards(chosen.content)
          .contacts.map((c) => c.name)
          .sort(),
      ).toEqual(['Ibu Siti Nur Rahayu', 'Kim Min-ji']);
      const csv = contacts.export({ format: 'csv' });
      expect(csv.content).toContain('Ibu Siti Nur Rahayu');
      expect(csv.content).not.toContain('Kim Min-ji');
      await expect(contacts.qr(defender.id)).rejects.toMatchObject({ code: 'contact-sensitive' });
    });
  });
});

describe('contact QR codes', () => {
  it('decode back to the same contact', async () => {
    const contact = card('iphone-3.0.vcf');
    const payload = qrPayload(contact);
    expect(payload.compact).toBe(false);
    const decoded = decodeQr(await qrPng(payload.text));
    expect(decoded).toBe(payload.text);
    const back = parseVCards(decoded ?? '').contacts[0];
    expect(back).toMatchObject({
      name: contact.name,
      emails: contact.emails,
      phones: contact.phones,
      organisation: contact.organisation,
    });
  });

  it('use the compact card when the full one would be too dense, and it still decodes', async () => {
    const contact = card('iphone-3.0.vcf');
    const long = { ...contact, notes: 'Catatan panjang tentang pertemuan. '.repeat(40) };
    const payload = qrPayload(long);
    expect(payload.compact).toBe(true);
    const back = parseVCards(decodeQr(await qrPng(payload.text)) ?? '').contacts[0];
    expect(back).toMatchObject({
      name: contact.name,
      emails: [contact.emails[0]],
      phones: [contact.phones[0]],
      notes: '',
    });
  });
});

describe('likely duplicates', () => {
  it('are found by e-mail, phone or name at the same organisation, and merged field by field', async () => {
    await withContacts(async (contacts, notebook, workspace) => {
      const a = contacts.create({ ...card('iphone-3.0.vcf'), notes: 'Dari kartu nama.' });
      const b = contacts.create({
        ...card('iphone-3.0.vcf'),
        name: 'Siti N. Rahayu',
        emails: [{ value: 'SITI.RAHAYU@lbh-lampung.or.id', type: 'work' }],
        phones: [{ value: '+62 811 0000 1111', type: 'cell' }],
        notes: 'Dari daftar peserta.',
        tags: ['peserta'],
      });
      contacts.create(card('android-2.1.vcf'));
      expect(contacts.duplicates()).toEqual([{ a: a.id, b: b.id, reason: 'email' }]);

      const forum = notebook.createForum(gwangjuForum);
      const agreement = new AgreementService(workspace, notebook.search);
      agreement.createCommitment(forum.id, {
        statement: { id: 'Tindak lanjut', en: 'Follow-up' },
        clauseIds: [],
        responsible: { unit: '', contactId: b.id },
        dueDate: null,
        status: 'planned',
      });

      const merged = contacts.merge(a.id, b.id, { notes: 'other' });
      expect(merged.name).toBe('Ibu Siti Nur Rahayu');
      expect(merged.notes).toBe('Dari daftar peserta.');
      expect(merged.phones.map((p) => p.value)).toEqual([
        '+62 812-7200-1122',
        '+62 721 480 100',
        '+62 811 0000 1111',
      ]);
      expect(merged.emails).toHaveLength(2);
      expect(merged.tags).toEqual(['pembela-ham', 'lampung', 'peserta']);
      expect(contacts.list().map((c) => c.id)).not.toContain(b.id);
      expect(contacts.duplicates()).toEqual([]);
      expect(agreement.commitments(forum.id)[0]?.responsible.contactId).toBe(a.id);
    });
  });
});
