import type { ForumCreate, SessionInput } from '../../common/domain/notebook-schema';
import { randomUUID } from 'node:crypto';
import type { AgreementService } from '../clauses/agreement-service';
import type { PositionInput } from '../../common/domain/agreement-schema';
import type { NotebookService } from './notebook-service';
import {
  addExampleDelegation,
  addExampleReport,
  exampleProfileName,
  lampung2025Report,
  whrcf2017Report,
} from './example-report';

interface ExampleForum {
  forum: ForumCreate;
  report: Parameters<typeof addExampleReport>[2];
  sessions: SessionInput[];
  /** Notes by the index of their session. */
  notes: { session: number; id: string; en: string; tags?: string[]; pinned?: boolean }[];
}

// Drawn from public reports of the two events; wording of notes is illustrative.
const whrcf2017: ExampleForum = {
  report: whrcf2017Report,
  forum: {
    name: {
      id: 'Forum Kota Hak Asasi Manusia Sedunia 2017',
      en: 'World Human Rights Cities Forum 2017',
    },
    acronym: 'WHRCF 2017',
    edition: '7',
    city: 'Gwangju',
    country: 'KR',
    venue: 'Kim Dae-jung Convention Center',
    startDate: '2017-09-14',
    endDate: '2017-09-17',
    timeZone: 'Asia/Seoul',
    theme: {
      id: 'Apakah Kita Hidup dalam Damai? Kota-Kota Hak Asasi Manusia, Demokrasi, dan Praktik',
      en: 'Do We Live in Peace? Human Rights Cities, Democracy and Practice',
    },
    hostOrganisation: { id: 'Kota Metropolitan Gwangju', en: 'Gwangju Metropolitan City' },
  },
  sessions: [
    {
      title: { id: 'Upacara Pembukaan', en: 'Opening Ceremony' },
      kind: 'opening',
      start: '2017-09-14T10:00',
      end: '2017-09-14T11:30',
      room: 'Convention Hall',
    },
    {
      title: {
        id: 'Sidang Pleno: Kota HAM, Demokrasi dan Perdamaian',
        en: 'Plenary: Human Rights Cities, Democracy and Peace',
      },
      kind: 'plenary',
      start: '2017-09-14T14:00',
      end: '2017-09-14T16:00',
      room: 'Convention Hall',
    },
    {
      title: {
        id: 'Sesi Tematik: Memperkuat Demokrasi Lokal dan Partisipatif',
        en: 'Thematic Session: Strengthening Local and Participatory Democracy',
      },
      kind: 'thematic',
      start: '2017-09-15T10:00',
      end: '2017-09-15T12:00',
      room: 'Room 208',
    },
    {
      title: {
        id: 'Lokakarya: Prinsip-Prinsip Panduan Gwangju untuk Kota HAM (2011) dalam Praktik',
        en: 'Workshop: The Gwangju Guiding Principles for a Human Rights City (2011) in Practice',
      },
      kind: 'workshop',
      start: '2017-09-15T14:00',
      end: '2017-09-15T16:00',
      room: 'Room 209',
    },
    {
      title: {
        id: 'Acara Sampingan: Kabupaten Ramah HAM di Indonesia',
        en: 'Side Event: Human-Rights-Friendly Regencies in Indonesia',
      },
      kind: 'side-event',
      start: '2017-09-16T10:00',
      end: '2017-09-16T11:30',
      room: 'Room 301',
      speakers: ['Chusnunia, Bupati Lampung Timur'],
    },
    {
      title: {
        id: 'Upacara Penutupan dan Pembacaan Deklarasi Gwangju',
        en: 'Closing Ceremony and Reading of the Gwangju Declaration',
      },
      kind: 'closing-ceremony',
      start: '2017-09-17T11:00',
      end: '2017-09-17T12:30',
      room: 'Convention Hall',
    },
  ],
  notes: [
    {
      session: 0,
      id: '# Pembukaan\n\nForum ketujuh, diselenggarakan setiap tahun sejak 2011. Tema tahun ini: **Apakah Kita Hidup dalam Damai?**',
      en: '# Opening\n\nThe seventh forum, held every year since 2011. This year’s theme: **Do We Live in Peace?**',
    },
    {
      session: 1,
      id: [
        '# Kota HAM, demokrasi dan perdamaian',
        'Sidang pleno dibuka dengan pertanyaan tema forum: apakah warga kota benar-benar hidup dalam damai? Para pembicara sepakat bahwa perdamaian tidak cukup diartikan sebagai ketiadaan perang, tetapi juga terpenuhinya hak warga atas rasa aman, layanan dasar, dan keadilan.',
        'Wali kota dan pejabat dari beberapa negara menyampaikan bahwa pemerintah daerah berada paling dekat dengan warga, sehingga paling cepat merasakan dampak kebijakan terhadap HAM. Para pembicara mengusulkan langkah-langkah berikut:',
        '- membentuk komisi atau ombudsman HAM di tingkat kota;\n- melibatkan warga dalam perencanaan dan penganggaran;\n- menerbitkan laporan tahunan pelaksanaan HAM di daerah;\n- memperkuat pendidikan HAM di sekolah dan bagi aparatur.',
        'Delegasi mencatat bahwa sebagian besar langkah tersebut telah dirintis di Lampung Timur melalui Peraturan Bupati Nomor 48 Tahun 2016 dan dapat diperkuat dengan indikator yang terukur.',
      ].join('\n\n'),
      en: [
        '# Human rights cities, democracy and peace',
        'The plenary opened with the question of the forum’s theme: do city residents really live in peace? The speakers agreed that peace is not only the absence of war but also the fulfilment of residents’ rights to safety, basic services and justice.',
        'Mayors and officials from several countries said that local government is closest to residents and so the first to feel the effect of policy on human rights. The speakers proposed the following steps:',
        '- set up a human rights commission or ombudsman at city level;\n- involve residents in planning and budgeting;\n- publish an annual report on human rights in the city;\n- strengthen human rights education in schools and for public servants.',
        'The delegation noted that most of these steps have been started in East Lampung under Regent Regulation No. 48 of 2016 and can be strengthened with measurable indicators.',
      ].join('\n\n'),
      tags: ['pleno'],
    },
    {
      session: 2,
      id: '# Demokrasi lokal yang partisipatif\n\n- Warga dilibatkan sejak perencanaan, bukan hanya saat sosialisasi.\n- Musyawarah perencanaan pembangunan desa dapat menjadi pintu masuk pemenuhan HAM.\n- Kota-kota anggota berbagi indikator untuk mengukur partisipasi.',
      en: '# Participatory local democracy\n\n- Residents are involved from planning onwards, not only when decisions are announced.\n- Village development planning meetings can be an entry point for realising human rights.\n- Member cities share indicators to measure participation.',
      tags: ['demokrasi', 'partisipasi'],
      pinned: true,
    },
    {
      session: 3,
      id: 'Prinsip-Prinsip Panduan Gwangju (2011) menekankan peran pemerintah daerah dalam menghormati, melindungi dan memenuhi hak asasi manusia warganya.',
      en: 'The Gwangju Guiding Principles (2011) stress the role of local government in respecting, protecting and fulfilling the human rights of its residents.',
      tags: ['prinsip-gwangju'],
    },
    {
      session: 4,
      id: 'Lampung Timur dikenal sebagai Kabupaten Ramah HAM berdasarkan Peraturan Bupati Lampung Timur Nomor 48 Tahun 2016. Bahan paparan: layanan pengaduan, anggaran responsif gender, dan forum warga desa.',
      en: '',
      tags: ['ramah-ham'],
    },
    {
      session: 5,
      id: 'Deklarasi dibacakan pada upacara penutupan. Delegasi berkomitmen menindaklanjuti butir tentang penguatan demokrasi lokal dan partisipatif.',
      en: 'The declaration was read at the closing ceremony. The delegation committed to follow up the points on strengthening local and participatory democracy.',
      tags: ['deklarasi'],
    },
  ],
};

