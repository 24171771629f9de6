/** Library blocks in the body editor: author bios and AI-use disclosures. */
export { AiDisclosureBlock as AiDisclosure } from './AiDisclosureBlock';
export { AuthorBioBlock as AuthorBio } from './AuthorBioBlock';
export { FreezeLibraryBlocksButton } from './FreezeLibraryBlocksButton';
export { LibraryBlockPicker } from './LibraryBlockPicker';
export { LibraryBlocksProvider, useLibraryBlocksState, withLibraryEditor } from './LibraryContext';
