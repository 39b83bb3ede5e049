/**
 * Why someone read or changed a client's record, in plain words (B1) for the client's access log
 * (`GET /clients/{id}/access-log`): one sentence per audit action that can concern one client, in Dutch and English.
 * `access-purposes.test.ts` finds every audit action in the sources and fails when one that can name a client has
 * no sentence here; the actions that never name one client are listed in `ACTIONS_WITHOUT_CLIENT`.
 */
export interface Purpose {
  nl: string;
  en: string;
}

const p = (nl: string, en: string): Purpose => ({ nl, en });

export const ACCESS_PURPOSES: Readonly<Record<string, Purpose>> = {
  "client.create": p("Uw dossier is aangemaakt.", "Your file was created."),
  "client.read": p("Uw gegevens zijn bekeken om u te helpen.", "Your details were viewed to help you."),
  "client.readProfile": p(
    "De organisatie waar u vrijwilligerswerk doet, heeft bekeken wat zij moet weten: uw voornaam, wanneer en hoeveel uur u kunt.",
    "The organisation where you volunteer looked at what it needs to know: your first name, when and how many hours you can.",
  ),
  "client.update": p("Uw gegevens zijn aangepast.", "Your details were changed."),
  "client.reassign": p("U heeft een andere consulent gekregen.", "You were given another consultant."),
  "workQueue.markDone": p(
    "Uw consulent heeft iets op de werklijst afgehandeld.",
    "Your consultant marked something on the work list as dealt with.",
  ),
  "workQueue.snooze": p(
    "Uw consulent heeft iets op de werklijst voor later gepland.",
    "Your consultant planned something on the work list for later.",
  ),
  "client.benefitEnd": p(
    "Er is genoteerd dat uw uitkering is gestopt. Wat u nog deed als tegenprestatie, is ook gestopt.",
    "It was noted that your benefit ended. What you still did as your contribution ended too.",
  ),
  "client.undoBenefitEnd": p(
    "Het einde van uw uitkering is teruggedraaid voordat de brief verstuurd werd. Wat u deed als tegenprestatie, loopt door.",
    "The end of your benefit was undone before the letter was sent. What you did as your contribution goes on.",
  ),
  "client.import": p(
    "Uw gegevens zijn bijgewerkt met de gegevens van de uitkeringsadministratie.",
    "Your details were brought up to date from the benefits administration.",
  ),
  "client.duplicateBsnAttempt": p(
    "Iemand probeerde een nieuw dossier te maken met uw BSN. Dat is niet gelukt, want u heeft al een dossier.",
    "Someone tried to make a new file with your citizen service number. This was refused: you already have a file.",
  ),
  "agencyAssignment.create": p(
    "De gemeente heeft u voor een tijd aan een bemiddelingsbureau toegewezen. Dat bureau helpt u in die tijd.",
    "The municipality assigned you to an intermediary agency for a time. That agency helps you during that time.",
  ),
  "agencyAssignment.end": p(
    "De gemeente stopte eerder met het bemiddelingsbureau voor u. Vanaf de einddatum ziet dat bureau uw dossier niet meer.",
    "The municipality ended your time with the intermediary agency early. From the end date that agency no longer sees your file.",
  ),
  "client.suggestions": p("Er is gezocht naar vrijwilligerswerk dat bij u past.", "A search was made for volunteer work that suits you."),
  "client.statusSummary": p(
    "Uw dossier is geopend: wat er nu loopt, zoals uw plan, uw vrijwilligerswerk en een ontheffing.",
    "Your file was opened: what is going on now, such as your plan, your volunteer work and an exemption.",
  ),
  "client.contact.read": p("Uw telefoonnummer en e-mailadres zijn bekeken.", "Your phone number and email address were viewed."),
  "client.contact.update": p("Uw telefoonnummer of e-mailadres is aangepast.", "Your phone number or email address was changed."),
  "client.accessLog": p("Er is bekeken wie uw dossier heeft geopend.", "Someone looked at who opened your file."),
  "client.dataExport": p("Alle gegevens over u zijn opgevraagd.", "All data about you was requested."),
  "invitation.create": p("U heeft een uitnodiging gekregen voor een gesprek.", "You were invited to a meeting."),
  "letter.print": p("Een brief aan u is geprint om met de post te versturen.", "A letter to you was printed to be sent by post."),
  "letter.mailList": p(
    "Uw naam en adres staan op de lijst voor de post, omdat u een aangetekende brief krijgt.",
    "Your name and address are on the list for the post office, because you are getting a registered letter.",
  ),
  "appointment.attended": p("Er is genoteerd dat u naar de afspraak kwam.", "It was noted that you came to the appointment."),
  "appointment.missed": p("Er is genoteerd dat u niet naar de afspraak kwam.", "It was noted that you did not come to the appointment."),
  "appointment.cancelled": p("Een afspraak met u is afgezegd.", "An appointment with you was cancelled."),
  "letter.create": p("Er is een brief voor u gemaakt.", "A letter was made for you."),
  "letter.read": p("Een brief aan u is geopend.", "A letter to you was opened."),
  "letter.delivery": p("Er is genoteerd of een brief bij u is bezorgd.", "It was noted whether a letter reached you."),
  "letter.withdraw": p(
    "Een brief aan u is ingetrokken voordat hij verstuurd werd. U krijgt hem niet.",
    "A letter to you was withdrawn before it was sent. You will not get it.",
  ),
  "plan.undoConfirmation": p(
    "Het bevestigen van uw plan is teruggedraaid voordat de brief verstuurd werd. Het plan is weer een ontwerp.",
    "The confirmation of your plan was undone before the letter was sent. The plan is a draft again.",
  ),
  "invitation.undo": p(
    "Een uitnodiging voor een gesprek is ingetrokken voordat hij verstuurd werd.",
    "An invitation to a meeting was withdrawn before it was sent.",
  ),
  "intake.create": p(
    "Het eerste gesprek met u is vastgelegd: wat u kunt en hoeveel uur.",
    "Your first meeting was recorded: what you can do and how many hours.",
  ),
  "intake.read": p(
    "Het verslag van uw eerste gesprek is gelezen, om uw plan te maken of te volgen.",
    "The notes of your first meeting were read, to make or follow your plan.",
  ),
  "plan.read": p("Uw plan is bekeken.", "Your plan was viewed."),
  "plan.confirm": p("Uw plan is vastgesteld. U kreeg er een brief over.", "Your plan was confirmed. You got a letter about it."),
  "planStep.create": p("Er is een stap aan uw plan toegevoegd.", "A step was added to your plan."),
  "planStep.update": p("Een stap in uw plan is aangepast.", "A step in your plan was changed."),
  "checkIn.create": p("Er is genoteerd hoe het met u gaat.", "It was noted how you are doing."),
  "checkIn.read": p("Er is gelezen hoe het met u gaat, om u goed te helpen.", "How you are doing was read, to help you well."),
  "placement.propose": p("U bent voorgesteld voor vrijwilligerswerk.", "You were proposed for volunteer work."),
  "placement.accept": p("De organisatie heeft gezegd dat u mag komen.", "The organisation said you may come."),
  "placement.undoProposal": p(
    "Een voorstel voor vrijwilligerswerk is ingetrokken voordat de organisatie het zag.",
    "A proposal for volunteer work was withdrawn before the organisation saw it.",
  ),
  "placement.decline": p("De organisatie heeft gezegd dat het niet past.", "The organisation said it does not fit."),
  "placement.start": p(
    "Uw vrijwilligerswerk is begonnen. De afspraken zijn vastgelegd.",
    "Your volunteer work started. The agreements were recorded.",
  ),
  "placement.agreementVersion": p(
    "De afspraken over uw vrijwilligerswerk zijn aangepast.",
    "The agreements about your volunteer work were changed.",
  ),
  "placement.sign": p(
    "Er is getekend voor de afspraken over uw vrijwilligerswerk.",
    "The agreements about your volunteer work were signed.",
  ),
  "placement.note": p("Er is iets genoteerd over uw vrijwilligerswerk.", "Something was noted about your volunteer work."),
  "placement.end": p("Uw vrijwilligerswerk is gestopt.", "Your volunteer work ended."),
  "placement.attribute": p(
    "Er is besloten hoe het kwam dat uw vrijwilligerswerk stopte. Uw kant van het verhaal is daarbij gehoord.",
    "It was decided why your volunteer work stopped. Your side of the story was heard.",
  ),
  "placement.undoAgreement": p(
    "Afspraken over uw vrijwilligerswerk zijn teruggedraaid voordat de brief verstuurd werd. U krijgt die brief niet.",
    "Agreements about your volunteer work were undone before the letter was sent. You will not get that letter.",
  ),
  "placement.undoSignature": p(
    "De handtekening van de gemeente onder de afspraken over uw vrijwilligerswerk is teruggedraaid voordat de brief verstuurd werd.",
    "The municipality's signature under the agreements about your volunteer work was undone before the letter was sent.",
  ),
  "placement.undoAttribution": p(
    "Het besluit over hoe het kwam dat uw vrijwilligerswerk stopte, is ingetrokken voordat de brief verstuurd werd.",
    "The decision about why your volunteer work stopped was withdrawn before the letter was sent.",
  ),
  "placement.undoRoleRejection": p(
    "Uw vrijwilligerswerk gaat toch door: het stoppen ervan is teruggedraaid voordat de brief verstuurd werd.",
    "Your volunteer work goes on after all: its ending was undone before the letter was sent.",
  ),
  "matchProposal.accept": p(
    "Een voorstel voor vrijwilligerswerk voor u is goedgekeurd.",
    "A proposal of volunteer work for you was approved.",
  ),
  "matchProposal.reject": p(
    "Een voorstel voor vrijwilligerswerk voor u is afgewezen.",
    "A proposal of volunteer work for you was turned down.",
  ),
  "contribution.create": p(
    "Wat u al doet, telt nu mee als uw tegenprestatie. U kreeg er een brief over.",
    "What you already do now counts as your contribution. You got a letter about it.",
  ),
  "contribution.undo": p(
    "Het vastleggen van wat u al doet, is teruggedraaid voordat de brief verstuurd werd.",
    "Recording what you already do was undone before the letter was sent.",
  ),
  "activityProposal.create": p(
    "Er is een voorstel vastgelegd voor iets dat u zelf doet of wilt doen.",
    "A proposal was recorded for something you do or want to do yourself.",
  ),
  "activityProposal.list": p("Uw eigen voorstellen zijn bekeken.", "Your own proposals were viewed."),
  "activityProposal.decide": p(
    "Er is besloten over uw eigen voorstel. U krijgt daarover een brief.",
    "A decision was made on your own proposal. You get a letter about it.",
  ),
  "activityProposal.undoDecision": p(
    "Het besluit over uw eigen voorstel is teruggedraaid voordat de brief verstuurd werd. Er wordt opnieuw over besloten.",
    "The decision on your own proposal was undone before the letter was sent. It will be decided again.",
  ),
  "buddy.create": p(
    "Er is afgesproken dat u maatje bent. Dat telt als uw tegenprestatie. U krijgt daarover een brief.",
    "It was agreed that you are a buddy. That counts as your contribution. You get a letter about it.",
  ),
  "buddy.end": p(
    "U bent gestopt als maatje. Dat heeft geen gevolgen voor u. Uw uren als maatje tellen vanaf die dag niet meer mee.",
    "You stopped being a buddy. That has no consequences for you. Your hours as a buddy no longer count from that day.",
  ),
  "buddy.undo": p(
    "De afspraak dat u maatje bent, is teruggedraaid voordat de brief verstuurd werd. U bent geen maatje.",
    "The agreement that you are a buddy was undone before the letter was sent. You are not a buddy.",
  ),
  "buddyPairing.create": p(
    "U bent gekoppeld aan een maatje, of aan iemand die u helpt.",
    "You were paired with a buddy, or with someone you help.",
  ),
  "buddyPairing.end": p(
    "Een koppeling met een maatje is gestopt. Dat heeft geen gevolgen voor u.",
    "A pairing with a buddy ended. That has no consequences for you.",
  ),
  "buddyPairing.readContact": p(
    "Uw maatje heeft uw voornaam en de afgesproken contactgegevens bekeken.",
    "Your buddy looked at your first name and the contact details you agreed.",
  ),
  "buddyMeeting.create": p("Er is genoteerd dat u en uw maatje elkaar zagen.", "It was noted that you and your buddy met."),
  "caregiving.create": p("Er is genoteerd dat u voor iemand zorgt.", "It was noted that you care for someone."),
  "caregiving.end": p("De zorg die u geeft, is als gestopt genoteerd.", "The care you give was noted as stopped."),
  "caregiving.undo": p(
    "Het besluit over de zorg die u geeft, is teruggedraaid voordat de brief verstuurd werd.",
    "The decision on the care you give was undone before the letter was sent.",
  ),
  "caregiving.list": p(
    "Er is bekeken voor wie u zorgt, om daar rekening mee te houden.",
    "Who you care for was viewed, to take it into account.",
  ),
  "exemption.request": p("U heeft gevraagd om (tijdelijk) niets te hoeven doen.", "You asked not to have to take part (for a while)."),
  "exemption.create": p(
    "Er is voorgesteld dat u (tijdelijk) niets hoeft te doen.",
    "It was proposed that you need not take part (for a while).",
  ),
  "exemption.decide": p("Er is besloten over uw ontheffing.", "A decision was made on your exemption."),
  "exemption.coSign": p("Een tweede medewerker heeft uw ontheffing gecontroleerd.", "A second staff member checked your exemption."),
  "exemption.medicalAdvice": p(
    "Het advies van een arts over wat u kunt, is genoteerd.",
    "A doctor's advice on what you can do was recorded.",
  ),
  "exemption.end": p("Uw ontheffing is gestopt.", "Your exemption ended."),
  "exemption.expire": p("Uw ontheffing is afgelopen.", "Your exemption ran out."),
  "exemption.notExtended": p("Uw ontheffing is niet verlengd.", "Your exemption was not extended."),
  "exemption.undo": p(
    "Een besluit over uw ontheffing is teruggedraaid voordat de brief verstuurd werd. De ontheffing is weer zoals ervoor.",
    "A decision on your exemption was undone before the letter was sent. The exemption is as it was before.",
  ),
  "exemption.list": p("Uw ontheffingen zijn bekeken.", "Your exemptions were viewed."),
  "accountability.request": p("U is gevraagd te laten zien wat u heeft gedaan.", "You were asked to show what you did."),
  "accountability.remind": p("U kreeg een herinnering: laat zien wat u heeft gedaan.", "You got a reminder to show what you did."),
  "accountability.respond": p("Uw antwoord over wat u heeft gedaan, is genoteerd.", "Your answer about what you did was recorded."),
  "document.upload": p("Er is een bewijsstuk bij uw dossier gezet.", "A piece of evidence was added to your file."),
  "document.read": p("Een bewijsstuk in uw dossier is geopend.", "A piece of evidence in your file was opened."),
  "document.remove": p("Een bewijsstuk is uit uw dossier gehaald.", "A piece of evidence was removed from your file."),
  "sanction.propose": p("Er is voorgesteld uw uitkering een tijd te verlagen.", "It was proposed to lower your benefit for a while."),
  "sanction.refused": p(
    "Een voorstel om uw uitkering te verlagen mocht niet. Het is niet doorgegaan.",
    "A proposal to lower your benefit was not allowed. It did not go ahead.",
  ),
  "sanction.inviteToHearing": p(
    "U is gevraagd uw kant te vertellen over een mogelijke verlaging.",
    "You were asked to tell your side about a possible lowering.",
  ),
  "sanction.hearing": p(
    "Uw kant van het verhaal over een mogelijke verlaging is genoteerd.",
    "Your side about a possible lowering was recorded.",
  ),
  "sanction.hearingCorrection": p(
    "Het verslag van uw kant van het verhaal is verbeterd.",
    "The record of your side of the story was corrected.",
  ),
  "sanction.decide": p("Er is besloten over het verlagen van uw uitkering.", "A decision was made on lowering your benefit."),
  "sanction.reconsider": p("Een verlaging van uw uitkering is opnieuw bekeken.", "A lowering of your benefit was looked at again."),
  "sanction.undoHearingInvitation": p(
    "Een uitnodiging voor een gesprek over een mogelijke verlaging is teruggenomen voordat u die kreeg.",
    "An invitation to talk about a possible lowering was taken back before you got it.",
  ),
  "sanction.undoDecision": p(
    "Een besluit over het verlagen van uw uitkering is teruggenomen voordat u het kreeg. Het geldt niet.",
    "A decision on lowering your benefit was taken back before you got it. It does not apply.",
  ),
  "sanction.undoReconsideration": p(
    "Het stoppen van een verlaging van uw uitkering is teruggenomen voordat u het bericht kreeg.",
    "The stop of a lowering of your benefit was taken back before you got the message.",
  ),
  "sanction.read": p("Een voorstel om uw uitkering te verlagen is bekeken.", "A proposal to lower your benefit was viewed."),
  "sanction.list": p("De verlagingen van uw uitkering zijn bekeken.", "The lowerings of your benefit were viewed."),
  "decision.record": p(
    "Er is een besluit over u genomen. U kreeg er een brief over.",
    "A decision was made about you. You got a letter about it.",
  ),
  "decision.read": p("Een besluit over u is bekeken.", "A decision about you was viewed."),
  "decision.list": p("De besluiten over u zijn bekeken.", "The decisions about you were viewed."),
  "objection.register": p("Uw bezwaar is ontvangen en genoteerd.", "Your objection was received and recorded."),
  "objection.read": p("Uw bezwaar is bekeken.", "Your objection was viewed."),
  "objection.lateness": p("Er is bekeken of uw bezwaar op tijd was.", "It was checked whether your objection was on time."),
  "objection.postpone": p(
    "De beslissing op uw bezwaar duurt langer. U kreeg er een brief over.",
    "The decision on your objection takes longer. You got a letter about it.",
  ),
  "objection.consentExtension": p(
    "U vond het goed dat de beslissing op uw bezwaar langer duurt.",
    "You agreed that the decision on your objection takes longer.",
  ),
  "objection.inviteToHearing": p("U is uitgenodigd om uw bezwaar uit te leggen.", "You were invited to explain your objection."),
  "objection.hearing": p("Het gesprek over uw bezwaar is genoteerd.", "The meeting about your objection was recorded."),
  "objection.hearingWaiver": p(
    "Er is genoteerd waarom er geen gesprek over uw bezwaar nodig is.",
    "It was recorded why no meeting about your objection is needed.",
  ),
  "objection.decide": p("Er is besloten over uw bezwaar.", "A decision was made on your objection."),
  "objection.undoPostponement": p(
    "Het uitstel van de beslissing op uw bezwaar is teruggedraaid voordat de brief verstuurd werd.",
    "The postponement of the decision on your objection was undone before the letter was sent.",
  ),
  "objection.undoHearingInvitation": p(
    "De uitnodiging om uw bezwaar uit te leggen is ingetrokken voordat hij verstuurd werd.",
    "The invitation to explain your objection was withdrawn before it was sent.",
  ),
  "objection.undoOutcome": p(
    "De beslissing op uw bezwaar is teruggedraaid voordat de brief verstuurd werd. Uw bezwaar is nog niet beslist.",
    "The decision on your objection was undone before the letter was sent. Your objection has not been decided yet.",
  ),
  "checkIn.createByClient": p("U heeft zelf verteld hoe het met u gaat.", "You told us yourself how you are doing."),
  "placement.clientSide": p(
    "U heeft uw kant verteld van waarom het vrijwilligerswerk stopte.",
    "You gave your side of why the volunteer work ended.",
  ),
  "placement.feedback": p("U heeft een cijfer gegeven voor uw vrijwilligerswerk.", "You gave a rating for your volunteer work."),
  "notification.queue": p(
    "Er staat een bericht voor u klaar om te versturen, bijvoorbeeld dat er een nieuwe brief is.",
    "A message to you was made ready to send, for example that there is a new letter.",
  ),
  "notification.retry": p(
    "Een bericht aan u kwam niet aan en wordt opnieuw verstuurd.",
    "A message to you did not arrive and is sent again.",
  ),
  "appointment.rescheduleRequested": p(
    "U heeft gevraagd om een andere tijd voor een afspraak.",
    "You asked for another time for an appointment.",
  ),
  "overview.read": p("Uw startpagina is bekeken: wat u nu moet doen.", "Your start page was viewed: what you have to do now."),
  "overview.plan": p("Uw plan en uw vrijwilligerswerk zijn bekeken.", "Your plan and your volunteer work were viewed."),
  "retention.apply": p("Oude gegevens zijn gewist, zoals de regels zeggen.", "Old data was deleted, as the rules say."),
  "placement.introduction": p(
    "Het kennismakingsgesprek bij de organisatie is vastgelegd: wie er waren en wat u en de organisatie ervan vonden.",
    "The introduction meeting at the organisation was recorded: who attended and what you and the organisation thought.",
  ),
  "placement.hostCheckIn": p(
    "Na vier weken is met de organisatie besproken hoe uw vrijwilligerswerk gaat.",
    "After four weeks, how your volunteer work goes was discussed with the organisation.",
  ),
  "placement.agreementDocument": p(
    "De organisatie heeft de afspraken over uw vrijwilligerswerk gedownload om te tekenen. Daarin staat alleen uw voornaam.",
    "The organisation downloaded the agreement on your volunteer work to sign it. It names you by first name only.",
  ),
  "placement.expense": p(
    "Er is een onkostenvergoeding voor uw vrijwilligerswerk vastgelegd.",
    "An expense allowance for your volunteer work was recorded.",
  ),
  "placement.expensePaid": p(
    "Er is vastgelegd dat uw onkostenvergoeding is betaald.",
    "It was recorded that your expense allowance was paid.",
  ),
};

