import enAgreement from '../../../locales/en/agreement.json';
import enCommon from '../../../locales/en/common.json';
import enContacts from '../../../locales/en/contacts.json';
import enErrors from '../../../locales/en/errors.json';
import enExportUi from '../../../locales/en/export-ui.json';
import enNotebook from '../../../locales/en/notebook.json';
import enReport from '../../../locales/en/report.json';
import enSecurity from '../../../locales/en/security.json';
import enShare from '../../../locales/en/share.json';
import idAgreement from '../../../locales/id/agreement.json';
import idCommon from '../../../locales/id/common.json';
import idContacts from '../../../locales/id/contacts.json';
import idErrors from '../../../locales/id/errors.json';
import idExportUi from '../../../locales/id/export-ui.json';
import idNotebook from '../../../locales/id/notebook.json';
import idReport from '../../../locales/id/report.json';
import idSecurity from '../../../locales/id/security.json';
import idShare from '../../../locales/id/share.json';

export const resources = {
  en: {
    common: enCommon,
    errors: enErrors,
    notebook: enNotebook,
    agreement: enAgreement,
    contacts: enContacts,
    exportUi: enExportUi,
    security: enSecurity,
    report: enReport,
    share: enShare,
  },
  id: {
    common: idCommon,
    errors: idErrors,
    notebook: idNotebook,
    agreement: idAgreement,
    contacts: idContacts,
    exportUi: idExportUi,
    security: idSecurity,
    report: idReport,
    share: idShare,
  },
} as const;

export const defaultNS = 'common';
