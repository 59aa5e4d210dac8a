// Parallel Indonesian and English phrases (same index, same meaning), so generated notes
// read like a delegate's notes in both languages rather than repeated filler.
export const subjects = [
  ['Pemerintah kabupaten', 'The regency government'],
  ['Delegasi Lampung Timur', 'The East Lampung delegation'],
  ['Wali kota Gwangju', 'The mayor of Gwangju'],
  ['Perwakilan masyarakat sipil', 'Civil society representatives'],
  ['Komnas HAM', 'The National Human Rights Commission'],
  ['Forum anak daerah', 'The regional children’s forum'],
  ['Dinas Sosial', 'The social affairs office'],
  ['Kelompok perempuan desa', 'Village women’s groups'],
  ['Organisasi penyandang disabilitas', 'Organisations of persons with disabilities'],
  ['Pemerintah desa', 'Village governments'],
  ['Pelapor khusus PBB', 'The UN special rapporteur'],
  ['Jaringan kota HAM Asia', 'The Asian human rights cities network'],
] as const;

export const verbs = [
  ['menegaskan pentingnya', 'stressed the importance of'],
  ['mengusulkan penguatan', 'proposed strengthening'],
  ['melaporkan kemajuan dalam', 'reported progress on'],
  ['menyoroti tantangan dalam', 'highlighted the challenges of'],
  ['berkomitmen meningkatkan', 'committed to improving'],
  ['membahas mekanisme', 'discussed mechanisms for'],
  ['mendorong partisipasi warga dalam', 'encouraged citizen participation in'],
  ['menyampaikan praktik baik tentang', 'shared good practice on'],
  ['meminta evaluasi atas', 'asked for an evaluation of'],
  ['menghormati dan melindungi', 'respected and protected'],
] as const;

export const objects = [
  ['demokrasi lokal yang partisipatif', 'participatory local democracy'],
  ['layanan publik yang inklusif', 'inclusive public services'],
  ['perlindungan pembela hak asasi manusia', 'the protection of human rights defenders'],
  ['anggaran responsif gender', 'gender-responsive budgeting'],
  ['akses keadilan bagi kelompok rentan', 'access to justice for vulnerable groups'],
  ['pendidikan hak asasi manusia di sekolah', 'human rights education in schools'],
  ['kota ramah hak asasi manusia', 'human-rights-friendly cities'],
  ['penanganan pengaduan masyarakat', 'the handling of public complaints'],
  ['hak atas perumahan yang layak', 'the right to adequate housing'],
  ['data terpilah menurut disabilitas', 'data disaggregated by disability'],
  ['penghormatan terhadap kebebasan berekspresi', 'respect for freedom of expression'],
  ['perdamaian dan rekonsiliasi', 'peace and reconciliation'],
] as const;

export const tails = [
  ['pada tingkat kabupaten.', 'at regency level.'],
  ['sesuai Prinsip-Prinsip Panduan Gwangju.', 'in line with the Gwangju Guiding Principles.'],
  ['melalui musyawarah perencanaan pembangunan.', 'through development planning deliberations.'],
  ['dengan melibatkan organisasi masyarakat sipil.', 'with civil society organisations involved.'],
  ['dalam rencana aksi daerah tahun depan.', 'in next year’s regional action plan.'],
  [
    'sebagaimana diatur dalam Peraturan Bupati Lampung Timur Nomor 48 Tahun 2016.',
    'as set out in East Lampung Regent Regulation No. 48 of 2016.',
  ],
  [
    'bersama kantor wilayah Kementerian HAM.',
    'together with the regional office of the Ministry of Human Rights.',
  ],
  ['tanpa meninggalkan siapa pun.', 'leaving no one behind.'],
] as const;

export const sessionTitles = [
  ['Upacara Pembukaan', 'Opening Ceremony'],
  ['Sidang Pleno: Demokrasi dan Praktik', 'Plenary: Democracy and Practice'],
  ['Sesi Tematik: Kota Inklusif', 'Thematic Session: Inclusive Cities'],
  ['Lokakarya: Indikator Kota HAM', 'Workshop: Human Rights City Indicators'],
  ['Acara Sampingan: Pembela HAM', 'Side Event: Human Rights Defenders'],
  ['Sesi Tematik: Migrasi dan Kota', 'Thematic Session: Migration and Cities'],
  ['Diskusi Panel: Peran Pemerintah Daerah', 'Panel: The Role of Local Government'],
  ['Upacara Penutupan dan Deklarasi', 'Closing Ceremony and Declaration'],
] as const;

export const givenNames = [
  'Siti',
  'Budi',
  'Dewi',
  'Agus',
  'Rahmat',
  'Nurul',
  'Ayu',
  'Hendra',
  'Kim Min-ji',
  'Park Ji-hoon',
  'Lee Seo-yeon',
  'María',
  'Jean-Pierre',
  'Aigerim',
  'Nguyễn Thị',
  'Rizky',
  'Wahyuni',
  'Fajar',
] as const;

export const familyNames = [
  'Rahayu',
  'Santoso',
  'Lestari',
  'Wibowo',
  'Siregar',
  'Hasibuan',
  'Nasution',
  'Pratama',
  '김',
  '박',
  'Fernández',
  'Dubois',
  'Nurlanovna',
  'Hương',
  'Saputra',
  'Kurniawan',
  'Simanjuntak',
] as const;

export const organisations = [
  ['Kantor Wilayah Kementerian HAM Lampung', 'Lampung Regional Office, Ministry of Human Rights'],
  ['Pemerintah Kabupaten Lampung Timur', 'East Lampung Regency Government'],
  ['Kota Metropolitan Gwangju', 'Gwangju Metropolitan City'],
  ['Yayasan Lembaga Bantuan Hukum', 'Legal Aid Foundation'],
  ['Jaringan Perempuan Pesisir', 'Coastal Women’s Network'],
  ['Pusat Studi HAM Universitas Lampung', 'Human Rights Centre, University of Lampung'],
  ['UNESCO Jakarta', 'UNESCO Jakarta'],
  ['Pusat Kerja Sama Internasional Gwangju', 'Gwangju International Center'],
] as const;
