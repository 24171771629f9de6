/** Image blocks: the stored picture, required alt text, caption and credit. */
import type { RenderElementProps } from 'slate-react';
import type { ImageElement } from '../../../../shared/model/document';
import { useAssetUrl } from './assets';
import { NodeField } from './fields';
import { VoidFrame } from './voids';

function Picture({ element }: { element: ImageElement }) {
  const asset = useAssetUrl(element.assetId);
  if (asset.status === 'ready') return <img src={asset.url} alt={element.alt} draggable={false} />;
  return <div className="image-placeholder">{asset.status === 'loading' ? 'Loading image…' : 'Image not available'}</div>;
}

export function Image(props: RenderElementProps & { element: ImageElement }) {
  const { element } = props;
  const altMissing = element.alt.trim() === '';
  return (
    <VoidFrame
      {...props}
      className="image-block"
      label="Image"
      body={
        <figure>
          <Picture element={element} />
          <div className="image-fields">
            <label className="field">
              <span>Alt text {altMissing && <span className="chip chip-warning">Alt text missing</span>}</span>
              <NodeField
                element={element}
                field="alt"
                value={element.alt}
                label="Alt text"
                placeholder="Describe the image for readers who cannot see it"
                aria-invalid={altMissing}
                required
              />
            </label>
            <label className="field">
              <span>Caption</span>
              <NodeField element={element} field="caption" value={element.caption} label="Caption" />
            </label>
            <label className="field">
              <span>Credit</span>
              <NodeField element={element} field="credit" value={element.credit} label="Credit" placeholder="Photographer / agency" />
            </label>
          </div>
        </figure>
      }
    />
  );
}