const lampung2025: ExampleForum = {
  report: lampung2025Report,
  forum: {
    name: {
      id: 'Penguatan Kapasitas HAM bagi Komunitas',
      en: 'Human Rights Capacity Building for Communities',
    },
    acronym: '',
    edition: '',
    city: 'Bandar Lampung',
    country: 'ID',
    venue: 'Hotel Golden Tulip',
    startDate: '2025-08-27',
    endDate: '2025-08-27',
    timeZone: 'Asia/Jakarta',
    theme: {
      id: 'Penguatan kapasitas hak asasi manusia bagi perwakilan 10 kelompok komunitas',
      en: 'Strengthening the human rights capacity of representatives of 10 community groups',
    },
    hostOrganisation: {
      id: 'Kantor Wilayah Kementerian HAM Provinsi Lampung',
      en: 'Lampung Provincial Regional Office, Ministry of Human Rights',
    },
  },
  sessions: [
    {
      title: {
        id: 'Pembukaan oleh Kepala Kantor Wilayah, Basnamara',
        en: 'Opening by the Head of the Regional Office, Basnamara',
      },
      kind: 'opening',
      start: '2025-08-27T09:00',
      end: '2025-08-27T09:45',
      room: 'Ballroom',
      speakers: ['Basnamara'],
    },
    {
      title: {
        id: 'Materi: HAM dan Layanan Publik',
        en: 'Session: Human Rights and Public Services',
      },
      kind: 'plenary',
      start: '2025-08-27T10:00',
      end: '2025-08-27T12:00',
      room: 'Ballroom',
    },
    {
      title: {
        id: 'Diskusi Kelompok: Pengalaman 10 Komunitas',
        en: 'Group Discussion: The Experience of 10 Communities',
      },
      kind: 'workshop',
      start: '2025-08-27T13:00',
      end: '2025-08-27T15:00',
      room: 'Ruang Melati',
    },
    {
      title: { id: 'Penutupan', en: 'Closing' },
      kind: 'closing-ceremony',
      start: '2025-08-27T15:30',
      end: '2025-08-27T16:00',
      room: 'Ballroom',
    },
  ],
  notes: [
    {
      session: 0,
      id: 'Kegiatan dihadiri perwakilan 10 kelompok komunitas. Kepala Kantor Wilayah, Basnamara, menekankan bahwa penghormatan terhadap HAM dimulai dari layanan sehari-hari.',
      en: 'Representatives of 10 community groups attended. The head of the regional office, Basnamara, stressed that respect for human rights starts with everyday services.',
    },
    {
      session: 1,
      id: [
        '# HAM dan layanan publik',
        'Narasumber dari Kantor Wilayah Kementerian HAM Provinsi Lampung menjelaskan bahwa setiap layanan publik, mulai dari administrasi kependudukan sampai layanan kesehatan, merupakan wujud pemenuhan hak asasi manusia. Layanan yang lambat, mahal, atau sulit dijangkau berarti hak warga belum terpenuhi.',
        'Peserta dari kelompok komunitas menyampaikan hambatan yang mereka alami, antara lain dalam pengurusan dokumen kependudukan bagi warga lanjut usia dan penyandang disabilitas. Narasumber menekankan tiga prinsip layanan publik berbasis HAM:',
        '1. tidak diskriminatif dan dapat dijangkau semua warga;\n2. terbuka mengenai syarat, biaya, dan waktu layanan;\n3. menyediakan saluran pengaduan yang ditindaklanjuti.',
        'Kelompok komunitas diminta mencatat pengaduan warga secara tertib agar dapat disampaikan kepada pemerintah daerah sebagai bahan perbaikan layanan.',
      ].join('\n\n'),
      en: [
        '# Human rights and public services',
        'The speaker from the Lampung Provincial Regional Office of the Ministry of Human Rights explained that every public service, from civil registration to health care, is a way of realising human rights. A service that is slow, costly or hard to reach means residents’ rights are not yet fulfilled.',
        'Participants from the community groups described the obstacles they face, among them obtaining civil registration documents for older residents and persons with disabilities. The speaker stressed three principles of a rights-based public service:',
        '1. it does not discriminate and is within reach of every resident;\n2. it is open about its requirements, costs and time;\n3. it offers a complaints channel that is followed up.',
        'The community groups were asked to record residents’ complaints carefully so that they can be passed to the local government to improve services.',
      ].join('\n\n'),
      tags: ['layanan-publik'],
    },
    {
      session: 2,
      id: 'Setiap kelompok menyampaikan satu masalah layanan publik dan satu usulan tindak lanjut. Catatan lengkap menyusul.',
      en: '',
      tags: ['komunitas'],
    },
  ],
};

