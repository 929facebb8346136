import { Flex, InputNumber, Typography } from 'antd';

interface Props {
  stages: { id: string; label: string }[];
  value?: (number | null)[];
  onChange?: (value: (number | null)[]) => void;
  /** Whole activities per signed deal, or weeks to the half week. */
  kind: 'ratio' | 'week';
}

/** Weeks keep what was typed ("2.5", "3"); the form checks they are whole or half weeks. */
const BOUNDS = {
  ratio: { min: 0, max: 1000, step: 1, precision: 0 },
  week: { min: 0.5, max: 52, step: 0.5, precision: undefined },
};

/** One number per planning stage, labelled with the stage's name: activities per signed deal, or the weeks the stage takes. */
export function StageNumbersInput({ stages, value = [], onChange, kind }: Props) {
  const b = BOUNDS[kind];
  return (
    <Flex wrap gap={8} data-testid={`plan-${kind}s`}>
      {stages.map((s, i) => (
        // biome-ignore lint/a11y/noLabelWithoutControl: the label wraps antd's InputNumber, whose <input> it labels
        <label key={s.id} style={{ display: 'flex', flexDirection: 'column', gap: 2, width: 108 }}>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }} title={s.label}>
            {s.label}
          </Typography.Text>
          <InputNumber<number>
            min={b.min}
            max={b.max}
            step={b.step}
            precision={b.precision}
            value={value[i] ?? null}
            onChange={(v) => {
              const next = stages.map((_, j) => (j === i ? v : (value[j] ?? null)));
              onChange?.(next);
            }}
            style={{ width: '100%' }}
            aria-label={s.label}
            data-testid={`plan-${kind}-${i}`}
          />
        </label>
      ))}
    </Flex>
  );
}
