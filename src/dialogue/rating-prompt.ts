import { say } from './dialogue-phrases';
import type { BotReply, Locale } from './dialogue.types';

/** The closing message that asks for CSAT (the widget shows 1–5 stars for `ratingPrompt`). */
export const RATING_PROMPT = (locale: Locale): BotReply => ({
  text: say('ratingPrompt', locale),
  payload: { ratingPrompt: true },
});
