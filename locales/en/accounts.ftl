# Open accounts: why an amount or an entry is refused

acct-money-malformed = I can't read the amount "{ $text }". Write it like 1280.50, 1,280.50 or 1280.5元.
acct-money-negative = An amount cannot be negative. For spending choose "out" and write a positive amount.
acct-money-decimals = At most two decimals (to the fen).
acct-money-zero = The amount cannot be zero.
acct-money-ceiling = The amount is above this compound's ceiling of { $ceiling } yuan. Please check the digits.
acct-err-insufficient = Not enough in the account: it holds { $balance } yuan, this needs { $needed } yuan. Nothing was recorded.
acct-err-over-approval = Over the approved amount: { $approved } yuan approved, { $left } yuan left, this needs { $needed } yuan.
acct-err-too-long = That text is too long (at most { $limit } characters).
acct-err-empty = This cannot be empty.
acct-err-attachments = At most { $limit } attachments.
acct-err-gone = That entry does not exist.
acct-err-own-entry = Whoever recorded an entry cannot confirm it: another owners' committee member or the community officer must.
acct-err-reviewed = That entry was already reviewed.
acct-err-reverse-reversal = A reversal cannot be reversed; record a new correcting entry instead.
acct-err-reverse-unconfirmed = Only confirmed, public entries are reversed; reject an unconfirmed one instead.
acct-err-reversal-rejected = The reversal of this entry was rejected and cannot be tried again; record a new correcting entry instead.
acct-err-needs-decision = Spending from the fund must cite an owners' assembly poll that passed on the use of the maintenance fund, or an emergency / small-repair approval. Nothing was recorded.
acct-err-basis-mismatch = That approval does not belong to this account of this compound.
acct-err-basis-income = Income does not cite an approval.
acct-err-not-finance = Only the property company's finance records or reverses entries. Nothing was changed.
acct-err-not-reviewer = Only an owners' committee member or the community officer confirms or rejects entries. Nothing was changed.
acct-err-category = A category needs a name of at most { $limit } characters.
acct-bad-date = I can't read that date. Write it like 2026-03-01 or 3月1日.
acct-bad-date-future = The date cannot be after today: record money once it moved.

# Commands
acct-cmd-accounts = Open accounts: the compound's money and public balances
acct-cmd-newentry = Record an entry (property finance)
acct-cmd-reverse = Reverse a public entry (property finance)

# Accounts, directions, categories
acct-kind-maintenance = Maintenance fund
acct-kind-small_repair = Small-repair fund
acct-kind-public_revenue = Public revenue
acct-kind-property = Property service
acct-dir-in = income
acct-dir-out = spending
acct-cat-deposit = deposits
acct-cat-interest = interest
acct-cat-repair = repairs
acct-cat-other = other
acct-cat-allocation = allocation
acct-cat-parking = parking
acct-cat-advertising = advertising
acct-cat-venue = venue rent
acct-cat-fee = service fees
acct-cat-wages = staff
acct-cat-cleaning = cleaning
acct-cat-greening = greening
acct-cat-security = security
acct-cat-utilities = common utilities
acct-none = none

# An entry's card
acct-card =
    #{ $id } { $kind } · { $dir } { $amount } yuan
    Category: { $category }
    Counterparty: { $party }
    Purpose: { $purpose }
    Date: { $date } · { $files } attachment(s)
acct-card-reversal = ↩️ Reverses #{ $original }, because: { $reason }
acct-card-basis = Basis: approval #{ $id } { $reason }
acct-card-basis-short = Basis: approval #{ $id }
acct-review-card =
    🧾 Entry to confirm · { $compound }
    { $card }
    Recorded by: { $recorder }
    Check the receipts, then confirm or reject; once confirmed it is published in the compound's group.
acct-public =
    📢 Open accounts · { $compound }
    { $card }
    Confirmed by: { $reviewer }
    { $kind } public balance: { $balance } yuan
acct-entry-view =
    { $card }
    Recorded by: { $recorder }
    { $state }
