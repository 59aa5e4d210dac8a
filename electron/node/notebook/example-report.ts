import { randomUUID } from 'node:crypto';
import type { Bilingual } from '../../common/domain/primitives';
import type { ReportPatch, SignatoryInput } from '../../common/domain/report-input-schema';
import type { DelegationMember } from '../../common/domain/workspace-schema';
import type { NotebookService } from './notebook-service';

// The people, numbers and letters below are invented for the example (the NIPs follow the
// real format: birth date, appointment month, sex, serial), so that the example's travel
// report is what a finished one looks like without naming any real civil servant.

type ExampleMember = Omit<DelegationMember, 'id'>;

const members = {
  hendra: {
    name: 'Drs. Hendra Wijaya Kusuma, M.Si.',
    nip: '19680412 199303 1 007',
    rank: 'Pembina Utama Muda (IV/c)',
    position: {
      id: 'Asisten Pemerintahan dan Kesejahteraan Rakyat Sekretariat Daerah Kabupaten Lampung Timur',
      en: 'Assistant for Governance and Public Welfare, Regional Secretariat of East Lampung Regency',
    },
    role: { id: 'Ketua Delegasi', en: 'Head of delegation' },
  },
  rina: {
    name: 'Rina Puspitasari, S.H., M.H.',
    nip: '19780923 200312 2 004',
    rank: 'Pembina (IV/a)',
    position: {
      id: 'Kepala Bagian Hukum Sekretariat Daerah Kabupaten Lampung Timur',
      en: 'Head of the Legal Division, Regional Secretariat of East Lampung Regency',
    },
    role: { id: 'Anggota', en: 'Member' },
  },
  agus: {
    name: 'Agus Setiawan, S.Sos.',
    nip: '19830617 200901 1 012',
    rank: 'Penata Tingkat I (III/d)',
    position: {
      id: 'Kepala Subbagian Kerja Sama, Bagian Pemerintahan Sekretariat Daerah',
      en: 'Head of the Cooperation Subdivision, Governance Division, Regional Secretariat',
    },
    role: { id: 'Anggota', en: 'Member' },
  },
  dewi: {
    name: 'Dewi Anggraini, S.Kom.',
    nip: '19900305 201503 2 002',
    rank: 'Penata Muda Tingkat I (III/b)',
    position: {
      id: 'Pranata Hubungan Masyarakat Ahli Pertama, Dinas Komunikasi dan Informatika',
      en: 'Public Relations Officer, Communication and Informatics Office',
    },
    role: { id: 'Notulis', en: 'Rapporteur' },
  },
  // Community representatives are not civil servants: no NIP, no rank.
  siti: {
    name: 'Siti Khodijah',
    nip: '',
    rank: '',
    position: {
      id: 'Ketua Kelompok Perempuan Desa Braja Harjosari',
      en: 'Chair of the Braja Harjosari Village Women’s Group',
    },
    role: { id: 'Perwakilan komunitas', en: 'Community representative' },
  },
  made: {
    name: 'Made Wirawan',
    nip: '',
    rank: '',
    position: {
      id: 'Pengurus Forum Warga Desa Rama Puja',
      en: 'Board member, Rama Puja Village Residents’ Forum',
    },
    role: { id: 'Perwakilan komunitas', en: 'Community representative' },
  },
} satisfies Record<string, ExampleMember>;

type MemberKey = keyof typeof members;

/** A small made-up emblem (a shield with a star), not any real coat of arms. */
export const exampleLogo =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAGAAAABwCAMAAADWkIWRAAAAHlBMVEX////IoScfb0M3dj5qhTYlcEGllyzJoif///9igzf1JpGdAAAAAXRSTlMAQObYZgAAAn1JREFUaN7tmtmSrCAMhmX+LOe8/wtP28OoqCyBUNVTZW6bzkcWYsQsyyMfIWGWPIAPA3z5ygN4AA/gAfxpQJgMQMBcAAWaC7As7AHgtRAzAfRaSDMBxpVmAN4rMQ9A75U0DcCxG5kGQARgFoAigGYBto5tEgAbAHMAtAFoDuDQ1fIMAA4AuAH2rTIdAMSjgI6XARsg2W+LCFtdZCNQRwwg7frBXUGW3u03ZxHatj+Qpizm6FoPGnW4x3aSYXePtVRIwT3sUoso6x52KnawuccM4D8PyIRZ/ABNBfqmhWoFoLnEeaepE4A1A1CnGHASWGlrLiwApKUNTYnaVYuUT6dCfACXyrx3BI0ALa69Nu28GVEudvoLEFUNlSQV3D3qqAiQHVDajNynPJWDkAC0ZC3n0gVa+5cm9/ucD0Hmub7ahhIg/YCQKyyl24n8b7gBZJYqilWqHdB4i9IodAWIK0CugEBwBIQUoLXHh1VOWeofhFMI/IMgd4AAXw+Fy7c6zPOQs48g9wA3E+jqoasJ/6ySPwT3JgwAcAtYTi8UAwC51f8GKBwAGQOikxwAOf1L2un0ApiygBjnGIZeAPL6f2rq4GH4KRJa/LbPw8+BUJ4eGKgYsR2rzSfIPP0xDDKkX4sjFhLWPlXtcXg1xC36Y5/akUuIDbdUx0Sk/gZZeFHUhkEUbb9iv+gX06wLMbeZwdD2/ScEGHqISn5m5nVqiNVEUrv+LdTVdFqTU23uORshKIRiv7ztGGuSHVFVL0uX5C8vXzaBrlM4I4jUDPZRf5o9eqfUGpGj9kH15/EmAoiCq/ok3Of7Ir9BOS3MV3mJzNr8Qf6PZX2jr3T5LPkGYhtD4raiWkcAAAAASUVORK5CYII=';