// Illustrative wording in the spirit of the forum's declaration, not its adopted text.
const declaration = {
  title: {
    id: 'Deklarasi Gwangju 2017 (contoh, kutipan bebas)',
    en: 'Gwangju Declaration 2017 (example, paraphrased)',
  },
  // One field for both languages, so it says it in both (Indonesian first, as the UI does).
  source:
    'Teks contoh yang ditulis untuk Risalah; rumusan yang disahkan terdapat dalam deklarasi yang diterbitkan forum. / Example text written for Risalah; see the forum’s published declaration for the adopted wording.',
  clauses: [
    {
      number: '1',
      id: 'Menegaskan kembali Prinsip-Prinsip Panduan Gwangju untuk Kota HAM (2011) sebagai kerangka kebijakan HAM di tingkat lokal.',
      en: 'Reaffirm the Gwangju Guiding Principles for a Human Rights City (2011) as the framework for local human rights policy.',
    },
    {
      number: '2',
      id: 'Memperkuat demokrasi lokal dan partisipatif agar seluruh warga turut serta dalam keputusan yang menyangkut mereka, khususnya:',
      en: 'Strengthen local and participatory democracy so that all residents take part in the decisions that affect them, in particular:',
    },
    {
      number: '2.a',
      id: 'dalam perencanaan dan penganggaran daerah;',
      en: 'in local planning and budgeting;',
    },
    {
      number: '2.b',
      id: 'dengan melibatkan pekerja migran, penyandang disabilitas, perempuan, dan anak.',
      en: 'by involving migrant workers, persons with disabilities, women and children.',
    },
    {
      number: '3',
      id: 'Melindungi pembela HAM dan menjamin kebebasan berekspresi di tingkat lokal.',
      en: 'Protect human rights defenders and guarantee freedom of expression at the local level.',
    },
    {
      number: '4',
      id: 'Membangun perdamaian di kota melalui dialog, rekonsiliasi, dan pendidikan HAM.',
      en: 'Build peace in cities through dialogue, reconciliation and human rights education.',
    },
    {
      number: '5',
      id: 'Melaporkan kemajuan pada Forum Kota HAM Sedunia berikutnya.',
      en: 'Report progress at the next World Human Rights Cities Forum.',
    },
  ],
  positions: {
    '2': {
      stance: 'commits',
      reason: {
        id: 'Sejalan dengan Perbup 48/2016.',
        en: 'In line with Regent Regulation 48/2016.',
      },
    },
    '2.a': {
      stance: 'commits',
      reason: { id: 'Melalui musrenbang desa.', en: 'Through village planning meetings.' },
    },
    '3': { stance: 'supports', reason: { id: '', en: '' } },
    '5': { stance: 'commits', reason: { id: '', en: '' } },
  } satisfies Record<string, PositionInput>,
};

