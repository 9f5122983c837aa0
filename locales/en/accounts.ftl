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
