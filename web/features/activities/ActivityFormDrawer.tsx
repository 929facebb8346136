import { useEffect, useState } from 'react';
import { App, Button, Drawer, Flex, Space, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Activity } from '../../../core/schemas/activities.ts';
import { FINISHED, Form } from '../../components/Form.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { ApiError } from '../../lib/api.ts';
import { toNamePath } from '../../lib/form-errors.ts';
import { useMe } from '../../lib/session.ts';
import { useCreateActivity, useUpdateActivity } from './api.ts';
import { GoalSection, TalkDineSection, WhenWhereSection, WhoSection } from './PlanSections.tsx';
import {
  newPlanValues,
  planValuesOf,
  stepOfField,
  STEP_FIELDS,
  toCreateBody,
  toUpdateBody,
  type PlanPrefill,
  type PlanValues,
} from './planValues.ts';
import { useTypeOptions } from '../activity-types/typeLabel.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  /** Absent: plan a new one. */
  activity?: Activity;
  prefill?: PlanPrefill;
  onReload?: () => void;
  /** After creating, stay where we are (calendar, account page) instead of opening the new activity. */
  stayAfterCreate?: boolean;
}

const STEP_KEYS = ['when', 'who', 'goal', 'talk'] as const;

/** The course's visit plan as a four-step walk: when and where, who, objective and steps, talking points and dining. */
export function ActivityFormDrawer({ open, onClose, activity, prefill, onReload, stayAfterCreate }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PlanValues>();
  const me = useMe();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const fail = useApiFeedback();
  const create = useCreateActivity();
  const update = useUpdateActivity();
  const typeOptions = useTypeOptions(activity?.type);
  const [step, setStep] = useState(0);
  const defaultType = typeOptions.find((o) => o.value === 'visit')?.value ?? typeOptions[0]?.value;

  useEffect(() => {
    if (!open) return;
    setStep(0);
    form.resetFields();
    form.setFieldsValue(activity ? planValuesOf(activity) : newPlanValues(prefill ?? {}, me.id));
    // prefill is a fresh object on every render of the opener; the drawer reads it only when it opens.
  }, [open, activity, me.id, form]);

  useEffect(() => {
    if (open && !activity && !form.getFieldValue('type') && defaultType) form.setFieldValue('type', defaultType);
  }, [open, activity, defaultType, form]);

  const next = async () => {
    try {
      await form.validateFields(STEP_FIELDS[step]);
      setStep((s) => Math.min(s + 1, STEP_KEYS.length - 1));
    } catch {
      // The errors are on screen under the fields.
    }
  };

  const submit = async (v: PlanValues) => {
    try {
      if (activity) {
        await update.mutateAsync({ id: activity.id, body: toUpdateBody(v, activity) });
        message.success(t('common.saved'));
        onClose();
      } else {
        const created = await create.mutateAsync(toCreateBody(v, me.id));
        message.success(t('common.created'));
        onClose();
        if (!stayAfterCreate) navigate(`/activities/${created.id}`);
      }
      return FINISHED;
    } catch (e) {
      // A field the server rejected may sit on another step: show that step.
      const path = e instanceof ApiError ? e.fields[0]?.path : undefined;
      if (path) setStep(stepOfField(String(toNamePath(path)[0])));
      fail(e, { form, onReload });
    }
  };
  // A field the form itself rejected may sit on another step too.
  const showFirstError = ({ errorFields }: { errorFields: { name: (string | number)[] }[] }) => {
    if (errorFields[0]) setStep(stepOfField(String(errorFields[0].name[0])));
  };

  const last = step === STEP_KEYS.length - 1;
  const saving = create.isPending || update.isPending;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={mobile ? '100%' : 760}
      title={activity ? t('activities.edit') : t('activities.new')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {/* A new plan saved before its last step is a draft, finished later by editing it. */}
          <Button
            type={last ? 'primary' : 'default'}
            loading={saving}
            onClick={() => form.submit()}
            data-testid="activity-form-submit"
          >
            {activity || last ? t('activities.savePlan') : t('activities.saveDraft')}
          </Button>
        </Space>
      }
    >
      <Steps
        size="small"
        current={step}
        onChange={setStep}
        responsive={false}
        titlePlacement={mobile ? 'vertical' : 'horizontal'}
        items={STEP_KEYS.map((k) => ({
          title: <span data-testid={`plan-step-${k}`}>{t(`activities.step.${k}`)}</span>,
        }))}
        style={{ marginBottom: 16 }}
      />
      {/* Enter never saves the plan: only the save buttons do (issue 18: Enter in step 1's date saved a plan without people or objective). */}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onFinishFailed={showFirstError}
        submitOnEnter={false}
        data-testid="activity-form"
      >
        {/* Every step stays mounted so one save validates and sends the whole plan. */}
        <div hidden={step !== 0}>
          <WhenWhereSection
            form={form}
            accountLocked={!!activity || !!prefill?.accountId}
            accountName={activity?.accountName ?? prefill?.accountName}
            activity={activity}
          />
        </div>
        <div hidden={step !== 1}>
          <WhoSection form={form} activity={activity} />
        </div>
        <div hidden={step !== 2}>
          <GoalSection />
        </div>
        <div hidden={step !== 3}>
          <TalkDineSection />
        </div>
      </Form>
      <Flex justify="space-between" style={{ marginTop: 8 }}>
        <Button disabled={step === 0} onClick={() => setStep((s) => s - 1)} data-testid="plan-prev">
          {t('activities.prev')}
        </Button>
        {last ? (
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="plan-save">
            {t('activities.savePlan')}
          </Button>
        ) : (
          <Button type="primary" onClick={() => void next()} data-testid="plan-next">
            {t('activities.next')}
          </Button>
        )}
      </Flex>
    </Drawer>
  );
}
