# Complaint and repair tickets (tk-)

## Commands
tk-cmd-report = Report a repair, complaint or idea
tk-cmd-mytickets = My tickets
tk-cmd-t = Ticket details: /t number
tk-cmd-ticket = Reply to a message to file a ticket for its author
tk-cmd-queue = My ticket queue
tk-cmd-public = Reply to a ticket card with a reply the group may see
tk-cmd-note = Reply to a ticket card with an internal note
tk-cmd-canned = Canned replies
tk-cmd-party = Dispute: name the other party
tk-cmd-agree = Dispute: record the agreement
tk-cmd-stats = Ticket statistics
tk-cmd-digest = Publish the "you said, we did" digest
tk-cmd-tkconfig = Ticket settings

## Categories, areas, statuses, levels
tk-cat-repair = Repair
tk-cat-complaint = Complaint
tk-cat-suggestion = Suggestion
tk-cat-wish = Wish
tk-cat-dispute = Dispute
tk-cat-safety = Safety emergency
tk-area-home = My home
tk-area-lift = Lift
tk-area-garage = Garage
tk-area-gate = Main gate
tk-area-greenery = Greenery
tk-area-other = Other common area
tk-status-new = Waiting to be accepted
tk-status-accepted = Accepted
tk-status-in_progress = In progress
tk-status-waiting = Waiting for your reply
tk-status-resolved = Resolved, awaiting confirmation
tk-status-closed = Closed
tk-status-rejected = Not accepted
tk-status-duplicate = Merged
tk-status-reopened = Reopened
tk-level-1 = the property team
tk-level-2 = the compound party branch
tk-level-3 = the community office
tk-desk = the party branch
tk-team = { $code ->
    [repairs] Repairs team
    [safety] Security team
    [cleaning] Cleaning team
    [greening] Greening team
    [telecom] Telecom team
   *[other] { $code }
}
tk-anonymous = a neighbour
tk-anonymous-staff = anonymous resident
tk-who-system = system
tk-where-building = { $building } · { $area }
tk-where-area = { $area }
tk-where-home-btn = My home: { $home }
tk-reason-accept-late = not accepted in time
tk-reason-resolve-late = not resolved in time
tk-reason-manual = passed on by staff
tk-reason-not-fixed = a resident says it is not fixed
tk-reason-accept-soon = is close to its accept deadline
tk-reason-resolve-soon = is close to its resolve deadline

## Reporting in a private chat
tk-report-no-compound = You have not registered an address yet, so I cannot take a report. Please send /register first, or write "#repair what happened" in your building group.
tk-report-which-compound = Please choose the compound:
tk-ask-category = What would you like to report? Please pick one:
tk-ask-description =
    All right: { $category }. Please tell me in a few words what happened, where, and since when.
    You can send photos too.
tk-got-text = Got it. You can add more text or photos; press "Next" when you are done.
tk-got-photo = Photo received ({ $count } so far). Press "Next" when you are done.
tk-err-need-text = Please describe the problem in words first, then press "Next".
tk-err-description-kind = Please describe it with text or photos.
tk-err-too-many-photos = That is enough photos ({ $limit } at most).
tk-ask-where = Where is it? Press a button below, or write the place (e.g. "the street lamp behind building 3"), or send a location (📎 → Location).
tk-confirm =
    Please check:
    Category: { $category }
    Where: { $where }
    What: { $text }
    Photos: { $photos }
    If all is right, press "Send". With "Send anonymously", other residents will not see your name or flat; the staff still handle it as usual.
tk-btn-send = Send
tk-btn-send-anon = Send anonymously
tk-btn-cancel = Cancel
tk-btn-next = Next
tk-report-cancelled = All right, cancelled. Send /report whenever you need.
tk-created =
    Registered as ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }), handled by { $team }.
    Someone will accept it by { $due } at the latest, and I will keep you posted.{ $anonymous }
