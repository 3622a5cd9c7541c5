import { useApiQuery } from '../api/queries';
import { PhaseProgress } from '../components/PhaseProgress';
import { sub } from '../i18n/submission';

/** A long export's progress, asked of the server while it runs. */
export function JobProgress({ jobId }: { jobId: string }) {
  const p = useApiQuery('submission.getProgress', { jobId }, { refetchInterval: 300 }).data;
  return <PhaseProgress p={p} waiting={sub.monthly.building} detail={p?.rows ? sub.monthly.rows(p.rows) : undefined} testId="job-progress" />;
}
