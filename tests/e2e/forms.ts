import type { Locator } from '@playwright/test';

/**
 * Types a date (YYYY-MM-DD) or time (HH:mm) into one of Risalah's date/time fields as a user
 * does: segment by segment, in whatever order the UI language shows them.
 */
export async function typeDateTime(scope: Locator, label: string | RegExp, value: string) {
  const group = scope.getByRole('group', { name: label });
  const [datePart, timePart] = value.includes('-') ? [value, ''] : ['', value];
  const [year = '', month = '', day = ''] = datePart.split('-');
  const [hour = '', minute = ''] = timePart.split(':');
  const parts: Record<string, string> = { year, month, day, hour, minute };
  const segments = group.locator('[role="spinbutton"]');
  const count = await segments.count();
  for (let i = 0; i < count; i++) {
    const segment = segments.nth(i);
    const type = (await segment.getAttribute('data-type')) ?? '';
    const text = parts[type];
    if (!text) continue;
    await segment.click();
    await segment.pressSequentially(text);
  }
}

/** What a date/time field shows, as the user reads it. */
export async function shownDateTime(scope: Locator, label: string | RegExp): Promise<string> {
  const text = await scope.getByRole('group', { name: label }).innerText();
  return text.replace(/[\u2066-\u2069\u200e\u200f\s]/g, '');
}
