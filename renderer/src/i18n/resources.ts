import enCommon from '../../../locales/en/common.json';
import enErrors from '../../../locales/en/errors.json';
import idCommon from '../../../locales/id/common.json';
import idErrors from '../../../locales/id/errors.json';

export const resources = {
  en: { common: enCommon, errors: enErrors },
  id: { common: idCommon, errors: idErrors },
} as const;

export const defaultNS = 'common';
