/** The message of an allowed playback (brief §5.3). */
export const okMessage = { code: 'OK', message: 'OK' } as const;

/** Block message codes are symbolic names (brief §5.3, §7.9). */
export type BlockMessage =
  | { readonly code: 'NotEntitled'; readonly message: 'Not entitled' }
  | { readonly code: 'ConcurrencyLimitation'; readonly message: 'Concurrency limitation' }
  | { readonly code: 'AnonymousAccessBlocked'; readonly message: 'Anonymous access blocked' };

export const notEntitledMessage: BlockMessage = { code: 'NotEntitled', message: 'Not entitled' };
export const concurrencyMessage: BlockMessage = { code: 'ConcurrencyLimitation', message: 'Concurrency limitation' };
/** A guest asking for content a parental rule closes to guests ([U], docs/vendor-decisions.md "Parental rules"). */
export const guestBlockedMessage: BlockMessage = { code: 'AnonymousAccessBlocked', message: 'Anonymous access blocked' };

function toMessage(message: { readonly code: string; readonly message: string }): object {
  return { objectType: 'KalturaAccessControlMessage', code: message.code, message: message.message };
}

function toPlaybackContext(sources: readonly object[], actions: readonly object[], message: { readonly code: string; readonly message: string }): object {
  return { objectType: 'KalturaPlaybackContext', sources, actions, messages: [toMessage(message)], playbackCaptions: [], plugins: [] };
}

/** An allowed (or filtered-to-nothing) answer: the sources and the OK message. */
export function allowedPlaybackContext(sources: readonly object[]): object {
  return toPlaybackContext(sources, [], okMessage);
}

/** A refusal is a success with no sources, one BLOCK action and the message (brief §5.3). */
export function blockedPlaybackContext(message: BlockMessage): object {
  return toPlaybackContext([], [{ objectType: 'KalturaAccessControlBlockAction', type: 'BLOCK' }], message);
}
