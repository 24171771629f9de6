/** ProseMirror with its basic schema (plus lists), as a writer would get from its examples. */
import { baseKeymap } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import { Schema, type Node as PMNode } from 'prosemirror-model';
import { schema as basic } from 'prosemirror-schema-basic';
import { addListNodes } from 'prosemirror-schema-list';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { ArticleBody, BlockElement, InlineNode } from '../../shared/model/document';
import { expose } from './pageApi';

const schema = new Schema({ nodes: addListNodes(basic.spec.nodes, 'paragraph block*', 'block'), marks: basic.spec.marks });

function inline(nodes: readonly InlineNode[]): PMNode[] {
  const out: PMNode[] = [];
  for (const node of nodes) {
    if ('type' in node && node.type === 'link') {
      const link = schema.marks.link!.create({ href: node.url });
      for (const child of inline(node.children as InlineNode[])) out.push(child.mark(link.addToSet(child.marks)));
    } else if ('text' in node && node.text) {
      const marks = [
        ...((node as { bold?: boolean }).bold ? [schema.marks.strong!.create()] : []),
        ...((node as { italic?: boolean }).italic ? [schema.marks.em!.create()] : []),
      ];
      out.push(schema.text(node.text, marks));
    }
  }
  return out;
}

function block(b: BlockElement): PMNode {
  const paragraph = () => schema.nodes.paragraph!.create(null, inline(b.children as InlineNode[]));
  switch (b.type) {
    case 'heading':
      return schema.nodes.heading!.create({ level: b.level }, inline(b.children as InlineNode[]));
    case 'block-quote':
      return schema.nodes.blockquote!.create(null, paragraph());
    case 'list-item':
      return schema.nodes.bullet_list!.create(null, schema.nodes.list_item!.create(null, paragraph()));
    default:
      return paragraph();
  }
}

expose((body: ArticleBody, root) => {
  const doc = schema.nodes.doc!.create(null, body.map(block));
  new EditorView(root, { state: EditorState.create({ doc, plugins: [keymap(baseKeymap)] }) });
});
