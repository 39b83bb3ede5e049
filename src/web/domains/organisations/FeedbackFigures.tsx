import type { OrganisationFeedbackOutput } from "@shared/schemas/feedback.js";
import { useQuery } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";

/** Participants' ratings of an organisation, as figures only: staff see them all, the host only from the minimum on. */
export function FeedbackFigures({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const figures = useQuery({
    queryKey: ["organisations", "feedback", organisationId],
    queryFn: () => api<OrganisationFeedbackOutput>(`/organisations/${organisationId}/feedback`),
  });
  const data = figures.data;
  let text: string | null = null;
  if (data && !data.shown) text = t("clientVoice.figuresHidden", { minimum: data.hostMinimum });
  else if (data && !data.count) text = t("clientVoice.figuresNone");
  else if (data)
    text = t("clientVoice.figures", {
      count: data.count ?? 0,
      average: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(data.averageRating ?? 0),
    });
  return (
    <section className="nv-section" aria-labelledby="feedback-figures-title">
      <Heading level={2} id="feedback-figures-title">
        {t("clientVoice.figuresTitle")}
      </Heading>
      <ProblemAlert error={figures.error} />
      {text ? <Paragraph>{text}</Paragraph> : null}
      {data?.ratings && data.ratings.length > 0 ? (
        <table className="utrecht-table utrecht-table--html-table nv-table">
          <caption className="utrecht-table__caption">{t("clientVoice.figuresPerRating")}</caption>
          <tbody className="utrecht-table__body">
            {data.ratings.map((r) => (
              <tr key={r.rating} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__cell">
                  {t(`placementFeedback.ratings.${r.rating}`)}
                </th>
                <td className="utrecht-table__cell">{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
