// The NL Design System components, imported through their `/css` entries so each brings its own styles.

export { Heading } from "@nl-design-system-candidate/heading-react/css";
export { Link } from "@nl-design-system-candidate/link-react/css";
export { Paragraph } from "@nl-design-system-candidate/paragraph-react/css";
export { SkipLink } from "@nl-design-system-candidate/skip-link-react/css";
export { Button, PrimaryActionButton, SecondaryActionButton, SubtleButton } from "@utrecht/button-react/css";
export { FormFieldErrorMessage } from "@utrecht/form-field-error-message-react/css";
export { FormField } from "@utrecht/form-field-react/css";
export { FormLabel } from "@utrecht/form-label-react/css";
export { PageLayout } from "@utrecht/page-layout-react/css";
export { Textbox } from "@utrecht/textbox-react/css";
