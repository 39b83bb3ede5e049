import type { PlacementOutput } from "@shared/schemas/placements.js";
import { Alert } from "@web/components/Alert.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { TextAreaField } from "@web/components/fields.js";
import { formatLongDateTime } from "@web/components/format.js";
import { Heading, Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { usePlacementAction } from "./api.js";

const FIELDS = ["note"] as const;

/** Notes on a placement (attendance, how it goes), oldest first, and a form to add one while it runs. */
export function PlacementNotes({ placement, mayAdd }: { placement: PlacementOutput; mayAdd: boolean }) {
  const { t, i18n } = useTranslation();
  const action = usePlacementAction(placement.id);
  const [note, setNote] = useState("");
  const errors = useMemo(() => formErrorsOf(action.error, t, FIELDS), [action.error, t]);

  function submit(event: FormEvent) {
    event.preventDefault();
    action.mutate({ kind: "notes", note }, { onSuccess: () => setNote("") });
  }

  return (
    <section className="nv-panel nv-panel--quiet" aria-labelledby="notes-title">
      <Heading level={2} id="notes-title" className="nv-panel__title">
        {t("placementNotes.title")}
      </Heading>
      {placement.notes.length === 0 ? <Paragraph>{t("placementNotes.empty")}</Paragraph> : null}
      {placement.notes.length > 0 ? (
        <ul className="nv-notes">
          {/* One person cannot write two notes in the same millisecond. */}
          {placement.notes.map((item) => (
            <li key={`${item.createdAt}|${item.authorName}`}>
              <p className="nv-muted">
                {t("placementNotes.by", {
                  name: item.authorName ?? t("placementNotes.unknownAuthor"),
                  date: formatLongDateTime(item.createdAt, i18n.language),
                })}
              </p>
              <p>{item.note}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {mayAdd ? (
        <>
          {action.isSuccess ? (
            <Alert type="ok" role="status">
              {t("placementNotes.added")}
            </Alert>
          ) : null}
          <ErrorSummary errors={errors.list} />
          <ProblemAlert error={errors.other} />
          <form onSubmit={submit} noValidate className="nv-form">
            <TextAreaField
              name="note"
              label={t("placementNotes.note")}
              description={t("placementNotes.noteHint")}
              value={note}
              onChange={setNote}
              error={errors.byField.note}
              rows={3}
            />
            <div className="nv-form__actions">
              <PrimaryActionButton type="submit" busy={action.isPending}>
                {t("placementNotes.submit")}
              </PrimaryActionButton>
            </div>
          </form>
        </>
      ) : null}
    </section>
  );
}
