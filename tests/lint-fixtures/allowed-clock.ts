// at: main/clock.ts
// accepts: the machine's time, read in the core's one clock module
export const systemNow = () => new Date(Date.now());
