import { useApiQuery } from '../api/queries';
import { PhaseProgress } from '../components/PhaseProgress';
import { sub } from '../i18n/submission';

/** A long export's or package import's progress, asked of the server while it runs; `waiting` until its first phase. */
export function JobProgress({ jobId, waiting = sub.monthly.building }: { jobId: string; waiting?: string }) {
  const p = useApiQuery('submission.getProgress', { jobId }, { refetchInterval: 300 }).data;
  return <PhaseProgress p={p} waiting={waiting} detail={p?.rows ? sub.monthly.rows(p.rows) : undefined} testId="job-progress" />;
}
