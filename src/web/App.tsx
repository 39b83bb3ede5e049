import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { createQueryClient } from "./api/queryClient.js";
import { Layout } from "./components/Layout.js";
import { ProposeActivityPage } from "./domains/activity-proposals/ProposeActivityPage.js";
import { AgenciesPage } from "./domains/agencies/AgenciesPage.js";
import { AgencyPage } from "./domains/agencies/AgencyPage.js";
import { AuditLogPage } from "./domains/audit/AuditLogPage.js";
import { AvailabilityPage } from "./domains/availability/AvailabilityPage.js";
import { BuddiesPage } from "./domains/buddies/BuddiesPage.js";
import { MyBuddyPage } from "./domains/buddies/MyBuddyPage.js";
import { CheckInPage } from "./domains/check-ins/CheckInPage.js";
import { PortalCheckInPage } from "./domains/check-ins/PortalCheckInPage.js";
import { CaseloadPage } from "./domains/clients/CaseloadPage.js";
import { ClientDetailPage } from "./domains/clients/ClientDetailPage.js";
import { ClientEditPage } from "./domains/clients/ClientEditPage.js";
import { ClientNewPage } from "./domains/clients/ClientNewPage.js";
import { MyDecisionsPage } from "./domains/decisions/MyDecisionsPage.js";
import { ObjectionPage } from "./domains/decisions/ObjectionPage.js";
import { NotFoundPage } from "./domains/errors/NotFoundPage.js";
import { AwaitingCoSignPage } from "./domains/exemptions/AwaitingCoSignPage.js";
import { HomePage } from "./domains/home/HomePage.js";
import { MyPlanPage } from "./domains/home/MyPlanPage.js";
import { IntakePage } from "./domains/intakes/IntakePage.js";
import { InvitePage } from "./domains/invitations/InvitePage.js";
import { MatchPlanPage } from "./domains/matching/MatchPlanPage.js";
import { MatchPlansPage } from "./domains/matching/MatchPlansPage.js";
import { MyDayPage } from "./domains/my-day/MyDayPage.js";
import { ContactDetailsPage } from "./domains/notifications/ContactDetailsPage.js";
import { NotificationsPage } from "./domains/notifications/NotificationsPage.js";
import { OrdinancePage } from "./domains/ordinance/OrdinancePage.js";
import { OrganisationDetailPage } from "./domains/organisations/OrganisationDetailPage.js";
import { OrganisationNewPage } from "./domains/organisations/OrganisationNewPage.js";
import { OrganisationsPage } from "./domains/organisations/OrganisationsPage.js";
import { ClientVoicePage } from "./domains/placements/ClientVoicePage.js";
import { MyPlacementsPage } from "./domains/placements/MyPlacementsPage.js";
import { PlacementDetailPage } from "./domains/placements/PlacementDetailPage.js";
import { PlacementsPage } from "./domains/placements/PlacementsPage.js";
import { AccessLogPage } from "./domains/privacy/AccessLogPage.js";
import { MyDataPage } from "./domains/privacy/MyDataPage.js";
import { RightsPage } from "./domains/privacy/RightsPage.js";
import { RegistryPage } from "./domains/registry/RegistryPage.js";
import { ResearchExportPage } from "./domains/research-export/ResearchExportPage.js";
import { ComplaintPage } from "./domains/roles/ComplaintPage.js";
import { RoleDetailPage } from "./domains/roles/RoleDetailPage.js";
import { RoleNewPage } from "./domains/roles/RoleNewPage.js";
import { RolesPage } from "./domains/roles/RolesPage.js";
import { ProposedSanctionsPage } from "./domains/sanctions/ProposedSanctionsPage.js";
import { SchedulerPage } from "./domains/scheduler/SchedulerPage.js";
import { ChangePasswordPage } from "./domains/session/ChangePasswordPage.js";
import { LoginPage } from "./domains/session/LoginPage.js";
import { LoginRefusedPage } from "./domains/session/LoginRefusedPage.js";
import { RequireAbility, RequireAuth } from "./domains/session/RequireAuth.js";
import { EffectsPage } from "./domains/statistics/EffectsPage.js";
import { StatisticsPage } from "./domains/statistics/StatisticsPage.js";
import { TeamPage } from "./domains/team/TeamPage.js";
import { UserEditPage } from "./domains/users/UserEditPage.js";
import { UserNewPage } from "./domains/users/UserNewPage.js";
import { UsersPage } from "./domains/users/UsersPage.js";
import { WorkQueuePage } from "./domains/work-queue/WorkQueuePage.js";

