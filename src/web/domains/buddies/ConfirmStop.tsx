import { Heading, Paragraph, PrimaryActionButton, SecondaryActionButton } from "@web/components/nlds.js";
import { type ReactNode, useState } from "react";

interface ConfirmStopProps {
  /** The button that asks to stop; its text names what stops. */
  label: ReactNode;
  /** The confirmation's heading, which names its region. */
  title: string;
  /** What stopping means, in plain words: no reason is asked, nothing follows. */
  children: ReactNode;
  yes: string;
  no: string;
  busy: boolean;
  /** Stops; called once the person confirmed. */
  onConfirm: (done: () => void) => void;
  /** The heading level of the confirmation within the page. */
  level: 3 | 4 | 5;
  id: string;
}

/** Stopping a buddy matter with one confirmation and no reason asked: a button, then yes or no. */
export function ConfirmStop({ label, title, children, yes, no, busy, onConfirm, level, id }: ConfirmStopProps) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <Paragraph>
        <SecondaryActionButton type="button" onClick={() => setConfirming(true)}>
          {label}
        </SecondaryActionButton>
      </Paragraph>
    );
  return (
    <section className="nv-panel nv-panel--quiet" aria-labelledby={id}>
      <Heading level={level} id={id} className="nv-panel__title">
        {title}
      </Heading>
      {children}
      <Paragraph>
        <PrimaryActionButton type="button" busy={busy} onClick={() => onConfirm(() => setConfirming(false))}>
          {yes}
        </PrimaryActionButton>{" "}
        <SecondaryActionButton type="button" onClick={() => setConfirming(false)}>
          {no}
        </SecondaryActionButton>
      </Paragraph>
    </section>
  );
}
