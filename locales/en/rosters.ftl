## Duty rosters: the student-crossing guard and other recurring duties

ro-cmd-roster = Duty rosters: see and take shifts
ro-cmd-myshifts = My shifts
ro-cmd-swap = Can't make it: find someone to take over

## Dates and shifts
ro-date = { $weekday } { $day } { $month }
ro-month-1 = Jan
ro-month-2 = Feb
ro-month-3 = Mar
ro-month-4 = Apr
ro-month-5 = May
ro-month-6 = Jun
ro-month-7 = Jul
ro-month-8 = Aug
ro-month-9 = Sep
ro-month-10 = Oct
ro-month-11 = Nov
ro-month-12 = Dec
ro-weekday-1 = Mon
ro-weekday-2 = Tue
ro-weekday-3 = Wed
ro-weekday-4 = Thu
ro-weekday-5 = Fri
ro-weekday-6 = Sat
ro-weekday-7 = Sun
ro-when = { $date } { $start }–{ $end }
ro-shift = { $roster } · { $when } · { $place }
ro-dur-hours = { $hours ->
        [one] 1 hour
       *[other] { $hours } hours
    }
ro-dur-minutes = { $minutes } minutes
ro-list-sep = {", "}

## Rules
ro-summary =
    📋 { $name } (#{ $id })
    Place: { $place }
    Times: { $times }, { $size } per shift
    Days: { $rule }
    Reminders: { $leads }
    Points per attended shift: { $points }
ro-rule-weekdays = Monday to Friday
ro-rule-weekdays-cal = Monday to Friday (off on public holidays, on duty on make-up working days)
ro-rule-daily = every day
ro-rule-days = every { $days }
ro-rule-cron = by the rule "{ $rule }"
ro-rule-no-holidays = {" "}(off on public holidays)
ro-lead-eve = the day before at { $time }
ro-lead-before = { $lead } before
ro-leads-none = no reminders

## The board
ro-none = There are no duty rosters here yet.
ro-pick = Please choose a roster:
ro-board-line = { $when }: { $names } · { $free ->
        [0] ✅ full
       *[other] { $free } more needed
    }
ro-board-empty = Nothing is scheduled for the coming week.
ro-btn-take-at = Take { $date } { $start }
ro-btn-join = Join the team
ro-joined = Welcome to "{ $roster }"! When someone needs a stand-in, I'll ask you privately.
ro-joined-already = You're already on the "{ $roster }" team.
ro-take-done = Done, the place is yours: { $shift }. { $reminders }
ro-take-done-group = Done, the place is yours: { $shift }. { $reminders } Not chatted with me yet? Tap my name and press Start.
ro-take-already = You already have this shift: { $shift }
ro-take-announce = 👍 { $name } took { $shift }. { $missing ->
        [0] This shift is now full.
       *[other] { $missing } more needed.
    }

## My shifts and swaps
ro-mine-title = Your coming shifts:
ro-mine-line = • { $shift } ({ $state })
ro-mine-on = yours
ro-mine-assigned = assigned
ro-mine-in = checked in ✅
ro-mine-asked = looking for a stand-in
ro-mine-empty = You have no shifts coming up. Send /roster to see which shifts still need people.
ro-mine-feed =
    📅 To see your shifts in your phone's calendar, add a subscribed calendar with this address (it is yours alone, please don't share it):
    { $url }
    For a new address: /myshifts new
ro-mine-feed-off = 📅 Calendar subscriptions are not available on this server yet.
ro-mine-feed-renewed = The old calendar address no longer works.
ro-swap-pick = Which shift can't you make? Press its button and I'll ask the rest of the team.
ro-btn-checkin-at = ✅ Check in { $date } { $start }
ro-btn-cant-at = 🙏 Can't make { $date } { $start }

## Buttons on reminders and requests
ro-btn-omw = 🚶 On my way
ro-btn-cant = 🙏 Can't make it
ro-btn-checkin = ✅ Check in
ro-btn-take = 🙋 I'll go
ro-btn-takeover = 🙋 Take over
ro-omw-done = Thanks, take care on the way!
ro-omw-already = Thanks, already noted.
ro-checkin-done = Checked in. Thank you for your help!
ro-checkin-done-points = Checked in. Thank you for your help! +{ $points } points.
ro-checkin-already = You're already checked in, thank you!
ro-swap-asked = OK, I've asked { $count ->
        [one] one team member
       *[other] { $count } team members
    }. The shift stays yours until someone takes over; I'll tell you as soon as someone does.
ro-swap-asked-nobody = There's nobody else on the team to ask, so I've told the organizer. The shift stays yours until someone takes over.
ro-swap-already = You've already asked for a stand-in for this shift; I'll tell you when someone takes over.
ro-swap-took = Thank you! You've taken over from { $name }: { $shift }. { $reminders }

