import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import interactionPlugin from '@fullcalendar/interaction';
import zhCnLocale from '@fullcalendar/core/locales/zh-cn';
import type { DateSelectArg, DatesSetArg, EventClickArg, EventMountArg } from '@fullcalendar/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CALENDAR_LIMIT, type CalendarQuery } from '../../../core/schemas/activities.ts';
import { canWrite, useMe } from '../../lib/session.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { UserSelect } from '../../components/UserSelect.tsx';
import { TeamSelect } from '../../components/TeamSelect.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useUrlParams } from '../../lib/url-params.ts';
import { ActivityFormDrawer } from '../activities/ActivityFormDrawer.tsx';
import type { PlanPrefill } from '../activities/planValues.ts';
import { CompleteActivityDrawer } from '../activities/CompleteActivityDrawer.tsx';
import { useActivity } from '../activities/api.ts';
import { TaskFormDrawer } from '../tasks/TaskFormDrawer.tsx';
import { useTask } from '../tasks/api.ts';
import { DayAgenda } from './DayAgenda.tsx';
import { incompleteFrom, toEvents, useCalendarData, useReschedule, type CalendarEventProps } from './useCalendar.ts';

/** The view that shows fewer days than each, where a truncated window can be seen whole. */
const NARROWER: Record<string, string> = { dayGridMonth: 'timeGridWeek', timeGridWeek: 'timeGridDay' };

// The toolbar wraps on a phone instead of pushing the page sideways.
// FullCalendar's buttons and today column in the app's colours.
const CSS = `
.openkam-calendar {
  --fc-button-bg-color: #fff; --fc-button-text-color: rgba(0,0,0,.88); --fc-button-border-color: #d9d9d9;
  --fc-button-hover-bg-color: #fff; --fc-button-hover-border-color: #1d4ed8;
  --fc-button-active-bg-color: #1d4ed8; --fc-button-active-border-color: #1d4ed8;
  --fc-today-bg-color: #f0f5ff; --fc-page-bg-color: #fff;
}
.openkam-calendar .fc .fc-button-primary:hover { color: #1d4ed8; }
.openkam-calendar .fc .fc-button-primary:not(:disabled).fc-button-active { color: #fff; }
.openkam-calendar .fc .fc-button-primary:disabled { color: rgba(0,0,0,.35); }
.openkam-calendar .fc-header-toolbar { flex-wrap: wrap; gap: 8px; }
.openkam-calendar .fc-toolbar-title { font-size: 1.1em; }
.openkam-calendar .calendar-cancelled { text-decoration: line-through; opacity: .7; }
`;

