import { useApiQuery } from '../../api/queries';

/** Whether new accounts are opened a building at a time (设置 → 电梯维保基金 → 基金账户设立方式). */
export const usePerBuilding = (): boolean => useApiQuery('fund.getSettings', {}).data?.accountScope === 'building';
