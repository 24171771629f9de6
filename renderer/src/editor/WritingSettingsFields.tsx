/** The writing settings in the Settings dialog: smart typography on or off, the language new articles take, spelling and suggesting. */
import type { WritingSettings } from '../../../shared/editor/typography';
import { LanguageField } from '../language/LanguageField';

export function WritingSettingsFields({ value, onChange }: { value: WritingSettings; onChange: (next: WritingSettings) => void }) {
  return (
    <fieldset className="writing-settings">
      <legend>Writing</legend>
      <label>
        <input type="checkbox" checked={value.smartTypography} onChange={(e) => onChange({ ...value, smartTypography: e.target.checked })} /> Smart quotes and
        dashes as you type
      </label>
      <LanguageField
        label="Default language for new articles"
        hint="Each article can have its own language in its details; quotes follow the article's language."
        value={value.language}
        onChange={(language) => onChange({ ...value, language })}
      />
      <label>
        {/* "Editors open submitted articles in suggesting mode": worded without the role's name, which labels the role choice. */}
        <input type="checkbox" checked={value.editorsSuggest !== false} onChange={(e) => onChange({ ...value, editorsSuggest: e.target.checked })} /> Review
        submitted articles in suggesting mode
      </label>
      <label>
        <input type="checkbox" checked={value.checkSpelling !== false} onChange={(e) => onChange({ ...value, checkSpelling: e.target.checked })} /> Check
        spelling as you type
      </label>
      <label>
        <input type="checkbox" checked={value.checkStyle !== false} onChange={(e) => onChange({ ...value, checkStyle: e.target.checked })} /> Underline house
        style as you type (the checklist counts it either way)
      </label>
    </fieldset>
  );
}
