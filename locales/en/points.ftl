# Volunteer points, earning rules, rewards and vouchers

pt-cmd-points = My points
pt-cmd-award = Give or deduct points
pt-cmd-pointrules = Points rules and settings
pt-cmd-ledger = Open accounts of the points
rw-cmd-rewards = Rewards for points
rw-cmd-redeem = Confirm a voucher
rw-cmd-addreward = Add a reward
rw-cmd-merchants = Partner merchants

## /points
pt-overview = Volunteer points in { $compound }
    Balance: { $balance } points
    Earned this month: { $month } points

    Recent entries:
    { $history }
pt-open-vouchers = 🎫 You have { $count ->
    [one] one unused voucher
   *[other] { $count } unused vouchers
}; send /rewards to see { $count ->
    [one] it
   *[other] them
}.
pt-history-empty = No entries yet. Volunteer activities earn points; send /activities to have a look.
pt-history-line = { $date } { $amount } { $what }
pt-kind-award = { $memo }
pt-kind-deduct = Deducted: { $memo }
pt-kind-redeem = Redeemed: { $memo }
pt-kind-settle = Used: { $memo }
pt-kind-reversal = Correction: { $memo }
pt-kind-refund = Refunded: { $memo }
pt-btn-top = This month's leaderboard
pt-btn-hide = Don't show me on the leaderboard
pt-btn-show = Show me on the leaderboard
pt-btn-back = Back
pt-hide-done = Done: you won't appear on the leaderboard.
pt-show-done = Done: you will appear on the leaderboard.
pt-top = This month's volunteer leaderboard in { $compound }:
    { $lines }

    { $mine }
pt-top-line = { $rank }. { $name }: { $points } points
pt-top-empty = Nobody has earned points yet this month.
pt-top-you = You are number { $rank } this month. Keep it up!
pt-top-you-absent = You're not on the board yet this month; join an activity!
pt-top-you-hidden = You chose not to appear on the leaderboard.
pt-top-off = This compound has no leaderboard.
pt-no-compound = You haven't registered your home and have no points yet. Send /register first.
pt-private-only = Points and rewards are personal; please ask me in a private chat.
pt-note-awarded = You received { $amount } points ({ $reason }). You now have { $balance }.
pt-note-deducted = { $amount } points were deducted ({ $reason }). You now have { $balance }. Please contact your compound's admin if you have questions.

## /award
pt-award-usage = Usage:
    /award @username 2 helped carry supplies (gives 2 points, with a reason)
    /award @username deduct 2 counted twice (deducts 2 points; -2 works too)
    /award @username themeday (a fixed monthly item, once per person and month; codes in /pointrules)
pt-words-award = add / deduct
pt-award-unknown = I don't understand “{ $word }”, so nothing was booked. After @username write the points and a reason (a number may follow { $sign }, e.g. deduct 2 counted twice), or the code of a monthly item: { $codes }
pt-award-no-monthly = none yet (add one with /pointrules set code month points name)
pt-awarded = Gave { $name } { $amount } points; they now have { $balance }.
pt-deducted = Deducted { $amount } points from { $name }; they now have { $balance }.
pt-award-repeat = Those points were already booked, so nothing was added twice. { $name } has { $balance }.
pt-award-again-ask = { $minutes } min ago { $name } got the same { $amount } points ({ $reason }). Give them again?
pt-award-again-yes = Give again
pt-award-again-no = No
pt-award-again-dropped = All right, nothing more was given.

## /pointrules
pt-rules = Points rules in { $compound }:
    { $rules }

    Organizer confirms sign-ups after { $noshow } missed activities; vouchers are valid { $days } days; leaderboard: { $board }
pt-rules-none = No rules yet.
pt-rule-line = { $code } · { $name }: { $points } points { $basis }
pt-basis-attend = per activity
pt-basis-hour = per hour
pt-basis-month = once a month
pt-on = on
pt-off = off
pt-rules-usage = To change them:
    /pointrules set eldercare attend 2 Elderly care visit
    /pointrules set cleanup hour 1 Cleaning
    /pointrules set themeday month 2 Party theme day
    /pointrules off code
    /pointrules noshow 3 (missed activities before sign-ups need the organizer)
    /pointrules voucherdays 30 (days a voucher is valid)
    /pointrules leaderboard on (or off)
    The common ones are also on the buttons below.
pt-rules-unknown = I don't understand “{ $word }”, so nothing was changed. After /pointrules you can write: { $words } (the Chinese words work too).
pt-rules-bad-basis = I don't understand the basis “{ $word }”, so nothing was changed. The basis can be: { $words }.
pt-rules-bad-switch = I don't understand “{ $word }”, so nothing was changed. After leaderboard write: { $words }.
pt-rules-usage-set = Please write: /pointrules set code basis points name
    e.g. /pointrules set eldercare attend 2 Elderly care visit (a code may be Chinese)
