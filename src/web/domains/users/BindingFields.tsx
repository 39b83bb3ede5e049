import { DISTRICTS } from "@shared/districts.js";
import type { UserRole } from "@shared/enums.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { SelectField } from "@web/components/fields.js";
import { formatDate } from "@web/components/format.js";
import { useTranslation } from "react-i18next";
import { useAgencies } from "../agencies/api.js";
import { useOrganisationSearch } from "../organisations/api.js";
import { useClientSearch } from "./api.js";
import { SearchPicker } from "./SearchPicker.js";

/** What ties an account to its work: districts, an organisation, an agency or a client record. */
export interface Binding {
  districts: string[];
  organisationId: string | null;
  organisationLabel: string | null;
  clientId: string | null;
  clientLabel: string | null;
  agencyId: string | null;
}

/** True for the roles whose scope is a set of districts. */
export function hasDistricts(role: UserRole): boolean {
  return role === "consultant" || role === "teamLead";
}

function useOrganisationOptions(q: string) {
  const result = useOrganisationSearch(q);
  const options = (result.data?.items ?? []).map((org) => ({
    value: org.id,
    label: `${org.name} (${org.district ?? org.postcode})`,
  }));
  return { options, loading: result.isFetching };
}

function useClientOptions(q: string) {
  const { i18n } = useTranslation();
  const result = useClientSearch(q);
  const options =
    q.length < 2
      ? []
      : (result.data?.items ?? []).map((client) => ({
          value: client.id,
          label: `${client.familyName}, ${client.givenName} – ${formatDate(client.birthDate, i18n.language)} – ${client.postcode}`,
        }));
  return { options, loading: result.isFetching };
}

interface BindingFieldsProps {
  role: UserRole;
  binding: Binding;
  onChange: (binding: Binding) => void;
  errors: Record<string, string>;
}

/**
 * The binding controls that fit the chosen role; other roles need none. Each picker has its own key:
 * they call different data hooks, so React must not reuse one picker's state for the other.
 */
export function BindingFields({ role, binding, onChange, errors }: BindingFieldsProps) {
  const { t } = useTranslation();
  if (hasDistricts(role)) {
    return (
      <ChoiceFieldset
        name="districts"
        legend={t("users.districts")}
        description={t("users.districtsHint")}
        type="checkbox"
        choices={DISTRICTS.map((d) => ({ value: d, label: d }))}
        selected={binding.districts}
        onChange={(districts) => onChange({ ...binding, districts })}
        error={errors.districts}
      />
    );
  }
  if (role === "host") {
    return (
      <SearchPicker
        key="organisation"
        name="organisationId"
        searchLabel={t("users.organisationSearch")}
        legend={t("users.organisation")}
        selected={binding.organisationId}
        selectedLabel={binding.organisationLabel ?? t("users.currentOrganisation")}
        onSelect={(organisationId, organisationLabel) => onChange({ ...binding, organisationId, organisationLabel })}
        useOptions={useOrganisationOptions}
        error={errors.organisationId}
      />
    );
  }
  if (role === "agencyWorker") return <AgencyField binding={binding} onChange={onChange} errors={errors} />;
  if (role === "client") {
    return (
      <SearchPicker
        key="client"
        name="clientId"
        searchLabel={t("users.clientSearch")}
        legend={t("users.client")}
        selected={binding.clientId}
        selectedLabel={binding.clientLabel ?? t("users.currentClient")}
        onSelect={(clientId, clientLabel) => onChange({ ...binding, clientId, clientLabel })}
        useOptions={useClientOptions}
        error={errors.clientId}
      />
    );
  }
  return null;
}

/** The agency an agency worker works for, chosen from the registered agencies. */
function AgencyField({
  binding,
  onChange,
  errors,
}: {
  binding: Binding;
  onChange: (binding: Binding) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const options = [
    { value: "", label: t("users.chooseAgency") },
    ...(agencies.data?.items ?? []).map((agency) => ({ value: agency.id, label: agency.name })),
  ];
  return (
    <SelectField
      name="agencyId"
      label={t("users.agency")}
      value={binding.agencyId ?? ""}
      onChange={(agencyId) => onChange({ ...binding, agencyId: agencyId || null })}
      options={options}
      error={errors.agencyId}
    />
  );
}
