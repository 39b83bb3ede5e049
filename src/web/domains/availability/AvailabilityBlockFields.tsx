import { SelectField, TextField } from "@web/components/fields.js";
import { SecondaryActionButton } from "@web/components/nlds.js";
import { useTranslation } from "react-i18next";
import { type BlockField, type BlockValues, blockFieldName, SLOT_MINUTES, slotsPerWeek, WEEKDAYS } from "./availabilityModel.js";

interface AvailabilityBlockFieldsProps {
  index: number;
  block: BlockValues;
  errors: Record<string, string>;
  onChange: (changes: Partial<BlockValues>) => void;
  onRemove: () => void;
}

/** One weekly block: day, from–to, minutes per intake and place, with how many intakes it gives. */
export function AvailabilityBlockFields({ index, block, errors, onChange, onRemove }: AvailabilityBlockFieldsProps) {
  const { t } = useTranslation();
  const number = index + 1;
  const name = (field: BlockField) => blockFieldName(index, field);
  const minutes = SLOT_MINUTES.map(String).includes(block.slotMinutes)
    ? SLOT_MINUTES.map(String)
    : [...SLOT_MINUTES.map(String), block.slotMinutes];
  const slots = slotsPerWeek(block);

  return (
    <fieldset className="nv-fieldset nv-fieldset--group nv-block">
      <legend className="nv-fieldset__legend">{t("availability.block", { number })}</legend>
      <div className="nv-block__grid">
        <SelectField
          name={name("weekday")}
          label={t("availability.weekday")}
          value={block.weekday}
          onChange={(weekday) => onChange({ weekday })}
          options={WEEKDAYS.map((day) => ({ value: String(day), label: t(`weekdays.${day}`) }))}
          error={errors[name("weekday")]}
        />
        <TextField
          name={name("startTime")}
          type="time"
          label={t("availability.startTime")}
          value={block.startTime}
          onChange={(startTime) => onChange({ startTime })}
          error={errors[name("startTime")]}
        />
        <TextField
          name={name("endTime")}
          type="time"
          label={t("availability.endTime")}
          value={block.endTime}
          onChange={(endTime) => onChange({ endTime })}
          error={errors[name("endTime")]}
        />
        <SelectField
          name={name("slotMinutes")}
          label={t("availability.slotMinutes")}
          value={block.slotMinutes}
          onChange={(slotMinutes) => onChange({ slotMinutes })}
          options={minutes.map((value) => ({ value, label: t("availability.minutes", { count: Number(value) }) }))}
          error={errors[name("slotMinutes")]}
        />
        <div className="nv-block__location">
          <TextField
            name={name("location")}
            label={t("availability.location")}
            value={block.location}
            onChange={(location) => onChange({ location })}
            error={errors[name("location")]}
            autoComplete="off"
          />
        </div>
      </div>
      <div className="nv-block__footer">
        <p className="nv-muted nv-block__slots">{t("availability.slotsInBlock", { count: slots })}</p>
        <SecondaryActionButton type="button" onClick={onRemove}>
          {t("availability.remove", { number })}
        </SecondaryActionButton>
      </div>
    </fieldset>
  );
}
