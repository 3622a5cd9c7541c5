// at: db/party/allowed.ts
// accepts: SQLite, Node and db/ itself
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { newId } from '../ids';
export const parts = { fs, Database, newId };
