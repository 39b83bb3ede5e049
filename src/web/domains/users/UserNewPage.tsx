import { PageHeading } from "@web/components/PageHeading.js";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCreateUser } from "./api.js";
import { UserForm } from "./UserForm.js";
import { emptyUserValues, toUserCreateInput } from "./userFormModel.js";

/** Creates an account. */
export function UserNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateUser();
  return (
    <>
      <PageHeading>{t("users.newTitle")}</PageHeading>
      <UserForm
        mode="create"
        initial={emptyUserValues()}
        pending={create.isPending}
        error={create.error}
        submitLabel={t("users.create")}
        onSubmit={(values) =>
          create.mutate(toUserCreateInput(values), {
            onSuccess: (user) => navigate(`/users/${user.id}`, { state: { saved: true } }),
          })
        }
      />
    </>
  );
}
