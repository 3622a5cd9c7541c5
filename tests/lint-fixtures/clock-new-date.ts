// at: main/api/party/handlers/leak.ts
// rejects: no-restricted-syntax (the time is ctx.now, the clock is main/clock.ts)
export const now = () => new Date();