/** The whole web app: data layer, router and the route table. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/login/refused" element={<LoginRefusedPage />} />
            {/* Anyone may say a role replaces paid work, without an account. */}
            <Route path="/vacatures/:id/klacht" element={<ComplaintPage />} />
            <Route path="/rights" element={<RightsPage />} />
            <Route element={<RequireAuth />}>
              <Route index element={<HomePage />} />
              <Route path="/account/password" element={<ChangePasswordPage />} />
              {/* Clients may open their own record; the server limits which record that is. */}
              <Route path="/clients/:id" element={<ClientDetailPage />} />
              {/* A client's own decisions; an objection for whoever the server lets read it (its abilities say what they may do). */}
              <Route path="/my-decisions" element={<MyDecisionsPage />} />
              <Route path="/my-data" element={<MyDataPage />} />
              <Route path="/clients/:id/access-log" element={<AccessLogPage />} />
              <Route path="/my-contact-details" element={<ContactDetailsPage />} />
              <Route path="/my-plan" element={<MyPlanPage />} />
              <Route path="/objections/:id" element={<ObjectionPage />} />
              <Route path="/activity-proposals" element={<ProposeActivityPage />} />
              {/* The client's own voice: how it goes, their side of an ending, their rating (the pages check the role). */}
              <Route path="/my-check-in" element={<PortalCheckInPage />} />
              <Route path="/my-placements" element={<MyPlacementsPage />} />
              <Route path="/my-buddy" element={<MyBuddyPage />} />
              <Route path="/my-placements/:id/my-side" element={<ClientVoicePage kind="client-side" />} />
              <Route path="/my-placements/:id/feedback" element={<ClientVoicePage kind="feedback" />} />
              <Route element={<RequireAbility ability="viewCaseload" />}>
                <Route path="/clients" element={<CaseloadPage />} />
                <Route path="/buddies" element={<BuddiesPage />} />
                <Route path="/clients/:id/edit" element={<ClientEditPage />} />
              </Route>
              <Route element={<RequireAbility ability="registerClients" />}>
                <Route path="/clients/new" element={<ClientNewPage />} />
              </Route>
              <Route element={<RequireAbility ability="viewWorkQueue" />}>
                <Route path="/work-queue" element={<WorkQueuePage />} />
              </Route>
              <Route element={<RequireAbility ability="viewMyDay" />}>
                <Route path="/my-day" element={<MyDayPage />} />
              </Route>
              <Route element={<RequireAbility ability="inviteClients" />}>
                <Route path="/invitations" element={<InvitePage />} />
              </Route>
              <Route element={<RequireAbility ability="manageAvailability" />}>
                <Route path="/availability" element={<AvailabilityPage />} />
              </Route>
              <Route element={<RequireAbility ability="recordIntakes" />}>
                <Route path="/clients/:id/intake" element={<IntakePage />} />
              </Route>
              <Route element={<RequireAbility ability="recordCheckIns" />}>
                <Route path="/clients/:id/check-in" element={<CheckInPage />} />
              </Route>
              <Route element={<RequireAbility ability="answerReferrals" />}>
                <Route path="/placements" element={<PlacementsPage />} />
              </Route>
              <Route element={<RequireAbility ability="viewRoles" />}>
                <Route path="/roles" element={<RolesPage />} />
                <Route path="/roles/:id" element={<RoleDetailPage />} />
              </Route>
              <Route element={<RequireAbility ability="createRoles" />}>
                <Route path="/roles/new" element={<RoleNewPage />} />
              </Route>
              <Route element={<RequireAbility ability="viewPlacements" />}>
                <Route path="/placements/:id" element={<PlacementDetailPage />} />
              </Route>
              <Route element={<RequireAbility ability="viewOrganisations" />}>
                <Route path="/organisations" element={<OrganisationsPage />} />
                <Route path="/organisations/:id" element={<OrganisationDetailPage />} />
              </Route>
              <Route element={<RequireAbility ability="registerOrganisations" />}>
                <Route path="/organisations/new" element={<OrganisationNewPage />} />
              </Route>
              <Route element={<RequireAbility ability="viewTeam" />}>
                <Route path="/team" element={<TeamPage />} />
              </Route>
              <Route element={<RequireAbility ability="coSignExemptions" />}>
                <Route path="/exemptions" element={<AwaitingCoSignPage />} />
              </Route>
              <Route element={<RequireAbility ability="viewProposedSanctions" />}>
                <Route path="/sanctions" element={<ProposedSanctionsPage />} />
              </Route>
              <Route element={<RequireAbility ability="viewMatchPlans" />}>
                <Route path="/match-plans" element={<MatchPlansPage />} />
                <Route path="/match-plans/:id" element={<MatchPlanPage />} />
              </Route>
              <Route element={<RequireAbility ability="viewStatistics" />}>
                <Route path="/statistics" element={<StatisticsPage />} />
              </Route>
              <Route element={<RequireAbility ability="viewEffects" />}>
                <Route path="/statistics/effects" element={<EffectsPage />} />
              </Route>
              <Route element={<RequireAbility ability="makeResearchExports" />}>
                <Route path="/research-export" element={<ResearchExportPage />} />
              </Route>
              <Route element={<RequireAbility ability="manageUsers" />}>
                <Route path="/users" element={<UsersPage />} />
                <Route path="/users/new" element={<UserNewPage />} />
                <Route path="/users/:id" element={<UserEditPage />} />
              </Route>
              <Route element={<RequireAbility ability="viewAuditLog" />}>
                <Route path="/audit-log" element={<AuditLogPage />} />
              </Route>
              <Route element={<RequireAbility ability="manageOrdinance" />}>
                <Route path="/ordinance" element={<OrdinancePage />} />
              </Route>
              <Route element={<RequireAbility ability="manageRegistry" />}>
                <Route path="/registry" element={<RegistryPage />} />
              </Route>
              <Route element={<RequireAbility ability="viewScheduler" />}>
                <Route path="/scheduler" element={<SchedulerPage />} />
              </Route>
              <Route element={<RequireAbility ability="viewAgencies" />}>
                <Route path="/agencies" element={<AgenciesPage />} />
                <Route path="/agencies/:id" element={<AgencyPage />} />
              </Route>
              <Route element={<RequireAbility ability="viewNotifications" />}>
                <Route path="/notifications" element={<NotificationsPage />} />
              </Route>
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
