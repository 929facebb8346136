import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { EventDropArg, EventInput } from '@fullcalendar/core';
import type { EventResizeDoneArg } from '@fullcalendar/interaction';
import { App } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CALENDAR_LIMIT, type Activity, type Calendar, type CalendarQuery } from '../../../core/schemas/activities.ts';
import type { Task } from '../../../core/schemas/tasks.ts';
import { api } from '../../lib/api.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { refreshActivityWorld } from '../../lib/query-keys.ts';

type CalendarActivity = Calendar['activities'][number];
type CalendarTask = Calendar['tasks'][number];

export type CalendarEventProps = { kind: 'activity'; row: CalendarActivity } | { kind: 'task'; row: CalendarTask };

// Events are white text on these: each at 4.5:1 or more.
const ACTIVITY_COLORS: Record<CalendarActivity['status'], string> = {
  planned: '#1d4ed8',
  done: '#237804',
  cancelled: '#737373',
};

export function useCalendarData(q: CalendarQuery | null) {
  return useQuery({
    queryKey: ['calendar', q],
    enabled: !!q,
    queryFn: () => api.get<Calendar>('/api/calendar', { ...q }),
    placeholderData: (prev) => prev,
  });
}

/**
 * The day a truncated calendar stops being complete: the last call's or task's day of whichever list
 * reached the limit first (each is sorted by time, so every earlier day is whole). Null when whole.
 */
export function incompleteFrom(data: Calendar | undefined): string | null {
  if (!data?.truncated) return null;
  const lastCall = data.activities.length >= CALENDAR_LIMIT ? data.activities.at(-1) : undefined;
  const lastTask = data.tasks.length >= CALENDAR_LIMIT ? data.tasks.at(-1) : undefined;
  const days = [lastCall && dayjs(lastCall.plannedStart).format('YYYY-MM-DD'), lastTask?.dueDate]
    .filter((d): d is string => !!d)
    .sort();
  return days[0] ?? null;
}

/** Calendar rows → FullCalendar events; a team view names the owner on each card. */
export function toEvents(
  data: Calendar | undefined,
  showOwner: boolean,
  taskPrefix: string,
  today: string,
): EventInput[] {
  if (!data) return [];
  const activities = data.activities.map<EventInput>((a) => ({
    id: `activity:${a.id}`,
    title: [a.subject, a.accountName, showOwner ? a.ownerName : null].filter(Boolean).join(' · '),
    start: a.plannedStart,
    end: a.plannedEnd,
    allDay: false,
    color: ACTIVITY_COLORS[a.status],
    // Only plans move (a logged call happened when it happened); otherwise the calendar's own setting decides.
    ...(a.status === 'planned' ? {} : { editable: false }),
    classNames: a.status === 'cancelled' ? ['calendar-cancelled'] : [],
    extendedProps: { kind: 'activity', row: a } satisfies CalendarEventProps,
  }));
  const tasks = data.tasks.map<EventInput>((k) => ({
    id: `task:${k.id}`,
    title: `${k.done ? '✓' : '☐'} ${taskPrefix}${[k.title, showOwner ? k.assigneeName : null].filter(Boolean).join(' · ')}`,
    start: k.dueDate,
    allDay: true,
    durationEditable: false,
    color: k.done ? '#737373' : k.dueDate < today ? '#cf1322' : '#ad4e00',
    extendedProps: { kind: 'task', row: k } satisfies CalendarEventProps,
  }));
  return [...activities, ...tasks];
}

/**
 * Dragging or resizing writes the new time with the version the calendar read; whatever the server
 * refuses (409 stale, 400 bad time, 404 out of scope) puts the card back where it was.
 */
export function useReschedule(key: CalendarQuery | null) {
  const qc = useQueryClient();
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const queryKey = ['calendar', key];

  const patchRow = (update: (c: Calendar) => Calendar) =>
    qc.setQueryData<Calendar>(queryKey, (old) => (old ? update(old) : old));

  return async (info: EventDropArg | EventResizeDoneArg) => {
    const props = info.event.extendedProps as CalendarEventProps;
    const { start, end, allDay } = info.event;
    // An activity has a time of day; dropping it on the all-day row would lose it.
    if (!start || (props.kind === 'activity' && allDay)) {
      info.revert();
      return;
    }
    try {
      if (props.kind === 'activity') {
        const length = dayjs(props.row.plannedEnd).diff(props.row.plannedStart, 'minute');
        const saved = await api.patch<Activity>(`/api/activities/${props.row.id}`, {
          version: props.row.version,
          plannedStart: dayjs(start).format(),
          plannedEnd: dayjs(end ?? dayjs(start).add(length, 'minute').toDate()).format(),
        });
        patchRow((c) => ({
          ...c,
          activities: c.activities.map((a) =>
            a.id === saved.id
              ? { ...a, plannedStart: saved.plannedStart, plannedEnd: saved.plannedEnd, version: saved.version }
              : a,
          ),
        }));
      } else {
        const saved = await api.patch<Task>(`/api/tasks/${props.row.id}`, {
          version: props.row.version,
          dueDate: dayjs(start).format('YYYY-MM-DD'),
        });
        patchRow((c) => ({
          ...c,
          tasks: c.tasks.map((k) => (k.id === saved.id ? { ...k, dueDate: saved.dueDate, version: saved.version } : k)),
        }));
      }
      message.success(t('common.saved'));
      refreshActivityWorld(qc);
    } catch (e) {
      info.revert();
      fail(e, { onReload: () => void qc.invalidateQueries({ queryKey: ['calendar'] }) });
    }
  };
}
