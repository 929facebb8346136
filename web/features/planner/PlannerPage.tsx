import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Spin,
  Statistic,
  Tag,
  Typography,
  type FormInstance,
} from 'antd';
import dayjs from 'dayjs';
import { ExportButton } from '../../components/ExportButton.tsx';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PLAN_RATIOS, DEFAULT_STAGE_WEEKS } from '../../../core/enums.ts';
import { evenStageWeeks } from '../../../core/planner.ts';
import type { Plan } from '../../../core/schemas/forecast.ts';
import { ApiError, localMessage } from '../../lib/api.ts';
import { toNamePath, withoutPath } from '../../lib/form-errors.ts';
import { DateText } from '../../components/DateText.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { UserSelect } from '../../components/UserSelect.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { canWrite, useMe } from '../../lib/session.ts';
import { useUrlParams } from '../../lib/url-params.ts';
import { useUsers } from '../../lib/org.ts';
import { useComputePlan, useDraftPlan, usePlanActual, useSavePlan } from './api.ts';
import { MonthsPlanTable, ProgressCell } from './PlanActualTable.tsx';
import { PlannerForm, toPlannerInput, type PlannerValues } from './PlannerForm.tsx';
import { PlanMissingAlert } from './PlanMissingAlert.tsx';
import { PlanResult } from './PlanResult.tsx';
import { usePlanningStages } from './planningStages.ts';

interface Shown {
  plan: Plan;
  defaulted: { quota: boolean; averageDealSize: boolean };
}

/** Server field errors under the fields; `ratios.3` lands on the ratios row, which is one form field. */
function applyPlannerErrors(form: FormInstance<PlannerValues>, err: unknown): boolean {
  if (!(err instanceof ApiError) || err.fields.length === 0) return false;
  const known: (keyof PlannerValues)[] = ['quota', 'averageDealSize', 'ratios', 'stageWeeks', 'startMonth'];
  const fields = err.fields.flatMap((f) => {
    const name = known.find((k) => k === toNamePath(f.path)[0]);
    return name ? [{ name, errors: [withoutPath(localMessage(f), f.path)] }] : [];
  });
  form.setFields(fields);
  return fields.length > 0;
}