tk-created-anon = (Anonymous: other residents will not see your name or flat.)
tk-dup-offer =
    Someone reported something similar recently:
    #{ NUMBER($number, useGrouping: 0) } { $category }: { $text }
    Is it the same problem? Press "+1" to follow it together; you will hear about every update.
tk-btn-plus-one = Same problem, +1 to #{ NUMBER($number, useGrouping: 0) }
tk-btn-new-problem = No, it is a new problem
tk-plus-done = Done, { $name }: you now follow ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }, { $team }). I will tell you about every update.

## Reporting in a group
tk-group-created = Registered as ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }), handled by { $team }. Neighbours with the same problem can press the button below.
tk-btn-me-too = I have this too
tk-plus-done-alert = You now follow ticket #{ NUMBER($number, useGrouping: 0) }. Updates come in a private chat; if you have never messaged me, open a chat with me and press Start.
tk-group-unbound = This group is not linked to a compound yet, so I cannot take reports here. Please ask the compound admin to use /setup.
tk-group-not-residents = This is a staff chat. Please report in a residents' group, or message me privately with /report.
tk-err-unknown-tag = I don't know the tag "{ $tag }". Please start with #repair #complaint #suggestion #wish or #dispute and then describe the problem.
tk-err-empty-group = Please describe the problem after the tag, for example: #repair The lift in building 3 has stopped
tk-err-not-your-draft = This button is for the neighbour who sent the message.
tk-ticket-usage = Please reply to the message you want to file, then send /ticket.
tk-err-file-for-denied = Only staff and building leaders can file for someone else. For your own problem, just write "#repair what happened".
tk-err-empty-original = That message has no text, so I cannot file it.

## Working card
tk-card =
    { $urgent }{ $late }Ticket #{ NUMBER($number, useGrouping: 0) } · { $category } · { $level }
    Where: { $where }
    Reporter: { $reporter }{ $contact }
    Team: { $team }{ $assignee }
    Status: { $status }
    Filed: { $created }{ $due }{ $photos }{ $plus }
    ——————
    { $text }{ $more }
tk-card-urgent = URGENT · 
tk-card-contact = { "" } · contact: { $how }
tk-card-assignee = ({ $name })
tk-card-due = { "" } · due { $due }
tk-card-overdue = { "" } · OVERDUE (was due { $due })
tk-card-photos = { "" } · { $count } photo(s)
tk-card-plus = { "" } · +{ $count } more household(s)
tk-card-more = (full text of { $count } characters below)
tk-card-fulltext =
    Ticket #{ NUMBER($number, useGrouping: 0) }, full text:
    { $text }
tk-photo-caption = Ticket #{ NUMBER($number, useGrouping: 0) }, photo { $n }/{ $count }
tk-btn-take = Take
tk-btn-resolve = Resolve
tk-btn-handover = Hand over
tk-btn-escalate = Escalate
tk-btn-duplicate = Duplicate of…
tk-btn-wait = Ask resident
tk-btn-reject = Reject
tk-btn-to-queue = Back to the queue
tk-took = You took ticket #{ NUMBER($number, useGrouping: 0) }. Please get in touch soon.
tk-resolved-ok = Ticket #{ NUMBER($number, useGrouping: 0) } is marked resolved; the residents are asked to confirm.
tk-escalated-ok = Ticket #{ NUMBER($number, useGrouping: 0) } was passed up to { $level }.
tk-prompt-wait = { $name }, please send your question for the resident as your next message (ticket #{ NUMBER($number, useGrouping: 0) }). Send /cancel to stop.
tk-prompt-rej = { $name }, please send the reason for rejecting ticket #{ NUMBER($number, useGrouping: 0) } as your next message; the resident will see it. Send /cancel to stop.
tk-prompt-dup = { $name }, which ticket is #{ NUMBER($number, useGrouping: 0) } a duplicate of? Send its number, e.g. 12. Send /cancel to stop.
tk-prompt-hand-who = Hand ticket #{ NUMBER($number, useGrouping: 0) } over to whom?
tk-prompt-hand = { $name }, please send the reason for handing over ticket #{ NUMBER($number, useGrouping: 0) } as your next message. Send /cancel to stop.
tk-prompt-cancelled = All right, cancelled.
tk-done-wait = Your question went to the resident; ticket #{ NUMBER($number, useGrouping: 0) }'s clock is paused until they answer.
tk-done-rej = Ticket #{ NUMBER($number, useGrouping: 0) } is rejected; the reporter was told why.
tk-done-dup = Ticket #{ NUMBER($number, useGrouping: 0) } is merged; its reporters now follow the other ticket.
tk-done-hand = Ticket #{ NUMBER($number, useGrouping: 0) } was handed over.
tk-err-dup-number = Please send just the ticket number, e.g. 12.

## Conversation
tk-relay-out =
    New reply on ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }):
    { $text }
    — { $steward }, { $team }
    To answer, just reply to this message.
