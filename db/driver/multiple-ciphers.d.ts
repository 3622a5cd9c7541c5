// better-sqlite3-multiple-ciphers ships its typings (index.d.ts) but its package.json "exports" does not name them,
// so TypeScript cannot find them. Its JavaScript API is better-sqlite3's (the same code, another SQLite under it):
// its typings are @types/better-sqlite3's.
declare module 'better-sqlite3-multiple-ciphers' {
  import Database from 'better-sqlite3';
  export = Database;
}
