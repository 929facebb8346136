import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 共 N 条 (10000+ when the count stopped at its cap): above every list, from its summary or its rows. */
export function ListCount({
  count,
  capped = false,
  block = false,
}: {
  count: number;
  capped?: boolean;
  block?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Typography.Text
      strong
      data-testid="list-total"
      data-count={count}
      style={block ? { display: 'block', marginBottom: 8 } : undefined}
    >
      {t(capped ? 'lists.totalCapped' : 'lists.total', { count })}
    </Typography.Text>
  );
}
