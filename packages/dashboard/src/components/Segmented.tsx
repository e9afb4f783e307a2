/** A small segmented control (radio buttons styled as a button group). */

/** One choice of a segmented control; `label` comes from the dictionary. */
export interface Choice<T extends string | number> {
  value: T;
  label: string;
}

/** Radio group with a legend for screen readers; calls `onChange` with the picked value. */
export function Segmented<T extends string | number>(props: { legend: string; name: string; value: T; choices: readonly Choice<T>[]; onChange: (value: T) => void }) {
  return (
    <fieldset class="segmented">
      <legend class="visually-hidden">{props.legend}</legend>
      {props.choices.map((choice) => (
        <label key={choice.value} class={choice.value === props.value ? 'selected' : ''}>
          <input type="radio" name={props.name} checked={choice.value === props.value} onChange={() => props.onChange(choice.value)} />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
