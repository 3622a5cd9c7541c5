import type { Page } from '@playwright/test';
import { apiCall } from './api';
import { setUp, type RunningApp } from './fixtures';

/**
 * Where the 民呼必应 specs start: 西里社区 set up with one estate, 阳光小区 (320 households), and a way to report a
 * request there today from a resident who gave her name and phone.
 */
export async function requestsCommunity(page: Page, app: RunningApp) {
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const community = (await apiCall(app, 'party.listPlaces', {})).find((p) => p.kind === 'community')!;
  const estate = await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name: '阳光小区', households: 320 });
  const today = (await apiCall(app, 'system.getClock', {})).today;
  const report = (content: string, extra: Record<string, unknown> = {}) =>
    apiCall(app, 'requests.report', { reportedOn: today, source: 'visit', reporterName: '张秀兰', reporterPhone: '13812345678', placeId: estate.id, content, ...extra });
  return { community, estate, today, report };
}
