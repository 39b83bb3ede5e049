import type { UserCreateInput, UserOutput, UserUpdateInput } from "@shared/schemas/users.js";
import { hasDistricts } from "./BindingFields.js";
import type { UserFormValues } from "./UserForm.js";

/** A blank form for a new account. */
export function emptyUserValues(): UserFormValues {
  return {
    email: "",
    displayName: "",
    role: "consultant",
    password: "",
    districts: [],
    organisationId: null,
    organisationLabel: null,
    clientId: null,
    clientLabel: null,
    agencyId: null,
  };
}

/** The form filled with a stored account. */
export function userValues(user: UserOutput): UserFormValues {
  return {
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    password: "",
    districts: user.districts,
    organisationId: user.organisationId,
    organisationLabel: null,
    clientId: user.clientId,
    clientLabel: null,
    agencyId: user.agencyId,
  };
}

// Only the binding the role needs is sent; a leftover choice from another role would be refused.
function bindingFor(values: UserFormValues) {
  return {
    districts: hasDistricts(values.role) ? values.districts : [],
    organisationId: values.role === "host" ? values.organisationId : null,
    clientId: values.role === "client" ? values.clientId : null,
    agencyId: values.role === "agencyWorker" ? values.agencyId : null,
  };
}

/** The body of `POST /users`. */
export function toUserCreateInput(values: UserFormValues): UserCreateInput {
  return {
    email: values.email.trim(),
    displayName: values.displayName,
    role: values.role,
    password: values.password,
    ...bindingFor(values),
  };
}

/**
 * The body of `PATCH /users/{id}`: the role only when it changed (the server ends the account's sessions
 * whenever a role is sent), the password only when a new one was typed.
 */
export function toUserUpdateInput(values: UserFormValues, initial: UserFormValues): UserUpdateInput {
  return {
    displayName: values.displayName,
    ...(values.role !== initial.role ? { role: values.role } : {}),
    ...bindingFor(values),
    ...(values.password ? { password: values.password } : {}),
  };
}
