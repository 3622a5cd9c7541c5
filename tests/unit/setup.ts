import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dirs';

// Runs in every test file after its own afterAll hooks (after hooks run in reverse order of registration, and
// this one registers first): its servers and databases are closed by then.
afterAll(removeTempDirs);
