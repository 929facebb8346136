import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../core/schemas/org.ts';
import { api } from '../lib/api.ts';
import { currentLang, setLang, type UiLang } from '../i18n/index.ts';
import { ME_KEY } from '../lib/session.ts';

export function LangSwitch() {
  useTranslation(); // re-render on language change
  const qc = useQueryClient();
  const onChange = async (lang: UiLang) => {
    await setLang(lang);
    // Names the server words per reader (provinces, reasons, stages in analyses) are read again in the new
    // language; not the session, whose stored locale still names the old one until the write below lands.
    void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    const me = qc.getQueryData<Me | null>(ME_KEY);
    if (me) {
      // Best effort: the choice is already applied locally; the server copy only follows the user to other devices.
      api.put('/api/auth/preferences', { locale: lang }).then(
        () => qc.setQueryData<Me | null>(ME_KEY, (old) => (old ? { ...old, locale: lang } : old)),
        () => undefined,
      );
    }
  };
  return (
    <Segmented<UiLang>
      data-testid="lang-switch"
      size="small"
      value={currentLang()}
      onChange={(v) => void onChange(v)}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