/** Own activities and tasks by day, week or month; managers look at one of their people or a team. */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const manager = me.role === 'admin' || me.role === 'manager';
  const p = useUrlParams(['userId', 'teamId'] as const);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [view, setView] = useState('');
  const calendarRef = useRef<FullCalendar>(null);
  const query: CalendarQuery | null = range
    ? {
        ...range,
        ...(manager && p.values.teamId
          ? { teamId: p.values.teamId }
          : manager && p.values.userId
            ? { userId: p.values.userId }
            : {}),
      }
    : null;
  const data = useCalendarData(query);
  const reschedule = useReschedule(query);
  const [planning, setPlanning] = useState<PlanPrefill | null>(null);
  const [taskId, setTaskId] = useState<string | undefined>();
  const task = useTask(taskId);
  const [logId, setLogId] = useState<string | undefined>();
  const logging = useActivity(logId);
  const writable = canWrite(me);
  const showOwner = !!query?.teamId;
  const today = dayjs().format('YYYY-MM-DD');
  const events = useMemo(
    () => toEvents(data.data, showOwner, t('calendar.taskPrefix'), today),
    [data.data, showOwner, t, today],
  );
  const incomplete = incompleteFrom(data.data);
  const narrower = NARROWER[view];

  const onDates = (arg: DatesSetArg) => {
    const next = { from: dayjs(arg.start).format(), to: dayjs(arg.end).format() };
    setRange((prev) => (prev?.from === next.from && prev?.to === next.to ? prev : next));
    setView(arg.view.type);
  };
  const onSelect = (arg: DateSelectArg) => {
    arg.view.calendar.unselect();
    // A day picked in the month view becomes a one-hour call at nine that morning.
    const start = arg.allDay ? dayjs(arg.start).hour(9) : dayjs(arg.start);
    const end = arg.allDay ? start.add(1, 'hour') : dayjs(arg.end);
    setPlanning({ plannedStart: start, plannedEnd: end });
  };
  const onClick = (arg: EventClickArg) => {
    const props = arg.event.extendedProps as CalendarEventProps;
    if (props.kind === 'activity') navigate(`/activities/${props.row.id}`);
    else setTaskId(props.row.id);
  };
  const onMount = (arg: EventMountArg) => {
    const props = arg.event.extendedProps as CalendarEventProps;
    arg.el.setAttribute('data-testid', 'calendar-event');
    arg.el.setAttribute('data-kind', props.kind);
    arg.el.setAttribute('data-id', props.row.id);
  };

  return (
    <div className="openkam-calendar" data-testid="calendar-page">
      <style>{CSS}</style>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.calendar')}
        </Typography.Title>
        <Flex wrap gap={8} style={{ width: mobile ? '100%' : undefined }}>
          {manager && (
            <>
              <UserSelect
                value={p.values.userId}
                onChange={(v) => p.setMany({ userId: v ?? null, teamId: null })}
                placeholder={t('calendar.pickUser')}
                style={{ width: mobile ? '100%' : 180 }}
                data-testid="calendar-user"
              />
              <TeamSelect
                value={p.values.teamId}
                onChange={(v) => p.setMany({ teamId: v ?? null, userId: null })}
                placeholder={t('calendar.pickTeam')}
                style={{ width: mobile ? '100%' : 180 }}
                data-testid="calendar-team"
              />
            </>
          )}
          <a href="/api/activities.ics" download="openkam.ics" data-testid="calendar-ics">
            <Button icon={<DownloadOutlined />}>{t('calendar.ics')}</Button>
          </a>
        </Flex>
      </Flex>
      {data.isError && <FullPageError error={data.error} onRetry={() => void data.refetch()} />}
      {incomplete && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('calendar.truncated', { limit: CALENDAR_LIMIT, date: incomplete })}
          action={
            narrower && (
              <Button
                size="small"
                onClick={() => calendarRef.current?.getApi().changeView(narrower, incomplete)}
                data-testid="calendar-narrower"
              >
                {t(`calendar.narrower.${narrower}`)}
              </Button>
            )
          }
          data-testid="calendar-truncated"
        />
      )}
      {view === 'timeGridDay' && range && data.data && (
        <DayAgenda
          // The previous day's rows stay on screen while the next day loads; list only the day shown.
          activities={data.data.activities.filter(
            (a) => dayjs(a.plannedStart).isBefore(range.to) && dayjs(a.plannedEnd).isAfter(range.from),
          )}
          writable={writable}
          opening={logging.isFetching ? logId : undefined}
          onLog={setLogId}
        />
      )}
      <Spin spinning={data.isFetching && !data.data}>
        <div style={{ background: '#fff', padding: mobile ? 8 : 12, borderRadius: 8 }}>
          <FullCalendar
            ref={calendarRef}
            plugins={[dayGridPlugin, timeGridPlugin, interactionPlugin]}
            initialView={mobile ? 'timeGridDay' : 'timeGridWeek'}
            headerToolbar={{ left: 'prev,next today', center: 'title', right: 'timeGridDay,timeGridWeek,dayGridMonth' }}
            locales={[zhCnLocale]}
            locale={i18n.language === 'en' ? 'en' : 'zh-cn'}
            firstDay={1}
            nowIndicator
            allDaySlot
            scrollTime="08:00:00"
            height={mobile ? 620 : 760}
            events={events}
            editable={writable}
            selectable={writable}
            selectMirror
            datesSet={onDates}
            select={onSelect}
            eventClick={onClick}
            eventDrop={(arg) => void reschedule(arg)}
            eventResize={(arg) => void reschedule(arg)}
            eventDidMount={onMount}
          />
        </div>
      </Spin>
      <ActivityFormDrawer
        open={!!planning}
        onClose={() => setPlanning(null)}
        prefill={planning ?? undefined}
        stayAfterCreate
      />
      {logging.data && (
        <CompleteActivityDrawer activity={logging.data} open={!!logId} onClose={() => setLogId(undefined)} />
      )}
      <TaskFormDrawer open={!!taskId && !!task.data} task={task.data} onClose={() => setTaskId(undefined)} />
    </div>
  );
}
