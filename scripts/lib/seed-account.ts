/** The seeded installation's administrator and password (generated demo data only; `npm run demo` prints them). */
export const SEED_ADMIN = '管理员';
export const SEED_PASSWORD = 'xili-demo-2026';