tk-relay-in =
    Ticket #{ NUMBER($number, useGrouping: 0) }, reply from the resident ({ $who }):
    { $text }
tk-relayed-out = Passed on to { $count } reporter(s).
tk-relayed-in = Passed on to the staff of ticket #{ NUMBER($number, useGrouping: 0) }.
tk-err-reply-text = Please reply with text.
tk-note-usage = Reply to a ticket card with "/note your note". Notes are seen by staff only.
tk-note-saved = Internal note on ticket #{ NUMBER($number, useGrouping: 0) } saved; residents will not see it.
tk-canned-where = Canned replies are managed and used in a team's staff chat.
tk-canned-denied = Only members of this team can manage its canned replies.
tk-canned-usage =
    Canned replies:
    /canned — the list
    /canned add Title: reply text — add one
    /canned del 2 — delete number 2
    /canned 2 as a reply to a ticket card — send number 2 to the residents
tk-canned-empty = No canned replies yet. Add one with "/canned add Title: reply text".
tk-canned-list = Canned replies (reply to a ticket card with /canned <number> to use one):
tk-canned-line = { $n }. { $title }: { $text }
tk-canned-added = Canned reply "{ $title }" added.
tk-canned-removed = Canned reply "{ $title }" deleted.
tk-canned-exists = There is already a canned reply called "{ $title }".
tk-canned-unknown = There is no canned reply number { $n }. Send /canned for the list.

## Notices to residents
tk-n-taken = Hello { $recipient }, your ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }) was taken by { $steward } of { $team }.
tk-n-waiting =
    Hello { $recipient }, about ticket #{ NUMBER($number, useGrouping: 0) }, { $steward } of { $team } asks:
    { $text }
    Please reply to this message.
tk-n-resolved =
    Hello { $recipient }, { $team } has dealt with ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }). { $note }
    Is the problem solved?
tk-note-line = What was done: { $note }
tk-btn-fixed = Fixed
tk-btn-notfixed = Not fixed
tk-n-rejected =
    Hello { $recipient }, ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }) was not accepted, because:
    { $reason }
    If you have questions, just reply to this message.
tk-n-duplicate = Hello { $recipient }, ticket #{ NUMBER($number, useGrouping: 0) } is the same problem as ticket #{ NUMBER($survivor, useGrouping: 0) } and was merged into it. You will hear about #{ NUMBER($survivor, useGrouping: 0) } from now on.
tk-n-escalated = Hello { $recipient }, ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }) was passed up to { $level } ({ $reason }); someone there will follow it up.{ $contacts }
tk-n-reopened = Hello { $recipient }, a resident says ticket #{ NUMBER($number, useGrouping: 0) } is not fixed yet, so it was reopened.
tk-n-closed-confirmed = Hello { $recipient }, ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }) is confirmed fixed and closed. Thank you for reporting it!
tk-n-closed-unconfirmed = Hello { $recipient }, nobody answered within 3 days after ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }) was resolved, so it was closed as resolved. If the problem is still there, please report it again.
tk-n-filed-for-you =
    Hello { $recipient }, a staff member filed ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }) for your message in the group; { $team } will handle it:
    { $text }
    I will tell you about updates here, and you can add details by replying to this message.
