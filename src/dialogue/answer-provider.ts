import type { DialoguePorts } from './dialogue.types';

/** The retrieval module's side of the dialogue: template answers by intent, FAQ by similarity. */
export type AnswerProvider = Pick<DialoguePorts, 'templateAnswer' | 'faqAnswer' | 'faqByWords'>;

export const ANSWER_PROVIDER = Symbol('ANSWER_PROVIDER');
