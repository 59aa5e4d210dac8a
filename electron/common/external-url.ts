/** Only links to the web or to mail leave the app: never `file:` or custom schemes. */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    return protocol === 'https:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}
