# Setting a compound up: /newcompound, the bot joining groups, /setup, /team
setup-cmd-newcompound = Create a compound
setup-cmd-setup = Set which compound this group belongs to and what it is for
team-cmd-team = See and manage the service teams

setup-newcompound-private = To create a compound, message me privately: /newcompound and the compound's name.
setup-newcompound-denied = Sorry, only a system administrator can create a compound.
setup-newcompound-ask = What is the compound called? For example: Happiness Gardens
setup-compound-exists = There is already a compound called "{ $name }". Please choose another name.
setup-compound-bad-name = The name cannot be empty or longer than 128 characters. Please send the name again.
setup-compound-created =
    "{ $name }" is ready, and you are its admin.
    It has five service teams: repairs, safety, cleaning, greening and telecom.
    Next:
    · add me to the compound's Telegram groups and send /setup in each
    · send /import to load the household register
    · send /grant to give people their roles, and /team to manage the teams

setup-added =
    Hello everyone, I am Red Steward!
    An admin of the compound should send /setup here to tell me which compound, building or service team this group is for.
setup-make-admin = Please also make me an admin of this group, so that I can pin the register message.
setup-stranger-leaving = Hello! I only serve registered compounds, and a compound admin has to add me to a group. I am leaving now. Goodbye.

setup-group-only = Send /setup in the group you want to set up.
setup-refused = Sorry, only someone who is both an admin of this group and an admin of the compound can set this group up. Nothing was changed.
setup-not-yours = These buttons are for the admin who sent /setup.
setup-cancelled = Cancelled. Nothing was changed.
setup-cancel = Cancel
setup-back = « Back
setup-choose-compound = Which compound does this group belong to?
setup-choose-purpose = What is this group for in "{ $compound }"?
setup-choose-building = Choose the building ("{ $compound }", page { $page } of { $pages }):
setup-choose-team = Choose the service team ("{ $compound }"):
setup-purpose-compound = The whole compound
setup-purpose-building = One building
setup-purpose-team = A service team's staff chat
setup-purpose-party = The party branch
setup-purpose-committee = The owners' committee
setup-purpose-office = The community office
setup-no-buildings = This compound has no buildings yet. Please message me /import first to load the household register.
setup-no-teams = This compound has no service teams yet. Please message me /team to add one.
setup-bound-compound = Done: this is now the group of the whole compound "{ $compound }".
setup-bound-building = Done: this is now the group of { $building } in "{ $compound }".
setup-bound-team = Done: this is now the staff chat of { $team } in "{ $compound }".
setup-bound-party = Done: this is now the party branch's group of "{ $compound }".
setup-bound-committee = Done: this is now the owners' committee's group of "{ $compound }".
setup-bound-office = Done: this is now the community office's group for "{ $compound }".

team-name-repairs = Repairs
team-name-safety = Safety
team-name-cleaning = Cleaning
team-name-greening = Greening
team-name-telecom = Telecom
team-list-title = Service teams of "{ $compound }":
team-list-line = · { $name } [{ $code }]{ $rr } — { $members }
team-rr-mark = { " " }(takes turns)
team-no-members = no members yet
team-usage =
    How to use it:
    /team add code name — add a team (the code in lowercase English, e.g. parking)
    /team rename team new name — rename a team
    /team rr team — turn taking turns on or off
    /team join team @username — add a member (in a group you can also reply to their message)
    /team leave team @username — remove a member
team-add-done = Team { $code } is ready.
team-add-exists = There is already a team with the code or name { $code }.
team-add-bad-code = "{ $code }" cannot be a code: use 2 to 32 lowercase letters, digits or underscores, starting with a letter.
team-add-bad-name = The name cannot be empty or longer than 64 characters.
team-renamed = Done: "{ $old }" is now called "{ $name }" ({ $code }).
team-rr-on = { $name } now takes turns.
team-rr-off = { $name } no longer takes turns.
team-member-added = { $name } has joined { $team }.
team-member-already = { $name } is already in { $team }.
team-member-removed = { $name } has left { $team }.
team-member-not = { $name } is not in { $team }.
