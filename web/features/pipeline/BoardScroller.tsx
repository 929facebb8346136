import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { Button } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/**
 * The board's window onto its stages. Wider than the page, it scrolls both ways inside itself, so the
 * stage headers (sticky in BoardColumn) stay in view while the cards scroll under them, and a button
 * at the right edge says how many stages lie further right and scrolls to them.
 */
export function BoardScroller({ children, step, mobile }: { children: ReactNode; step: number; mobile: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState(0);

  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const right = el.getBoundingClientRect().right;
    const columns = el.querySelectorAll('[data-testid="board-column"]');
    setHidden([...columns].filter((c) => c.getBoundingClientRect().right > right + 1).length);
  }, []);

  useEffect(() => {
    measure();
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [measure]);

  return (
    <div style={{ position: 'relative' }}>
      <div
        ref={ref}
        onScroll={measure}
        data-testid="board-scroller"
        style={{
          overflow: 'auto',
          // A phone scrolls the page; a desktop keeps the board within the window so its headers stick.
          maxHeight: mobile ? undefined : 'calc(100vh - 240px)',
          minHeight: mobile ? undefined : 320,
          paddingBottom: 8,
          WebkitOverflowScrolling: 'touch',
        }}
      >
        {children}
      </div>
      {hidden > 0 && (
        <Button
          shape="round"
          icon={<RightOutlined />}
          iconPlacement="end"
          onClick={() => ref.current?.scrollBy({ left: step, behavior: 'smooth' })}
          data-testid="board-more"
          style={{ position: 'absolute', right: 12, top: '40%', zIndex: 3, boxShadow: '0 2px 8px rgba(0,0,0,0.15)' }}
        >
          {t('deals.moreStages', { count: hidden })}
        </Button>
      )}
    </div>
  );
}
