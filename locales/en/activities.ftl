# Volunteer activities: creating, signing up, waitlist, check-in, reminders

act-cmd-activities = Upcoming volunteer activities
act-cmd-activity = Start a volunteer activity

## Dates and times
act-weekday-1 = Mon
act-weekday-2 = Tue
act-weekday-3 = Wed
act-weekday-4 = Thu
act-weekday-5 = Fri
act-weekday-6 = Sat
act-weekday-7 = Sun
act-date = { $weekday } { $month }/{ $day }
act-moment = { $date } { $time }
act-span = { $date } { $start }–{ $end }
act-span-days = { $start } to { $end }

## The activity card
act-card = { $body }
act-card-title = 🙋 Volunteer activity: { $title }
act-card-when = 🕘 When: { $when }
act-card-place = 📍 Where: { $place }
act-card-seats = 👥 { $capacity } places, { $left } left{ $waiting ->
    [0] {""}
   *[other] , { $waiting } on the waiting list
}
act-card-cancelled = ❌ This activity has been called off
act-card-finished = ✅ This activity is over: { $attended } people took part. Thank you all!
act-card-points = ⭐ Taking part earns { $points } points
act-card-deadline = 📝 Sign up by: { $deadline }
act-card-party-only = 🎖 For Party members only

act-btn-join = Sign up
act-btn-leave = Cancel my sign-up
act-btn-checkin = I'm here (check in)
act-btn-approve = Let them sign up
act-btn-decline = Decline
act-btn-attendance = Record who came
act-btn-call-off = Call off the whole activity
act-btn-call-off-yes = Yes, call it off
act-btn-back = Back
act-btn-organized = Activities I organize
act-btn-finish = Close and give points
act-btn-finish-yes = Yes, close and give points
act-btn-skip = Skip
act-btn-default-deadline = Until it starts
act-btn-default-cutoff = Use the default
act-btn-rule-points = { $points } points, as the rules say
act-btn-done = Done
act-btn-publish = Publish
act-btn-discard = Discard

## Sign-up results (button answers)
act-joined = You're signed up! A place at “{ $title }” is yours.
act-waitlisted = It's full, so you're on the waiting list at number { $position }. I'll message you privately as soon as a place frees up.
act-pending = Got it. Since you missed a few activities you signed up for, the organizer will confirm this one. I'll let you know.
act-already-joined = You're already signed up; your place is kept.
act-already-waitlisted = You're already on the waiting list, at number { $position }.
act-see-private = Details and reminders come in a private chat (please message me once first).
act-left = Your sign-up for “{ $title }” is cancelled.
act-checked-in = You're checked in. Thank you for joining “{ $title }”!
act-already-checked-in = You're already checked in. Thank you!

## An activity in private chat
act-you-confirmed = ✅ You're signed up.
act-you-waitlisted = ⏳ You're on the waiting list, at number { $position }.
act-you-pending = ⏳ Your sign-up is waiting for the organizer.
act-you-declined = The organizer did not accept your sign-up this time.
act-you-checked-in = ✅ You're checked in.

act-list = Upcoming volunteer activities in { $compound }. Tap one for details and to sign up:
act-list-empty = No volunteer activities in { $compound } yet. New ones are announced in the compound's group.
act-list-organized = Activities you organize. Tap one to manage it:
act-list-organized-empty = You have no open activities. Send /activity to start one.
act-list-item = { $date } { $title } ({ $left } left)
act-no-compound = You haven't registered your home yet, so I can't show your compound's activities. Send /register first.
act-none-compound = You can't start volunteer activities yet. Please ask your compound's admin if you need to.
act-private-only = Please do this in a private chat with me: tap my name and send me a message.

## Private notices
act-note-joined = You're signed up for “{ $title }”.
    When: { $when }
    Where: { $place }
    { $reminders }
act-note-waitlisted = “{ $title }” is full; you're number { $position } on the waiting list. I'll tell you as soon as a place frees up.
act-note-promoted = Good news! A place at “{ $title }” came free and it's yours now.
    When: { $when }
    Where: { $place }
    If you can't make it, please cancel so someone else can go.