/** 活动规划 · 653321: the year's quota turned into deals, then into the activities of each month. */
export function PlannerPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const fail = useApiFeedback();
  const p = useUrlParams(['year', 'userId'] as const);
  const year = p.values.year && /^\d{4}$/.test(p.values.year) ? Number(p.values.year) : dayjs().year();
  const manager = me.role === 'admin' || me.role === 'manager';
  const userId = manager ? p.values.userId : undefined;
  const personId = userId ?? me.id;
  const { stages, isPending: stagesPending } = usePlanningStages();
  const [form] = Form.useForm<PlannerValues>();
  const draft = useDraftPlan(year, userId);
  const compute = useComputePlan();
  const save = useSavePlan();
  const actual = usePlanActual({ year, userId: personId });
  const users = useUsers();
  const [shown, setShown] = useState<Shown | null>(null);
  const applied = useRef<string | null>(null);
  const key = `${year}:${personId}`;

  // Another year or person: start from their saved plan, or the defaults.
  useEffect(() => {
    setShown(null);
    form.resetFields();
  }, [key, form]);

  // The course's 653321 and its stage weeks where the funnel has its six planning stages; otherwise
  // no ratios (the server asks for them) and the course's cycle split evenly, as the server would.
  useEffect(() => {
    if (stages.length === 0 || form.getFieldValue('ratios')) return;
    const course = stages.length === DEFAULT_PLAN_RATIOS.length;
    form.setFieldValue('ratios', course ? [...DEFAULT_PLAN_RATIOS] : stages.map(() => null));
    form.setFieldValue('stageWeeks', course ? [...DEFAULT_STAGE_WEEKS] : evenStageWeeks(stages.length));
  }, [stages, form, key]);

  const run = async (values: PlannerValues) => {
    const body = { ...toPlannerInput(values), year, userId };
    try {
      const plan = await compute.mutateAsync(body);
      setShown({ plan, defaulted: { quota: !body.quota, averageDealSize: !body.averageDealSize } });
      if (!body.ratios) form.setFieldValue('ratios', plan.ratios);
      if (!body.stageWeeks) form.setFieldValue('stageWeeks', plan.stageWeeks);
    } catch (e) {
      applyPlannerErrors(form, e);
      fail(e);
    }
  };

  // The page opens on the saved plan, else the plan the quota gives; each is shown once per person,
  // year and save, so a what-if being played with is not replaced by a refetch.
  useEffect(() => {
    const d = draft.data;
    if (!d || stagesPending) return;
    const stamp = `${key}:${d.plan?.savedAt ?? (d.plan ? 'quota' : 'none')}`;
    if (applied.current === stamp) return;
    applied.current = stamp;
    if (d.saved && d.plan) {
      const s = d.plan;
      form.setFieldsValue({
        quota: s.quota,
        averageDealSize: s.averageDealSize,
        ratios: s.ratios,
        stageWeeks: s.stageWeeks,
        startMonth: Number(s.startMonth.slice(5, 7)),
      });
      setShown({ plan: s, defaulted: { quota: false, averageDealSize: false } });
    } else if (d.plan) {
      setShown({ plan: d.plan, defaulted: { quota: true, averageDealSize: d.plan.averageDealSizeSource !== 'input' } });
    }
  }, [draft.data, stagesPending, key, form]);

  const onSave = async () => {
    const values = await form.validateFields();
    const body = { ...toPlannerInput(values), userId };
    try {
      const plan = await save.mutateAsync({ year, body });
      setShown({ plan, defaulted: { quota: !body.quota, averageDealSize: !body.averageDealSize } });
      message.success(t('planner.saved'));
    } catch (e) {
      applyPlannerErrors(form, e);
      fail(e);
    }
  };

  const person = actual.data?.people.find((x) => x.userId === personId);
  const savedPlan = draft.data?.saved ? draft.data.plan : null;
  const missing = draft.data && !draft.data.plan ? draft.data.missing : [];
  // Someone else's plan names them where it says whose won deals the average came from.
  const personName =
    personId === me.id ? undefined : (users.data?.find((u) => u.id === personId)?.name ?? person?.name);

  return (
    <div data-testid="planner-page" style={{ minWidth: 0 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('nav.planner')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('planner.hint')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <DatePicker
          picker="year"
          value={dayjs(`${year}-01-01`)}
          allowClear={false}
          onChange={(d) => d && p.set('year', String(d.year()))}
          data-testid="planner-year"
        />
        {manager && (
          <UserSelect
            value={userId}
            onChange={(v) => p.set('userId', v)}
            placeholder={t('planner.myself')}
            style={{ width: mobile ? '100%' : 200 }}
            data-testid="planner-user"
          />
        )}
        {!mobile && draft.data?.plan && <ExportButton path="/api/planner/draft" query={{ year, userId }} />}
      </Flex>
      <Card size="small" style={{ marginBottom: 12 }}>
        {stagesPending ? (
          <Spin />
        ) : (
          <PlannerForm
            form={form}
            stages={stages}
            year={year}
            onCompute={() => void run(form.getFieldsValue(true) as PlannerValues)}
            onSave={canWrite(me) ? () => void onSave() : undefined}
            computing={compute.isPending}
            saving={save.isPending}
            saveLabel={userId && userId !== me.id ? t('planner.saveForPerson') : t('planner.saveMine')}
          />
        )}
      </Card>
      {missing.length > 0 && !shown && (
        <PlanMissingAlert
          missing={missing}
          year={year}
          canSetQuota={manager}
          onTypeTarget={() => form.getFieldInstance('quota')?.focus()}
        />
      )}
      {draft.isError ? (
        <FullPageError error={draft.error} onRetry={() => void draft.refetch()} />
      ) : savedPlan ? (
        shown?.plan !== savedPlan && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="saved-plan-banner"
            title={
              <>
                {t('planner.savedPlan', { deals: savedPlan.dealsNeeded })} · {t('planner.savedAt')}{' '}
                <DateText value={savedPlan.savedAt} withTime />
              </>
            }
            action={
              <Button
                size="small"
                onClick={() => setShown({ plan: savedPlan, defaulted: { quota: false, averageDealSize: false } })}
              >
                {t('planner.showSaved')}
              </Button>
            }
          />
        )
      ) : (
        !draft.isPending && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('planner.notSaved')}
            data-testid="no-saved-plan"
          />
        )
      )}
      {shown ? (
        <PlanResult plan={shown.plan} defaulted={shown.defaulted} personName={personName} />
      ) : (
        compute.isPending && <Spin />
      )}

      <Card size="small" title={t('planner.actualTitle')} data-testid="plan-actual">
        {actual.isError ? (
          <FullPageError error={actual.error} onRetry={() => void actual.refetch()} />
        ) : actual.isPending ? (
          <Spin />
        ) : !person || !actual.data ? (
          <Empty description={t('planner.noActual')} />
        ) : (
          <>
            <Flex wrap gap={32} align="center" style={{ marginBottom: 12 }}>
              <Statistic title={t('planner.plannedToDate')} value={person.plannedToDate} data-testid="actual-planned" />
              <Statistic title={t('planner.doneToDate')} value={person.doneToDate} data-testid="actual-done" />
              <div style={{ minWidth: 160 }}>
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {t('planner.progress')}
                </Typography.Text>
                <ProgressCell person={person} />
              </div>
              {person.behind && <Tag color="red">{t('planner.behind')}</Tag>}
            </Flex>
            <MonthsPlanTable data={actual.data} person={person} />
          </>
        )}
      </Card>
    </div>
  );
}
