import { DateInput, type DateInputProps } from '@mantine/dates';
import { useState } from 'react';
import { parseLooseDate } from '../../../main/api/common/identifiers';

/**
 * A date typed as people write it (2019.7.1, 2019年7月1日, 20190701) or picked from its calendar — every date box of
 * the app is this one.
 *
 * The calendar opens when asked for: a click, typing, or ↓. Mantine's DateInput opens it whenever the field takes the
 * focus, so a drawer opening with the caret in a date (or coming back to it after a save) showed a calendar nobody
 * asked for over the fields below, and the next Esc went to closing it. Its picker is not reached by the keyboard
 * (the caret stays in the field), so on focus alone it only covers the form.
 *
 * Esc closes the calendar and nothing else: a drawer or modal hears Esc first (a capturing listener on the window)
 * and leaves it alone when its target says `data-mantine-stop-propagation`; the field says so exactly while the
 * calendar is shown, as this state is what shows it. A second Esc, the calendar gone, closes the drawer as usual.
 */
/** What this box handles itself (the calendar's state); the blur is passed on. */
type OwnHandlers = 'onClick' | 'onInput' | 'onKeyDown' | 'getDayProps' | 'popoverProps';

export function TypedDateInput({ onBlur, ...props }: Omit<DateInputProps, OwnHandlers>) {
  const [calendar, setCalendar] = useState(false);
  return (
    <DateInput
      valueFormat="YYYY-MM-DD"
      dateParser={parseLooseDate}
      {...props}
      data-mantine-stop-propagation={calendar ? 'true' : undefined}
      popoverProps={{ opened: calendar }}
      onClick={() => setCalendar(true)}
      onInput={() => setCalendar(true)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setCalendar(false);
        if (e.key === 'ArrowDown' && !e.altKey && !e.ctrlKey && !e.metaKey) setCalendar(true);
      }}
      onBlur={(e) => {
        setCalendar(false);
        onBlur?.(e);
      }}
      getDayProps={() => ({ onClick: () => setCalendar(false) })}
    />
  );
}
