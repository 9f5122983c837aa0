## Assessment
as-cmd-indicators = Assessment indicators (this month, a month or a quarter)
as-cmd-feerate = Enter the fee collection rate
as-ind-denied = Only admins, the party branch, the community office and the owners' committee can see the assessment indicators.
as-fee-denied = Only admins and the community office can enter the fee collection rate.
as-fee-usage = Usage: /feerate rate [month or quarter], e.g. /feerate 93.5 2026-Q4 or /feerate 95% 11. The rate is a number from 0 to 100 with at most two decimals.
as-period-bad = I cannot read that period. Write a month (2026-11 or 11) or a quarter (2026-Q4 or Q4); nothing means this month.
as-which-compound = Which compound?
as-period-month = { $year }-{ $month }
as-period-quarter = Q{ $quarter } { $year }
as-category = · { $category }: { $count }
as-none = · none yet
as-fee-set = Fee collection rate of "{ $compound }" for { $period } recorded: { $value }% (was { $before }).
as-indicators =
    Assessment of "{ $compound }", { $period }
    Tickets: { $tickets } ({ $per100 } per 100 households, { $households } households)
    By category:
    { $categories }
    Time to accept: median { $accept_median } h, 90% within { $accept_p90 } h
    Time to resolve: median { $resolve_median } h, 90% within { $resolve_p90 } h
    Resolved within SLA: { $within_sla }%; reopened: { $reopen }%
    Escalated to the party branch { $l2 } times, to the community office { $l3 } times
    Ratings: mean { $mean } stars, 4 stars or more { $four }% ({ $ratings } ratings)
    Disputes settled by mediation: { $mediated }
    Volunteer points awarded: { $points }
    Volunteering: { $hours } h, duty shifts covered { $coverage }%; vote turnout: { $turnout }%
    Fee collection rate: { $fee }%

as-cmd-score = Assessment score (this month, a month or a quarter)
as-cmd-scheme = Assessment scheme (the community office may change next quarter's)
as-score-line = "{ $compound }", { $period }: { $score } points ({ $state })
as-score-open = provisional, frozen at the period's end
as-score-closed = frozen
as-score-insufficient = insufficient data, not ranked
as-scheme-denied = Only the community office can change the assessment scheme.
as-scheme-many = You look after several communities; change the scheme from an account of one community.
as-scheme-no-community = This compound does not belong to a community yet; the scheme is set by the community.
as-scheme-usage = Usage: /scheme code weight good bad, e.g. /scheme within_sla 30 100 60. The weight is 0 to 100; the codes are listed by /scheme.
as-scheme-set = Changed, in force from { $period }; this quarter and closed quarters keep their scheme.
as-scheme-item = · { $name } ({ $code }): weight { $weight }, good { $good }, bad { $bad }
as-scheme =
    Assessment scheme in force for { $period }
    { $items }
    A compound with fewer than { $tickets } tickets or { $ratings } ratings shows "insufficient data" and is not ranked.
as-name-within-sla = Resolved within SLA (%)
as-name-mean-rating = Mean rating (stars)
as-name-resolve-median = Median time to resolve (h)
as-name-reopen-rate = Reopen rate (%)
as-name-per-100 = Tickets per 100 households
as-name-fee-rate = Fee collection rate (%)

as-why-one = { $a }
as-why-two = { $a }, { $b }
as-list-item = · { $compound }: { $score } points ({ $why })
as-list =
    Property service red and black list, { $period }
    🔴 Red list
    { $red }
    ⚫ Black list
    { $black }
    Insufficient data, not ranked: { $unranked }
as-score-rank = { "  " }Place { $place } of { $of } ranked in the community
as-score-gain = { "  " }Most to gain: { $name }, up to { $points } points at its good level
as-list-chart = { $period } red and black list: each compound's score (red: red list, black: black list)
as-list-all =
    Property service red and black list of every compound (all communities together), { $period }
    🔴 Red list
    { $red }
    ⚫ Black list
    { $black }
    Too little data, not ranked: { $unranked }
as-cmd-monthly = Monthly report (this month or a given one): charts and CSV
as-monthly =
    { $indicators }{ $balances }
    Oldest tickets still open:
    { $open }
as-month-open-line = · #{ NUMBER($number, useGrouping: 0) } { $category } · level { $level } · { $days } days
as-month-not-quarter = The report is by month: give a month, e.g. /monthly 2026-11.
as-month-chart = { $compound }, { $period }: this month's tickets by category; time to resolve and ratings over six months
as-month-chart-categories = This month's tickets by category
as-month-chart-hours = Median hours to resolve
as-month-chart-stars = Mean rating (stars)
as-month-csv = { $compound }: the indicators of the last six months (CSV, opens in Excel)
as-month-denied = Only admins, the party branch, the community office and the owners' committee can see the assessment indicators.
as-month-balances = { "" }
    Public account balances:
    { $lines }
as-month-balance = · { $account }: ¥{ $amount }