function addExampleAgreement(agreement: AgreementService, forumId: string): void {
  const documentId = agreement.createDocument(forumId, {
    title: declaration.title,
    kind: 'declaration',
    authoritativeLanguage: 'en',
    status: 'read',
    source: declaration.source,
  }).id;
  agreement.apply(
    forumId,
    documentId,
    'en',
    declaration.clauses.map(({ number, en }) => ({ number, text: en })),
  );
  agreement.apply(
    forumId,
    documentId,
    'id',
    declaration.clauses.map(({ number, id }) => ({ number, text: id })),
  );
  const clauses = agreement.agreement(forumId).clauses;
  const idOf = (number: string) => clauses.find((c) => c.number === number)?.id ?? '';
  for (const [number, position] of Object.entries(declaration.positions)) {
    agreement.setPosition(forumId, idOf(number), position);
  }
  agreement.createCommitment(forumId, {
    statement: {
      id: 'Menyusun rencana aksi daerah HAM bersama forum warga desa.',
      en: 'Draw up a regional human rights action plan together with village residents’ forums.',
    },
    clauseIds: [idOf('2'), idOf('2.a')],
    responsible: { unit: 'Bagian Hukum Sekretariat Daerah Kabupaten Lampung Timur' },
    dueDate: '2018-06-30',
    status: 'in-progress',
    steps: [
      {
        id: randomUUID(),
        text: { id: 'Rapat koordinasi OPD', en: 'Coordination meeting of regency offices' },
        done: true,
      },
      {
        id: randomUUID(),
        text: { id: 'Konsultasi publik di tiga desa', en: 'Public consultation in three villages' },
        done: false,
      },
    ],
    evidence: 'Peraturan Bupati Lampung Timur Nomor 48 Tahun 2016',
  });
  agreement.createCommitment(forumId, {
    statement: {
      id: 'Melaporkan kemajuan Kabupaten Ramah HAM pada WHRCF 2018.',
      en: 'Report the progress of the human-rights-friendly regency at WHRCF 2018.',
    },
    clauseIds: [idOf('5')],
    responsible: { unit: 'Dinas Komunikasi dan Informatika' },
    dueDate: '2018-10-01',
    status: 'planned',
  });
}

