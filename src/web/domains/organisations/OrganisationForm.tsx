import { type OrganisationOutput, SECTORS } from "@shared/schemas/organisations.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { CheckboxField, fieldId, SelectField, TextAreaField, TextField } from "@web/components/fields.js";
import { Button, PrimaryActionButton, SecondaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCreateOrganisation } from "./api.js";
import {
  type ContactValues,
  emptyContact,
  emptyOrganisationValues,
  type OrganisationValues,
  organisationFields,
  toOrganisationInput,
} from "./organisationFormModel.js";

const MAX_CONTACTS = 10;

/** Registers a host organisation: address, sector, contact persons, the guidance it can give and what it offers. */
export function OrganisationForm({ onCreated }: { onCreated: (organisation: OrganisationOutput) => void }) {
  const { t } = useTranslation();
  const create = useCreateOrganisation();
  const [values, setValues] = useState<OrganisationValues>(emptyOrganisationValues);
  const fields = useMemo(() => organisationFields(values.contacts.length), [values.contacts.length]);
  const errors = useMemo(() => formErrorsOf(create.error, t, fields), [create.error, t, fields]);
  const set = (field: Exclude<keyof OrganisationValues, "contacts" | "acceptsLimitedDutch">) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  // Where focus goes after adding or removing a contact, so keyboard users keep their place.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focusTarget) return;
    if (focusTarget === "add") addButton.current?.focus();
    else document.getElementById(fieldId(focusTarget))?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  function setContact(index: number, changes: Partial<ContactValues>) {
    setValues((current) => ({
      ...current,
      contacts: current.contacts.map((contact, i) => (i === index ? { ...contact, ...changes } : contact)),
    }));
  }
  function addContact() {
    setValues((current) => ({ ...current, contacts: [...current.contacts, emptyContact()] }));
    setFocusTarget(`contacts.${values.contacts.length}.name`);
  }
  function removeContact(index: number) {
    setValues((current) => ({ ...current, contacts: current.contacts.filter((_, i) => i !== index) }));
    setFocusTarget("add");
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(toOrganisationInput(values), { onSuccess: onCreated });
  }

  return (
    <>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form nv-form--wide">
        <TextField
          name="name"
          label={t("organisationForm.name")}
          value={values.name}
          onChange={set("name")}
          error={errors.byField.name}
          autoComplete="organization"
        />
        <div className="nv-form__grid nv-form__grid--two">
          <TextField
            name="kvkNumber"
            inputMode="numeric"
            label={t("organisationForm.kvkNumber")}
            description={t("organisationForm.kvkNumberHint")}
            value={values.kvkNumber}
            onChange={set("kvkNumber")}
            error={errors.byField.kvkNumber}
            className="nv-input--short"
            autoComplete="off"
          />
          <SelectField
            name="sector"
            label={t("organisationForm.sector")}
            value={values.sector}
            onChange={set("sector")}
            options={[
              { value: "", label: t("organisationForm.choose") },
              ...SECTORS.map((sector) => ({ value: sector, label: t(`sector.${sector}`) })),
            ]}
            error={errors.byField.sector}
          />
          <TextField
            name="postcode"
            label={t("organisationForm.postcode")}
            value={values.postcode}
            onChange={set("postcode")}
            error={errors.byField.postcode}
            className="nv-input--short"
            autoComplete="postal-code"
          />
          <TextField
            name="houseNumber"
            inputMode="numeric"
            label={t("organisationForm.houseNumber")}
            value={values.houseNumber}
            onChange={set("houseNumber")}
            error={errors.byField.houseNumber}
            className="nv-input--short"
            autoComplete="off"
          />
        </div>
        <TextField
          name="guidanceHoursPerWeek"
          inputMode="decimal"
          label={t("organisationForm.guidanceHoursPerWeek")}
          description={t("organisationForm.guidanceHoursPerWeekHint")}
          value={values.guidanceHoursPerWeek}
          onChange={set("guidanceHoursPerWeek")}
          error={errors.byField.guidanceHoursPerWeek}
          className="nv-input--short"
          autoComplete="off"
        />
        <TextAreaField
          name="trainingOffered"
          label={t("form.optional", { label: t("organisationForm.trainingOffered") })}
          description={t("organisationForm.trainingOfferedHint")}
          value={values.trainingOffered}
          onChange={set("trainingOffered")}
          error={errors.byField.trainingOffered}
        />
        <CheckboxField
          name="acceptsLimitedDutch"
          label={t("organisationForm.acceptsLimitedDutch")}
          checked={values.acceptsLimitedDutch}
          onChange={(acceptsLimitedDutch) => setValues((current) => ({ ...current, acceptsLimitedDutch }))}
        />
        {values.contacts.map((contact, index) => {
          const name = (field: keyof ContactValues) => `contacts.${index}.${field}`;
          const number = index + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a contact is its place: legend, field names and errors count by index
            <fieldset key={index} className="nv-fieldset nv-fieldset--group nv-block">
              <legend className="nv-fieldset__legend">{t("organisationForm.contact", { number })}</legend>
              <div className="nv-form__grid nv-form__grid--two">
                <TextField
                  name={name("name")}
                  label={t("organisationForm.contactName")}
                  value={contact.name}
                  onChange={(value) => setContact(index, { name: value })}
                  error={errors.byField[name("name")]}
                  autoComplete="off"
                />
                <TextField
                  name={name("email")}
                  type="email"
                  label={t("form.optional", { label: t("organisationForm.contactEmail") })}
                  value={contact.email}
                  onChange={(value) => setContact(index, { email: value })}
                  error={errors.byField[name("email")]}
                  autoComplete="off"
                />
                <TextField
                  name={name("phone")}
                  type="tel"
                  label={t("form.optional", { label: t("organisationForm.contactPhone") })}
                  value={contact.phone}
                  onChange={(value) => setContact(index, { phone: value })}
                  error={errors.byField[name("phone")]}
                  autoComplete="off"
                />
              </div>
              <div className="nv-block__footer">
                <SecondaryActionButton type="button" onClick={() => removeContact(index)}>
                  {t("organisationForm.removeContact", { number })}
                </SecondaryActionButton>
              </div>
            </fieldset>
          );
        })}
        <div className="nv-form__actions">
          {values.contacts.length < MAX_CONTACTS ? (
            <Button appearance="secondary-action-button" type="button" ref={addButton} onClick={addContact}>
              {t("organisationForm.addContact")}
            </Button>
          ) : null}
          <PrimaryActionButton type="submit" busy={create.isPending}>
            {t("organisationForm.submit")}
          </PrimaryActionButton>
        </div>
      </form>
    </>
  );
}
