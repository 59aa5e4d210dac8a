import type { ForumInput } from '../../electron/common/domain/forum-schema';

/** Forums for tests: the two events the example is drawn from. */
export const gwangjuForum: ForumInput = {
  name: { id: 'Forum Kota HAM Sedunia 2017', en: 'World Human Rights Cities Forum 2017' },
  acronym: 'WHRCF 2017',
  city: 'Gwangju',
  country: 'KR',
  venue: 'Kim Dae-jung Convention Center',
  startDate: '2017-09-14',
  endDate: '2017-09-17',
  timeZone: 'Asia/Seoul',
  theme: { id: 'Apakah Kita Hidup Dalam Damai?', en: 'Do We Live in Peace?' },
  hostOrganisation: { id: 'Kota Metropolitan Gwangju', en: 'Gwangju Metropolitan City' },
};

export const lampungWorkshop: ForumInput = {
  name: {
    id: 'Penguatan Kapasitas HAM bagi Komunitas',
    en: 'Human Rights Capacity Building for Communities',
  },
  acronym: '',
  city: 'Bandar Lampung',
  country: 'ID',
  venue: 'Hotel Golden Tulip',
  startDate: '2025-08-27',
  endDate: '2025-08-27',
  timeZone: 'Asia/Jakarta',
  theme: { id: '', en: '' },
  hostOrganisation: {
    id: 'Kantor Wilayah Kementerian HAM Lampung',
    en: 'Lampung Regional Office, Ministry of Human Rights',
  },
};

const at = '2017-09-15T02:00:00.000Z';

/** A stored note as a forum document holds it, with Indonesian text only. */
export const noteRecord = (id: string, text: string) => ({
  id,
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
  sessionId: null,
  body: { id: text, en: '' },
  bodyUpdatedAt: { id: at, en: null },
  tags: [],
  pinned: false,
  author: 'Chusnunia',
});