export const exampleLetterhead = {
  lines: [
    { id: 'PEMERINTAH KABUPATEN LAMPUNG TIMUR', en: 'EAST LAMPUNG REGENCY GOVERNMENT' },
    { id: 'SEKRETARIAT DAERAH', en: 'REGIONAL SECRETARIAT' },
  ],
  address: {
    id: 'Kompleks Perkantoran Pemerintah Kabupaten, Sukadana, Lampung Timur 34194 · Telepon (0725) 625 000 · Pos-el sekretariat@lampungtimurkab.example',
    en: 'Regency Government Office Complex, Sukadana, East Lampung 34194 · Telephone +62 725 625 000 · E-mail sekretariat@lampungtimurkab.example',
  },
  logo: exampleLogo,
};

/** An official who signs without being in the delegation. */
const regionalSecretary = {
  name: 'Ir. Bambang Sutrisno, M.M.',
  nip: '19650218 199103 1 004',
  position: {
    id: 'Sekretaris Daerah Kabupaten Lampung Timur',
    en: 'Regional Secretary of East Lampung Regency',
  },
};

const reported: Bilingual = { id: 'Yang melaporkan,', en: 'Reported by,' };
const acknowledged: Bilingual = { id: 'Mengetahui,', en: 'Acknowledged by,' };

/** The first signatory is the one who reports; the others acknowledge. */
interface ExampleReport {
  members: MemberKey[];
  signatories: (
    { member: MemberKey; caption: Bilingual } | (typeof regionalSecretary & { caption: Bilingual })
  )[];
  details: Omit<ReportPatch, 'memberIds' | 'signatories'>;
}

