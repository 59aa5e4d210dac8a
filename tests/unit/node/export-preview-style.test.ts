import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREVIEW_STYLE } from '../../../electron/node/export/html';

const normalise = (css: string) => css.replace(/\s+/g, '').replace(/'/g, '"');

describe('the preview in the app', () => {
  it('carries every rule of the exported document, so it shows the document as it is saved', () => {
    // The app's stylesheet cannot take the document's inline <style> (its CSP forbids inline
    // styles), so it holds a copy of the rules; this keeps the two equal.
    const app = normalise(
      readFileSync(
        join(import.meta.dirname, '..', '..', '..', 'renderer', 'src', 'styles.css'),
        'utf8',
      ),
    );
    const rules = PREVIEW_STYLE.split('\n').filter((line) => line.startsWith('.brief'));
    expect(rules.length).toBeGreaterThan(30);
    for (const rule of rules) {
      // Each rule may hold several declarations blocks on one line ("a {…} b {…}").
      for (const block of rule.match(/[^{}]+\{[^}]*\}/g) ?? []) {
        const [selectors = '', body = ''] = block.split('{');
        for (const declaration of body
          .replace('}', '')
          .split(';')
          .filter((d) => d.trim())) {
          // The rule itself, not the same selector at the end of a longer list.
          const pattern = `${normalise(selectors)}{`;
          let at = app.indexOf(pattern);
          while (at > 0 && !'}/'.includes(app[at - 1] ?? '')) at = app.indexOf(pattern, at + 1);
          expect(at, `styles.css lacks ${selectors.trim()}`).toBeGreaterThanOrEqual(0);
          const own = app.slice(at, app.indexOf('}', at));
          expect(own, `${selectors.trim()} { ${declaration.trim()} }`).toContain(
            normalise(declaration),
          );
        }
      }
    }
  });
});
