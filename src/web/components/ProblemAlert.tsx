import { ApiError } from "@web/api/client.js";
import { useTranslation } from "react-i18next";
import { Alert } from "./Alert.js";
import { problemMessage } from "./problems.js";

/** Shows why an API call failed (rate limit, server error with its request id, refusal), or nothing. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  // 401 is handled globally by sending the user to the login page.
  if (error instanceof ApiError && error.status === 401) return null;
  return (
    <Alert type="error" role="alert">
      {problemMessage(t, error)}
    </Alert>
  );
}
