/**
 * Settings forms for alert channels. The plugins API does not describe an extension's settings, so
 * the bundled channels' fields are known here; any other extension gets free key/value rows.
 */
export interface SettingField {
  name: string;
  label: string;
  required?: boolean;
  /** stored encrypted and shown masked afterwards */
  secret?: boolean;
  placeholder?: string;
  hint?: string;
  multiline?: boolean;
  choices?: string[];
}

export const CHANNEL_FIELDS: Record<string, SettingField[]> = {
  webhook: [
    { name: 'url', label: 'URL', required: true, placeholder: 'https://example.com/argus-alerts', hint: 'The http(s) endpoint that receives the JSON events.' },
    { name: 'secret', label: 'Signing secret', secret: true, hint: 'Key for the HMAC-SHA256 signature; leave empty to send unsigned requests.' },
    { name: 'headers', label: 'Extra headers', secret: true, multiline: true, placeholder: 'Authorization: Bearer …', hint: "One 'Name: value' per line." },
    { name: 'timeout', label: 'Timeout', placeholder: '10s' },
  ],
  slack: [
    { name: 'webhook_url', label: 'Incoming-webhook URL', required: true, secret: true, placeholder: 'https://hooks.slack.com/services/…' },
    { name: 'mention', label: 'Mention on critical', placeholder: '<!here>' },
    { name: 'timeout', label: 'Timeout', placeholder: '10s' },
  ],
  email: [
    { name: 'host', label: 'SMTP host', required: true, placeholder: 'smtp.example.com' },
    { name: 'port', label: 'Port', placeholder: '587' },
    { name: 'security', label: 'Security', choices: ['starttls', 'ssl', 'none'] },
    { name: 'username', label: 'Username' },
    { name: 'password', label: 'Password', secret: true },
    { name: 'from', label: 'From', required: true, placeholder: 'Argus <alerts@example.com>' },
    { name: 'to', label: 'To', required: true, placeholder: 'oncall@example.com, team@example.com', hint: 'Comma-separated.' },
    { name: 'subject_prefix', label: 'Subject prefix', placeholder: '[Argus]' },
  ],
};

export interface SettingRow {
  key: string;
  value: string;
}

/**
 * The `settings` object to send: the known fields that were filled in, then the free rows (blank
 * ones skipped). A string answer names the first problem: a missing required field, a row without a
 * name, or a name given twice.
 */
export function channelSettings(extension: string, known: Record<string, string>, rows: SettingRow[]): Record<string, string> | string {
  const settings: Record<string, string> = {};
  for (const field of CHANNEL_FIELDS[extension] ?? []) {
    const value = (known[field.name] ?? '').trim();
    if (field.required && !value) return `${field.label} is required.`;
    if (value) settings[field.name] = value;
  }
  for (const [i, row] of rows.entries()) {
    const key = row.key.trim();
    if (!key && !row.value.trim()) continue;
    if (!key) return `Setting ${i + 1} needs a name.`;
    if (key in settings) return `${key} is set twice.`;
    settings[key] = row.value.trim();
  }
  return settings;
}
