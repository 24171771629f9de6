/** Suggestions (tracked changes): the mode, the editing transforms, review and the published body. */
export { editingDirectly, newSuggestionMeta, setSuggestionSource, suggestingAuthor, type SuggestionAuthor } from './mode';
export { acceptSuggestion, decideAll, decideSuggestions, rejectSuggestion, suggestionAtSelection, type Decision } from './review';
export { hasSuggestions, listSuggestions, openSuggestionCount, withoutSuggestions, type SuggestionSummary } from './list';
export { withSuggestions } from './withSuggestions';
export { suggestableBlocks } from './paste';
