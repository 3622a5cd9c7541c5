import { z } from 'zod';

// Generic zod messages in Chinese; our own schemas give more specific ones where it matters.
z.config(z.locales.zhCN());
