import { CLIENT_SIDE_REASONS } from "@shared/schemas/placements.js";
import { Alert } from "@web/components/Alert.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { FormActions } from "@web/components/FormActions.js";
import { FormProblems } from "@web/components/FormProblems.js";
import { TextAreaField } from "@web/components/fields.js";
import { Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { NotFoundPage } from "../errors/NotFoundPage.js";
import { useCurrentUser } from "../session/CurrentUser.js";
import { useClientVoice, useMyPlacements } from "./myPlacementsApi.js";

const FIELDS = ["account", "reason", "rating", "comment"] as const;
const RATINGS = ["5", "4", "3", "2", "1"] as const;

/**
 * The client's voice on one of their placements: "Mijn kant van het verhaal" on an ended placement, or their rating
 * of the placement and the organisation. Shown only when the server's abilities allow it.
 */
export function ClientVoicePage({ kind }: { kind: "client-side" | "feedback" }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { id = "" } = useParams();
  const clientId = me.clientId ?? "";
  const placements = useMyPlacements(clientId);
  const action = useClientVoice(clientId, id);
  const [account, setAccount] = useState("");
  const [reason, setReason] = useState("");
  const [rating, setRating] = useState("");
  const [comment, setComment] = useState("");
  const errors = useMemo(() => formErrorsOf(action.error, t, FIELDS), [action.error, t]);
  const prefix = kind === "client-side" ? "mySide" : "placementFeedback";

  if (me.role !== "client" || !me.clientId) return <NotFoundPage />;
  const placement = placements.data?.items.find((p) => p.id === id);
  if (placements.data && !placement) return <NotFoundPage />;

  const back = (
    <Paragraph>
      <Link to="/my-placements" className="nl-link">
        {t("myPlacements.back")}
      </Link>
    </Paragraph>
  );
  if (action.isSuccess) {
    return (
      <div className="nv-narrow">
        <PageHeading>{t(`${prefix}.title`)}</PageHeading>
        <Alert type="ok" role="status">
          <Paragraph>{t(`${prefix}.saved`)}</Paragraph>
        </Alert>
        {back}
      </div>
    );
  }

  const allowed = placement ? (kind === "client-side" ? placement.abilities.giveClientSide : placement.abilities.giveFeedback) : false;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (kind === "client-side") {
      action.mutate({ kind, input: { account, reason: reason ? (reason as (typeof CLIENT_SIDE_REASONS)[number]) : null } });
    } else {
      // No rating goes as null, so the server names the field.
      action.mutate({ kind, input: { rating: (rating ? Number(rating) : null) as number, comment: comment.trim() || null } });
    }
  }

  return (
    <div className="nv-narrow">
      <PageHeading>{t(`${prefix}.title`)}</PageHeading>
      {back}
      {placement ? (
        <Paragraph purpose="lead">
          {t(`${prefix}.intro`, { role: placement.roleTitle, organisation: placement.organisationName })}
        </Paragraph>
      ) : (
        <Paragraph role="status">{t("app.loading")}</Paragraph>
      )}
      {placement && !allowed ? <Paragraph>{t(`${prefix}.notNow`)}</Paragraph> : null}
      {placement && allowed ? (
        <>
          <FormProblems errors={errors} />
          <form onSubmit={submit} noValidate className="nv-form">
            {kind === "client-side" ? (
              <>
                <TextAreaField
                  name="account"
                  label={t("mySide.account")}
                  description={t("mySide.accountHint")}
                  value={account}
                  onChange={setAccount}
                  error={errors.byField.account}
                  rows={5}
                />
                <ChoiceFieldset
                  name="reason"
                  legend={t("mySide.reason")}
                  description={t("mySide.reasonHint")}
                  type="radio"
                  choices={CLIENT_SIDE_REASONS.map((value) => ({ value, label: t(`mySide.reasons.${value}`) }))}
                  selected={reason ? [reason] : []}
                  onChange={([value]) => setReason(value ?? "")}
                  error={errors.byField.reason}
                />
                <Paragraph>{t("mySide.whoSees")}</Paragraph>
              </>
            ) : (
              <>
                <ChoiceFieldset
                  name="rating"
                  legend={t("placementFeedback.rating")}
                  type="radio"
                  choices={RATINGS.map((value) => ({ value, label: t(`placementFeedback.ratings.${value}`) }))}
                  selected={rating ? [rating] : []}
                  onChange={([value]) => setRating(value ?? "")}
                  error={errors.byField.rating}
                />
                <TextAreaField
                  name="comment"
                  label={t("placementFeedback.comment")}
                  description={t("placementFeedback.commentHint")}
                  value={comment}
                  onChange={setComment}
                  error={errors.byField.comment}
                  rows={4}
                />
                <Paragraph>{t("placementFeedback.whoSees")}</Paragraph>
              </>
            )}
            <FormActions submitLabel={t(`${prefix}.submit`)} busy={action.isPending} />
          </form>
        </>
      ) : null}
    </div>
  );
}
