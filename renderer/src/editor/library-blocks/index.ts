/** Library blocks in the body editor: author bios and AI-use disclosures. */
import './library-blocks.css';
export { AiDisclosureBlock as AiDisclosure } from './AiDisclosureBlock';
export { AuthorBioBlock as AuthorBio } from './AuthorBioBlock';
export { FreezeLibraryBlocksButton } from './FreezeLibraryBlocksButton';
export { LibraryBlockPicker } from './LibraryBlockPicker';
export { LibraryBlocksProvider, useLibraryBlocksState, useLibraryEditorExtension } from './LibraryContext';
