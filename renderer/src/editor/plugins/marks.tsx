/** Leaves: marks as semantic tags, plus find-and-replace highlights from decorations. */
import type { RenderLeafProps } from 'slate-react';

type DecoratedLeaf = RenderLeafProps['leaf'] & { findMatch?: true; findCurrent?: true };

export function Leaf({ attributes, children, leaf }: RenderLeafProps) {
  let out = children;
  if (leaf.bold) out = <strong>{out}</strong>;
  if (leaf.italic) out = <em>{out}</em>;
  if (leaf.underline) out = <u>{out}</u>;
  if (leaf.strikethrough) out = <s>{out}</s>;
  if (leaf.superscript) out = <sup>{out}</sup>;
  if (leaf.subscript) out = <sub>{out}</sub>;
  const decorated = leaf as DecoratedLeaf;
  const className = decorated.findCurrent ? 'find-match find-current' : decorated.findMatch ? 'find-match' : undefined;
  return (
    <span {...attributes} className={className}>
      {out}
    </span>
  );
}