act-note-approve-ask = { $name } would like to sign up for “{ $title }”. They missed a few activities before; please decide whether to accept.
act-note-declined = Sorry, the organizer did not accept your sign-up for “{ $title }” this time. You can contact the organizer if you have questions.
act-note-approved = The organizer accepted your sign-up for “{ $title }”. { $seated ->
    [true] Your place is kept.
   *[false] It's full for now; you're number { $position } on the waiting list.
}
act-note-earned = Thank you for joining “{ $title }”! You earned { $points } points and now have { $balance }. Send /points to see them.
act-note-missed = We didn't see you check in at “{ $title }”, so it counts as a missed activity ({ $count } so far). After { $limit }, an organizer has to confirm new sign-ups. If this is a mistake, please tell the organizer.
act-note-remind-day = A friendly reminder: “{ $title }” is tomorrow.
    When: { $when }
    Where: { $place }
    If you can't come, send /activities to cancel.
act-remind-both = I'll remind you the day before and an hour before.
act-remind-day = I'll remind you the day before.
act-remind-hour = I'll remind you an hour before it starts.
act-remind-none = It starts very soon, so there will be no other reminder: please go straight there.
act-note-remind-hour = A friendly reminder: “{ $title }” starts { $left }.
    When: { $when }
    Where: { $place }
    When you arrive, press the button below to check in.
act-note-called-off = Sorry, “{ $title }” has been called off. Thank you for your kindness; see you next time!

## Starting an activity (/activity)
act-words-activity = new / list
act-unknown-word = I don't understand “{ $word }”, so nothing was done. After /activity you can write: { $words }; nothing at all starts a new activity.
act-new-intro = Let's set up a volunteer activity for { $compound }. Send /cancel at any time to stop.
act-ask-title = What is the activity called? (e.g. Stairwell clean-up, Visiting elderly neighbours)
act-ask-description = Describe it in a few words (up to 600 characters), or press the button or reply “skip”.
act-ask-place = Where do people meet? (e.g. In front of building 3)
act-ask-start = When does it start? Write a date and time, e.g. { $month }/{ $day } 9:00 or tomorrow 2:30pm (month/day).
act-ask-end = When does it end? A time is enough, e.g. 11:30
act-ask-capacity = How many people are needed? Send a number, e.g. 10
act-ask-deadline = Until when can people sign up? Write a date and time, or press the button (or reply “default”): until it starts ({ $default }).
act-ask-cutoff = Until when can people cancel by themselves? Write a date and time, or use the default (press the button or reply “default”): { $default }.
act-ask-kind = What kind of activity is it? Points follow the compound's rules.
act-ask-points = How many points does each participant earn? Send a number (0 for none); with a button shown, “rule” works too.
act-ask-audience = Who can sign up?
act-ask-buildings = Choose the buildings (several are fine), then press Done.
act-ask-team = Choose the volunteer team:
act-ask-requirement = Any condition for signing up?
act-kind-attend = { $name } ({ $points } per time)
act-kind-hour = { $name } ({ $points } per hour)
act-kind-none = Other
act-aud-compound = Everyone in the compound
act-aud-buildings = Some buildings
act-aud-team = A volunteer team
act-req-none = Anyone can sign up
act-req-party = Party members only
act-preview = Please check; if it looks right, press Publish:

    { $body }
act-preview-capacity = 👥 Places: { $capacity }
act-preview-cutoff = ↩️ Cancel by: { $cutoff }
act-preview-aud-compound = 🏘 For: everyone in the compound
act-preview-aud-buildings = 🏘 For: residents of the chosen buildings
act-preview-aud-team = 🏘 For: the chosen volunteer team
act-use-buttons = Please choose with the buttons above.
act-discarded = All right, this activity won't be published.
act-start-again = Send /activity to start again.
act-published = “{ $title }” is published in { $groups } group(s). Send /activities to follow and manage sign-ups.

## Organizer: attendance and closing
act-att-title = Who came to “{ $title }”: { $came } of { $total }.
    Tap a name to switch between came and not yet.
act-att-came = ✅ { $name }
act-att-not = ⬜ { $name }
act-finish-confirm = Close “{ $title }”?
    { $came } came and get { $points } points each; { $missed } did not come and get a missed activity.
    This cannot be changed afterwards.
