import { todayInAmsterdam } from "@shared/dates.js";
import { HEARING_CHANNELS, type SanctionOutput } from "@shared/schemas/sanctions.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { TextAreaField, TextField } from "@web/components/fields.js";
import { formatLongDate } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { LetterPdfLink } from "../letters/LetterPdfLink.js";
import { type HearingInput, useSanctionAction } from "./api.js";
import { HearingVersions } from "./HearingVersions.js";

const CONTROLS = { heldOn: "hearingHeldOn", channel: "hearingChannel", record: "hearingRecord" };
// Staff record what was said in person, by phone or in writing; the portal is the client's own channel.
const STAFF_CHANNELS = HEARING_CHANNELS.filter((channel) => channel !== "portal");

interface HearingFormProps {
  sanction: SanctionOutput;
  /** The client responds themselves: only their words, dated today, through the portal. */
  asClient: boolean;
  /** Staff correct the record: a new version of the latest one, which starts filled in; every version is kept. */
  correcting?: boolean;
  onDone: (saved: boolean) => void;
}

/** Records the client's response to a proposed sanction: by the consultant, or by the client through the portal. */
export function HearingForm({ sanction, asClient, correcting = false, onDone }: HearingFormProps) {
  const { t, i18n } = useTranslation();
  const action = useSanctionAction(sanction);
  const latest = correcting ? sanction.hearing.versions.at(-1) : undefined;
  const [heldOn, setHeldOn] = useState(() => latest?.heldOn ?? todayInAmsterdam());
  const [channel, setChannel] = useState<string>(latest?.channel ?? "");
  const [record, setRecord] = useState(latest?.record ?? "");
  const errors = useMemo(() => formErrorsOf(action.error, t, ["heldOn", "channel", "record"], CONTROLS), [action.error, t]);
  const ground = t(`sanctionGround.${sanction.ground}`);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = asClient
      ? { heldOn: todayInAmsterdam(), channel: "portal", record }
      : { heldOn, channel, record, correctionOf: latest?.version ?? null };
    action.mutate({ kind: "hearing", input: input as unknown as HearingInput }, { onSuccess: () => onDone(true) });
  }

  return (
    <section className="nv-panel" aria-labelledby="hearing-title">
      <Heading level={4} id="hearing-title" className="nv-panel__title">
        {asClient
          ? t("hearingForm.titleClient")
          : latest
            ? t("hearingForm.titleCorrection", { ground, version: latest.version })
            : t("hearingForm.title", { ground })}
      </Heading>
      <Paragraph>
        {asClient
          ? t("hearingForm.introClient", { facts: sanction.facts })
          : latest
            ? t("hearingForm.introCorrection")
            : t("hearingForm.intro")}
      </Paragraph>
      {asClient && sanction.hearing.respondBy ? (
        <Paragraph>
          <strong>{t("hearingForm.respondByClient", { date: formatLongDate(sanction.hearing.respondBy, i18n.language) })}</strong>{" "}
          {sanction.hearing.letterId ? <LetterPdfLink letterId={sanction.hearing.letterId} label={t("hearingForm.letterClient")} /> : null}
        </Paragraph>
      ) : null}
      {latest ? <HearingVersions sanction={sanction} level={5} /> : null}
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        {asClient ? null : (
          <>
            <TextField
              name="hearingHeldOn"
              type="date"
              label={t("hearingForm.heldOn")}
              value={heldOn}
              onChange={setHeldOn}
              error={errors.byField.hearingHeldOn}
            />
            <ChoiceFieldset
              name="hearingChannel"
              legend={t("hearingForm.channel")}
              type="radio"
              layout="inline"
              choices={STAFF_CHANNELS.map((value) => ({ value, label: t(`hearingChannel.${value}`) }))}
              selected={channel ? [channel] : []}
              onChange={([value]) => setChannel(value ?? "")}
              error={errors.byField.hearingChannel}
            />
          </>
        )}
        <TextAreaField
          name="hearingRecord"
          label={asClient ? t("hearingForm.recordClient") : t("hearingForm.record")}
          description={asClient ? t("hearingForm.recordClientHint") : t("hearingForm.recordHint")}
          value={record}
          onChange={setRecord}
          error={errors.byField.hearingRecord}
          rows={5}
        />
        <FormActions
          submitLabel={asClient ? t("hearingForm.submitClient") : latest ? t("hearingForm.submitCorrection") : t("hearingForm.submit")}
          busy={action.isPending}
          onCancel={() => onDone(false)}
        />
      </form>
    </section>
  );
}
