import type { CSSProperties } from 'react';
import { MailOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from './useIsMobile.ts';

/** RFC 3966 allows only visual separators like - ( ) in a tel: URI; stored numbers may carry spaces. */
export const telHref = (number: string): string => `tel:${number.replace(/\s+/g, '')}`;

/** On a phone the link is something to tap with a thumb: at least 44 px high, as the platforms advise. */
const touch = (mobile: boolean): CSSProperties =>
  mobile ? { display: 'inline-flex', alignItems: 'center', gap: 6, minHeight: 44, paddingInline: 4 } : {};

/** A phone number that dials when tapped. */
export function TelLink({ number }: { number: string }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <a href={telHref(number)} aria-label={t('contacts.call', { number })} style={touch(mobile)} data-testid="tel-link">
      {mobile && <PhoneOutlined />} {number}
    </a>
  );
}

/** An e-mail address that opens the mail app. */
export function MailLink({ email }: { email: string }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <a
      href={`mailto:${email}`}
      aria-label={t('contacts.mailTo', { email })}
      style={{ ...touch(mobile), overflowWrap: 'anywhere' }}
      data-testid="mail-link"
    >
      {mobile && <MailOutlined />} {email}
    </a>
  );
}
