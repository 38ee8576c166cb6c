/**
 * KalturaPlaybackContext answers (brief §5.3): an allowed answer carries the sources and the OK
 * message; a refusal is a success with no sources, one BLOCK action and the block message.
 */
interface Message {
  readonly code: string;
  readonly message: string;
}

const okMessage: Message = { code: 'OK', message: 'OK' };

/** Block messages by the platform's deny reason (brief §5.3, §7.9: symbolic codes). */
const blockMessages: Readonly<Record<string, Message>> = {
  not_entitled: { code: 'NotEntitled', message: 'Not entitled' },
  concurrency_limit: { code: 'ConcurrencyLimitation', message: 'Concurrency limitation' },
  // A parental rule closes the asset to guests ([U], docs/vendor-decisions.md "Parental rules").
  guest_blocked: { code: 'AnonymousAccessBlocked', message: 'Anonymous access blocked' },
};

function toPlaybackContext(sources: readonly object[], actions: readonly object[], message: Message): object {
  return {
    objectType: 'KalturaPlaybackContext',
    sources,
    actions,
    messages: [{ objectType: 'KalturaAccessControlMessage', code: message.code, message: message.message }],
    playbackCaptions: [],
    plugins: [],
  };
}

/** An allowed (or filtered-to-nothing) answer. */
export function allowedPlaybackContext(sources: readonly object[]): object {
  return toPlaybackContext(sources, [], okMessage);
}

/** A refusal for a platform deny reason; throws for a reason the facade does not know. */
export function blockedPlaybackContext(denyReason: string | undefined): object {
  const message = blockMessages[denyReason ?? ''];
  if (message === undefined) throw new Error(`platform playback.authorize denied with unknown reason ${String(denyReason)}`);
  return toPlaybackContext([], [{ objectType: 'KalturaAccessControlBlockAction', type: 'BLOCK' }], message);
}