tk-n-assigned = Ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }) is your turn: please press "Take" on its card.
tk-n-handed-to-you = { $steward } handed ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }) to you: { $reason }. Please press "Take" on its card.
tk-n-party-added = Hello { $recipient }, you were named as a party of dispute ticket #{ NUMBER($number, useGrouping: 0) }. A mediator will contact you, and the agreement will come here for you to confirm.
tk-n-agreement =
    Hello { $recipient }, this is the agreement for dispute ticket #{ NUMBER($number, useGrouping: 0) }:
    { $text }
    Do you agree?
tk-btn-agree-yes = I agree
tk-btn-agree-no = I don't agree
tk-n-agreement-declined = One party did not agree to the agreement for ticket #{ NUMBER($number, useGrouping: 0) }; the mediator will keep working on it.
tk-n-mediated =
    Both parties agreed on dispute ticket #{ NUMBER($number, useGrouping: 0) }; it is closed as mediated:
    { $text }
tk-vote-waiting = You agreed; waiting for the other party.
tk-vote-mediated = Both parties agreed: ticket #{ NUMBER($number, useGrouping: 0) } is mediated.
tk-vote-declined = Noted that you do not agree; the mediator will keep working on it.

## Lines in the working chats
tk-info-escalated =
    For your information: ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }, { $team }) was passed up to { $level }.
    Where: { $where }
    What: { $text }
tk-w-confirmed = Ticket #{ NUMBER($number, useGrouping: 0) }: the resident confirms it is fixed. Closed.
tk-w-notfixed = Ticket #{ NUMBER($number, useGrouping: 0) }: { $who } says it is not fixed. Reopened and passed up one level.
tk-w-overdue = Ticket #{ NUMBER($number, useGrouping: 0) } is still not resolved ({ $reason }). Please deal with it.
tk-w-mediated = Ticket #{ NUMBER($number, useGrouping: 0) }: both parties accepted the agreement. Closed.
tk-w-agreement-declined = Ticket #{ NUMBER($number, useGrouping: 0) }: { $who } does not accept the agreement. Please keep mediating.
tk-warn = Reminder: ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }) { $what }: { $due }.
tk-g-taken = Ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }) was taken by { $team }.
tk-g-resolved = Ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }) was resolved by { $team }.
tk-g-rejected = Ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }) was not accepted; the reporter was told why.
tk-g-duplicate = Ticket #{ NUMBER($number, useGrouping: 0) } is the same as another ticket and was merged into it.

## Fixed? and ratings
tk-thanks-fixed = Wonderful, thank you for confirming! Ticket #{ NUMBER($number, useGrouping: 0) } is closed.
tk-thanks-notfixed = Sorry it is not fixed yet. Ticket #{ NUMBER($number, useGrouping: 0) } was reopened and passed up one level; you will hear back soon.
tk-ask-stars = How would you rate the service (1–5 stars)?
tk-thanks-stars = Thank you for rating ticket #{ NUMBER($number, useGrouping: 0) } with { $stars } star(s)! To add a comment, just reply to this message.
tk-comment-saved = Thank you, your comment on ticket #{ NUMBER($number, useGrouping: 0) } is saved.

