// sastrawijs ships types, but its package.json "exports" hides them from TypeScript.
declare module 'sastrawijs' {
  export class Stemmer {
    stem(word: string): string;
  }
}
