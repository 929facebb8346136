import type { HTMLAttributes } from 'react';
import { Progress, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { PlanActual } from '../../../core/schemas/forecast.ts';
import { stageLabel } from '../stages/stageName.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';

type Person = PlanActual['people'][number];
type Month = Person['months'][number];

/** Progress as a bar: red when behind, so a manager's eye goes to who needs help. */
export function ProgressCell({ person }: { person: Person }) {
  const { t } = useTranslation();
  if (person.progress === null) return <Typography.Text type="secondary">{t('planner.noPlan')}</Typography.Text>;
  const pct = Math.round(person.progress * 100);
  return (
    <Progress
      percent={pct}
      size="small"
      status={person.behind ? 'exception' : pct >= 100 ? 'success' : 'normal'}
      format={() => `${pct}%`}
      aria-label={t('planner.progress')}
      style={{ minWidth: 100, margin: 0 }}
    />
  );
}

/** Per rep: planned and done activities to date, the progress, and who is behind (highlighted). */
export function PeoplePlanTable({ data, loading }: { data: PlanActual | undefined; loading: boolean }) {
  const { t } = useTranslation();
  // Sized by their content on a desktop, within the card; a phone scrolls sideways.
  const mobile = useIsMobile();
  const people = [...(data?.people ?? [])].sort(
    (a, b) => Number(b.behind) - Number(a.behind) || (a.progress ?? 2) - (b.progress ?? 2),
  );
  return (
    <Table<Person>
      rowKey="userId"
      size="small"
      pagination={false}
      loading={loading}
      dataSource={people}
      scroll={mobile ? { x: 660 } : undefined}
      data-testid="people-plan-table"
      onRow={(p) =>
        ({
          style: p.behind ? { background: '#fff1f0' } : undefined,
          'data-testid': 'people-plan-row',
          'data-behind': p.behind ? 'true' : 'false',
        }) as HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          key: 'name',
          title: t('planner.person'),
          render: (_, p) => <span data-testid="plan-person">{p.name}</span>,
        },
        {
          key: 'source',
          title: t('planner.planSource'),
          render: (_, p) => (p.planSource ? <Tag>{t(`planner.source.${p.planSource}`)}</Tag> : '—'),
        },
        {
          key: 'planned',
          title: t('planner.plannedToDate'),
          align: 'right',
          render: (_, p) => p.plannedToDate,
        },
        { key: 'done', title: t('planner.doneToDate'), align: 'right', render: (_, p) => p.doneToDate },
        { key: 'progress', title: t('planner.progress'), render: (_, p) => <ProgressCell person={p} /> },
        {
          key: 'behind',
          render: (_, p) =>
            p.behind ? (
              <Tag color="red" data-testid="plan-behind">
                {t('planner.behind')}
              </Tag>
            ) : null,
        },
      ]}
    />
  );
}

/** One person's year: per month and stage, done beside planned ("3 / 5"). */
export function MonthsPlanTable({ data, person }: { data: PlanActual; person: Person }) {
  const { t, i18n } = useTranslation();
  const cell = (done: number, planned: number) => {
    if (!done && !planned) return '';
    return (
      <span style={{ color: done < planned ? '#cf1322' : undefined }}>
        {done} / {planned}
      </span>
    );
  };
  const columns: ColumnsType<Month> = [
    {
      key: 'month',
      title: t('planner.month'),
      fixed: 'left',
      width: 90,
      render: (_, m) => <Typography.Text strong={m.month === data.asOf}>{m.month}</Typography.Text>,
    },
    ...data.stages.map((s) => ({
      key: s.stageId,
      title: stageLabel(s, i18n.language),
      align: 'right' as const,
      width: 100,
      render: (_: unknown, m: Month) => cell(m.done[s.stageId] ?? 0, m.planned[s.stageId] ?? 0),
    })),
    {
      key: 'total',
      title: t('planner.doneOfPlanned'),
      align: 'right',
      width: 110,
      render: (_, m) => cell(m.doneTotal, m.plannedTotal),
    },
  ];
  return (
    <Table<Month>
      rowKey="month"
      size="small"
      pagination={false}
      dataSource={person.months}
      columns={columns}
      scroll={{ x: 200 + data.stages.length * 100 }}
      data-testid="months-plan-table"
    />
  );
}
