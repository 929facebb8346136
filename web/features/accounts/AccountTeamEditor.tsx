import { useState } from 'react';
import { App, Button, Card, Flex, List, Space, Tag } from 'antd';
import { Form } from '../../components/Form.tsx';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_MEMBER_ROLES } from '../../../core/enums.ts';
import type { AccountDetail, AccountMembersPut } from '../../../core/schemas/accounts.ts';
import { EnumSelect } from '../../components/EnumSelect.tsx';
import { UserSelect } from '../../components/UserSelect.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { canWrite, useMe } from '../../lib/session.ts';
import { usePutMembers } from './api.ts';

/** 客户团队: the people of our side who work this account, each with a role. */
export function AccountTeamEditor({ account }: { account: AccountDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<AccountMembersPut>();
  const put = usePutMembers(account.id);
  const fail = useApiFeedback();
  const { message } = App.useApp();

  const start = () => {
    form.setFieldsValue({ members: account.members.map((m) => ({ userId: m.userId, role: m.role })) });
    setEditing(true);
  };
  const save = async (v: AccountMembersPut) => {
    try {
      await put.mutateAsync({ members: (v.members ?? []).filter((m) => m.userId) });
      message.success(t('common.saved'));
      setEditing(false);
    } catch (e) {
      fail(e, { form });
    }
  };

  return (
    <Card
      size="small"
      title={t('accounts.accountTeam')}
      data-testid="account-team"
      extra={
        canWrite(me) &&
        !editing && (
          <Button size="small" icon={<EditOutlined />} onClick={start} data-testid="edit-account-team">
            {t('common.edit')}
          </Button>
        )
      }
    >
      {!editing ? (
        <List
          size="small"
          dataSource={account.members}
          locale={{ emptyText: t('accounts.noMembers') }}
          renderItem={(m) => (
            <List.Item>
              {m.name} <Tag>{t(`enum.memberRole.${m.role}`)}</Tag>
            </List.Item>
          )}
        />
      ) : (
        <Form form={form} onFinish={save}>
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="start" wrap>
                    <Form.Item
                      name={[f.name, 'userId']}
                      rules={[{ required: true, message: t('validation.required') }]}
                      style={{ flex: '1 1 160px', marginBottom: 8 }}
                    >
                      <UserSelect placeholder={t('accounts.member')} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'role']}
                      rules={[{ required: true, message: t('validation.required') }]}
                      style={{ flex: '1 1 140px', marginBottom: 8 }}
                    >
                      <EnumSelect
                        group="memberRole"
                        values={ACCOUNT_MEMBER_ROLES}
                        placeholder={t('accounts.memberRole')}
                      />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.remove')} />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ role: 'member' })}
                  block
                  style={{ marginBottom: 8 }}
                >
                  {t('accounts.addMember')}
                </Button>
              </>
            )}
          </Form.List>
          <Space>
            <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={put.isPending}>
              {t('common.save')}
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
