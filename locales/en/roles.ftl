# Roles: /grant /revoke /roles, party membership /partymember, the party badge /badge
role-cmd-grant = Give someone a role
role-cmd-revoke = Take a role away
role-cmd-roles = Who holds which role in the compound
role-cmd-partymember = Mark or unmark a party member
role-cmd-badge = Show or hide your party-member badge

role-name-admin = admin
role-name-steward = steward
role-name-organizer = organizer
role-name-party_branch = party branch
role-name-community_officer = community officer
role-name-owners_committee = owners' committee member
role-name-grid_worker = grid worker
role-name-liaison_head = liaison head
role-name-building_leader = building leader
role-name-mediator = mediator
role-name-merchant = merchant
role-name-finance = property finance
role-choice = { $code } ({ $name })
role-with-scope = { $role } ({ $scope })

role-group-unbound = This group is not set up for a compound yet. An admin of the compound should send /setup here first.
role-denied = Sorry, you are not allowed to do that. Nothing was changed.
role-grant-usage =
    How to use it:
    · in a compound's group, reply to the person's message: /grant role [building or team]
    · privately to me: /grant role @username (or numeric id) [building or team]
    For example: /grant building_leader @wang 3, /grant steward @li repairs
role-revoke-usage =
    How to use it:
    · in a compound's group, reply to the person's message: /revoke role
    · privately to me: /revoke role @username (or numeric id)
    A steward can be taken off one team only: /revoke steward @li repairs
role-unknown-role = There is no such role. The roles are: { $roles }
role-unknown-person = I don't know this person yet. Ask them to send me /start privately, or reply to their message in a group.
role-unknown-team = There is no service team "{ $team }". The teams are: { $teams }
role-unknown-building = There is no building "{ $building }". Please type the building as it is in the household register.
role-no-scope = The { $role } role is not tied to a building or a team; please leave out the rest.
role-granted = Done: { $name } is now { $role } of "{ $compound }". I have let them know.
role-revoked = Done: { $name } is no longer { $role } of "{ $compound }". I have let them know.
role-already = { $name } is already { $role } of "{ $compound }". Nothing was changed.
role-not-granted = { $name } is not { $role } of "{ $compound }". Nothing was changed.
role-last-admin = { $name } is the only admin of "{ $compound }" and cannot be removed. Please make someone else { $role } first.
role-granted-notice = Hello! You are now { $role } of "{ $compound }". Send /help to see what you can do.
role-revoked-notice = Hello. You are no longer { $role } of "{ $compound }". Thank you for your work!
role-team-joined-notice = Hello! You have joined { $team } in "{ $compound }".
role-team-left-notice = Hello. You are no longer in { $team } in "{ $compound }". Thank you for your work!

role-list-title = Roles in "{ $compound }":
role-list-line = · { $role }: { $who }
role-list-empty = Nobody holds a role yet.
role-badge-mark = (party member)

role-party-usage =
    How to use it:
    · in a compound's group, reply to the person's message: /partymember (or /partymember off)
    · privately to me: /partymember @username (or numeric id) [on or off]
role-party-marked = { $name } is now marked as a party member. They can show it with /badge on.
role-party-unmarked = { $name } is no longer marked as a party member.
role-party-already = { $name } is already marked as a party member.
role-party-already-not = { $name } was not marked as a party member.
role-party-marked-notice = Hello! "{ $compound }" has recorded you as a party member. If you wish to show it, message me /badge on.
role-party-unmarked-notice = Hello. "{ $compound }" no longer records you as a party member.

role-badge-private = To show your badge, message me privately: /badge on or /badge off.
role-badge-status-on = Your party-member badge is showing.
role-badge-status-off = Your party-member badge is hidden.
role-badge-usage = Send /badge on to show it, /badge off to hide it.
role-badge-not-member = Only recorded party members can show the badge. If you are one, ask your compound's party branch or admin to record it.
role-badge-already-on = Your badge is already showing.
role-badge-already-off = Your badge is already hidden.
role-badge-on = Done: your party-member badge is showing. People will see "party member" next to your name.
role-badge-off = Done: your party-member badge is hidden.
