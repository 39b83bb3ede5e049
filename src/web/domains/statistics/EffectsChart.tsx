import * as Plot from "@observablehq/plot";
import type { EffectEstimate } from "@shared/schemas/statistics.js";
import { Paragraph } from "@web/components/nlds.js";
import { useEffect, useId, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { treatmentLabel } from "./labels.js";

interface EffectsChartProps {
  /** One outcome's estimates, one per activity. */
  estimates: EffectEstimate[];
  /** The outcome as the sentence names it ("de WHO-5-score"). */
  outcomeName: string;
}

/**
 * Each activity's estimate as a dot with its interval as a line, and a line at zero (no effect): an SVG image with a
 * label and a description; the table with it holds the same figures.
 */
export function EffectsChart({ estimates, outcomeName }: EffectsChartProps) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const descriptionId = useId();
  const shown = useMemo(() => estimates.filter((e) => e.estimate !== null && e.ciLow !== null && e.ciHigh !== null), [estimates]);

  useEffect(() => {
    const target = container.current;
    if (!target || shown.length === 0) return;
    const rows = shown.map((e) => ({ ...e, label: treatmentLabel(i18n.language, e.treatment) }));
    const chart = Plot.plot({
      width: Math.max(280, Math.min(640, target.clientWidth || 640)),
      height: 60 + 36 * rows.length,
      marginLeft: 170,
      style: { fontSize: "13px" },
      x: { label: t("effects.chart.axis"), grid: true, nice: true },
      y: { label: null, domain: rows.map((r) => r.label) },
      marks: [
        Plot.ruleX([0], { stroke: "currentColor", strokeDasharray: "4 3" }),
        Plot.ruleY(rows, { y: "label", x1: "ciLow", x2: "ciHigh", stroke: "currentColor", strokeWidth: 2 }),
        Plot.dot(rows, { y: "label", x: "estimate", fill: "currentColor", r: 5 }),
      ],
    });
    // The image is labelled and described as a whole; Plot's labels of its inner groups are not allowed inside it.
    for (const part of chart.querySelectorAll("[aria-label], [aria-description]")) {
      part.removeAttribute("aria-label");
      part.removeAttribute("aria-description");
    }
    chart.setAttribute("role", "img");
    chart.setAttribute("aria-label", t("effects.chart.label", { outcome: outcomeName }));
    chart.setAttribute("aria-describedby", descriptionId);
    target.replaceChildren(chart);
    return () => chart.remove();
  }, [shown, t, i18n.language, outcomeName, descriptionId]);

  return (
    <figure className="nv-effects-chart">
      {shown.length > 0 ? <div ref={container} /> : null}
      <figcaption>
        <Paragraph id={descriptionId}>{shown.length > 0 ? t("effects.chart.description") : t("effects.chart.none")}</Paragraph>
      </figcaption>
    </figure>
  );
}