acct-state-pending = ⏳ Waiting for the owners' committee or the community officer
acct-review-done = { $decision } ({ $reviewer })
acct-decision-confirmed = ✅ Confirmed and public
acct-decision-rejected = ❌ Rejected
acct-notice-decided = Your entry #{ $id }: { $decision } ({ $reviewer }).
acct-confirmed-ok = Confirmed #{ $id }; it is published in the compound's group.
acct-rejected-ok = Rejected #{ $id }; the balance is restored.
acct-files-none = This entry has no attachments.

# Buttons
acct-btn-confirm = ✅ Confirm
acct-btn-reject = ❌ Reject
acct-btn-files = 📎 Receipts
acct-btn-reverse = ↩️ Reverse #{ $id }
acct-btn-pending = ⏳ #{ $id }
acct-btn-entry = #{ $id }
acct-btn-new = ✏️ Record
acct-btn-cancel = Cancel
acct-btn-skip = Skip
acct-btn-done = Done
acct-btn-today = Today
acct-btn-submit = ✅ Submit
acct-btn-newcat = ➕ New category
acct-btn-basis = Approval #{ $id } ({ $left } yuan left)

# Overview
acct-overview =
    📒 { $compound } · open accounts
    { $balances }
    Latest public entries:
    { $entries }
acct-balance-line = { $kind }: { $balance } yuan
acct-entry-line = #{ $id } { $date } { $kind } { $amount } yuan · { $category } · { $purpose }
acct-overview-none = (no public entries yet)
acct-overview-pending =
    Waiting for confirmation ({ $count }):
    { $entries }
acct-no-compound = You are not registered in any compound yet. Register your home with /register to read its accounts.
acct-group-unbound = This group is not bound to a compound yet; an admin binds it with /setup.

# Recording
acct-ask-kind = ✏️ Record an entry · { $compound }. Which account?
acct-ask-dir = Income or spending?
acct-ask-amount = How much? Write 1280.50, 1,280.50, 1280.5元 or ¥1280.
acct-ask-category = Which category?
acct-ask-newcat = Type the new category's name (at most 32 characters); it is offered next time.
acct-ask-party = Who is the counterparty (a company or a person)? Press "Skip" if none.
acct-ask-purpose = What is it for?
acct-ask-basis =
    Spending from the fund must cite an owners' assembly poll that passed, or an emergency / small-repair approval. Choose the basis:
    { $approvals }
acct-basis-line = Approval #{ $id }: { $reason } ({ $amount } yuan approved, { $left } yuan left)
acct-basis-none = (no usable approval)
acct-ask-files = Send receipt photos or PDFs (several if you like), then press "Done"; press "Done" too if there are none.
acct-file-added = { $count } attachment(s) received. Send more, or press "Done".
acct-ask-date = When did it happen? Press "Today" or type a date such as 2026-03-01.
acct-preview =
    Please check:
    { $card }
    Once submitted it goes to the owners' committee and the community officer; it becomes public when one of them confirms it.
acct-recorded = Recorded #{ $id }; waiting for the owners' committee or the community officer to confirm it.
acct-recorded-nobody = Recorded #{ $id }, but nobody in this compound can confirm it yet (no owners' committee member or community officer). Ask the admin to /grant the role.
acct-cancelled = Cancelled. Nothing was recorded.
acct-use-buttons = Please use the buttons above, or send /cancel.

