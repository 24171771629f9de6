/** Accept and Reject for the margin's suggestion cards: the suggestion transforms, one undo step each. */
import { acceptSuggestion, rejectSuggestion } from '../../../shared/suggestions';
import type { SuggestionActions } from './Margin';

export const suggestionActions: SuggestionActions = {
  accept: (editor, id) => void acceptSuggestion(editor, id),
  reject: (editor, id) => void rejectSuggestion(editor, id),
};