## Notices
ro-note-remind-eve =
    ⏰ You're on duty tomorrow:
    { $shift }
    Press "On my way" if you're coming, or "Can't make it" and I'll find someone to take over.
ro-note-remind-soon =
    ⏰ Your shift starts { $left }:
    { $shift }
    Press "Check in" when you get there.
ro-note-calendar-unknown = 📅 "{ $roster }": the official holiday arrangement for { $year } hasn't been announced yet. I have left out the statutory holidays (New Year, Spring Festival, Qingming, Labour Day, Dragon Boat, Mid-Autumn, National Day) by their legal dates; the weekends to be worked instead are only known once it is announced — then an admin or organizer loads it with /roster calendar load and I adjust the shifts.
ro-note-swap-ask =
    🙏 { $name } can't make this shift. Could you take over?
    { $shift }
ro-note-swap-nobody =
    🙏 { $name } can't make this shift and there's nobody else on the team to ask:
    { $shift }
    Please find someone, or press "I'll go".
ro-note-swap-done = ✅ { $name } has taken over your shift: { $shift }. Thanks for letting us know in time!
ro-note-swap-gone = ✅ Someone has already taken over this shift: { $shift }. Thank you anyway!
ro-note-short =
    ⚠️ Short of people, starting { $left }: { $shift }
    { $missing } more needed ({ $capacity } per shift). If you can come, press "I'll go".
ro-note-escalate =
    🔺 Still short, starting { $left }: { $shift }
    { $missing } more needed. Organizer: { $organizer }. Party branch, please help arrange cover.
ro-note-noshow = 📋 { $shift } is over. Did not check in: { $names }.
ro-note-assigned =
    📋 "{ $roster }" has put you on these shifts:
    { $shifts }
    If you can't make one, send /swap to find a stand-in.
ro-note-cancelled = 📅 This shift is cancelled (a day off for the roster): { $shift }. No need to come, thank you!

## Creating a roster
ro-new-private = To create a roster, message me privately and send /roster new.
ro-new-ask-name = A new duty roster. First, its name, for example "Crossing guard":
ro-new-ask-place = Where is the duty? For example "Kindergarten east gate":
ro-new-ask-times =
    At what times? You can give several, separated by commas, for example:
    07:30-08:10, 16:30-17:10
ro-new-ask-size = How many people per shift? Send a number, for example 2:
ro-new-ask-days = On which days? Press a button, or type days such as "1 3 5" (Monday, Wednesday, Friday) or a cron rule such as "cron * * 1-5".
ro-btn-weekdays = School days (Mon–Fri, following holidays)
ro-btn-daily = Every day
ro-new-confirm =
    Please check:
    Name: { $name }
    Place: { $place }
    Times: { $times }, { $size } per shift
    Days: { $rule }
    Reminders: { $leads }