export const whrcf2017Report: ExampleReport = {
  members: ['hendra', 'rina', 'agus', 'dewi'],
  signatories: [
    { member: 'hendra', caption: reported },
    { ...regionalSecretary, caption: acknowledged },
  ],
  details: {
    assignment: {
      number: '094/518/SPT/02/2017',
      date: '2017-09-08',
      issuedBy: { id: 'Bupati Lampung Timur', en: 'Regent of East Lampung' },
    },
    number: '094/561/LAP/02/2017',
    date: '2017-09-22',
    place: 'Sukadana',
    addressee: { id: 'Yth. Bupati Lampung Timur', en: 'The Regent of East Lampung' },
    useLetterhead: true,
    purpose: {
      id: [
        'Maksud perjalanan dinas ini adalah menghadiri World Human Rights Cities Forum (WHRCF) 2017 di Kota Gwangju, Republik Korea, atas undangan Pemerintah Kota Metropolitan Gwangju. Tujuannya adalah:',
        '1. memaparkan pengalaman Kabupaten Lampung Timur sebagai Kabupaten Ramah HAM pada acara sampingan forum;\n2. mempelajari praktik baik kota-kota HAM di negara lain, khususnya dalam demokrasi lokal yang partisipatif;\n3. mengikuti pembahasan dan pembacaan Deklarasi Gwangju 2017 serta menetapkan sikap delegasi atas butir-butirnya.',
      ].join('\n\n'),
      en: [
        'The purpose of this official trip was to attend the World Human Rights Cities Forum (WHRCF) 2017 in Gwangju, Republic of Korea, at the invitation of Gwangju Metropolitan City. Its aims were:',
        '1. to present the experience of East Lampung as a human-rights-friendly regency at a side event of the forum;\n2. to learn from the good practice of human rights cities in other countries, in particular in participatory local democracy;\n3. to follow the discussion and reading of the Gwangju Declaration 2017 and to decide the delegation’s position on its points.',
      ].join('\n\n'),
    },
    results: {
      id: [
        'Delegasi Kabupaten Lampung Timur mengikuti seluruh rangkaian WHRCF 2017 pada tanggal 14 sampai dengan 17 September 2017 di Kim Dae-jung Convention Center, Gwangju. Forum dihadiri perwakilan pemerintah daerah, lembaga HAM nasional, organisasi masyarakat sipil, dan akademisi dari berbagai negara.',
        'Pada acara sampingan tanggal 16 September 2017, Bupati Lampung Timur memaparkan pelaksanaan Peraturan Bupati Lampung Timur Nomor 48 Tahun 2016 tentang Kabupaten Ramah HAM, yang meliputi layanan pengaduan masyarakat, anggaran responsif gender, dan forum warga desa. Paparan tersebut mendapat tanggapan positif, dan beberapa kota peserta meminta bahan tertulisnya.',
        'Pada upacara penutupan dibacakan Deklarasi Gwangju 2017. Delegasi menyatakan berkomitmen atas butir 2, 2.a, dan 5, serta mendukung butir 3. Catatan setiap sesi disampaikan di bawah ini.',
      ].join('\n\n'),
      en: [
        'The East Lampung Regency delegation took part in the whole of WHRCF 2017 from 14 to 17 September 2017 at the Kim Dae-jung Convention Center, Gwangju. The forum was attended by representatives of local governments, national human rights institutions, civil society organisations and academics from many countries.',
        'At the side event on 16 September 2017, the Regent of East Lampung presented the implementation of East Lampung Regent Regulation No. 48 of 2016 on the Human-Rights-Friendly Regency, covering the public complaints service, gender-responsive budgeting and village residents’ forums. The presentation was well received, and several participating cities asked for the written material.',
        'The Gwangju Declaration 2017 was read at the closing ceremony. The delegation committed to points 2, 2.a and 5 and supported point 3. The notes of each session follow below.',
      ].join('\n\n'),
    },
    conclusions: {
      id: '1. Prinsip-Prinsip Panduan Gwangju untuk Kota HAM (2011) sejalan dengan kebijakan Kabupaten Ramah HAM yang telah ditetapkan melalui Peraturan Bupati Lampung Timur Nomor 48 Tahun 2016.\n2. Partisipasi warga dalam perencanaan dan penganggaran merupakan kunci pemenuhan HAM di tingkat lokal, dan musyawarah perencanaan pembangunan desa dapat menjadi pintu masuknya.\n3. Keikutsertaan dalam WHRCF membuka jejaring kerja sama dengan kota-kota HAM di Asia dan kawasan lain.',
      en: '1. The Gwangju Guiding Principles for a Human Rights City (2011) are in line with the human-rights-friendly regency policy set by East Lampung Regent Regulation No. 48 of 2016.\n2. Residents’ participation in planning and budgeting is key to realising human rights locally, and village development planning meetings can be the way in.\n3. Taking part in WHRCF opens a network of cooperation with human rights cities in Asia and beyond.',
    },
    recommendations: {
      id: '1. Menyusun rencana aksi daerah HAM bersama forum warga desa paling lambat bulan Juni 2018, dikoordinasikan oleh Bagian Hukum Sekretariat Daerah.\n2. Menetapkan indikator partisipasi warga dalam musyawarah perencanaan pembangunan desa dan kecamatan.\n3. Menyiapkan laporan kemajuan Kabupaten Ramah HAM untuk disampaikan pada WHRCF 2018.\n4. Menyebarluaskan hasil forum kepada perangkat daerah dan pemerintah desa.',
      en: '1. Draw up a regional human rights action plan together with village residents’ forums by June 2018, coordinated by the Legal Division of the Regional Secretariat.\n2. Set indicators of residents’ participation in village and district development planning meetings.\n3. Prepare a progress report on the human-rights-friendly regency for WHRCF 2018.\n4. Share the results of the forum with the regency’s offices and village governments.',
    },
  },
};

