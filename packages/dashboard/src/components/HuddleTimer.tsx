/** The huddle's timer: the meeting's length (15, 20 or 30 minutes) and what is left of it, counted from when the huddle started. */
import { useEffect, useState } from 'preact/hooks';
import { HUDDLE_LENGTHS, timerReading, type HuddleLength } from '../huddle-timer.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Segmented } from './Segmented.tsx';

/** A countdown ticking each second; past the length it counts how far over the meeting is. */
export function HuddleTimer(props: { startedAt: string }) {
  const { t } = useI18n();
  const [minutes, setMinutes] = useState<HuddleLength>(15);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const ticking = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(ticking);
  }, []);
  const reading = timerReading(Date.parse(props.startedAt), now, minutes);
  return (
    <div class="huddle-timer row">
      <Segmented legend={t.meeting.length} name="huddle-length" value={minutes}
        choices={HUDDLE_LENGTHS.map((value) => ({ value, label: t.meeting.minutes(value) }))} onChange={setMinutes} />
      <p role="timer" aria-live="off" class={reading.over ? 'timer over' : 'timer'}>{reading.over ? t.meeting.over(reading.text) : t.meeting.left(reading.text)}</p>
    </div>
  );
}
