/** Maps each element type to its component. Module-level, so the function is stable. */
import type { RenderChunkProps, RenderElementProps } from 'slate-react';
import { BlockQuote, Heading, Paragraph } from './plugins/blockTypes';
import { EditorsNote } from './plugins/editorsNote';
import { Image } from './plugins/images';
import { Link } from './plugins/links';
import { ListItem } from './plugins/lists';
import { PromoBox } from './plugins/promoBox';
import { PullQuote } from './plugins/pullQuote';
import { AiDisclosure, AuthorBio } from './library-blocks';
import { Embed, SectionBreak } from './plugins/voids';

export function renderElement(props: RenderElementProps) {
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

/** Chunks of top-level blocks; the lowest ones skip layout while off screen. */
export function renderChunk({ attributes, children, lowest }: RenderChunkProps) {
  return (
    <div {...attributes} className={lowest ? 'body-chunk body-chunk-lowest' : 'body-chunk'}>
      {children}
    </div>
  );
}
