/** The writing settings in the Settings dialog: smart typography on or off, and its language. */
import { useId } from 'react';
import { TYPOGRAPHY_LANGUAGES, TYPOGRAPHY_LANGUAGE_LABELS, type TypographyLanguage, type WritingSettings } from '../../../shared/editor/typography';

export function WritingSettingsFields({ value, onChange }: { value: WritingSettings; onChange: (next: WritingSettings) => void }) {
  const id = useId();
  return (
    <fieldset className="writing-settings">
      <legend>Writing</legend>
      <label>
        <input type="checkbox" checked={value.smartTypography} onChange={(e) => onChange({ ...value, smartTypography: e.target.checked })} /> Smart quotes and
        dashes as you type
      </label>
      <div className="field">
        <label htmlFor={`${id}-language`}>Typography language</label>
        <select
          id={`${id}-language`}
          value={value.language}
          disabled={!value.smartTypography}
          onChange={(e) => onChange({ ...value, language: e.target.value as TypographyLanguage })}
        >
          {TYPOGRAPHY_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {TYPOGRAPHY_LANGUAGE_LABELS[l]}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
