import { useEffect } from 'react';
import { App, Input, Modal, Select } from 'antd';
import { FINISHED, Form } from '../../components/Form.tsx';
import { useTranslation } from 'react-i18next';
import type { ActivityType } from '../../../core/schemas/activities.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useStages } from '../stages/api.ts';
import { stageLabel } from '../stages/stageName.ts';
import { useActivityTypes, useCreateActivityType, useUpdateActivityType } from './api.ts';

export type TypeDialog = { mode: 'create' } | { mode: 'edit'; type: ActivityType };

interface Values {
  key?: string;
  name?: string;
  nameEn?: string | null;
  stageId?: string | null;
}

const KEY_RE = /^[a-z][a-z0-9_]{1,39}$/;

export function ActivityTypeFormModal({ dialog, onClose }: { dialog: TypeDialog | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const stages = useStages();
  const types = useActivityTypes();
  const create = useCreateActivityType();
  const update = useUpdateActivityType();
  const fail = useApiFeedback();
  const { message } = App.useApp();

  useEffect(() => {
    if (!dialog) return;
    form.resetFields();
    if (dialog.mode === 'edit')
      form.setFieldsValue({
        key: dialog.type.key,
        name: dialog.type.name,
        nameEn: dialog.type.nameEn,
        stageId: dialog.type.stageId,
      });
  }, [dialog, form]);

  const submit = async (v: Values) => {
    if (!dialog) return;
    const nameEn = v.nameEn?.trim() || null;
    try {
      if (dialog.mode === 'edit') {
        await update.mutateAsync({
          key: dialog.type.key,
          body: { version: dialog.type.version, name: (v.name ?? '').trim(), nameEn, stageId: v.stageId ?? null },
        });
      } else {
        await create.mutateAsync({ key: v.key ?? '', name: (v.name ?? '').trim(), nameEn, stageId: v.stageId ?? null });
      }
      message.success(t('common.saved'));
      onClose();
      return FINISHED;
    } catch (e) {
      fail(e, { form, onReload: () => void types.refetch().then(onClose) });
    }
  };

  return (
    <Modal
      open={!!dialog}
      title={dialog?.mode === 'edit' ? t('activityTypes.edit') : t('activityTypes.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'activity-type-submit' }}
      destroyOnHidden
    >
      <Form form={form} onFinish={submit} layout="vertical" data-testid="activity-type-form">
        <Form.Item
          name="key"
          label={t('activityTypes.key')}
          extra={t('activityTypes.keyHint')}
          rules={[
            { required: true, message: t('validation.required') },
            { pattern: KEY_RE, message: t('activityTypes.keyHint') },
          ]}
        >
          <Input disabled={dialog?.mode === 'edit'} data-testid="activity-type-key" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('activityTypes.name')}
          rules={[{ required: true, message: t('validation.required') }, { max: 50 }]}
        >
          <Input data-testid="activity-type-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('activityTypes.nameEn')} rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="stageId" label={t('activityTypes.stage')} extra={t('activityTypes.stageHint')}>
          <Select<string>
            allowClear
            placeholder={t('activityTypes.noStage')}
            options={(stages.data ?? [])
              .filter((s) => s.kind !== 'lost')
              .map((s) => ({ value: s.id, label: stageLabel(s, i18n.language) }))}
            data-testid="activity-type-stage"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
