import { useEffect } from 'react';
import { App, Input, Modal } from 'antd';
import { FINISHED, Form } from '../../components/Form.tsx';
import { useTranslation } from 'react-i18next';
import { PRICE_POSITIONS } from '../../../core/enums.ts';
import type { Competitor, CompetitorCreate } from '../../../core/schemas/catalog.ts';
import { EnumSelect } from '../../components/EnumSelect.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useCompetitors, useSaveCompetitor } from './api.ts';

export type CompetitorDialog = { mode: 'create' } | { mode: 'edit'; competitor: Competitor };
interface Values {
  name: string;
  strengths?: string | null;
  weaknesses?: string | null;
  pricePosition?: Competitor['pricePosition'];
}

const blank = (s: string | null | undefined): string | null => (s && s.trim() ? s.trim() : null);

export function CompetitorFormModal({ dialog, onClose }: { dialog: CompetitorDialog | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveCompetitor();
  const competitors = useCompetitors();
  const fail = useApiFeedback();
  const { message } = App.useApp();

  useEffect(() => {
    if (!dialog) return;
    form.resetFields();
    if (dialog.mode === 'edit') form.setFieldsValue({ ...dialog.competitor });
  }, [dialog, form]);

  const submit = async (v: Values) => {
    if (!dialog) return;
    const body: CompetitorCreate = {
      name: v.name.trim(),
      strengths: blank(v.strengths),
      weaknesses: blank(v.weaknesses),
      pricePosition: v.pricePosition ?? null,
    };
    try {
      if (dialog.mode === 'edit')
        await save.mutateAsync({ id: dialog.competitor.id, body: { ...body, version: dialog.competitor.version } });
      else await save.mutateAsync({ body });
      message.success(t('common.saved'));
      onClose();
      return FINISHED;
    } catch (e) {
      fail(e, { form, onReload: () => void competitors.refetch().then(onClose) });
    }
  };

  return (
    <Modal
      open={!!dialog}
      title={dialog?.mode === 'edit' ? t('catalog.editCompetitor') : t('catalog.newCompetitor')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} onFinish={submit} layout="vertical" data-testid="competitor-form">
        <Form.Item
          name="name"
          label={t('field.competitor.name')}
          rules={[{ required: true, message: t('validation.required') }, { max: 200 }]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="pricePosition" label={t('field.competitor.pricePosition')}>
          <EnumSelect group="pricePosition" values={PRICE_POSITIONS} allowClear placeholder={t('common.choose')} />
        </Form.Item>
        <Form.Item name="strengths" label={t('field.competitor.strengths')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={10000} />
        </Form.Item>
        <Form.Item name="weaknesses" label={t('field.competitor.weaknesses')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={10000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