## Views
tk-mine-title = Your tickets:
tk-mine-empty = You have no tickets. Send /report whenever you need.
tk-line = #{ NUMBER($number, useGrouping: 0) } { $category } · { $status }{ $late } · { $created } · { $text }
tk-line-late = { "" } (overdue)
tk-show-usage = Send "/t number", e.g. /t 12.
tk-show-public = Ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }): { $status }, handled by { $team }.
tk-details =
    Ticket #{ NUMBER($number, useGrouping: 0) } · { $category } · { $status }
    Team: { $team } · { $level } · Steward: { $assignee }
    Where: { $where }
    Reporter: { $reporter }
    Filed: { $created }{ $due }{ $photos }
    ——————
    { $text }
tk-timeline-title = History:
tk-tl-line = { $at } { $what } · { $who }{ $note }
tk-tl-note = : { $note }
tk-ev-create = filed
tk-ev-take = taken
tk-ev-start = work started
tk-ev-wait = resident asked
tk-ev-resume = resident answered
tk-ev-resolve = resolved
tk-ev-confirm = confirmed fixed
tk-ev-deny = reported not fixed
tk-ev-expire = closed, no answer
tk-ev-reject = not accepted
tk-ev-merge = merged into
tk-ev-mediate = mediated
tk-ev-escalate = escalated
tk-ev-handover = handed over
tk-ev-reply = reply
tk-ev-canned = reply
tk-ev-message = resident wrote
tk-ev-note = internal note
tk-ev-plus_one = neighbour +1
tk-ev-absorb = absorbed
tk-ev-warn = deadline reminder
tk-ev-overdue = overdue reminder
tk-ev-party = other party named
tk-ev-agree = agreement proposed
tk-ev-agree_no = agreement declined
tk-queue-mine = Mine ({ $count }):
tk-queue-free = Waiting to be taken ({ $count }):
tk-queue-empty = Nothing in the queue right now. Well done!
tk-queue-rating = Residents rate you { $stars } stars ({ $count } ratings)

## Statistics
tk-stats-denied = Only admins, the party branch, the community office, the owners' committee and the stewards of a team can see ticket statistics.
tk-stats =
    Tickets of "{ $compound }"
    Open: { $open }, of which overdue: { $overdue }
    Per team (open · satisfaction):
    { $teams }
    Closed in the last two months: confirmed by residents { $confirmed }, no answer in 3 days { $unconfirmed }, reporter never reached (unconfirmed) { $unreached }
    Median time to accept: { $accept }; to resolve: { $resolve }
    Satisfaction: { $satisfaction }
    This month { $this_month }, last month { $last_month }; per category:
    { $categories }
tk-stats-team = · { $team }: { $count } open · { $rating }
tk-stats-desk = Party branch
tk-stats-office = Community office
tk-stats-steward = {"   "}◦ { $name }: { $rating }
tk-stats-rated = { $stars } stars ({ $count } { $count ->
        [one] rating
       *[other] ratings
    })
