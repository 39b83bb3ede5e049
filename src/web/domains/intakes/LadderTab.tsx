import type { ClientOutput } from "@shared/schemas/clients.js";
import { formatDate } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { useTranslation } from "react-i18next";
import { useLadder } from "./api.js";

const HEADERS = ["ladder.assessedOn", "ladder.rungColumn", "ladder.growthColumn", "ladder.source", "ladder.assessor"];

/** The participation ladder over time: every assessment from intakes and check-ins, newest first. */
export function LadderTab({ client }: { client: ClientOutput }) {
  const { t, i18n } = useTranslation();
  const ladder = useLadder(client.id);
  const items = [...(ladder.data?.items ?? [])].reverse();
  const rung = (value: number) => t("ladder.rungOption", { rung: value, name: t(`ladder.rungs.${value}`) });

  return (
    <section aria-labelledby="ladder-title" className="nv-tab-panel">
      <Heading level={2} id="ladder-title">
        {t("ladder.title")}
      </Heading>
      <Paragraph>{t("ladder.intro")}</Paragraph>
      <ProblemAlert error={ladder.error} />
      {ladder.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {ladder.data && items.length === 0 ? <Paragraph>{t("ladder.empty")}</Paragraph> : null}
      {items.length > 0 ? (
        <ScrollTable id="ladder" caption={t("ladder.caption", { count: items.length })} headers={HEADERS.map((key) => t(key))}>
          {items.map((item) => (
            <tr key={item.id} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__cell nv-table__row-header nv-nowrap">
                {formatDate(item.assessedOn, i18n.language)}
              </th>
              <td className="utrecht-table__cell">{rung(item.rung)}</td>
              <td className="utrecht-table__cell">{item.growthRung ? rung(item.growthRung) : <span className="nv-muted">–</span>}</td>
              <td className="utrecht-table__cell">{t(`ladder.sources.${item.source}`)}</td>
              <td className="utrecht-table__cell">{item.assessorName ?? t("audit.unknownActor")}</td>
            </tr>
          ))}
        </ScrollTable>
      ) : null}
    </section>
  );
}
