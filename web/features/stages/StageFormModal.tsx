import { useEffect } from 'react';
import { App, Button, Flex, Input, InputNumber, Modal } from 'antd';
import { FINISHED, Form } from '../../components/Form.tsx';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { FORECAST_CATEGORIES } from '../../../core/enums.ts';
import type { Stage, StageCreate, StageUpdate } from '../../../core/schemas/catalog.ts';
import { EnumSelect } from '../../components/EnumSelect.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useSaveStage, useStages } from './api.ts';

export type StageDialog = { mode: 'create' } | { mode: 'edit'; stage: Stage };

interface CriterionValues {
  id?: string;
  label: string;
  labelEn?: string | null;
}
interface Values {
  name: string;
  nameEn?: string | null;
  probability: number;
  forecastCategory: Stage['forecastCategory'];
  exitCriteria?: CriterionValues[];
}

/** Criterion ids are stable keys the deals tick; new ones get a short random id, existing ones keep theirs. */
function newCriterionId(): string {
  return `c${Math.random().toString(36).slice(2, 10)}`;
}

export function StageFormModal({ dialog, onClose }: { dialog: StageDialog | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveStage();
  const stages = useStages();
  const fail = useApiFeedback();
  const { message } = App.useApp();

  useEffect(() => {
    if (!dialog) return;
    form.resetFields();
    if (dialog.mode === 'edit') {
      const s = dialog.stage;
      form.setFieldsValue({
        name: s.name,
        nameEn: s.nameEn,
        probability: s.probability,
        forecastCategory: s.forecastCategory,
        exitCriteria: s.exitCriteria,
      });
    } else {
      form.setFieldsValue({ probability: 10, forecastCategory: 'pipeline', exitCriteria: [] });
    }
  }, [dialog, form]);

  const submit = async (v: Values) => {
    if (!dialog) return;
    const exitCriteria = (v.exitCriteria ?? [])
      .filter((c) => c.label?.trim())
      .map((c) => ({ id: c.id || newCriterionId(), label: c.label.trim(), labelEn: c.labelEn?.trim() || null }));
    const nameEn = v.nameEn?.trim() || null;
    try {
      if (dialog.mode === 'edit') {
        const body: StageUpdate = {
          version: dialog.stage.version,
          name: v.name.trim(),
          nameEn,
          probability: v.probability,
          forecastCategory: v.forecastCategory,
          exitCriteria,
        };
        await save.mutateAsync({ id: dialog.stage.id, body });
      } else {
        const body: StageCreate = {
          name: v.name.trim(),
          nameEn,
          probability: v.probability,
          forecastCategory: v.forecastCategory,
          exitCriteria,
        };
        await save.mutateAsync({ body });
      }
      message.success(t('common.saved'));
      onClose();
      return FINISHED;
    } catch (e) {
      fail(e, { form, onReload: () => void stages.refetch().then(onClose) });
    }
  };

  return (
    <Modal
      open={!!dialog}
      title={dialog?.mode === 'edit' ? t('catalog.editStage') : t('catalog.newStage')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'stage-form-submit' } as Record<string, string>}
      destroyOnHidden
      width={640}
    >
      <Form form={form} onFinish={submit} layout="vertical" data-testid="stage-form">
        <Flex gap={12} wrap>
          <Form.Item
            name="name"
            label={t('field.stage.name')}
            rules={[{ required: true, message: t('validation.required') }, { max: 50 }]}
            style={{ flex: '1 1 200px' }}
          >
            <Input autoFocus />
          </Form.Item>
          <Form.Item name="nameEn" label={t('field.stage.nameEn')} rules={[{ max: 50 }]} style={{ flex: '1 1 200px' }}>
            <Input />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item
            name="probability"
            label={t('field.stage.probability')}
            rules={[{ required: true, message: t('validation.required') }]}
            style={{ flex: '1 1 140px' }}
          >
            <InputNumber<number> min={0} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="forecastCategory" label={t('field.stage.forecastCategory')} style={{ flex: '1 1 200px' }}>
            <EnumSelect group="forecastCategory" values={FORECAST_CATEGORIES} />
          </Form.Item>
        </Flex>
        <div style={{ marginBottom: 8, fontWeight: 500 }}>{t('field.stage.exitCriteria')}</div>
        <Form.List name="exitCriteria">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="flex-start" wrap={false} data-testid="criterion-row">
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'label']}
                    rules={[{ required: true, message: t('validation.required') }, { max: 200 }]}
                    style={{ flex: 1, marginBottom: 8 }}
                  >
                    <Input placeholder={t('field.stage.label')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'labelEn']} rules={[{ max: 200 }]} style={{ flex: 1, marginBottom: 8 }}>
                    <Input placeholder={t('field.stage.labelEn')} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('common.remove')}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ label: '' })}
                disabled={fields.length >= 20}
                block
                data-testid="add-criterion"
              >
                {t('catalog.addCriterion')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
