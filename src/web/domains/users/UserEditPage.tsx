import type { UserOutput } from "@shared/schemas/users.js";
import { Alert } from "@web/components/Alert.js";
import { Heading, Paragraph, SecondaryActionButton } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "react-router";
import { useUpdateUser, useUser } from "./api.js";
import { UserForm } from "./UserForm.js";
import { toUserUpdateInput, userValues } from "./userFormModel.js";

function StatusSection({ user }: { user: UserOutput }) {
  const { t } = useTranslation();
  const status = useUpdateUser(user.id);
  return (
    <section className="nv-section" aria-labelledby="user-status-title">
      <Heading level={2} id="user-status-title">
        {t("users.statusTitle")}
      </Heading>
      <Paragraph>{user.active ? t("users.activeExplained") : t("users.inactiveExplained")}</Paragraph>
      <ProblemAlert error={status.error} />
      <SecondaryActionButton
        type="button"
        hint={user.active ? "danger" : undefined}
        busy={status.isPending}
        onClick={() => status.mutate({ active: !user.active })}
      >
        {user.active ? t("users.deactivate") : t("users.activate")}
      </SecondaryActionButton>
    </section>
  );
}

/** One account: change its details, role and binding, or (de)activate it. */
export function UserEditPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const location = useLocation();
  const user = useUser(id);
  const update = useUpdateUser(id);
  const created = (location.state as { saved?: boolean } | null)?.saved === true;

  return (
    <>
      <PageHeading>{user.data ? user.data.displayName : t("users.editTitle")}</PageHeading>
      {user.data ? <Paragraph>{t("users.editIntro", { email: user.data.email })}</Paragraph> : null}
      {created && !update.isSuccess ? (
        <Alert type="ok" role="status">
          {t("users.created")}
        </Alert>
      ) : null}
      {update.isSuccess ? (
        <Alert type="ok" role="status">
          {t("users.saved")}
        </Alert>
      ) : null}
      {user.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      <ProblemAlert error={user.error} />
      {user.data ? (
        <>
          <UserForm
            key={user.data.id}
            mode="edit"
            initial={userValues(user.data)}
            pending={update.isPending}
            error={update.error}
            submitLabel={t("users.save")}
            onSubmit={(values) => update.mutate(toUserUpdateInput(values, userValues(user.data)))}
          />
          <StatusSection user={user.data} />
        </>
      ) : null}
    </>
  );
}