ro-btn-create = ✅ Create
ro-btn-cancel = Cancel
ro-new-created =
    ✅ The roster "{ $name }" (#{ $id }) is ready, with { $created } shifts over the next four weeks. People take places with /roster.
    You can also:
    /roster term { $term_from } { $term_to } to set a school term
    /roster skip { $day } to add a day off
    /roster leads 20:00 30m to change the reminders
    /roster grace 30 to wait that many minutes after a change before shortage alerts
    send /roster here in the compound's group to get shortage alerts there
    or use the buttons below for the term and days off.
ro-new-created-short = Created!
ro-new-cancelled = Cancelled. Nothing was saved.

## Organizer commands
ro-which =
    You run several rosters; please add the number to the command, for example /roster skip #2 { $day_short }:
    { $rosters }
ro-which-line = #{ $id } { $name }
ro-rule-changed = Done: { $created } shifts added, { $updated } changed, { $cancelled } cancelled.{ $kept ->
        [0] {""}
       *[other] {" "}{ $kept } shifts that people already hold were left as they are; please talk to them if needed.
    }
ro-terms =
    Terms:
    { $terms }
    Add a term: /roster term { $term_from } { $term_to }; remove all: /roster term clear
ro-skips =
    Days off: { $days }
    Add a day off: /roster skip { $day }
ro-skip-added = Done, no duty on { $days }.{ $told ->
        [0] {""}
        [one] {" "}I've told the person who had that shift.
       *[other] {" "}I've told the { $told } people who had those shifts.
    }
ro-leads-set = Done. Reminders: { $leads }.
ro-points-set = Done. Each attended shift earns { $points } points.
ro-here-set = Done. Shortage alerts for "{ $roster }" will come to this group.
ro-member-added = { $name } is now on "{ $roster }".
ro-member-already = { $name } is already on "{ $roster }".
ro-members = Team of "{ $roster }" ({ $count }): { $names }
ro-rotated = Done: across { $shifts } shifts, { $places } places went to { $people } team members.{ $short ->
        [0] {""}
       *[other] {" "}{ $short } places could not be filled (not enough people, or clashing times).
    } Each of them will get a private message.
ro-usage = Send /roster to see the rosters and take shifts; /myshifts for your shifts; /swap when you can't make one.
ro-usage-manage =
    Roster commands (Chinese command words work too):
    /roster — see and take shifts
    /roster new — create a roster
    /roster show — its settings
    /roster times 07:30-08:10, 16:30-17:10 — change the times
    /roster size 2 — people per shift
    /roster days weekdays — which days (weekdays, daily, 1 3 5, or cron * * 1-5)
    /roster holidays on — off on public holidays, on duty on make-up days (on or off)
    /roster term { $term_from } { $term_to } — school term (duty only within terms)
    /roster skip { $day } — a day off; /roster unskip { $day } undoes it
    /roster leads 20:00 30m — reminders: the day before at 20:00 and 30 minutes before
    /roster grace 30 — minutes to wait after a change before shortage alerts
    /roster rotate { $from } { $to } — fill places in turn from the team
    /roster add @username, /roster members — the team
    /roster points 10 — points per attended shift
    /roster here — in the compound's group: shortage alerts go there
    /roster calendar — official holiday arrangements; /roster calendar load — load a new year's days off and make-up days
    With several rosters, add the number, for example /roster skip #2 { $day_short }.
ro-ical-title = Red Steward · My shifts

## Refusals
ro-err-already-on = You're already on this shift.
ro-err-checkin-early = It's too early to check in; check-in opens at { $opens }.
ro-err-checkin-late = This shift is already over.
ro-err-cron-bad = I can't read that rule. A cron rule has three parts, day-of-month month day-of-week, for example "cron * * 1-5" (Monday to Friday).
ro-err-date-bad = I can't read the date "{ $text }". Please write it like { $day } or { $month }-{ $dom }.
ro-err-date-past = That day has already passed.
ro-err-days-bad = I can't read those days. Write "weekdays", "daily", or days such as "1 3 5" or "mon wed fri".
ro-err-full = Sorry, this shift is already full. Please look at another one.
ro-err-here-private = Please send this in the compound group that should get the shortage alerts.
ro-err-here-unbound = This group isn't linked to the roster's compound yet; please ask an admin to send /setup here first.
ro-err-leads-bad = I can't read those reminder times. For example "20:00 30m" means the evening before at 8 pm and 30 minutes before.
ro-err-leads-many = At most { $most } reminders.
ro-err-leads-range = A reminder can be at most 24 hours before.
ro-err-name-bad = The name can't be empty and can have at most { $most } characters. Please send it again:
ro-err-no-members = This roster has no team yet. Ask people to press "Join the team", or add them with /roster add @username.
ro-err-not-member = Sorry, this roster is open to residents of its compound only.
ro-err-not-organizer = Sorry, only the roster's organizer can do that. Nothing was changed.
ro-err-not-yours = This shift isn't yours at the moment.
ro-err-overlap = You already have a shift at that time: { $other }
ro-err-period-bad = Please give a start and an end date, for example: { $term_from } { $term_to }.
ro-err-period-order = The end date can't be before the start date.
ro-err-person-unknown = I can't find that person. Reply to one of their messages with the command, or write their @username (they need to have talked to me before).
ro-err-place-bad = The place can't be empty and can have at most { $most } characters. Please send it again:
ro-err-points-bad = Points must be a whole number from 0 to 1000.
ro-err-roster-gone = This roster no longer exists.
ro-err-shift-gone = This shift was cancelled.
ro-err-shift-past = This shift has already started or ended, so it can't be taken.
ro-err-size-bad = Please send a number, for example 2.
ro-err-size-big = At most { $most } people per shift.
ro-err-size-zero = A shift needs at least 1 person. Please send a number again:
ro-err-swap-gone = This request for a stand-in is closed.
ro-err-swap-own = This is your own request for a stand-in.
ro-err-swap-taken = Thank you! Someone else has already taken over this shift.
ro-err-switch-bad = Please write on or off.
ro-err-time-bad = I can't read the time "{ $text }". Please write it like 07:30.
ro-err-times-bad = I can't read those times. Please write them like "07:30-08:10", separated by commas.
ro-err-times-many = At most { $most } time slots a day.
ro-err-times-order = The end time { $end } must be after the start time { $start }. Please send the times again:
ro-err-times-overlap = Those time slots overlap. Please send them again without overlapping:

## The official holiday arrangement
ro-note-calendar-off =
    📅 By the official holiday arrangement for { $year }, { $day } is a day off, so this shift is cancelled:
    { $shift }
    No need to come. Thank you!{ $added }
ro-note-calendar-added =
    {""}
    The make-up working days have new shifts; if you can come, take one with /roster:
    { $days }
ro-note-calendar-loaded = 📅 The official holiday arrangement for { $years } was loaded and "{ $roster }" was rescheduled. Shifts added: { $created }, cancelled: { $cancelled }. People told their shift was cancelled: { $told }.
cal-loaded = ✅ Loaded the holiday arrangement for { $years }: { $holidays } days off, { $workdays ->
        [one] 1 make-up working day
       *[other] { $workdays } make-up working days
    }. { $rosters ->
        [0] No roster needed changing.
       *[other] Rosters rescheduled: { $rosters }. Shifts added: { $created }, cancelled: { $cancelled }. People told their shift was cancelled: { $told }.
    }
cal-refused =
    Nothing was loaded and nothing changed. Please fix these and send it again:
    { $problems }
cal-problem-line = Line { $line } "{ $text }": { $reason }
cal-problem-more = …and { $count } more.
cal-err-date-bad = I can't read the date. Write 2027-02-07, and a range as 2027-02-11..2027-02-17.
cal-err-year-bad = The year must be between 2000 and 2100.
cal-err-range-order = The range ends before it starts.
cal-err-range-long = A range can be at most { $most } days.
cal-err-kind-bad = After the date, write "holiday" (休, a day off) or "workday" (班, a make-up working day).
cal-err-conflict = { $day } is already given the other way in line { $other }.
cal-err-empty = I received no arrangement. One date or range per line, then "holiday" or "workday".
cal-err-too-long = At most { $most } lines.
cal-err-no-holidays = { $year } has make-up working days but no days off. Please send that year's whole arrangement (days off and make-up working days).
cal-err-not-text = I can't read text in this file. Please send a CSV or text file (UTF-8 or GBK), one line each: date,holiday/workday.
cal-err-too-big = The file is too big: at most { $kb } KB.
cal-err-denied = Sorry, only a compound admin or a roster organizer can load the holiday arrangement. Nothing was changed.
cal-prompt =
    Please send the official holiday arrangement (it is national: every roster that follows holidays will be adjusted). One date or range per line, then "holiday" or "workday", for example:
    { $year }-01-01 holiday
    { $year }-02-06..{ $year }-02-12 holiday
    { $year }-02-14 workday
    A CSV file (date,kind) works too.
cal-prompt-group = Please put the arrangement in the same message, or send /roster calendar load to me privately.
cal-status =
    📅 Official holiday arrangements:
    { $years }
    To load or correct one: /roster calendar load, then one date or range per line with "holiday" or "workday".
cal-status-loaded = { $year }: loaded ({ $when }), { $holidays } days off, { $workdays ->
        [one] 1 make-up working day
       *[other] { $workdays } make-up working days
    }
cal-status-builtin = { $year }: announced, built in
cal-status-unknown = { $year }: not loaded yet. Statutory holidays are off by their legal dates; the make-up working days are not known yet
cal-checked = Checked, nothing written: { $years }, { $holidays } days off, { $workdays ->
        [one] 1 make-up working day
       *[other] { $workdays } make-up working days
    }.

## Time left, grace, reminders promised
ro-left-minutes = in { $minutes } min
ro-left-hours = in { $hours ->
        [one] 1 hour
       *[other] { $hours } hours
    }
ro-left-hours-minutes = in { $hours } h { $minutes } min
ro-left-today = today at { $time }
ro-left-tomorrow = tomorrow at { $time }
ro-left-on = on { $date } at { $time }
ro-take-remind = Reminders: { $when }.
ro-take-remind-none = There won't be another reminder for this shift, so please note the time.
ro-grace = After the roster is created or changed, shortage alerts wait { $minutes } minutes. To change it: /roster grace 45
ro-grace-set = Done. After the roster is created or changed, shortage alerts wait { $minutes } minutes, so people can see the board and take places first.
ro-err-grace-bad = Please give minutes from 0 to { $most }, for example /roster grace 45.

## Term and days off by buttons
ro-btn-set-term = 📅 Set the term
ro-btn-set-skip = 🚫 Add days off
ro-ask-term = When does the term of "{ $roster }" start and end? Send two dates, for example: { $term_from } { $term_to } (or /cancel)
ro-ask-skip = Which days are off for "{ $roster }"? Send the dates, separated by spaces, for example: { $day } (or /cancel)
ro-set-cancelled = OK, nothing was changed.