/**
 * Creates the two example forums (and a delegation profile, if none is set yet). Forums
 * already present by name are left alone, so offering the example twice adds nothing.
 */
export function createExampleForums(
  notebook: NotebookService,
  agreement: AgreementService,
): string[] {
  const profile = notebook.profile();
  if (!profile.headName && !profile.delegationName.id && !profile.delegationName.en) {
    notebook.updateProfile({
      delegationName: exampleProfileName,
      headName: 'Chusnunia',
      headPosition: { id: 'Bupati Lampung Timur', en: 'Regent of East Lampung' },
      institution: {
        id: 'Pemerintah Kabupaten Lampung Timur',
        en: 'East Lampung Regency Government',
      },
      city: 'Sukadana',
    });
  }
  // Invented members go into the example delegation only, never into a delegate's own.
  if (notebook.profile().delegationName.en === exampleProfileName.en)
    addExampleDelegation(notebook);
  const existing = new Set(notebook.listForums().map((f) => f.name.en));
  const created: string[] = [];
  for (const example of [whrcf2017, lampung2025]) {
    if (existing.has(example.forum.name.en)) continue;
    const forum = notebook.createForum(example.forum);
    if (example === whrcf2017) addExampleAgreement(agreement, forum.id);
    const sessions = example.sessions.map((s) => notebook.createSession(forum.id, s));
    for (const note of example.notes) {
      const made = notebook.createNote(forum.id, {
        sessionId: sessions[note.session]?.id ?? null,
        body: { id: note.id, en: note.en },
        tags: note.tags ?? [],
      });
      if (note.pinned) notebook.updateNote(forum.id, made.id, { pinned: true });
    }
    addExampleReport(notebook, forum.id, example.report);
    created.push(forum.id);
  }
  return created;
}
