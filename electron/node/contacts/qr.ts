import QRCode from 'qrcode';
import type { ContactDraft } from './vcard';
import { formatVCards } from './vcard';

/**
 * Above this many bytes a card makes a QR code too dense for a phone camera across a table
 * (version 20 and up at medium correction); the compact card then carries what a phone
 * needs to save the contact.
 */
export const QR_MAX_BYTES = 700;

export function compactCard(contact: ContactDraft): ContactDraft {
  return {
    ...contact,
    photo: null,
    notes: '',
    tags: [],
    handles: [],
    languages: [],
    addressAs: '',
    emails: contact.emails.slice(0, 1),
    phones: contact.phones.slice(0, 1),
    position: {
      id: contact.position.id,
      en: contact.position.id === contact.position.en ? contact.position.en : '',
    },
  };
}

/** The card a QR code carries: vCard 3.0, which every phone camera app reads. */
export function qrPayload(contact: ContactDraft): { text: string; compact: boolean } {
  const full = formatVCards([{ ...contact, photo: null }], '3.0');
  if (Buffer.byteLength(full) <= QR_MAX_BYTES) return { text: full, compact: false };
  return { text: formatVCards([compactCard(contact)], '3.0'), compact: true };
}

export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}

export async function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { errorCorrectionLevel: 'M', margin: 4, scale: 6 });
}