/**
 * Audit actions that never name one client (logins, users, organisations, roles, the ordinance, city-wide lists and
 * runs): they have no place in a client's access log, so they need no sentence.
 */
export const ACTIONS_WITHOUT_CLIENT: readonly string[] = [
  "session.create",
  "session.delete",
  "session.loginFailed",
  "user.create",
  "user.update",
  "user.passwordChange",
  "apiToken.create",
  "apiToken.revoke",
  "availability.update",
  "organisation.create",
  "role.create",
  "role.review",
  "role.undoReview",
  "displacementComplaint.create",
  "displacementComplaint.decide",
  "displacementComplaint.undoDecision",
  "ordinance.create",
  "scheduler.run",
  "matchPlan.start",
  "matchProposal.list",
  "client.list",
  "exemption.listByStatus",
  "sanction.listByStatus",
  "notification.list",
  // The research export concerns every client at once and names none: pseudonymised, k-anonymous rows only.
  "researchExport.start",
  "researchExport.create",
  "researchExport.download",
  "client.export",
  "statePensionAges.update",
  // Agencies and their results: the agency, a list of its clients, the figures of all.
  "agency.create",
  "agency.update",
  "agencyAssignment.list",
  "agencyResults.read",
  "allowanceLimits.set",
  "organisation.support",
  "organisation.updatePartnerFields",
  // An export of the audit log: the admin's copy of many clients' trails, recorded without naming one.
  "auditEvent.export",
];

const READ_FALLBACK = p("Uw dossier is bekeken.", "Your file was viewed.");
const CHANGE_FALLBACK = p("Uw dossier is aangepast.", "Your file was changed.");

/** The plain sentence for an audit action; an action without one (never expected: see the test) says read or changed. */
export function purposeOf(action: string, category: string): Purpose {
  return ACCESS_PURPOSES[action] ?? (category.startsWith("read") ? READ_FALLBACK : CHANGE_FALLBACK);
}
