import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { UiLanguage } from '../../../electron/common/language';
import { createApiClient } from '../../../renderer/src/api/api-client';
import {
  DateField,
  TimeField,
  fromTime,
  toCalendarDate,
  toTime,
} from '../../../renderer/src/app/DateField';
import { AppStoreContext, createAppStore } from '../../../renderer/src/store/app-store';

afterEach(cleanup);

function storeIn(language: UiLanguage) {
  const api = createApiClient({
    kind: 'browser',
    invoke: () => Promise.resolve({ ok: false, error: { code: 'internal', params: {} } }),
    subscribe: () => () => undefined,
  });
  return createAppStore(api, language);
}

/** The field's text as the user sees it, segment by segment. */
const shown = (label: string) =>
  (screen.getByRole('group', { name: label }).textContent ?? '').replace(
    /[\u2066-\u2069\u200e]/g,
    '',
  );

/** Keys as the browser delivers them to an editable segment (React Aria reads beforeinput). */
function typeDigits(digits: string) {
  for (const data of digits) {
    const target = document.activeElement as Element;
    fireEvent.keyDown(target, { key: data });
    fireEvent(
      target,
      new InputEvent('beforeinput', {
        data,
        inputType: 'insertText',
        bubbles: true,
        cancelable: true,
      }),
    );
    fireEvent.keyUp(target, { key: data });
  }
}

function Harness({ kind, initial }: { kind: 'date' | 'time'; initial: string | null }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      {kind === 'date' ? (
        <DateField label="Start" name="start" value={value} onChange={setValue} />
      ) : (
        <TimeField label="Start" name="start" value={value} onChange={setValue} />
      )}
      <output data-testid="value">{value ?? 'none'}</output>
    </>
  );
}

function mount(language: UiLanguage, kind: 'date' | 'time', initial: string | null) {
  return render(
    <AppStoreContext.Provider value={storeIn(language)}>
      <Harness kind={kind} initial={initial} />
    </AppStoreContext.Provider>,
  );
}

describe('value conversions', () => {
  it('reads and writes the stored forms', () => {
    expect(toCalendarDate('2017-09-14')?.toString()).toBe('2017-09-14');
    expect(toCalendarDate('14/09/2017')).toBeNull();
    expect(toCalendarDate('')).toBeNull();
    expect(fromTime(toTime('09:05'))).toBe('09:05');
    expect(toTime('25:00')).toBeNull();
    expect(fromTime(null)).toBeNull();
  });
});

describe.each(['id', 'en'] as const)('date and time fields in %s', (language) => {
  it('show a stored date as dd/mm/yyyy', () => {
    mount(language, 'date', '2017-09-04');
    expect(shown('Start')).toBe('04/09/2017');
  });

  it('show a stored time on the 24-hour clock', () => {
    mount(language, 'time', '14:05');
    expect(shown('Start')).toBe(language === 'id' ? '14.05' : '14:05');
  });

  it('take a date typed day first', () => {
    mount(language, 'date', null);
    const [day] = screen.getAllByRole('spinbutton');
    if (!day) throw new Error('no segment');
    day.focus();
    typeDigits('15092017');
    expect(screen.getByTestId('value').textContent).toBe('2017-09-15');
    expect(shown('Start')).toBe('15/09/2017');
  });

  it('take a 24-hour time typed as four digits', () => {
    mount(language, 'time', null);
    const [hour] = screen.getAllByRole('spinbutton');
    if (!hour) throw new Error('no segment');
    hour.focus();
    typeDigits('1730');
    expect(screen.getByTestId('value').textContent).toBe('17:30');
  });
});
