import { LIFE_DOMAINS, type LifeDomain, SENSITIVE_DOMAINS } from "@shared/schemas/intakes.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { SensitiveBadge } from "@web/components/SensitiveBadge.js";
import { useTranslation } from "react-i18next";
import { SCORES } from "./intakeModel.js";

interface LifeDomainScoresProps {
  scores: Partial<Record<LifeDomain, string>>;
  errors: Record<string, string>;
  onChange: (domain: LifeDomain, score: string) => void;
}

/** The eight life domains, each scored 1 (acute problem) to 5 (fully self-reliant); sensitive ones are marked. */
export function LifeDomainScores({ scores, errors, onChange }: LifeDomainScoresProps) {
  const { t } = useTranslation();
  const choices = SCORES.map((score) => ({ value: score, label: score, hint: t(`scoreScale.${score}`) }));
  return (
    <div className="nv-scores">
      {LIFE_DOMAINS.map((domain) => (
        <ChoiceFieldset
          key={domain}
          name={`scores.${domain}`}
          legend={t(`lifeDomains.${domain}`)}
          legendExtra={SENSITIVE_DOMAINS.includes(domain) ? <SensitiveBadge /> : null}
          type="radio"
          layout="scale"
          choices={choices}
          selected={scores[domain] ? [scores[domain]] : []}
          onChange={([score]) => onChange(domain, score ?? "")}
          error={errors[`scores.${domain}`]}
        />
      ))}
    </div>
  );
}
