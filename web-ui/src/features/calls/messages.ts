/**
 * A message as the call drawer shows it. The document leaves a call's `input` and `output` open (string,
 * chat messages or one message, as ingested), so this is the console's own reading of them.
 */
export interface ChatMessage {
  role: string;
  content: unknown;
}

/** A message's text: plain string content, or the text parts of a content array (images etc. named). */
export function messageText(content: unknown): string {
  if (content === null || content === undefined) return '';
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part: unknown) => {
        if (typeof part === 'string') return part;
        if (part && typeof part === 'object') {
          const p = part as { type?: string; text?: unknown };
          if (typeof p.text === 'string') return p.text;
          return `[${p.type ?? 'part'}]`;
        }
        return '';
      })
      .filter(Boolean)
      .join('\n');
  }
  return JSON.stringify(content, null, 2);
}

/** Normalises a call's input or output (chat messages, one message, or plain text) to messages. */
export function toMessages(value: unknown, defaultRole: string): ChatMessage[] {
  if (value === null || value === undefined || value === '') return [];
  if (typeof value === 'string') return [{ role: defaultRole, content: value }];
  if (Array.isArray(value)) return value.flatMap((v) => toMessages(v, defaultRole));
  if (typeof value === 'object') {
    const m = value as { role?: unknown; content?: unknown; messages?: unknown };
    if (Array.isArray(m.messages)) return toMessages(m.messages, defaultRole);
    if ('content' in m) return [{ role: typeof m.role === 'string' ? m.role : defaultRole, content: m.content }];
  }
  return [{ role: defaultRole, content: JSON.stringify(value, null, 2) }];
}