pt-rules-usage-off = Please give the code of the rule to stop, e.g. /pointrules off eldercare
pt-rules-usage-noshow = Please give a number, e.g. /pointrules noshow 3
pt-rules-usage-voucherdays = Please give a number of days, e.g. /pointrules voucherdays 30
pt-rules-usage-leaderboard = Please write on or off, e.g. /pointrules leaderboard on
pt-words-pointrules = set / off / noshow / voucherdays / leaderboard
pt-words-basis = attend / hour / month
pt-words-switch = on / off
pt-rules-btn-add = ➕ Add a rule
pt-rules-btn-stop = ⏸ Stop a rule
pt-rules-btn-board-on = Turn the leaderboard on
pt-rules-btn-board-off = Turn the leaderboard off
pt-rules-btn-noshow = Missed-activity limit
pt-rules-btn-days = Voucher validity
pt-rw-ask-name = A new points rule. Send its name, e.g. Crossing guard
    Its code (used by /award and for activity kinds) is made from the name. Send /cancel at any time to stop.
    For a short code, send it in one line: /pointrules set guard attend 2 Crossing guard
pt-rw-ask-basis = How does “{ $name }” count?
pt-rw-ask-points-attend = How many points for taking part once? Press a number or send one (1 to 1000).
pt-rw-ask-points-hour = How many points per hour? Press a number or send one (1 to 1000).
pt-rw-ask-points-month = How many points per person and month? Press a number or send one (1 to 1000).
pt-rw-dropped = All right, no rule was added.
pt-rules-stop-item = { $name } ({ $code })
pt-rules-pick-stop = Which rule should stop? Points already given stay.
pt-rules-pick-noshow = After how many missed activities does a sign-up need the organizer?
pt-rules-pick-voucherdays = How many days is a voucher valid?

## /ledger
pt-ledger = Open accounts of the points in { $compound }:
    Given out (less taken back): { $issued }
    Held by residents: { $wallets }
    In unused vouchers: { $vouchers }
    Served by partner merchants: { $merchants }
    { $check }
pt-ledger-ok = ✅ The books balance: every entry sums to zero and every balance equals its entries.
pt-ledger-problems = ⚠️ { $count } inconsistencies found; please contact the technical team.

## /rewards
rw-catalogue = Rewards in { $compound } (you have { $balance } points). Tap one to see it:
rw-catalogue-empty = No rewards in { $compound } yet (you have { $balance } points).
rw-item = { $title } · { $cost } points
rw-btn-mine = My vouchers
rw-btn-back = Back
rw-btn-buy = Redeem for { $cost } points
rw-stock-any = no limit
rw-stock = { $count } left
rw-where-office = the property service office
rw-detail = { $title }
    Costs: { $cost } points
    Available: { $stock }
    Where: { $where }
    You have: { $balance } points
rw-redeemed = Done! You have { $balance } points left. Your voucher is below; show it to the merchant or the property office.
rw-already = That redemption is already done; the voucher is in the message below.
rw-voucher = 🎫 Voucher: { $title } ({ $cost } points)
    Code: { $code }
    Valid until: { $expires }
    Show the QR code or the code to the merchant or the property office. A voucher is used once; if it expires unused, your points come back.
rw-mine = Your unused vouchers; tap one to show its QR code again:
rw-mine-empty = You have no unused vouchers.
rw-mine-item = { $title } (valid until { $expires })

## Confirming (/redeem)
rw-redeem-usage = Write the code after /redeem, e.g. /redeem ABCDE-FGH23, or scan the voucher's QR code.
rw-confirm-ask = Please check the voucher:
    Reward: { $title } ({ $cost } points)
    Holder: { $holder }
    Code: { $code }
    Valid until: { $expires }
    Once you have provided the service, press Confirm.
rw-btn-confirm = Confirm
rw-confirmed = ✅ Used: { $title } (holder { $holder }, code { $code }).
rw-note-used = Your voucher “{ $title }” ({ $code }) has been used. Thank you!
rw-note-expired = Your voucher “{ $title }” expired; { $points } points are back in your account.

## Admin: rewards and merchants
rw-add-usage = Usage: /addreward points quantity [#merchant] name
    e.g. /addreward 20 10 Parking coupon
    No limit: -, e.g. /addreward 50 - Property fee reduction of 5 yuan
    Withdraw: /addreward off reward-number
rw-added = Added: { $title }, { $cost } points, { $stock }.
rw-withdrawn = Withdrawn: { $title }. Vouchers already issued stay valid.
rw-merchants = Partner merchants of { $compound }:
    { $lines }
rw-merchants-none = No partner merchants yet.
rw-merchant-line = #{ $id } { $name } (confirms: { $contact })
rw-merchants-usage = Add one: /merchants add Name of the merchant @username-of-who-confirms

## Why something cannot be done
rw-err-merchant-name = The merchant needs a name of at most 64 characters.
rw-err-merchant-exists = There is already a merchant with that name.
rw-err-title = The reward needs a name of at most 60 characters.
rw-err-cost = The cost must be between 1 and 100000 points.
rw-err-stock = The quantity must be between 0 and 100000.
rw-err-no-merchant = There is no merchant with that number; send /merchants to see them.
rw-err-no-reward = This reward has been withdrawn.
rw-err-not-allowed = Sorry, you are not allowed to do that.
rw-err-sold-out = This reward is all gone. Better luck next time!
rw-err-not-enough = Not enough points: it costs { $cost } and you have { $balance }. More volunteering will get you there.
rw-err-no-voucher = There is no voucher with that code; please check it and try again.
rw-err-own-voucher = This is your own voucher. Show its QR code or code to the merchant or the property office; they confirm it.
rw-err-not-yours = You can't confirm this voucher. Only its merchant or the property staff can.
rw-err-used = This voucher has already been used and can't be used again.
rw-err-expired = This voucher has expired; the points went back to its holder.
