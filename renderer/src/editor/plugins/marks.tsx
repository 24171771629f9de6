/** Leaves: marks as semantic tags, suggestions in their author's colour, find-and-replace highlights, misspellings and house-style underlines from decorations. */
import type { CSSProperties } from 'react';
import type { RenderLeafProps } from 'slate-react';
import type { FindingDecoration } from '../../language/styleFindingsLayer';
import { authorColour, describeSuggestion } from '../suggestions/authorColour';

type DecoratedLeaf = RenderLeafProps['leaf'] & { findMatch?: true; findCurrent?: true; spelling?: true } & FindingDecoration;

export function Leaf({ attributes, children, leaf }: RenderLeafProps) {
  let out = children;
  if (leaf.bold) out = <strong>{out}</strong>;
  if (leaf.italic) out = <em>{out}</em>;
  if (leaf.underline) out = <u>{out}</u>;
  if (leaf.strikethrough) out = <s>{out}</s>;
  if (leaf.superscript) out = <sup>{out}</sup>;
  if (leaf.subscript) out = <sub>{out}</sub>;
  const decorated = leaf as DecoratedLeaf;
  const classes: string[] = [];
  if (decorated.findCurrent) classes.push('find-match', 'find-current');
  else if (decorated.findMatch) classes.push('find-match');
  if (decorated.spelling) classes.push('spelling-error');
  if (decorated.textFinding) classes.push('style-finding', `style-finding-${decorated.textFinding}`);
  // A leaf struck by one author inside another's insertion shows the deletion's author.
  const suggestion = leaf.del ?? leaf.ins ?? leaf.fmt;
  const notes: string[] = [];
  if (leaf.ins) {
    classes.push('suggestion-ins');
    notes.push(describeSuggestion('insertion', leaf.ins));
  }
  if (leaf.del) {
    classes.push('suggestion-del');
    notes.push(describeSuggestion('deletion', leaf.del));
  }
  if (leaf.fmt) {
    classes.push('suggestion-fmt');
    notes.push(describeSuggestion('formatting', leaf.fmt));
  }
  const style = suggestion ? ({ '--author-colour': authorColour(suggestion.authorId) } as CSSProperties) : undefined;
  const note = notes.join('; ');
  return (
    <span
      {...attributes}
      className={classes.length ? classes.join(' ') : undefined}
      style={style}
      title={[note, decorated.findingMessage].filter(Boolean).join('; ') || undefined}
      aria-description={note || undefined}
      data-suggestion={suggestion?.id}
    >
      {out}
    </span>
  );
}