export const lampung2025Report: ExampleReport = {
  members: ['rina', 'siti', 'made'],
  signatories: [
    { member: 'rina', caption: reported },
    { member: 'hendra', caption: acknowledged },
  ],
  details: {
    assignment: {
      number: '000.1.2.3/245/ST/02/2025',
      date: '2025-08-22',
      issuedBy: {
        id: 'Sekretaris Daerah Kabupaten Lampung Timur',
        en: 'Regional Secretary of East Lampung Regency',
      },
    },
    number: '000.1.2.3/263/LAP/02/2025',
    date: '2025-09-01',
    place: 'Sukadana',
    addressee: {
      id: 'Yth. Sekretaris Daerah Kabupaten Lampung Timur',
      en: 'The Regional Secretary of East Lampung Regency',
    },
    useLetterhead: true,
    purpose: {
      id: 'Maksud perjalanan dinas ini adalah mendampingi perwakilan kelompok komunitas Kabupaten Lampung Timur dalam kegiatan Penguatan Kapasitas HAM bagi Komunitas yang diselenggarakan Kantor Wilayah Kementerian HAM Provinsi Lampung. Tujuannya adalah meningkatkan pemahaman kelompok komunitas tentang hak asasi manusia dalam layanan publik dan menghimpun usulan tindak lanjut bagi pemerintah daerah.',
      en: 'The purpose of this official trip was to accompany representatives of East Lampung community groups to the Human Rights Capacity Building for Communities organised by the Lampung Provincial Regional Office of the Ministry of Human Rights. Its aim was to deepen the community groups’ understanding of human rights in public services and to gather proposals for follow-up by the regency government.',
    },
    results: {
      id: [
        'Kegiatan dilaksanakan pada tanggal 27 Agustus 2025 di Hotel Golden Tulip, Bandar Lampung, dan diikuti perwakilan 10 kelompok komunitas. Kegiatan dibuka oleh Kepala Kantor Wilayah Kementerian HAM Provinsi Lampung.',
        'Peserta memperoleh materi tentang HAM dan layanan publik, kemudian berdiskusi dalam kelompok. Perwakilan Lampung Timur menyampaikan hambatan pengurusan dokumen kependudukan bagi warga lanjut usia dan penyandang disabilitas, serta usulan layanan jemput bola di tingkat desa.',
      ].join('\n\n'),
      en: [
        'The activity took place on 27 August 2025 at the Golden Tulip Hotel, Bandar Lampung, with representatives of 10 community groups. It was opened by the Head of the Lampung Provincial Regional Office of the Ministry of Human Rights.',
        'Participants received a session on human rights and public services and then discussed in groups. The East Lampung representatives described the obstacles older residents and persons with disabilities face in obtaining civil registration documents, and proposed an outreach service at village level.',
      ].join('\n\n'),
    },
    conclusions: {
      id: '1. Layanan publik yang tidak diskriminatif, terbuka, dan memiliki saluran pengaduan merupakan wujud nyata pemenuhan HAM di daerah.\n2. Kelompok komunitas dapat menjadi mitra pemerintah daerah dalam menghimpun pengaduan warga.',
      en: '1. Public services that do not discriminate, are open about their terms and have a complaints channel are a concrete way of realising human rights locally.\n2. Community groups can be partners of the regency government in gathering residents’ complaints.',
    },
    recommendations: {
      id: '1. Dinas Kependudukan dan Pencatatan Sipil menjajaki layanan jemput bola bagi warga lanjut usia dan penyandang disabilitas.\n2. Bagian Hukum Sekretariat Daerah menghimpun pengaduan dari kelompok komunitas setiap triwulan.',
      en: '1. The Civil Registration Office to explore an outreach service for older residents and persons with disabilities.\n2. The Legal Division of the Regional Secretariat to gather complaints from community groups every quarter.',
    },
  },
};

export const exampleProfileName = {
  id: 'Delegasi Kabupaten Lampung Timur',
  en: 'East Lampung Regency Delegation',
};

/**
 * Puts the example's members and letterhead into the example delegation's profile. A
 * delegate's own profile is never filled with invented people: the caller only does this
 * for the example delegation.
 */
export function addExampleDelegation(notebook: NotebookService): void {
  const present = new Set(notebook.profile().members.map((m) => m.name));
  for (const member of Object.values(members)) {
    if (!present.has(member.name)) notebook.saveMember(member);
  }
  const letterhead = notebook.profile().letterhead;
  if (letterhead.lines.length === 0 && !letterhead.logo) {
    notebook.updateLetterhead(exampleLetterhead);
  }
}

/**
 * Fills a forum's report details. Members are found in the profile by name; one who is not
 * there (the delegate's own profile) is left out, and signs as an official outside it.
 */
export function addExampleReport(
  notebook: NotebookService,
  forumId: string,
  report: ExampleReport,
): void {
  const byName = new Map(notebook.profile().members.map((m) => [m.name, m.id]));
  const idOf = (key: MemberKey) => byName.get(members[key].name);
  const signatories: SignatoryInput[] = report.signatories.map((s) => {
    const memberId = 'member' in s ? idOf(s.member) : undefined;
    if (memberId) return { id: randomUUID(), memberId, caption: s.caption };
    const person = 'member' in s ? members[s.member] : s;
    return {
      id: randomUUID(),
      memberId: null,
      name: person.name,
      nip: person.nip,
      position: person.position,
      caption: s.caption,
    };
  });
  notebook.updateReport(forumId, {
    ...report.details,
    memberIds: report.members.flatMap((key) => idOf(key) ?? []),
    signatories,
  });
}