tk-stats-unrated = no ratings yet
tk-stats-hours = { $hours } h
tk-stats-no-hours = none yet
tk-stats-scope = { $compound } · { $team }
tk-stats-no-team = You are not in any service team yet, so there are no figures of your team. Ask the compound's admin to add you to your team.
tk-stats-chart-caption =
    "{ $compound }", the last { $weeks } weeks (each week under its Monday's date):
    red bars: opened, { $opened } in all; green bars: resolved, { $resolved } in all;
    dark line: median time to resolve (hours, on the right-hand scale).
tk-stats-category = · { $category }: { $now } this month, { $before } last month
tk-stats-none = · none yet

## Mediation
tk-party-usage = Usage: reply to the other party's message with "/party number", or privately "/party number @username".
tk-party-unknown = I cannot find that resident. Reply to their message instead, or make sure they have messaged me before.
tk-party-added = { $name } is now the other party of ticket #{ NUMBER($number, useGrouping: 0) }.
tk-agree-usage = Usage: /agree number agreement text
tk-agree-sent = The agreement for ticket #{ NUMBER($number, useGrouping: 0) } was sent to both parties to confirm.

## You said, we did
tk-digest-denied = Only the party branch and admins can publish the "you said, we did" digest.
tk-digest-empty = "{ $compound }" has no newly done suggestions or wishes to publish.
tk-digest-no-groups = "{ $compound }" has no linked residents' groups to publish to.
tk-digest-preview = Preview (it will go to every group of the compound once you confirm):
tk-digest =
    You said, we did: { $count } thing(s) recently done in "{ $compound }":
    { $items }
    Thank you for your ideas and wishes. Share more any time with #suggestion or #wish.
tk-digest-line = · #{ NUMBER($number, useGrouping: 0) } { $category }: { $said }{ $did }
tk-digest-did = { "" } → done: { $text }
tk-btn-publish = Publish
tk-digest-cancelled = All right, not published.
tk-digest-published = Published { $items } item(s) to { $groups } group(s).

## Ticket settings
tk-cfg-overview =
    Ticket settings (accept/resolve within, in minutes):
    { $lines }
    Examples:
    /tkconfig repair team repairs
    /tkconfig repair sla 2h 48h
    /tkconfig complaint tags #property
    /tkconfig hours repairs 08:00-18:00
tk-cfg-line = · { $category } → { $team } · { $accept }/{ $resolve } · tags { $tags } · hours { $hours }
tk-cfg-saved = Saved. Send /tkconfig to see the current settings.
tk-cfg-usage = I could not read that. Send /tkconfig for examples.
tk-cfg-bad-category = There is no category "{ $value }". Use: repair complaint suggestion wish dispute safety
tk-cfg-bad-team = There is no team "{ $value }".
tk-cfg-bad-duration = I cannot read the time "{ $value }"; write it like 30m, 2h or 3d.
tk-cfg-bad-hours = I cannot read the hours "{ $value }"; write them like 08:00-18:00, or off for all day.
tk-cfg-bad-sla = The accept time must be shorter than the resolve time.
tk-cfg-bad-tag = The tag "{ $value }" must start with # and have no spaces.

## Refusals
tk-err-empty = The text is empty. Please describe the problem in a few words.
tk-err-too-long = That is too long ({ $limit } characters at most). Please shorten it.
tk-err-no-ticket = I cannot find that ticket.
tk-err-not-visible = I cannot find ticket #{ NUMBER($number, useGrouping: 0) }, or you may not see it.
tk-err-not-your-team = Ticket #{ NUMBER($number, useGrouping: 0) } belongs to another team; you cannot act on it.
tk-err-stale = This card is out of date: ticket #{ NUMBER($number, useGrouping: 0) } is now "{ $status }".
tk-err-transition = The ticket is "{ $status_name }" now; that cannot be done.
tk-err-owned = Ticket #{ NUMBER($number, useGrouping: 0) } is owned by { $name }; they must do this or hand it over first.
tk-err-taken = Too late: { $name } already took ticket #{ NUMBER($number, useGrouping: 0) }.
tk-err-already-yours = Ticket #{ NUMBER($number, useGrouping: 0) } is already yours.
tk-err-not-assigned = Nobody has taken ticket #{ NUMBER($number, useGrouping: 0) } yet, so there is nothing to hand over.
tk-err-handover-target = Ticket #{ NUMBER($number, useGrouping: 0) } cannot be handed to that person.
tk-err-reason-needed = Please give a reason.
tk-err-top-level = Ticket #{ NUMBER($number, useGrouping: 0) } is already at the top level (the community office).
tk-err-dup-target = I cannot find ticket #{ NUMBER($number, useGrouping: 0) }, or it is this very ticket.
tk-err-dup-closed = Ticket #{ NUMBER($number, useGrouping: 0) } is closed; nothing can be merged into it.
tk-err-plus-closed = Ticket #{ NUMBER($number, useGrouping: 0) } is already closed. If the problem is back, please report it again.
tk-err-already-following = You already follow ticket #{ NUMBER($number, useGrouping: 0) }.
tk-err-not-follower = You are not a reporter of this ticket.
tk-err-final = Ticket #{ NUMBER($number, useGrouping: 0) } is "{ $status }"; replies are closed. Please report a new problem separately.
tk-err-question-stale = This question has expired: ticket #{ NUMBER($number, useGrouping: 0) } is now “{ $status }”.
tk-err-answered = You already answered (ticket #{ NUMBER($number, useGrouping: 0) }). Thank you!
tk-err-answer-first = Please press "Fixed" or "Not fixed" first (ticket #{ NUMBER($number, useGrouping: 0) }).
tk-err-stars = Please choose 1 to 5 stars.
tk-err-not-dispute = Ticket #{ NUMBER($number, useGrouping: 0) } is not a dispute.
tk-err-already-party = That person is already a party of ticket #{ NUMBER($number, useGrouping: 0) }.
tk-err-need-parties = Ticket #{ NUMBER($number, useGrouping: 0) } has no other party yet; name them with /party first.
tk-err-not-party = You are not a party of ticket #{ NUMBER($number, useGrouping: 0) }.
tk-err-agreement-stale = This agreement is out of date (ticket #{ NUMBER($number, useGrouping: 0) } has a newer one or is closed).

## When the reporter cannot be reached privately (follow-up in the group)
tk-btn-follow = Follow privately
tk-gf-replied = Ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }): { $steward } of { $team } replied to the reporter. Reporter, please press “Follow privately” under the first answer to read it.
tk-gf-replied-public =
    Ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }), { $steward } of { $team } replies:
    { $text }
