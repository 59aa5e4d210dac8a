/**
 * Files made to hurt an importer, for the tests and the bench: folding into millions of
 * pieces, lines of thousands of parameters, unbalanced quotes, quoted-printable soft breaks,
 * a note far over its limit, and a participant list of 130,000 rows.
 */

/** About `megabytes` MB of vCard text, three kinds of attack followed by ordinary cards. */
export function adversarialVCard(megabytes = 10): Buffer {
  const parts: string[] = [];
  const quarter = Math.floor((megabytes * 1024 * 1024) / 4);
  // 1. One note folded after every character: a million continuation lines.
  parts.push('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Folded Note\r\nNOTE:');
  const folds = Math.floor(quarter / 4);
  parts.push('x\r\n '.repeat(folds), 'end\r\nEND:VCARD\r\n');
  // 2. Lines of thousands of parameters, and values with an unbalanced quote.
  const params = ';TYPE=work'.repeat(2_000);
  const line = `TEL${params}:+62 812 0000 0000\r\nX-EVIL;P="${'a'.repeat(5_000)}:value\r\n`;
  const perCard =
    'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Many Parameters\r\n' + line.repeat(4) + 'END:VCARD\r\n';
  parts.push(perCard.repeat(Math.max(1, Math.floor(quarter / perCard.length))));
  // 3. Quoted-printable soft breaks in 2.1 cards.
  const qp =
    'BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Nur=E2=80=99aini =\r\nSaputra\r\n' +
    'NOTE;ENCODING=QUOTED-PRINTABLE:' +
    'ab=\r\n'.repeat(200) +
    'end\r\nEND:VCARD\r\n';
  parts.push(qp.repeat(Math.max(1, Math.floor(quarter / qp.length))));
  // 4. Ordinary cards.
  let n = 0;
  const plain: string[] = [];
  let size = 0;
  while (size < quarter) {
    const card = `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Peserta ${n}\r\nN:${n};Peserta;;;\r\nEMAIL:p${n}@example.org\r\nTEL;TYPE=cell:+62 812 ${String(n).padStart(8, '0')}\r\nEND:VCARD\r\n`;
    plain.push(card);
    size += card.length;
    n++;
  }
  parts.push(plain.join(''));
  return Buffer.from(parts.join(''), 'utf8');
}

/** A participant list of `rows` rows in the daftar hadir layout. */
export function bigCsv(rows = 130_000): Buffer {
  const lines = ['No;Nama;Jabatan;Instansi/Unit Kerja;No. HP/WA;Email'];
  for (let i = 1; i <= rows; i++) {
    lines.push(
      `${i};Peserta ${i};Staf;Dinas ${i % 40};0812${String(i).padStart(8, '0')};peserta${i}@example.id`,
    );
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}
