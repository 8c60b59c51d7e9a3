import { type HttpProviderOptions, postJson } from './http';
import type { ChannelAdapter } from './types';

export type VoiceChannelOptions = HttpProviderOptions;

/**
 * A call by a voice robot through a provider's HTTP API: `POST url` with `{ to, text, actions }`
 * and a Bearer token. URLs are not read aloud: they are removed from the spoken text and passed
 * as `actions` (e.g. `confirm`, `cancel`) for the robot's key-press menu.
 */
export function voiceChannel(opts: VoiceChannelOptions): ChannelAdapter {
  return {
    channel: 'voice',
    canReach: (r) => typeof r.phone === 'string' && r.phone.length > 0,
    send: (m, r) =>
      postJson('voice', opts, { to: r.phone, text: spoken(m.short ?? m.text), actions: m.links ?? {} }),
  };
}

/** The text without URLs and with collapsed whitespace. */
export const spoken = (text: string) =>
  text
    .replace(/https?:\/\/\S+/g, '')
    .replace(/[ \t]*:\s*$/gm, '.')
    .replace(/\s+/g, ' ')
    .trim();