tk-gf-waiting = Ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }): { $steward } of { $team } has a question for the reporter. Reporter, please press “Follow privately” under the first answer to read and answer it.
tk-gf-resolved =
    Ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }) was handled by { $team }. { $note }
    Reporter, please confirm: is it fixed?
tk-gf-escalated = Ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }) was passed on to { $level }, who now hold it.{ $contacts }
tk-contacts-hint = {" "}How to reach { $level }: send /contacts.
tk-gf-reopened = A reporter says ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }) is not fixed yet, so it was reopened.
tk-gf-closed-confirmed = The reporter confirmed ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }) is fixed; it is closed.
tk-g-closed-unreached = Ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }) got no confirmation from its reporter within 3 days and was closed as unconfirmed. If the problem is still there, please report it again.
tk-err-follow-not-yours = This link is for the ticket's reporters. If you have the same problem, press “I have this too” under the answer in the group.
tk-follow-ok = Done: you will hear about ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }, { $team }) here from now on. Current state: { $status }. { $ask }
tk-follow-ask = Staff have handled it. Is it fixed?
tk-n-reopened-steward = Ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }) that you handled was reported not fixed by { $who } and is open again.
tk-public-usage = Reply to a ticket card with "/public your reply". When the reporter cannot be reached privately, such a reply is shown as it is under the report in the group.
tk-dup-offer-private =
    A resident reported something similar recently (ticket #{ NUMBER($number, useGrouping: 0) }, { $category }).
    Is it the same problem? Press "+1" to follow it together; you will hear about every update.
tk-digest-said-private = raised privately by a resident
tk-n-closed-unreached = Hello { $recipient }, ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }) got no confirmation from its reporter within 3 days and was closed as unconfirmed. If the problem is still there, please report it again.

## Gaps in the escalation ladder
tk-card-late = [OVERDUE] { "" }
tk-w-escalated = Ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }): { $reason }; passed up to { $level }.
tk-holder-admins = the compound's admins
tk-ev-skip = passed over a level nobody holds
tk-gap-2 =
    Note: "{ $compound }" has no party branch chat and nobody holds the party branch role. Tickets reaching that level go straight to the next one.
    To fix it: send /setup in the party branch's group and choose its purpose, or send me privately /grant party_branch @username
