import { useEffect } from 'react';
import { App, Input, Modal, Switch } from 'antd';
import { FINISHED, Form } from '../../components/Form.tsx';
import { useTranslation } from 'react-i18next';
import { DATA_SCOPES, DEFAULT_SCOPE_BY_ROLE, ROLES, type Role } from '../../../core/enums.ts';
import type { User, UserCreate, UserUpdate } from '../../../core/schemas/org.ts';
import { EnumSelect } from '../../components/EnumSelect.tsx';
import { TeamSelect } from '../../components/TeamSelect.tsx';
import { UserSelect } from '../../components/UserSelect.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useSaveUser } from './api.ts';

type Values = Omit<UserCreate, 'password'> & { password?: string; active?: boolean };
const EDITABLE = ['email', 'name', 'role', 'dataScope', 'teamId', 'managerId', 'active'] as const;

export function UserFormModal({ open, user, onClose }: { open: boolean; user?: User; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveUser();
  const fail = useApiFeedback();
  const { message } = App.useApp();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      user
        ? {
            email: user.email,
            name: user.name,
            role: user.role,
            dataScope: user.dataScope,
            teamId: user.teamId ?? undefined,
            managerId: user.managerId ?? undefined,
            active: user.active,
          }
        : { role: 'rep', dataScope: DEFAULT_SCOPE_BY_ROLE.rep, active: true },
    );
  }, [open, user, form]);

  const submit = async (v: Values) => {
    try {
      if (user) {
        const body: Record<string, unknown> = { version: user.version };
        for (const k of EDITABLE) {
          const next = v[k] ?? null;
          const prev = user[k] ?? null;
          if (next !== prev) body[k] = next;
        }
        if (v.password) body.password = v.password;
        await save.mutateAsync({ id: user.id, body: body as UserUpdate });
      } else {
        const body: UserCreate = {
          email: v.email.trim(),
          name: v.name.trim(),
          password: v.password ?? '',
          role: v.role,
          dataScope: v.dataScope,
          teamId: v.teamId ?? null,
          managerId: v.managerId ?? null,
        };
        await save.mutateAsync({ body });
      }
      message.success(t('common.saved'));
      onClose();
      return FINISHED;
    } catch (e) {
      fail(e, { form });
    }
  };

  return (
    <Modal
      open={open}
      title={user ? t('admin.editUser') : t('admin.newUser')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} onFinish={submit} layout="vertical" data-testid="user-form">
        <Form.Item
          name="email"
          label={t('field.user.email')}
          rules={[{ required: true, type: 'email', message: t('validation.email') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('field.user.name')}
          rules={[{ required: true, message: t('validation.required') }, { max: 100 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="password"
          label={user ? t('admin.newPasswordOptional') : t('field.user.password')}
          rules={[
            { required: !user, message: t('validation.password') },
            { min: 8, message: t('validation.password') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('field.user.role')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <EnumSelect
            group="role"
            values={ROLES}
            onChange={(r) => form.setFieldValue('dataScope', DEFAULT_SCOPE_BY_ROLE[r as Role])}
          />
        </Form.Item>
        <Form.Item name="dataScope" label={t('field.user.dataScope')} tooltip={t('admin.dataScopeHint')}>
          <EnumSelect group="dataScope" values={DATA_SCOPES} />
        </Form.Item>
        <Form.Item name="teamId" label={t('field.user.teamId')}>
          <TeamSelect placeholder={t('common.choose')} />
        </Form.Item>
        <Form.Item name="managerId" label={t('field.user.managerId')}>
          <UserSelect placeholder={t('common.choose')} />
        </Form.Item>
        {user && (
          <Form.Item name="active" label={t('field.user.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
