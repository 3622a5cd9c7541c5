import { z } from 'zod';

/**
 * The pieces package-table schemas are made of (docs/export.md, "Adding a module"): the receiving side's check of
 * every row. Dates `YYYY-MM-DD`, stamps ISO-8601, money integer fen, counts bounded.
 */
export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
export const text = (max: number) => z.string().max(max);
export const maybe = <T extends z.ZodType>(t: T) => t.nullable();
export const stamp = z.iso.datetime({ offset: true });
export const count = z.number().int().min(0).max(1_000_000);
/** The bound of a fen amount: ¥100 million. The package's JSON Schema names a field with this maximum as money. */
export const FEN_MAX = 10_000_000_000;
/** Integer fen, signed (reversals), up to ¥100 million. */
export const fen = z.number().int().min(-FEN_MAX).max(FEN_MAX);
export const sha256 = z.string().regex(/^[0-9a-f]{64}$/, '校验码应为 64 位十六进制');
/** Where a record sits, by name: the receiver has no places register to look its ids up in. */
export const placed = { estateName: text(100), community: text(100) };
