import { useEffect } from 'react';
import { App, Input, Modal } from 'antd';
import { FINISHED, Form } from '../../components/Form.tsx';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../core/schemas/org.ts';
import { TeamSelect } from '../../components/TeamSelect.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { descendantIds, useSaveTeam } from './api.ts';
import { useTeams } from '../../lib/org.ts';

export type TeamDialog = { mode: 'create'; parentId: string | null } | { mode: 'edit'; team: Team };
type Values = { name: string; parentId?: string | null };

export function TeamFormModal({ dialog, onClose }: { dialog: TeamDialog | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveTeam();
  const teams = useTeams();
  const fail = useApiFeedback();
  const { message } = App.useApp();

  useEffect(() => {
    if (!dialog) return;
    form.resetFields();
    form.setFieldsValue(
      dialog.mode === 'edit'
        ? { name: dialog.team.name, parentId: dialog.team.parentId ?? undefined }
        : { parentId: dialog.parentId ?? undefined },
    );
  }, [dialog, form]);

  const submit = async (v: Values) => {
    if (!dialog) return;
    const parentId = v.parentId ?? null;
    try {
      if (dialog.mode === 'edit') {
        const body: { version: number; name?: string; parentId?: string | null } = { version: dialog.team.version };
        if (v.name.trim() !== dialog.team.name) body.name = v.name.trim();
        if (parentId !== dialog.team.parentId) body.parentId = parentId;
        await save.mutateAsync({ id: dialog.team.id, body });
      } else {
        await save.mutateAsync({ body: { name: v.name.trim(), parentId } });
      }
      message.success(t('common.saved'));
      onClose();
      return FINISHED;
    } catch (e) {
      fail(e, { form, onReload: () => void teams.refetch().then(onClose) });
    }
  };

  const exclude = dialog?.mode === 'edit' ? descendantIds(teams.data ?? [], dialog.team.id) : undefined;

  return (
    <Modal
      open={!!dialog}
      title={dialog?.mode === 'edit' ? t('admin.renameMove') : t('admin.newTeam')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} onFinish={submit} layout="vertical" data-testid="team-form">
        <Form.Item
          name="name"
          label={t('admin.teamName')}
          rules={[{ required: true, message: t('validation.required') }, { max: 100 }]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="parentId" label={t('admin.parentTeam')}>
          <TeamSelect exclude={exclude} placeholder={t('admin.topLevel')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
