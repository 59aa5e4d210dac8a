/**
 * Soft checks of what a contact card holds: a doubtful value is pointed out, never refused,
 * since a card with a typo is worth more than no card.
 */

/** Something@somewhere.tld, no spaces: what every mail program accepts. */
export function doubtfulEmail(value: string): boolean {
  return !/^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/.test(value.trim());
}

/**
 * Digits with the usual separators, an optional leading + and an extension: "+62 812-3456-7890",
 * "(0721) 123456", "+82 62 123 4567 ext. 12". Between 6 and 15 digits (E.164's limit).
 */
export function doubtfulPhone(value: string): boolean {
  const trimmed = value.trim();
  const withoutExtension = trimmed.replace(/\s*(?:ext\.?|x|psw\.?)\s*\d{1,6}$/i, '');
  if (!/^\+?[\d\s().\-/]+$/.test(withoutExtension)) return true;
  const digits = withoutExtension.replace(/\D/g, '').length;
  return digits < 6 || digits > 15;
}