act-finished = “{ $title }” is closed: { $came } came, { $points } points given in total; { $missed } missed.
act-call-off-confirm = Call off the whole of “{ $title }”? Everyone signed up will be told.
act-called-off = “{ $title }” is called off; everyone signed up has been told.
act-decided-confirmed = Accepted: they have a place at “{ $title }”.
act-decided-waitlisted = Accepted. “{ $title }” is full, so they are on the waiting list.
act-decided-declined = You declined their sign-up for “{ $title }”.
act-decided-decided = This sign-up was already dealt with.

## Why something cannot be done
act-err-not-found = This activity no longer exists.
act-err-cancelled = This activity has been called off.
act-err-finished = This activity is already over.
act-err-started = The activity has started; sign-ups and cancellations are closed.
act-err-deadline = Sign-up closed at { $deadline }.
act-err-cutoff = The time to cancel has passed ({ $cutoff }). If you really can't come, please contact the organizer.
act-err-not-signed-up = You're not signed up for this activity.
act-err-declined = The organizer did not accept your sign-up this time; please contact them if you have questions.
act-err-party-only = This activity is for Party members only.
act-err-team-only = This activity is for members of the volunteer team only.
act-err-buildings-only = This activity is for residents of some buildings only.
act-err-not-resident = Please register your home in this compound first (send /register); then you can sign up.
act-err-not-verified = Your home registration is still being checked; you can sign up once it is approved.
act-err-not-organizer = Only the activity's organizer can do that.
act-err-not-confirmed = You don't hold a place at this activity, so there is nothing to check in.
act-err-checkin-early = Check-in hasn't opened yet; it opens at { $opens }.
act-err-checkin-late = Check-in has closed. If you took part, please ask the organizer to record it.
act-err-marking-early = Attendance can be recorded from half an hour before the start.
act-err-finish-early = You can close the activity and give points once it has started.
act-err-not-allowed = Sorry, you are not allowed to do that.
act-err-audience = The chosen buildings or team don't belong to this compound; please start again.
act-err-title = The name is needed and must be at most 80 characters.
act-err-place = The meeting place is needed and must be at most 100 characters.
act-err-description = The description must be at most 600 characters.
act-err-start-past = The start time has already passed.
act-err-end-before-start = The end must be after the start.
act-err-too-long-event = An activity can't last more than 24 hours.
act-err-capacity = Places must be between 1 and 500.
act-err-deadline-range = The sign-up deadline must be after now and before the start.
act-err-cutoff-range = The cancellation deadline must be after now and before the start.
act-err-points = Points must be between 0 and 200.
act-err-form-empty = This can't be empty; please write it again.
act-err-form-too-long = That's too long; please keep it within { $most } characters.
act-err-form-capacity = Please send a number from { $least } to { $most }.
act-err-form-points = Please send a number from { $least } to { $most }.
act-err-form-when = I couldn't read that time. Please write it like { $month }/{ $day } 9:00 or tomorrow 2:30pm.
act-err-form-start = The start must be after now and within a year.
act-err-form-end = The end must be after the start, and an activity can't last more than 24 hours.
act-err-form-before-start = That time must be after now and before the start.
act-err-form-buildings = Please choose at least one building.
act-err-bad-setting = There is no such setting.
act-err-setting-range = Please give a number from { $low } to { $high }.
act-err-rule-code = A rule code is one word: letters (Chinese too), digits, - and _, at most 32 characters and not just a number, e.g. eldercare or 护学岗.
act-err-rule-basis = The basis must be attend (per activity), hour (per hour) or month (once a month).
act-err-rule-points = Points must be between 1 and 1000.
act-err-rule-name = The rule needs a name of at most 64 characters.
act-err-no-rule = There is no points rule called “{ $code }”. Send /pointrules to see the rules.
act-err-unknown-person = I can't find that person among this compound's registered residents. Use their @username or Telegram id.
act-err-amount = Points must be a whole number from 1 to { $most } (a negative number deducts, e.g. -2).
act-err-award-repeated = The same points were just given; please confirm before giving them again.
act-err-reason = Please give a reason (up to { $most } characters), e.g. /award @xiaoli 2 helped carry supplies
act-err-deduct-too-much = You can't deduct more than they have ({ $balance } points).