# Reversals
acct-reverse-usage = Usage: /reverse ENTRY-NUMBER REASON, e.g. /reverse 12 wrong amount.
acct-ask-reverse-reason = Reversing #{ $id }: please type the reason.
acct-reversal-recorded = Recorded reversal #{ $id } (of #{ $original }); waiting for confirmation.
acct-file-caption = Receipt · entry #{ $id }
acct-cmd-fundapproval = Record the maintenance-fund amount an owners' assembly approved
acct-appr-usage = Usage: /fundapproval POLL-NUMBER AMOUNT, e.g. /fundapproval 3 120,000 (an owners' assembly vote on the use of the maintenance fund that passed); an emergency repair: /fundapproval emergency 8,000 REASON; the small-repair fund: /fundapproval small 800 REASON.
acct-appr-done = Recorded approval #{ $id }: poll #{ $poll } approves { $amount } yuan from the maintenance fund. Entries can cite it now.
acct-appr-no-poll = There is no poll #{ $id }.
acct-appr-not-passed = Poll #{ $id } is not an owners' assembly vote on the use of the maintenance fund that passed, so it cannot allow spending.
acct-appr-poll-used = Poll #{ $id } is already recorded as approval #{ $approval }.
acct-appr-public =
    📢 Maintenance fund approval · { $compound }
    Approval #{ $id }: the owners' assembly poll #{ $poll } "{ $question }" passed, approving { $amount } yuan.
acct-err-not-approver = Only an owners' committee member or the community officer records a maintenance-fund approval. Nothing was changed.
acct-err-not-proposer = Only an owners' committee member proposes an emergency or small-repair expense. Nothing was changed.
acct-err-own-proposal = Whoever proposed it cannot approve it: the community officer must.
acct-err-not-office = Only the community officer approves or refuses an emergency expense. Nothing was changed.
acct-em-gone = That proposal does not exist.
acct-em-decided = That proposal was already decided.
acct-em-card =
    🚨 Emergency / small-repair expense #{ $id } · { $compound }
    { $kind }: { $amount } yuan
    Why: { $reason }
    Proposed by: { $proposer } (owners' committee)
    Once approved, finance can cite it when recording the expense.
acct-btn-approve = ✅ Approve
acct-btn-refuse = ❌ Refuse
acct-em-approved = ✅ Approved as approval #{ $approval }
acct-em-refused = ❌ Refused
acct-em-decided-notice = Your proposal #{ $id }: { $outcome } ({ $officer }).
acct-em-proposed = Proposal #{ $id } sent; waiting for the community officer.
acct-review-closed =
    🧾 Entry · { $compound }
    { $card }
    Recorded by: { $recorder }
    { $state }
acct-btn-details = 🔍 Details and receipts
acct-cmd-category = List or add account categories (e.g. EV charging)
acct-category-added = Added the category "{ $name }" under { $kind }; it is offered when recording.
acct-category-line = { $kind }: { $names }
acct-categories =
    Account categories of { $compound }:
    { $lines }
    Add one: /category ACCOUNT NAME, e.g. /category revenue EV charging.
acct-cmd-ceiling = Show or set the largest amount one entry may have (admin)
acct-ceiling-now = The largest amount of one entry in { $compound }: { $ceiling } yuan. Set it with /ceiling 500,000.
acct-ceiling-set = The largest amount of one entry in { $compound } changed from { $before } to { $ceiling } yuan.
acct-vote-spent = Spending on this vote's decision (approval #{ $approval }, up to ¥{ $approved }) made public: #{ $id } ¥{ $amount }, { $purpose }
acct-statement =
    📒 Open accounts · { $compound } · { $kind } · { $period }
    Opening balance: ¥{ $opening }
    Income ¥{ $income_total }:
    { $income }
    Spending ¥{ $spending_total }:
    { $spending }
    Closing balance: ¥{ $closing }
    Largest entries:
    { $largest }
    This statement is never changed once posted; corrections show in the next one.
acct-stmt-line = · { $category }: ¥{ $amount }
acct-stmt-entry = · #{ $id } { $date } { $sign }¥{ $amount } { $purpose }
acct-stmt-year = { $year }
acct-stmt-chart = { $kind } · { $period }: income and spending by category, balance over twelve months
acct-stmt-chart-in = Income
acct-stmt-chart-out = Spending
acct-stmt-chart-by-category = This period's income and spending by category (¥)
acct-stmt-chart-balance = Month-end balance over twelve months (¥)
acct-cmd-csv = Export the whole journal (CSV for Excel; add gbk for old Excel)
acct-csv-caption = { $compound }: the whole journal ({ $encoding }), pending and rejected entries included.
