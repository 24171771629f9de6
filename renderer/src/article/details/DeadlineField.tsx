/** The article's deadline: a local date and time, stored as an ISO date-time (empty for none). */
type Props = { id: string; value: string; onChange: (iso: string) => void };

const pad = (n: number) => String(n).padStart(2, '0');

function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function DeadlineField({ id, value, onChange }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>Deadline</label>
      <input
        id={id}
        type="datetime-local"
        value={toLocalInput(value)}
        onChange={(e) => {
          const d = new Date(e.target.value);
          onChange(e.target.value && !Number.isNaN(d.getTime()) ? d.toISOString() : '');
        }}
      />
    </div>
  );
}
