/** Maps each element type to its component. Module-level, so the function is stable. */
import type { CSSProperties } from 'react';
import type { RenderElementProps } from 'slate-react';
import type { SuggestionMeta } from '../../../shared/model/suggestions';
import { authorColour, describeSuggestion } from './suggestions/authorColour';
import { BlockQuote, Heading, Paragraph } from './plugins/blockTypes';
import { EditorsNote } from './plugins/editorsNote';
import { Image } from './plugins/images';
import { Link } from './plugins/links';
import { ListItem } from './plugins/lists';
import { PromoBox } from './plugins/promoBox';
import { PullQuote } from './plugins/pullQuote';
import { AiDisclosure, AuthorBio } from './library-blocks';
import { Embed, SectionBreak } from './plugins/voids';

/** A block restyled, split off or joined by a suggestion says so (title, aria-description) and shows a bar in its author's colour. */
function withSuggestionMarks(props: RenderElementProps): RenderElementProps {
  const element = props.element as { restyle?: SuggestionMeta; insBreak?: SuggestionMeta; delBreak?: SuggestionMeta; relink?: SuggestionMeta };
  const meta = element.restyle ?? element.insBreak ?? element.delBreak ?? element.relink;
  if (!meta) return props;
  const kind = element.restyle ? 'style change' : element.insBreak ? 'paragraph break' : element.delBreak ? 'paragraph join' : 'link';
  const note = describeSuggestion(kind, meta);
  const attributes = {
    ...props.attributes,
    title: note,
    'aria-description': note,
    'data-suggestion': meta.id,
    'data-suggestion-kind': kind,
    style: { '--author-colour': authorColour(meta.authorId) } as CSSProperties,
  };
  return { ...props, attributes };
}

export function renderElement(given: RenderElementProps) {
  const props = withSuggestionMarks(given);
  const { element } = props;
  switch (element.type) {
    case 'heading':
      return <Heading {...props} element={element} />;
    case 'block-quote':
      return <BlockQuote {...props} element={element} />;
    case 'pull-quote':
      return <PullQuote {...props} element={element} />;
    case 'list-item':
      return <ListItem {...props} element={element} />;
    case 'link':
      return <Link {...props} element={element} />;
    case 'section-break':
      return <SectionBreak {...props} />;
    case 'image':
      return <Image {...props} element={element} />;
    case 'embed':
      return <Embed {...props} element={element} />;
    case 'promo-box':
      return <PromoBox {...props} element={element} />;
    case 'editors-note':
      return <EditorsNote {...props} element={element} />;
    case 'author-bio':
      return <AuthorBio {...props} element={element} />;
    case 'ai-disclosure':
      return <AiDisclosure {...props} element={element} />;
    default:
      return <Paragraph {...props} />;
  }
}
