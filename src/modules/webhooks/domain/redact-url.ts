/**
 * A webhook URL as it may be shown in the audit log: scheme, host and path only. Receivers often take a
 * secret in the user-info, query or fragment (`https://user:key@host/hook?token=…`), which the log must
 * not keep; the webhook itself keeps the full URL.
 */
export function redactWebhookUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const hidden = parsed.username || parsed.password || parsed.search || parsed.hash;
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}${hidden ? ' (credentials and query hidden)' : ''}`;
  } catch {
    return '(invalid URL)';
  }
}
