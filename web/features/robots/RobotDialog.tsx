import { Checkbox, Col, Input, Modal, Radio, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { FINISHED, Form } from '../../components/Form.tsx';
import { TeamSelect } from '../../components/TeamSelect.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { ROBOT_EVENTS } from '../../../core/events.ts';
import { ROBOT_KINDS, type Robot, type RobotCreate, type RobotKind } from '../../../core/schemas/robots.ts';
import { useCreateRobot, useUpdateRobot } from './api.ts';

interface Values {
  teamId: string;
  kind: RobotKind;
  url: string;
  secret: string;
  clearSecret: boolean;
  events: RobotCreate['events'];
  name: string;
  active: boolean;
}

/** What each service's robot address looks like, as the placeholder. */
const URL_EXAMPLE: Record<RobotKind, string> = {
  wecom: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
  dingtalk: 'https://oapi.dingtalk.com/robot/send?access_token=…',
  feishu: 'https://open.feishu.cn/open-apis/bot/v2/hook/…',
};

/**
 * 新建 / 编辑机器人: the team, the service (fixed once made), the group's webhook URL, the signing secret
 * for 钉钉 and 飞书 (written, never shown again: an edit keeps it unless a new one is typed or it is
 * cleared), the events with their Chinese names, and whether it posts.
 */
export function RobotDialog({
  open,
  editing,
  teamId,
  onClose,
}: {
  open: boolean;
  editing: Robot | null;
  /** The team a new robot starts on (the page's filter). */
  teamId: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateRobot();
  const update = useUpdateRobot();
  const fail = useApiFeedback();
  const kind = Form.useWatch('kind', form) ?? editing?.kind ?? 'wecom';
  const clearSecret = Form.useWatch('clearSecret', form);

  // The form mounts afresh at each opening (no forceRender; destroyOnHidden): its values start from these,
  // and its one-save guard (components/Form.tsx) starts over too.
  const initial: Partial<Values> = editing
    ? {
        teamId: editing.teamId,
        kind: editing.kind,
        url: editing.url,
        secret: '',
        clearSecret: false,
        events: editing.events as Values['events'],
        name: editing.name,
        active: editing.active,
      }
    : { teamId, kind: 'wecom', url: '', secret: '', clearSecret: false, events: ['deal.won'], name: '', active: true };

  const submit = async (v: Values) => {
    const common = { teamId: v.teamId, url: v.url.trim(), events: v.events, name: v.name.trim(), active: v.active };
    const secret = v.secret.trim();
    try {
      if (editing)
        await update.mutateAsync({
          id: editing.id,
          version: editing.version,
          ...common,
          ...(v.clearSecret ? { secret: null } : secret ? { secret } : {}),
        });
      else await create.mutateAsync({ ...common, kind: v.kind, ...(secret ? { secret } : {}) });
      onClose();
      return FINISHED;
    } catch (e) {
      fail(e, { form });
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? t('robots.edit') : t('robots.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      data-testid="robot-dialog"
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="teamId" label={t('robots.team')} extra={t('robots.teamHint')} rules={[{ required: true }]}>
          <TeamSelect placeholder={t('common.choose')} data-testid="robot-team" />
        </Form.Item>
        <Form.Item name="kind" label={t('robots.kind')} rules={[{ required: true }]}>
          <Radio.Group disabled={!!editing} optionType="button" buttonStyle="solid" data-testid="robot-kind">
            {ROBOT_KINDS.map((k) => (
              <Radio.Button key={k} value={k} data-testid={`robot-kind-${k}`}>
                {t(`robots.kindName.${k}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="url"
          label={t('robots.url')}
          extra={t(`robots.urlHint.${kind}`)}
          rules={[{ required: true, whitespace: true }, { max: 2000 }]}
        >
          <Input data-testid="robot-url" placeholder={URL_EXAMPLE[kind]} inputMode="url" />
        </Form.Item>
        {kind !== 'wecom' && (
          <>
            <Form.Item
              name="secret"
              label={t('robots.secret')}
              extra={t(`robots.secretHint.${kind}`)}
              rules={[{ max: 200 }]}
            >
              <Input.Password
                data-testid="robot-secret"
                autoComplete="new-password"
                disabled={!!clearSecret}
                placeholder={editing?.secretSet ? t('robots.secretKeep') : undefined}
              />
            </Form.Item>
            {editing?.secretSet && (
              <Form.Item name="clearSecret" valuePropName="checked" style={{ marginTop: -8 }}>
                <Checkbox data-testid="robot-clear-secret">{t('robots.clearSecret')}</Checkbox>
              </Form.Item>
            )}
          </>
        )}
        {/* At least one, but not `required`: antd would put aria-required on the group, which its role does not take. */}
        <Form.Item name="events" label={t('robots.events')} rules={[{ type: 'array', min: 1 }]}>
          <Checkbox.Group style={{ width: '100%' }}>
            <Row gutter={[8, 4]}>
              {ROBOT_EVENTS.map((e) => (
                <Col key={e} span={24}>
                  <Checkbox value={e} data-testid={`robot-event-${e}`}>
                    {t(`robots.event.${e}`)}
                  </Checkbox>
                </Col>
              ))}
            </Row>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="name" label={t('robots.name')} extra={t('robots.nameHint')} rules={[{ max: 80 }]}>
          <Input data-testid="robot-name" maxLength={80} />
        </Form.Item>
        <Form.Item name="active" valuePropName="checked" label={t('robots.active')}>
          <Switch data-testid="robot-active" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
