import { defineModule } from '../module';
import { submissionContract } from './contract';
import { submissionHandlers } from './handlers';

/** 上报与汇总: the engine that exports, submits and consolidates every module's registers (docs/export.md). */
export const submissionModule = defineModule({ name: 'submission', contract: submissionContract, handlers: submissionHandlers });
