import { Flex, InputNumber, Typography } from 'antd';

interface Props {
  stages: { id: string; label: string }[];
  value?: (number | null)[];
  onChange?: (value: (number | null)[]) => void;
}

/** One number per planning stage, labelled with the stage's name: activities per signed deal. */
export function RatiosInput({ stages, value = [], onChange }: Props) {
  return (
    <Flex wrap gap={8} data-testid="plan-ratios">
      {stages.map((s, i) => (
        <label key={s.id} style={{ display: 'flex', flexDirection: 'column', gap: 2, width: 108 }}>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }} title={s.label}>
            {s.label}
          </Typography.Text>
          <InputNumber<number>
            min={0}
            max={1000}
            precision={0}
            value={value[i] ?? null}
            onChange={(v) => {
              const next = stages.map((_, j) => (j === i ? v : (value[j] ?? null)));
              onChange?.(next);
            }}
            style={{ width: '100%' }}
            aria-label={s.label}
            data-testid={`plan-ratio-${i}`}
          />
        </label>
      ))}
    </Flex>
  );
}
