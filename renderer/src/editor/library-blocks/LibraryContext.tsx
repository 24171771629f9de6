/**
 * What library blocks in the open article need from the libraries: the current
 * entries (to show archived or missing sources) and a way to open the picker.
 * Without a provider the blocks still render their snapshots.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Editor, Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import type { EditorExtension } from '../../comments/extension';
import type { BlockElement } from '../../../../shared/model/document';
import type { AuthorEntry, DisclosureEntry } from '../../../../shared/library/entries';
import type { AiDeclaration } from '../../../../shared/model/article';
import { authorBioBlock, hasBioOf, type LibraryBlockKind } from '../../../../shared/library/blocks';
import { call } from '../../api/call';

export type LibraryEntries = { authors: AuthorEntry[]; templates: DisclosureEntry[]; loaded: boolean };

type PickRequest = { kind: LibraryBlockKind; resolve: (block: BlockElement | null) => void };

/** The article's AI-use declaration as the details panel holds it, so inserting a disclosure can offer to declare its uses. */
export type DeclarationHandle = { current: () => AiDeclaration; change: (next: AiDeclaration) => void };

export type LibraryBlocksApi = LibraryEntries & {
  reload: () => Promise<void>;
  /** Opens the picker; resolves with the block to insert, or null when the writer cancels. */
  pick: (kind: LibraryBlockKind) => Promise<BlockElement | null>;
  request: PickRequest | undefined;
  finishPick: (block: BlockElement | null) => void;
  /** Hands the body editor to the library (see `withLibraryEditor`); returns the release function. */
  attachEditor: (editor: Editor) => () => void;
  hasBio: (authorId: string) => boolean;
  /** Puts the author's bio after the story: after any other bios, before a closing AI disclosure. */
  insertBio: (author: AuthorEntry) => void;
  removeBio: (authorId: string) => void;
  /** Lets another field take the keyboard: Slate otherwise puts its caret back on every render. */
  releaseFocus: () => void;
  /** The declaration field registers itself here; returns the release function. */
  registerDeclaration: (handle: DeclarationHandle) => () => void;
  declaration: () => DeclarationHandle | undefined;
  /** The body's blocks as they stand (the disclosures in it, for the declaration). */
  body: () => readonly BlockElement[];
};

const empty: LibraryEntries = { authors: [], templates: [], loaded: false };
const LibraryBlocksContext = createContext<LibraryBlocksApi | undefined>(undefined);

export function useLibraryBlocks(): LibraryBlocksApi | undefined {
  return useContext(LibraryBlocksContext);
}

export function useLibraryBlocksState(): LibraryBlocksApi {
  const [entries, setEntries] = useState<LibraryEntries>(empty);
  const [request, setRequest] = useState<PickRequest | undefined>();
  const requestRef = useRef<PickRequest | undefined>(undefined);

  const reload = useCallback(async () => {
    try {
      const [authors, templates] = await Promise.all([call('listAuthors', { includeArchived: true }), call('listDisclosures', { includeArchived: true })]);
      setEntries({ authors, templates, loaded: true });
    } catch {
      setEntries((e) => ({ ...e, loaded: true }));
    }
  }, []);
  useEffect(() => void reload(), [reload]);

  const finishPick = useCallback((block: BlockElement | null) => {
    requestRef.current?.resolve(block);
    requestRef.current = undefined;
    setRequest(undefined);
  }, []);

  const pick = useCallback(
    (kind: LibraryBlockKind) =>
      new Promise<BlockElement | null>((resolve) => {
        requestRef.current?.resolve(null);
        requestRef.current = { kind, resolve };
        setRequest(requestRef.current);
        void reload();
      }),
    [reload],
  );

  const editorRef = useRef<Editor | null>(null);
  const attachEditor = useCallback((editor: Editor) => {
    editorRef.current = editor;
    return () => {
      if (editorRef.current === editor) editorRef.current = null;
    };
  }, []);
  const hasBio = useCallback((authorId: string) => hasBioOf((editorRef.current?.children ?? []) as BlockElement[], authorId), []);
  const insertBio = useCallback((author: AuthorEntry) => {
    const editor = editorRef.current;
    if (!editor) return;
    const body = editor.children as BlockElement[];
    let at = body.length;
    while (at > 0 && isTrailing(body[at - 1]!)) at--;
    const lastBio = body.findLastIndex((b) => b.type === 'author-bio');
    if (lastBio >= 0) at = lastBio + 1;
    Transforms.insertNodes(editor, authorBioBlock(author), { at: [at] });
  }, []);
  const removeBio = useCallback((authorId: string) => {
    const editor = editorRef.current;
    if (!editor) return;
    Transforms.removeNodes(editor, {
      at: [],
      match: (n, path) => path.length === 1 && (n as BlockElement).type === 'author-bio' && (n as { authorId?: string }).authorId === authorId,
    });
  }, []);

  const declarationRef = useRef<DeclarationHandle | undefined>(undefined);
  const registerDeclaration = useCallback((handle: DeclarationHandle) => {
    declarationRef.current = handle;
    return () => {
      if (declarationRef.current === handle) declarationRef.current = undefined;
    };
  }, []);
  const declaration = useCallback(() => declarationRef.current, []);
  const body = useCallback(() => (editorRef.current?.children ?? []) as BlockElement[], []);

  const releaseFocus = useCallback(() => {
    if (editorRef.current) ReactEditor.blur(editorRef.current);
    window.getSelection()?.removeAllRanges();
  }, []);

  return useMemo(
    () => ({ ...entries, reload, pick, request, finishPick, attachEditor, hasBio, insertBio, removeBio, releaseFocus, registerDeclaration, declaration, body }),
    [entries, reload, pick, request, finishPick, attachEditor, hasBio, insertBio, removeBio, releaseFocus, registerDeclaration, declaration, body],
  );
}

/** Blocks that close a story: the disclosure line and the empty paragraph the editor keeps last. */
function isTrailing(block: BlockElement): boolean {
  if (block.type === 'ai-disclosure') return true;
  return block.type === 'paragraph' && block.children.every((c) => 'text' in c && c.text === '');
}

/**
 * The body editor's extension with the library attached, so the byline can add or
 * remove bios; keeps the host's own extension (comments) working unchanged. The
 * attach function stays the same while the host's does, so the editor is not
 * re-attached whenever the host's decorations change.
 */
export function useLibraryEditorExtension(extension: EditorExtension | undefined, attachEditor: LibraryBlocksApi['attachEditor']): EditorExtension {
  const hostAttach = extension?.attach;
  const attach = useCallback(
    (editor: Editor) => {
      const release = attachEditor(editor);
      const detach = hostAttach?.(editor);
      return () => {
        detach?.();
        release();
      };
    },
    [hostAttach, attachEditor],
  );
  return useMemo(
    () => ({ attach, decorate: extension?.decorate ?? noDecorations, wrapLeaf: extension?.wrapLeaf ?? ownChildren }),
    [attach, extension?.decorate, extension?.wrapLeaf],
  );
}

const noDecorations = () => [];
const ownChildren: EditorExtension['wrapLeaf'] = (props) => props.children;

export function LibraryBlocksProvider({ value, children }: { value: LibraryBlocksApi; children: ReactNode }) {
  return <LibraryBlocksContext.Provider value={value}>{children}</LibraryBlocksContext.Provider>;
}