tk-gap-3 =
    Note: "{ $compound }" has no community office chat and nobody is a community officer. Tickets reaching that level go to the compound's admins.
    To fix it: send /setup in the office's group and choose its purpose, or send me privately /grant community_officer @username

## Resolution note
tk-prompt-note = Ticket #{ NUMBER($number, useGrouping: 0) } is marked done. A short note for the residents? Pick one below or reply to this message with a line; or skip.
tk-note-canned-1 = Fixed, it works again
tk-note-canned-2 = The broken part was replaced
tk-note-canned-3 = Dealt with on site
tk-btn-note-skip = Skip
tk-note-skipped = All right, no note.
tk-note-sent = The note went to the residents of ticket #{ NUMBER($number, useGrouping: 0) }.
tk-err-note-given = Ticket #{ NUMBER($number, useGrouping: 0) } already has a note for this fix.
tk-n-resolution = Hello { $recipient }, a note from { $steward } on ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }): { $note }
tk-ev-resolution = resolution note

## How to report (/help, the welcome pinned in a group, a bare /report)
tk-guide-title = How to report: post a message in your compound's or building's group that starts with one of these hashtags, then say what is wrong:
tk-guide-line = { $tag }{ $also } — e.g. { $tag } { $example }
tk-guide-also = {" "}(or { $tags })
tk-guide-example-repair = The lift in building 3 has stopped
tk-guide-example-complaint = The barbecue place downstairs is still loud at midnight
tk-guide-example-suggestion = Could we have a parcel locker at the gate?
tk-guide-example-wish = More benches in the small garden, please
tk-guide-example-dispute = Water leaks from the flat above into mine and we cannot agree
tk-guide-example-safety = Strong smell of gas in the underground garage
tk-guide-private = For something you would rather not say in the group, message me /report privately and I will take it step by step.
tk-report-guide = Please write what is wrong after /report, or start a message with a hashtag:
tk-welcome-title = Hello everyone! Red Steward now takes this group's reports, and every one gets an answer.

## Where a report is: a location, a venue or words
tk-where-more = { $where }{ $place }{ $map }
tk-where-place = { "" } · { $place }
tk-where-map = { "" } · map: { $url }
tk-where-pin = the location you sent (staff will see it on a map)
tk-err-step-where = Please press a button above, or write the place (e.g. "the street lamp behind building 3"), or send a location.
tk-err-place-long = Please keep the place within { $limit } characters; the details are already in your description.
tk-err-place-pin = I could not read that location. Please send it again, or write the place.
tk-err-step-compound = Please press a button above to choose the compound. Send /report to start again, or /cancel to stop.
tk-err-step-category = Please press a button above to choose what it is about (repair, complaint, suggestion…), then describe it. /cancel stops.
tk-err-step-confirm = Please press a button above: send, send anonymously, or cancel. To change something, send /report to start again.
tk-err-step-buttons = Please press a button above to go on, or send /cancel to stop.
tk-ev-rate = resident's rating
tk-ev-comment = resident's comment
tk-w-rated = Ticket #{ NUMBER($number, useGrouping: 0) }: { $who } rated it { $stars } star(s).
tk-n-rated-steward = Ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }) that you handled: { $who } rated it { $stars } star(s).
tk-w-commented = Ticket #{ NUMBER($number, useGrouping: 0) }: comment from { $who }: { $comment }
tk-n-commented-steward = Ticket #{ NUMBER($number, useGrouping: 0) } ({ $category }) that you handled: comment from { $who }: { $comment }
tk-ask-contact = May the steward call or message you while working on it? (Your phone and username are shown only on the ticket in the staff chat; asked once and remembered, change it any time in /profile.)
tk-btn-contact-yes = 📞 Yes, contact me
tk-btn-contact-no = No, thanks
tk-contact-yes = OK: stewards may contact you about your reports. Change it any time in /profile.
tk-contact-no = OK: your phone is not given to stewards. Change it any time in /profile.
