import { SelectField, TextAreaField } from "@web/components/fields.js";
import { formatAppointmentTime, formatLongDate } from "@web/components/format.js";
import { useTranslation } from "react-i18next";
import { useAppointments } from "../appointments/api.js";
import { useLetters } from "../letters/api.js";
import { usePlacements } from "../placements/api.js";
import { usePlans } from "../plans/api.js";
import type { ProposalValues } from "./sanctionFormModel.js";

interface FactsPickersProps {
  clientId: string;
  values: ProposalValues;
  onChange: (changes: Partial<ProposalValues>) => void;
  errors: Record<string, string>;
}

/** True once every list the pickers offer has loaded, so the form shows its real choices. */
export function useFactsLoaded(clientId: string): boolean {
  const appointments = useAppointments(clientId);
  const placements = usePlacements({ clientId, pageSize: 100 });
  const letters = useLetters(clientId);
  const plans = usePlans(clientId);
  return !appointments.isPending && !placements.isPending && !letters.isPending && !plans.isPending;
}

/**
 * The facts a proposal rests on: the missed appointment (missed appointments), the ended placement (stopping
 * without a reason), the confirmed plan that asked a refused contribution, the confirmed plan step or placement
 * and what was not done (insufficient effort), and for any ground the letter the client had. Only what the
 * client's file holds is offered; whether it carries a sanction is the server's answer, explained when it refuses.
 */
export function FactsPickers({ clientId, values, onChange, errors }: FactsPickersProps) {
  const { t, i18n } = useTranslation();
  const appointments = useAppointments(clientId);
  const placements = usePlacements({ clientId, pageSize: 100 });
  const letters = useLetters(clientId);
  const plans = usePlans(clientId);
  const choose = { value: "", label: t("roleForm.choose") };
  const missed = (appointments.data?.items ?? []).filter((appointment) => appointment.status === "missed");
  const ended = (placements.data?.items ?? []).filter((placement) => placement.status === "ended");
  const concerned = (placements.data?.items ?? []).filter((placement) => placement.status === "active" || placement.status === "ended");
  const confirmed = (plans.data?.items ?? []).filter((plan) => plan.confirmedOn !== null);
  const current = confirmed.filter((plan) => plan.status === "confirmed");
  const steps = current.flatMap((plan) => plan.steps.map((step) => ({ plan, step })));
  const placementLabel = (placement: (typeof concerned)[number]) =>
    placement.status === "ended"
      ? t("sanctionProposal.placementOption", {
          role: placement.roleTitle,
          organisation: placement.organisationName,
          date: formatLongDate(placement.endedOn, i18n.language),
          attribution: placement.attributableTo ? t(`attribution.${placement.attributableTo}`) : "–",
        })
      : t("sanctionProposal.activePlacementOption", { role: placement.roleTitle, organisation: placement.organisationName });

  return (
    <>
      {values.ground === "missedAppointments" ? (
        <SelectField
          name="appointmentId"
          label={t("sanctionProposal.appointment")}
          description={
            missed.length === 0 && appointments.data ? t("sanctionProposal.noMissedAppointments") : t("sanctionProposal.appointmentHint")
          }
          value={values.appointmentId}
          onChange={(appointmentId) => onChange({ appointmentId })}
          options={[
            choose,
            ...missed.map((appointment) => ({
              value: appointment.id,
              label: `${t(`appointmentKind.${appointment.kind}`)}, ${formatAppointmentTime(appointment.startsAt, i18n.language)}`,
            })),
          ]}
          error={errors.appointmentId}
        />
      ) : null}
      {values.ground === "stoppedPlacementWithoutReason" ? (
        <SelectField
          name="placementId"
          label={t("sanctionProposal.placement")}
          description={
            ended.length === 0 && placements.data ? t("sanctionProposal.noEndedPlacements") : t("sanctionProposal.placementHint")
          }
          value={values.placementId}
          onChange={(placementId) => onChange({ placementId })}
          options={[choose, ...ended.map((placement) => ({ value: placement.id, label: placementLabel(placement) }))]}
          error={errors.placementId}
        />
      ) : null}
      {values.ground === "refusedContribution" ? (
        <SelectField
          name="planId"
          label={t("sanctionProposal.plan")}
          description={confirmed.length === 0 && plans.data ? t("sanctionProposal.noConfirmedPlans") : t("sanctionProposal.planHint")}
          value={values.planId}
          onChange={(planId) => onChange({ planId })}
          options={[
            { value: "", label: t("sanctionProposal.noPlan") },
            ...confirmed.map((plan) => ({
              value: plan.id,
              label: t("sanctionProposal.planOption", { version: plan.version, date: formatLongDate(plan.confirmedOn, i18n.language) }),
            })),
          ]}
          error={errors.planId}
        />
      ) : null}
      {values.ground === "insufficientEffort" ? (
        <>
          <SelectField
            name="planStepId"
            label={t("sanctionProposal.planStep")}
            description={steps.length === 0 && plans.data ? t("sanctionProposal.noPlanSteps") : t("sanctionProposal.planStepHint")}
            value={values.planStepId}
            onChange={(planStepId) => onChange({ planStepId })}
            options={[
              { value: "", label: t("sanctionProposal.noPlanStep") },
              ...steps.map(({ plan, step }) => ({
                value: step.id,
                label: t("sanctionProposal.planStepOption", { title: step.title, version: plan.version }),
              })),
            ]}
            error={errors.planStepId}
          />
          <SelectField
            name="placementId"
            label={t("sanctionProposal.effortPlacement")}
            description={t("sanctionProposal.effortPlacementHint")}
            value={values.placementId}
            onChange={(placementId) => onChange({ placementId })}
            options={[
              { value: "", label: t("sanctionProposal.noPlacement") },
              ...concerned.map((placement) => ({ value: placement.id, label: placementLabel(placement) })),
            ]}
            error={errors.placementId}
          />
          <TextAreaField
            name="notDone"
            label={t("sanctionProposal.notDone")}
            description={t("sanctionProposal.notDoneHint")}
            value={values.notDone}
            onChange={(notDone) => onChange({ notDone })}
            error={errors.notDone}
            rows={2}
          />
        </>
      ) : null}
      <SelectField
        name="letterId"
        label={t("form.optional", { label: t("sanctionProposal.letter") })}
        description={t("sanctionProposal.letterHint")}
        value={values.letterId}
        onChange={(letterId) => onChange({ letterId })}
        options={[
          { value: "", label: t("sanctionProposal.noLetter") },
          ...(letters.data?.items ?? []).map((letter) => ({
            value: letter.id,
            label: t("sanctionProposal.letterOption", {
              subject: letter.subject,
              date: formatLongDate(letter.letterDate, i18n.language),
              status: letter.registered ? t(`deliveryStatus.${letter.deliveryStatus}`) : t("letters.notRegistered"),
            }),
          })),
        ]}
        error={errors.letterId}
      />
    </>
  );
}
