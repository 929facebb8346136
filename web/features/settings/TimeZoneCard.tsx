import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useOrgTimeZone, usePutOrgTimeZone } from './api.ts';

const DEFAULT_ZONE = 'Asia/Shanghai';

/** The IANA zones the browser knows, the saved one included even when it is an alias the list leaves out. */
function zoneOptions(current: string | undefined) {
  const zones = Intl.supportedValuesOf('timeZone');
  const all = current && !zones.includes(current) ? [current, ...zones] : zones;
  return all.map((z) => ({ value: z, label: z }));
}

/** Admins: the zone the organisation's days, weeks and quarters are named in (Asia/Shanghai by default). */
export function TimeZoneCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fail = useApiFeedback();
  const zone = useOrgTimeZone();
  const put = usePutOrgTimeZone();
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => {
    if (zone.data) setDraft(zone.data.timeZone);
  }, [zone.data]);
  const options = useMemo(() => zoneOptions(zone.data?.timeZone), [zone.data?.timeZone]);

  const save = async () => {
    if (!draft) return;
    try {
      await put.mutateAsync({ timeZone: draft });
      message.success(t('common.saved'));
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Card
      size="small"
      title={t('settingsPage.timeZoneTitle')}
      loading={zone.isPending}
      data-testid="settings-time-zone"
    >
      <Typography.Paragraph type="secondary">
        {t('settingsPage.timeZoneHint', { zone: DEFAULT_ZONE })}
      </Typography.Paragraph>
      <Space wrap>
        <Typography.Text id="org-time-zone-label">{t('settingsPage.timeZone')}</Typography.Text>
        <Select<string>
          showSearch
          aria-labelledby="org-time-zone-label"
          value={draft ?? undefined}
          onChange={setDraft}
          options={options}
          style={{ width: 240 }}
          data-testid="org-time-zone"
        />
        <Button
          onClick={() => void save()}
          loading={put.isPending}
          disabled={!draft || draft === zone.data?.timeZone}
          data-testid="org-time-zone-save"
        >
          {t('common.save')}
        </Button>
      </Space>
    </Card>
  );
}
