import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BuyingRole, ResponseMode } from '../../../../core/blue-sheet.ts';

const ROLE_COLORS: Record<BuyingRole, string> = {
  coach: 'cyan',
  user: 'blue',
  technical: 'geekblue',
  economic: 'magenta',
};
/** growth green, trouble orange, even keel grey, overconfident purple. */
export const MODE_COLORS: Record<ResponseMode, string> = {
  growth: 'green',
  trouble: 'orange',
  even_keel: 'default',
  overconfident: 'purple',
};

export function RoleTags({ roles }: { roles: BuyingRole[] }) {
  const { t } = useTranslation();
  if (!roles.length) return <>—</>;
  return (
    <>
      {roles.map((r) => (
        <Tag key={r} color={ROLE_COLORS[r]} data-testid="role-tag" data-role={r}>
          {t(`enum.buyingRole.${r}`)}
        </Tag>
      ))}
    </>
  );
}

export function ModeTag({ mode }: { mode: ResponseMode | null }) {
  const { t } = useTranslation();
  if (!mode) return <>—</>;
  return (
    <Tag color={MODE_COLORS[mode]} data-testid="mode-tag" data-mode={mode}>
      {t(`enum.responseMode.${mode}`)}
    </Tag>
  );
}
