import 'i18next';
import type { defaultNS, resources } from './resources';

// Keys are typed from the English locale: a missing key is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNS;
    resources: (typeof resources)['en'];
  }
}
