import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { YjsEditor } from '@slate-yjs/core';
import { emptyArticleFields } from '../shared/model/article';
import { withArticleSchema } from '../shared/editor/normalize';
import { withBlockBreaks } from '../shared/editor/blockBreaks';
import { withLists } from '../shared/editor/lists';
import { withPromoBox } from '../shared/editor/promoBox';
import { articleToDoc } from '../shared/sync/articleDoc';
import { withArticleBody } from '../shared/sync/slateBinding';
import { mixedBlocks } from './documents';
import { percentile } from './lib';
const withDeskRules = <E extends Editor>(editor: E): E => withLists(withPromoBox(withBlockBreaks(withArticleSchema(editor))));
const settle = () => new Promise((r) => setTimeout(r, 0));
for (const n of [10, 10000]) for (const bound of [false, true]) {
  const body = mixedBlocks(n);
  let editor: Editor; let synced: YjsEditor | undefined;
  if (bound) {
    const doc = articleToDoc({ ...emptyArticleFields(), body });
    doc.on('update', () => {});
    const b = withDeskRules(withArticleBody(createEditor(), doc)); YjsEditor.connect(b); editor = b; synced = b;
  } else { editor = withDeskRules(createEditor()); editor.children = structuredClone(body) as Descendant[]; }
  const times: number[] = [];
  for (let i = 0; i < 800; i++) {
    const t0 = performance.now();
    Transforms.insertText(editor, 'x', { at: { path: [0, 0], offset: 10 } });
    editor.onChange();
    if (synced) YjsEditor.flushLocalChanges(synced);
    if (i >= 200) times.push(performance.now() - t0);
    await settle();
  }
  console.log(n, bound ? 'bound' : 'solo ', 'p50', percentile(times, 50).toFixed(3), 'p95', percentile(times, 95).toFixed(3));
}
