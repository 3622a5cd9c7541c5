import { Badge, Group } from '@mantine/core';
import { deadlineStates, ratioStates, termStates } from '../../../../main/api/property/labels';
import { fmtPercent } from '../../components/format';
import { pc } from '../../i18n/property-committees';
import type { TermView } from '../types';

const t = pc.term;

const termColour: Record<TermView['state'], string> = {
  upcoming: 'blue', serving: 'green', reelection_due: 'orange', overdue: 'red', succeeded: 'gray',
};
const ratioColour: Record<TermView['ratio']['state'], string> = { not_formed: 'gray', meets: 'green', below: 'red' };
const deadlineColour: Record<TermView['filing']['state'], string> = { pending: 'blue', overdue: 'red', done: 'green', done_late: 'orange' };

export function TermStateBadge({ term }: { term: TermView }) {
  return <Badge color={termColour[term.state]} variant="light" radius="sm">{termStates[term.state]}</Badge>;
}

/** What follows from a term's dates and roster today: its state, the party-member ratio, the two deadlines. */
export function TermBadges({ term }: { term: TermView }) {
  const r = term.ratio;
  const share = r.total ? fmtPercent(r.partyMembers / r.total) : '';
  return (
    <Group gap={6} data-testid="term-badges">
      <TermStateBadge term={term} />
      <Badge color={ratioColour[r.state]} variant="light" radius="sm" title={t.ratioTarget(r.targetPercent)}>
        {r.total ? `${t.ratio(r.partyMembers, r.total)} · ${share} · ${ratioStates[r.state]}` : ratioStates[r.state]}
      </Badge>
      {/* A deadline met on time is nothing to look at once the term runs; one missed stays visible. */}
      {term.filing.state !== 'done' && (
        <Badge color={deadlineColour[term.filing.state]} variant="outline" radius="sm">
          {t.deadline(t.filing, deadlineStates[term.filing.state], term.filing.dueOn)}
        </Badge>
      )}
      {term.firstMeeting.state !== 'done' && (
        <Badge color={deadlineColour[term.firstMeeting.state]} variant="outline" radius="sm">
          {t.deadline(t.firstMeeting, deadlineStates[term.firstMeeting.state], term.firstMeeting.dueOn)}
        </Badge>
      )}
    </Group>
  );
}
